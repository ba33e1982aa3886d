import type { Span } from './types';

/** Small helpers over spans shared by the engine's passes. */

export function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Of spans of the same category, keeps one per place: a span inside another of its category goes. */
export function dedupe<T extends Span & { category: string }>(spans: T[]): T[] {
  const kept: T[] = [];
  const widest = new Map<string, number>();
  for (const span of sortSpans(spans)) {
    if ((widest.get(span.category) ?? -1) >= span.end) continue;
    widest.set(span.category, span.end);
    kept.push(span);
  }
  return kept;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
