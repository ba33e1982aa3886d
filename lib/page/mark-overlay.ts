import { type OwnHost, createOwnHost } from './own-host';
import { watchPageSize } from './size-changes';
import { type RangeBounds, rangeFromBounds } from './text-map';

/**
 * Marks in a very long text node (`LONG_TEXT`), drawn as boxes of our own over the text rather
 * than registered as highlights. Chromium rebuilds every highlight marker after any change to the
 * DOM, wherever it happens, and repaints each text node holding one
 * (`HighlightRegistry::ValidateHighlightMarkers`, third_party/blink/renderer/core/highlight): on a
 * page ticking a clock 4 to 60 times a second, the 300 marks on screen in a paragraph of a megabyte
 * were painted again at every tick, 2 to 5 times the page's own main-thread time (bench:hostile;
 * the cost follows the marks painted, not the node's length, nor the kind of range). Boxes of ours
 * are painted once and left alone by changes elsewhere; they are measured again only when the
 * page's size changes. They live in a closed shadow root (see `createOwnHost`), take no pointer
 * events, and have the look of a long text's marks: colour alone, no underline.
 */
export interface MarkOverlay {
  /** Draws the marks, reading all their boxes before writing any; returns one handle each, for `erase`. */
  draw(marks: readonly { bounds: RangeBounds; category: string }[]): DrawnMark[];
  erase(marks: readonly DrawnMark[]): void;
  /** Takes every box off, the overlay staying. */
  clear(): void;
  remove(): void;
}

export interface DrawnMark {
  bounds: RangeBounds;
  look: Look;
  boxes: HTMLElement[];
}

type Look = 'claim' | 'claim-sourced' | 'technique' | 'comment';

/** The colours of highlights.css, a little stronger to make up for the missing underline. */
const STYLE = `
:host { all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; pointer-events: none !important; }
.mark { position: absolute; pointer-events: none; }
.claim { background-color: rgb(66 133 244 / 0.24); }
.claim-sourced { background-color: rgb(100 116 139 / 0.16); }
.technique { background-color: rgb(245 158 11 / 0.3); }
.comment { background-color: rgb(220 38 38 / 0.24); }
`;

export function lookOf(category: string): Look {
  if (category === 'claim' || category === 'claim-sourced') return category;
  return category.startsWith('comment-') ? 'comment' : 'technique';
}

export function createMarkOverlay(doc: Document): MarkOverlay {
  const view = doc.defaultView!;
  const host: OwnHost = createOwnHost(doc, 'plainsight-overlay', STYLE);
  const drawn = new Set<DrawnMark>();
  let probe: Range | null = null;
  let frame = 0;

  /** Each mark's boxes in the overlay's coordinates: reads only, so at most one layout. */
  const measure = (list: readonly { bounds: RangeBounds }[]): DOMRect[][] => {
    host.ensureAttached();
    const origin = host.host.getBoundingClientRect();
    return list.map(({ bounds }) => {
      probe = rangeFromBounds(bounds, doc, probe ?? doc.createRange());
      const rects = probe ? [...probe.getClientRects()] : [];
      return rects.filter((r) => r.width > 0 && r.height > 0).map((r) => new view.DOMRect(r.left - origin.left, r.top - origin.top, r.width, r.height));
    });
  };

  const boxesOf = (look: Look, rects: readonly DOMRect[]): HTMLElement[] =>
    rects.map((r) => {
      const box = doc.createElement('div');
      box.className = `mark ${look}`;
      box.style.cssText = `left:${r.x}px;top:${r.y}px;width:${r.width}px;height:${r.height}px`;
      return box;
    });

  /** After the page's size changed, the text may have moved: every box is measured again. */
  const redraw = () => {
    frame = 0;
    const marks = [...drawn];
    const rects = measure(marks);
    marks.forEach((mark, i) => {
      for (const box of mark.boxes) box.remove();
      mark.boxes = boxesOf(mark.look, rects[i]!);
      host.shadow.append(...mark.boxes);
    });
  };
  const resize = watchPageSize(doc, () => {
    if (!frame) frame = view.requestAnimationFrame(redraw);
  });

  return {
    draw(list) {
      const rects = measure(list);
      const marks = list.map(({ bounds, category }, i) => {
        const look = lookOf(category);
        const mark: DrawnMark = { bounds, look, boxes: boxesOf(look, rects[i]!) };
        drawn.add(mark);
        return mark;
      });
      host.shadow.append(...marks.flatMap((m) => m.boxes));
      return marks;
    },
    erase(marks) {
      for (const mark of marks) {
        for (const box of mark.boxes) box.remove();
        drawn.delete(mark);
      }
    },
    clear() {
      for (const mark of drawn) for (const box of mark.boxes) box.remove();
      drawn.clear();
    },
    remove() {
      view.cancelAnimationFrame(frame);
      resize.stop();
      drawn.clear();
      probe = null;
      host.remove();
    },
  };
}
