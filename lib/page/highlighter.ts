import { type DrawnMark, type MarkOverlay, createMarkOverlay } from './mark-overlay';
import { type NearViewport, createNearViewport } from './near-viewport';
import { sliceNearViewport } from './mark-slice';
import { type RangeBounds, boundsFromOffsets, rangeFromBounds } from './text-map';
import type { MappedText } from './types';

/**
 * Paints spans with the CSS Custom Highlight API: named highlights `plainsight-<category>` in the
 * document's highlight registry. Nothing in the page's DOM changes; `removeAll()` takes every
 * highlight this painter added back out of the registry.
 *
 * Ranges are staged, then committed to the registry in one go. Every change to a registered
 * highlight makes the browser work out the paint of all registered ranges again at the next frame:
 * 7,300 ranges added in chunks over many frames cost Chromium about a second of pre-paint and
 * paint, against 25 ms when they arrive in one task. Past `EAGER_RANGES`, even that one frame
 * takes 100 ms or more, so only the ranges of blocks near the viewport are registered, and blocks
 * come and go as the reader scrolls. A block holding more than `BLOCK_SLICE` marks (one paragraph of
 * a megabyte can hold 30,000) registers only its marks on and just around the screen (see
 * `sliceNearViewport`), whatever the page's size: Chromium paints every registered range of a text
 * node again after any change to the DOM, so what the page's own changes cost must not grow with
 * the number of marks.
 *
 * Marks are held as bounds (numbers), and a live `Range` exists only while a mark is registered:
 * Chromium updates every live range of the document on each DOM change too. A mark in a very long
 * text node is not registered at all but drawn on an overlay of ours (`LONG_TEXT`, `createMarkOverlay`).
 *
 * The registry is shared with the page, which may clear it (`CSS.highlights.clear()`), delete our
 * names or empty our highlights. Every `GUARD_MS` the painter checks its entries (a map read per
 * name, whatever the number of marks) and puts back what went missing.
 */
export interface PaintedSpan {
  start: number;
  end: number;
  /** The highlight is named `plainsight-<category>` (in a very long text, the mark is drawn instead: see `LONG_TEXT`). */
  category: string;
}

export interface Highlighter {
  /** Finds where the spans stand and holds them for `commit()`; returns that in order (null where a span has no DOM position). */
  stage(mapped: MappedText, spans: readonly PaintedSpan[]): (RangeBounds | null)[];
  /** Puts the staged ranges in the registry, in one go. */
  commit(): void;
  /** Shows a range under `plainsight-flash` for a moment. */
  flash(range: Range, ms?: number): void;
  removeAll(): void;
}

export const HIGHLIGHT_PREFIX = 'plainsight-';
/**
 * A mark in a text node at least this long is drawn on our overlay (see `createMarkOverlay`), in
 * colour alone, never registered as a highlight: Chromium repaints every text node holding a
 * highlight after any change to the page's DOM, and in a paragraph of a megabyte that repaint of
 * the marks on screen cost more than the busy page's own work (bench:hostile). Real paragraphs are
 * a few thousand characters at most, and keep their highlights and underlines.
 */
export const LONG_TEXT = 20_000;

/** Up to this many ranges, all are registered; beyond it, only those near the viewport. */
export const EAGER_RANGES = 1500;
/** A block with more marks than this registers only those near the viewport, whatever the page's size. */
export const BLOCK_SLICE = 100;
/** How often the registry is checked for entries the page took out. */
export const GUARD_MS = 250;

interface Mark {
  /** Null for a mark of a very long text, drawn on the overlay instead (`LONG_TEXT`). */
  highlight: Highlight | null;
  category: string;
  bounds: RangeBounds;
  /** Set while the mark is registered. */
  range: Range | null;
  /** Set while the mark is drawn on the overlay. */
  drawn: DrawnMark | null;
}

export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView;
  const registry = view?.CSS?.highlights;
  const HighlightClass = view?.Highlight;
  const owned = new Map<string, Highlight>();
  let staged: { category: string; bounds: RangeBounds }[] = [];
  /** Every committed mark, by the element holding its start: the unit that comes and goes. */
  const blocks = new Map<Element, Mark[]>();
  let committed = 0;
  /** Set once the page holds more than `EAGER_RANGES`: registers the blocks near the viewport. */
  let near: NearViewport | null = null;
  const shown = new Set<Element>();
  /** The marks `[from, to)` registered for each block past `BLOCK_SLICE`. */
  const slices = new Map<Element, [number, number]>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  /** Each highlight's size after our last change: smaller means the page emptied it. */
  const sizes = new Map<Highlight, number>();
  let guard: number | undefined;
  /** One range reused to measure marks that are not registered. */
  let probe: Range | null = null;
  /** Made when the first mark of a very long text is shown. */
  let overlay: MarkOverlay | null = null;

  const highlightFor = (name: string): Highlight | null => {
    if (!registry || !HighlightClass) return null;
    let highlight = owned.get(name);
    if (!highlight) {
      highlight = new HighlightClass();
      owned.set(name, highlight);
      registry.set(name, highlight);
      guard ??= view!.setInterval(restore, GUARD_MS);
    }
    return highlight;
  };

  const noteSizes = (marks: readonly Mark[]) => {
    for (const { highlight } of marks) if (highlight) sizes.set(highlight, highlight.size);
  };
  // Firefox 140 breaks chained `add(a).add(b)`; add one range at a time.
  const show = (marks: readonly Mark[]) => {
    const toDraw: Mark[] = [];
    for (const mark of marks) {
      if (!mark.highlight) {
        if (!mark.drawn) toDraw.push(mark);
        continue;
      }
      mark.range ??= rangeFromBounds(mark.bounds, doc);
      if (mark.range) mark.highlight.add(mark.range);
    }
    noteSizes(marks);
    if (toDraw.length === 0) return;
    overlay ??= createMarkOverlay(doc);
    overlay.draw(toDraw).forEach((drawn, i) => (toDraw[i]!.drawn = drawn));
  };
  const hide = (marks: readonly Mark[]) => {
    const drawn: DrawnMark[] = [];
    for (const mark of marks) {
      if (mark.range) mark.highlight?.delete(mark.range);
      mark.range = null;
      if (mark.drawn) drawn.push(mark.drawn);
      mark.drawn = null;
    }
    noteSizes(marks);
    overlay?.erase(drawn);
  };

  /** Puts back the registry entries the page deleted, and the ranges of highlights it emptied. */
  const restore = () => {
    try {
      for (const [name, highlight] of owned) if (registry!.get(name) !== highlight) registry!.set(name, highlight);
      const emptied = new Set([...sizes].filter(([highlight, size]) => highlight.size < size).map(([highlight]) => highlight));
      if (emptied.size === 0) return;
      for (const [block, marks] of blocks)
        show(visibleMarks(block, marks).filter((mark) => mark.highlight !== null && emptied.has(mark.highlight)));
    } catch (error) {
      console.warn('[plainsight]', error instanceof Error ? error.message : error);
    }
  };

  /** The block's marks that are registered now. */
  const visibleMarks = (block: Element, marks: Mark[]): Mark[] => {
    if (near && !shown.has(block)) return [];
    const slice = slices.get(block);
    return slice ? marks.slice(...slice) : marks;
  };

  /** A mark's box in viewport coordinates, registered or not. */
  const rectOf = (mark: Mark): DOMRect | null => {
    if (mark.range) return mark.range.getBoundingClientRect();
    probe ??= doc.createRange();
    return rangeFromBounds(mark.bounds, doc, probe)?.getBoundingClientRect() ?? null;
  };

  /** The marks of a block, in reading order, on or just around the screen. */
  const nearSlice = (marks: readonly Mark[]): [number, number] =>
    sliceNearViewport(marks.length, (i) => rectOf(marks[i]!), view!.innerHeight || doc.documentElement.clientHeight);

  /** Registers a big block's marks near the viewport and unregisters those that left. */
  const reslice = (block: Element, marks: Mark[]) => {
    const before: [number, number] = slices.get(block) ?? (shown.has(block) ? [0, marks.length] : [0, 0]);
    const after = nearSlice(marks);
    const outside = ([a, b]: [number, number], [c, d]: [number, number]) => marks.slice(a, b).filter((_, i) => a + i < c || a + i >= d);
    hide(outside(before, after));
    show(outside(after, before));
    slices.set(block, after);
    shown.add(block);
  };

  const onNear = (nearBlocks: Element[], leftBlocks: Element[]) => {
    for (const block of leftBlocks) {
      hide(visibleMarks(block, blocks.get(block) ?? []));
      shown.delete(block);
      slices.delete(block);
    }
    for (const block of nearBlocks) {
      const marks = blocks.get(block) ?? [];
      if (marks.length > BLOCK_SLICE) reslice(block, marks);
      else if (!shown.has(block)) {
        shown.add(block);
        show(marks);
      }
    }
  };

  /** From now on only blocks near the viewport keep their ranges registered. */
  const startWindowing = () => {
    near = createNearViewport(doc, onNear);
    for (const highlight of owned.values()) highlight.clear();
    overlay?.clear();
    for (const marks of blocks.values()) for (const mark of marks) [mark.range, mark.drawn] = [null, null];
    sizes.clear();
    near.track([...blocks.keys()]);
  };

  return {
    stage(mapped, spans) {
      return spans.map((span) => {
        const bounds = boundsFromOffsets(mapped, span.start, span.end);
        if (bounds) staged.push({ category: span.category, bounds });
        return bounds;
      });
    },
    commit() {
      const fresh = staged;
      staged = [];
      if (!registry || !HighlightClass) return;
      const added: Mark[] = [];
      const newBlocks: Element[] = [];
      /** Set when a block holds more than `BLOCK_SLICE` marks: windowing starts, however few marks the page has. */
      let crowded = false;
      // A text node's element and length are read once per commit: a DOM read costs a content
      // script a microsecond or more, and a long page has thousands of marks in a few hundred nodes.
      const places = new Map<Text, { block: Element | null; long: boolean }>();
      for (const { category, bounds } of fresh) {
        const node = bounds.startContainer;
        let place = places.get(node);
        if (!place) {
          place = { block: node.parentElement, long: node.length >= LONG_TEXT };
          places.set(node, place);
        }
        const { block, long } = place;
        if (!block) continue;
        const mark: Mark = { highlight: long ? null : highlightFor(`${HIGHLIGHT_PREFIX}${category}`)!, category, bounds, range: null, drawn: null };
        const marks = blocks.get(block);
        if (marks) marks.push(mark);
        else {
          blocks.set(block, [mark]);
          newBlocks.push(block);
        }
        crowded ||= (marks?.length ?? 1) > BLOCK_SLICE;
        // A sliced block's new marks wait for the next look at the viewport (`near.track` below asks for one).
        if (!near || (shown.has(block) && !slices.has(block))) added.push(mark);
      }
      committed += added.length;
      if (!near && (committed > EAGER_RANGES || crowded) && view?.ResizeObserver) return startWindowing();
      show(added);
      near?.track(newBlocks);
    },
    flash(range, ms = 1600) {
      const highlight = highlightFor(`${HIGHLIGHT_PREFIX}flash`);
      if (!highlight) return;
      highlight.clear();
      highlight.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => highlight.clear(), ms);
    },
    removeAll() {
      clearTimeout(flashTimer);
      view?.clearInterval(guard);
      guard = undefined;
      sizes.clear();
      near?.disconnect();
      near = null;
      staged = [];
      blocks.clear();
      shown.clear();
      slices.clear();
      committed = 0;
      probe = null;
      overlay?.remove();
      overlay = null;
      for (const [name, highlight] of owned) if (registry?.get(name) === highlight) registry.delete(name);
      owned.clear();
    },
  };
}
