import type { StepDirection } from '../messages';
import { rangeFromOffsets } from './text-map';
import type { MappedText } from './types';

/**
 * The places the keyboard moves through: every place where shown marks start, in the order the
 * page reads, and which one the next or previous step reaches.
 */
export interface MarkStop {
  mapped: MappedText;
  start: number;
  /** The place's words: the shortest mark starting there. */
  range: Range;
}

/** Every place where the given marks start, in reading order. */
export function markStops(lists: Iterable<[MappedText, readonly { start: number; end: number }[]]>, doc: Document): MarkStop[] {
  const out: MarkStop[] = [];
  for (const [mapped, list] of lists) {
    const ends = new Map<number, number>();
    for (const { start, end } of list) ends.set(start, Math.min(end, ends.get(start) ?? end));
    for (const [start, end] of ends) {
      const range = rangeFromOffsets(mapped, start, end, doc);
      if (range) out.push({ mapped, start, range });
    }
  }
  return out.sort((a, b) => a.range.compareBoundaryPoints(0 /* Range.START_TO_START */, b.range));
}

/**
 * The stop a step reaches: the one after (or before) the last one reached, round at the ends; from
 * nowhere yet, the first below the top of the viewport (or the last above its bottom).
 */
export function nextStop(
  stops: readonly MarkStop[],
  last: { mapped: MappedText; start: number } | null,
  direction: StepDirection,
  viewportHeight: number,
): number {
  const at = last ? stops.findIndex((s) => s.mapped === last.mapped && s.start === last.start) : -1;
  if (at >= 0) return (at + (direction === 'next' ? 1 : stops.length - 1)) % stops.length;
  const tops = stops.map((s) => s.range.getBoundingClientRect().top);
  return direction === 'next' ? Math.max(0, tops.findIndex((t) => t >= 0)) : Math.max(0, tops.findLastIndex((t) => t < viewportHeight));
}
