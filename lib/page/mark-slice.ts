/**
 * Which of a block's marks to register when the block holds too many to register all: those on
 * the screen and a little around it. Chromium paints every registered range of a text node again
 * after any change to the DOM (a busy page's clock, its ticker), a tenth of a millisecond per
 * range in a paragraph of a megabyte; 600 ranges registered there (a viewport above and below)
 * made each change of the page cost 65 ms of paint; the cost is per range painted, not per
 * character of the node. bench:hostile's page shows about 270 marks on one screen, 300 with this
 * margin; the margin is small because a scroll re-slices before the frame it paints.
 */

/** How far above and below the viewport marks stay registered, as a share of its height. */
export const SLICE_MARGIN = 0.1;

/**
 * The marks `[from, to)`, of `count` marks in reading order, whose boxes meet the viewport grown
 * by `SLICE_MARGIN`; found by two binary searches, so a block of 30,000 marks reads about 30 boxes.
 * `rectAt(i)` is mark i's box in viewport coordinates, null when it has none.
 */
export function sliceNearViewport(count: number, rectAt: (index: number) => DOMRect | null, viewportHeight: number): [number, number] {
  const margin = viewportHeight * SLICE_MARGIN;
  const where = (past: (rect: DOMRect) => boolean) => (i: number) => {
    const rect = rectAt(i);
    return rect !== null && past(rect);
  };
  const from = firstIndexWhere(count, where((rect) => rect.bottom >= -margin));
  return [from, Math.max(from, firstIndexWhere(count, where((rect) => rect.top > viewportHeight + margin)))];
}

/** The first of `count` indices where `past` holds, `past` being false and then true along them (a bisection); `count` when none. */
export function firstIndexWhere(count: number, past: (index: number) => boolean): number {
  let [low, high] = [0, count];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (past(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
