import type { Span } from './types';

/** Small helpers over spans shared by the engine's passes. */

export function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Of marks of the same category, keeps one per place: where one lies inside another, the surer
 * of the two stays (the wider on a tie), so a sure cue is never hidden behind a doubtful mark
 * around it ("ridiculous" inside scare quotes).
 */
export function dedupe<T extends Span & { category: string; confidence: number }>(spans: T[]): T[] {
  const kept: T[] = [];
  const byCategory = new Map<string, T[]>();
  const nested = (a: Span, b: Span) => (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
  for (const span of [...spans].sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    const same = byCategory.get(span.category);
    if (same?.some((k) => nested(k, span))) continue;
    push(byCategory, span.category, span);
    kept.push(span);
  }
  return sortSpans(kept);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
