import type { FoundComment, MappedText } from './types';

/**
 * Pages re-render what they already show (a framework replacing the article's or the thread's
 * nodes by identical new ones). What was read from the old nodes is then moved onto the new ones,
 * never read again as new: these two tell which is which.
 */

/** Whether text was read from nodes still in the page: after a re-render, they are not. */
export function isAttached(mapped: MappedText): boolean {
  return mapped.segments.every((segment) => segment.node.isConnected);
}

/**
 * Each comment's identity across re-renders: its author and text, and which repeat of them it is
 * in the thread (two readers may both write "+1"). Nodes change; these do not.
 */
export function commentKeys(found: readonly FoundComment[]): string[] {
  const seen = new Map<string, number>();
  return found.map(({ author, text }) => {
    const base = `${author}\u0000${text}`;
    const repeat = seen.get(base) ?? 0;
    seen.set(base, repeat + 1);
    return `${base}\u0000${repeat}`;
  });
}
