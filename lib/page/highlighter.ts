import { rangeFromOffsets } from './text-map';
import type { MappedText } from './types';

/**
 * Paints spans with the CSS Custom Highlight API: named highlights `plainsight-<category>` in the
 * document's highlight registry. Nothing in the page's DOM changes; `removeAll()` takes every
 * highlight this painter added back out of the registry.
 */
export interface PaintedSpan {
  start: number;
  end: number;
  /** The highlight is named `plainsight-<category>`. */
  category: string;
}

export interface Highlighter {
  /** Paints the spans and returns their ranges, in order (null where a span has no DOM position). */
  paint(mapped: MappedText, spans: readonly PaintedSpan[]): (Range | null)[];
  /** Shows a range under `plainsight-flash` for a moment. */
  flash(range: Range, ms?: number): void;
  removeAll(): void;
}

export const HIGHLIGHT_PREFIX = 'plainsight-';

export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView;
  const registry = view?.CSS?.highlights;
  const HighlightClass = view?.Highlight;
  const owned = new Map<string, Highlight>();
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const highlightFor = (name: string): Highlight | null => {
    if (!registry || !HighlightClass) return null;
    let highlight = owned.get(name);
    if (!highlight) {
      highlight = new HighlightClass();
      owned.set(name, highlight);
      registry.set(name, highlight);
    }
    return highlight;
  };

  return {
    paint(mapped, spans) {
      return spans.map((span) => {
        const range = rangeFromOffsets(mapped, span.start, span.end, doc);
        // Firefox 140 breaks chained `add(a).add(b)`; add one range at a time.
        if (range) highlightFor(`${HIGHLIGHT_PREFIX}${span.category}`)?.add(range);
        return range;
      });
    },
    flash(range, ms = 1600) {
      const name = `${HIGHLIGHT_PREFIX}flash`;
      const highlight = highlightFor(name);
      if (!highlight) return;
      highlight.clear();
      highlight.add(range);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => highlight.clear(), ms);
    },
    removeAll() {
      clearTimeout(flashTimer);
      for (const [name, highlight] of owned) if (registry?.get(name) === highlight) registry.delete(name);
      owned.clear();
    },
  };
}
