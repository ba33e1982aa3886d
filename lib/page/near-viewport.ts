import { watchPageSize } from './size-changes';

/**
 * Which of many elements stand near the viewport, for a page too large to paint whole. Their boxes
 * are read (reads only, so at most one layout) when first tracked and again after the page's
 * layout changes, a few milliseconds' worth per frame; scrolling only compares numbers. An
 * IntersectionObserver over thousands of targets costs Chromium 20 ms or more per frame; this
 * costs a scan of an array.
 */
export interface NearViewport {
  /** Adds elements to watch; the next update reports those near the viewport. */
  track(elements: readonly Element[]): void;
  /** The element's box in document coordinates, as of the last measurement. */
  box(element: Element): DocumentBox | undefined;
  disconnect(): void;
}

export interface DocumentBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Calls `update` after the first slice of measuring, then once new elements or, after a resize,
 * all are measured, and once per frame after a scroll, with every tracked
 * element within one viewport height above or below the viewport (`near`) and those that were
 * near at the previous call and no longer are (`left`). While `everywhere()` holds, every element
 * with a box counts as near.
 */
/** An element with no box (hidden, detached) is never near. */
const NO_BOX: DocumentBox = { top: -Infinity, bottom: -Infinity, left: 0, right: 0 };
/** Elements measured between two looks at the clock. */
const MEASURE_BATCH = 64;
/** How long measuring may take in one task. */
const MEASURE_SLICE_MS = 6;

export function createNearViewport(
  doc: Document,
  update: (near: Element[], left: Element[]) => void,
  everywhere: () => boolean = () => false,
): NearViewport {
  const view = doc.defaultView!;
  const elements: Element[] = [];
  const boxes = new Map<Element, DocumentBox>();
  let near = new Set<Element>();
  /** Elements still to be measured, oldest first; all of them again after the layout changes. */
  let queue: Element[] = [];
  let frame = 0;
  let soon: number | undefined;
  /** Set by a scroll until the next report. */
  let scrolled = false;
  let reported = false;

  /** Measures queued elements for at most a slice of the frame; returns whether any are left. */
  const measure = (): boolean => {
    const { scrollX, scrollY } = view;
    const started = performance.now();
    let done = 0;
    while (done < queue.length) {
      // Reads only, so the layout is worked out once for the whole batch.
      const batch = queue.slice(done, done + MEASURE_BATCH);
      const rects = batch.map((element) => element.getBoundingClientRect());
      batch.forEach((element, i) => {
        const r = rects[i]!;
        boxes.set(element, r.width === 0 && r.height === 0 ? NO_BOX : { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left + scrollX, right: r.right + scrollX });
      });
      done += batch.length;
      if (performance.now() - started > MEASURE_SLICE_MS) break;
    }
    queue = queue.slice(done);
    return queue.length > 0;
  };

  const run = () => {
    frame = 0;
    view.clearTimeout(soon);
    soon = undefined;
    // A page of thousands of blocks is measured over a few tasks, never in one long task. What is
    // near is reported after the first slice (the top of the page shows at once), then once all
    // are measured, or at once after a scroll: each report changes the highlights, and the browser
    // then pre-paints the whole page again (25-60 ms a frame on bench:page's large page), so a
    // report per slice cost that many times over.
    const more = measure();
    if (more) soon = view.setTimeout(run, 0);
    if (more && !scrolled && reported) return;
    scrolled = false;
    reported = true;
    const height = view.innerHeight || doc.documentElement.clientHeight;
    const all = everywhere();
    const from = all ? -Infinity : view.scrollY - height;
    const to = all ? Infinity : view.scrollY + 2 * height;
    const now = new Set<Element>();
    for (const element of elements) {
      const box = boxes.get(element);
      if (box && box !== NO_BOX && box.bottom >= from && box.top <= to) now.add(element);
    }
    const left = [...near].filter((element) => !now.has(element));
    near = now;
    update([...now], left);
  };

  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(run);
  };
  const relayout = () => {
    queue = [...elements]; // boxes measured before stay in use until measured again
    schedule();
  };
  const resize = watchPageSize(doc, relayout);
  const listening = new AbortController();
  view.addEventListener(
    'scroll',
    () => {
      scrolled = true;
      schedule();
    },
    { passive: true, signal: listening.signal },
  );
  view.addEventListener('resize', relayout, { passive: true, signal: listening.signal });

  return {
    track(more) {
      elements.push(...more);
      queue.push(...more);
      // New elements are first measured in a task of their own, not in an animation frame: there
      // the forced layout and our reads came on top of the browser's paint of the new highlights,
      // one task of 40 to 140 ms on bench:page's large page. Scrolls still update in the frame.
      soon ??= view.setTimeout(run, 0);
    },
    box: (element) => boxes.get(element),
    disconnect() {
      if (frame) view.cancelAnimationFrame(frame);
      frame = 0;
      view.clearTimeout(soon);
      soon = undefined;
      resize.stop();
      listening.abort();
      elements.length = 0;
      queue = [];
      boxes.clear();
      near.clear();
    },
  };
}
