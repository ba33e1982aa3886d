import type { MappedText } from './types';
import { rangeFromOffsets } from './text-map';

/**
 * Paints spans with the CSS Custom Highlight API: named highlights `plainsight-<category>` in the
 * document's highlight registry. Nothing in the page's DOM changes, and `removeAll()` takes every
 * highlight this painter added back out.
 */
export interface PaintedSpan {
  start: number;
  end: number;
  category: string;
}

export interface Highlighter {
  paint(mapped: MappedText, spans: readonly PaintedSpan[]): void;
  removeAll(): void;
}

export const HIGHLIGHT_PREFIX = 'plainsight-';

export function createHighlighter(doc: Document): Highlighter {
  const registry = doc.defaultView?.CSS?.highlights;
  const HighlightClass = doc.defaultView?.Highlight;
  const owned = new Map<string, Highlight>();
  return {
    paint(mapped, spans) {
      if (!registry || !HighlightClass) return;
      for (const span of spans) {
        const range = rangeFromOffsets(mapped, span.start, span.end, doc);
        if (!range) continue;
        const name = `${HIGHLIGHT_PREFIX}${span.category}`;
        let highlight = owned.get(name);
        if (!highlight) {
          highlight = new HighlightClass();
          owned.set(name, highlight);
          registry.set(name, highlight);
        }
        // Firefox 140 breaks chained `add(a).add(b)`; add one at a time.
        highlight.add(range);
      }
    },
    removeAll() {
      for (const [name, highlight] of owned) if (registry?.get(name) === highlight) registry.delete(name);
      owned.clear();
    },
  };
}
