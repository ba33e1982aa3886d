/**
 * Brings a mark to the middle of the viewport, for the reader's shortcut and the popup's "show
 * me". Its element is scrolled into view first, which also brings it out of any scrolling box it
 * sits in; but a paragraph taller than the viewport (one of a megabyte is 200,000 px) then shows
 * its own middle, far from the mark, so the window scrolls on until the mark itself is centred.
 * Instant, not smooth, so that the mark's box can be read at once, and the marks around it are
 * registered in the same frame (see `sliceNearViewport`).
 */
export function scrollToRange(range: Range, view: Window): void {
  const element = range.startContainer.parentElement ?? view.document.body;
  element.scrollIntoView({ block: 'center', behavior: 'instant' });
  const rect = range.getBoundingClientRect();
  if (rect.bottom >= 0 && rect.top <= view.innerHeight) return;
  view.scrollBy({ top: rect.top + rect.height / 2 - view.innerHeight / 2, behavior: 'instant' });
}
