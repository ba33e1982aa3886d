import type { StepDirection } from '../messages';
import { firstIndexWhere } from './mark-slice';
import { type RangeBounds, boundsFromOffsets, compareStarts, rangeFromBounds } from './text-map';
import type { MappedText } from './types';

/**
 * The places the keyboard moves through: every place where shown marks start, in the order the
 * page reads, and which one the next or previous step reaches. Places are held as bounds, not live
 * ranges, and found on the screen by bisection: a paragraph of a megabyte holds 30,000 of them.
 */
export interface MarkStop {
  mapped: MappedText;
  start: number;
  /** The place's words: the shortest mark starting there. */
  bounds: RangeBounds;
}

/** Every place where the given marks start, in reading order. */
export function markStops(lists: Iterable<[MappedText, readonly { start: number; end: number }[]]>): MarkStop[] {
  const out: MarkStop[] = [];
  for (const [mapped, list] of lists) {
    const ends = new Map<number, number>();
    for (const { start, end } of list) ends.set(start, Math.min(end, ends.get(start) ?? end));
    for (const [start, end] of ends) {
      const bounds = boundsFromOffsets(mapped, start, end);
      if (bounds) out.push({ mapped, start, bounds });
    }
  }
  return out.sort((a, b) => compareStarts(a.bounds, b.bounds));
}

/**
 * The stop a step reaches: the one after (or before) the last one reached, round at the ends; from
 * nowhere yet, the first below the top of the viewport (or the last above its bottom). Stops are in
 * reading order, so their tops grow down the page and a bisection finds where the viewport stands.
 */
export function nextStop(
  stops: readonly MarkStop[],
  last: { mapped: MappedText; start: number } | null,
  direction: StepDirection,
  viewportHeight: number,
  doc: Document,
): number {
  const at = last ? stops.findIndex((s) => s.mapped === last.mapped && s.start === last.start) : -1;
  if (at >= 0) return (at + (direction === 'next' ? 1 : stops.length - 1)) % stops.length;
  const probe = doc.createRange();
  const top = (i: number) => rangeFromBounds(stops[i]!.bounds, doc, probe)?.getBoundingClientRect().top ?? -Infinity;
  const firstWhere = (past: (top: number) => boolean) => firstIndexWhere(stops.length, (i) => past(top(i)));
  if (direction === 'next') return firstWhere((t) => t >= 0) % stops.length;
  return Math.max(0, firstWhere((t) => t >= viewportHeight) - 1);
}
