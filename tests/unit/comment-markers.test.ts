import { afterEach, describe, expect, it } from 'vitest';
import { EAGER_MARKERS, createCommentMarkers, spot } from '../../lib/page/comment-markers';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/**
 * Markers on happy-dom, which has no layout: authors get boxes 100 px apart (the viewport is
 * 800 px high), so what is shown where the reader stands can be checked.
 */

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

function setUp(comments: number, { frames = true } = {}) {
  const body = Array.from({ length: comments }, (_, i) => `<div class="comment"><span class="author" id="a${i}">Reader ${i}</span><p>Comment ${i}</p></div>`).join('');
  page = loadPage(`<!doctype html><html><body>${body}</body></html>`);
  const doc = page.document;
  const view = doc.defaultView as Window & typeof globalThis;
  let scroll = 0;
  Object.defineProperty(view, 'scrollY', { get: () => scroll, configurable: true });
  Object.defineProperty(view, 'innerHeight', { value: 800, configurable: true });
  const authors = [...doc.querySelectorAll('.author')];
  authors.forEach((a, i) => {
    a.getBoundingClientRect = () => new view.DOMRect(20, i * 100 - scroll, 80, 16);
  });
  // The overlay's shadow root is closed to the page: the test keeps the one it attaches.
  const roots: ShadowRoot[] = [];
  const attach = view.HTMLElement.prototype.attachShadow;
  view.HTMLElement.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  };
  // happy-dom lays nothing out: the page is 1024 px wide and each marker 60 × 18 px.
  Object.defineProperty(doc.documentElement, 'clientWidth', { configurable: true, value: 1024 });
  Object.defineProperty(view.HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 60 });
  Object.defineProperty(view.HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 18 });
  if (!frames) view.requestAnimationFrame = () => 0;
  const markers = createCommentMarkers(doc);
  markers.add(authors.map((anchor) => ({ anchor, beside: true, flags: ['Insult'], onFocus() {}, onBlur() {} })));
  const shown = () =>
    [...roots[0]!.querySelectorAll<HTMLElement>('.marker')]
      .filter((m) => !m.hidden)
      .map((m) => Number.parseInt(m.style.top, 10) / 100);
  const scrollTo = (y: number) => {
    scroll = y;
    view.dispatchEvent(new view.Event('scroll'));
  };
  const frame = () => new Promise((resolve) => view.requestAnimationFrame(() => resolve(null)));
  // New anchors are first measured in a task of their own; scrolls are followed in a frame.
  const task = () => new Promise((resolve) => view.setTimeout(resolve, 0));
  return { doc, markers, shown, scrollTo, frame, task, root: () => roots[0]! };
}

describe('where a marker stands', () => {
  const size = [{ width: 60, height: 18 }];
  it.each([
    ['right of the author, when it fits', { top: 100, bottom: 116, left: 20, right: 100 }, true, { left: 106, top: 100 }],
    ['left of the author, when the page ends right of it', { top: 100, bottom: 116, left: 900, right: 1000 }, true, { left: 834, top: 100 }],
    ['in the margin left of a comment without author', { top: 300, bottom: 400, left: 80, right: 1010 }, false, { left: 14, top: 300 }],
    // The bug of issue #12: a full-width comment without author had its marker at x=1286 on a 1280-px page.
    ['just above a full-width comment without author, inside the page', { top: 300, bottom: 400, left: 0, right: 1280 }, false, { left: 4, top: 280 }],
    ['above the author, when neither side has room', { top: 100, bottom: 116, left: 30, right: 1000 }, true, { left: 30, top: 80 }],
  ])('%s', (_what, box, beside, expected) => {
    expect(spot(box, beside, size, 1024)).toEqual(expected);
  });

  it('never leaves the page, however wide the markers', () => {
    const at = spot({ top: 10, bottom: 20, left: 0, right: 1024 }, false, [{ width: 300, height: 18 }, { width: 300, height: 18 }], 1024);
    expect(at.left).toBeGreaterThanOrEqual(4);
    expect(at.left + 606).toBeLessThanOrEqual(1020);
  });
});

describe('comment markers', () => {
  it('shows a labelled marker beside every author on a page of ordinary size', async () => {
    const { doc, markers, shown, task, root } = setUp(30);
    await task();
    expect(shown()).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(doc.querySelector('plainsight-markers')!.shadowRoot).toBeNull();
    const first = root().querySelector<HTMLElement>('.marker')!;
    expect(first.getAttribute('aria-label')).toBe('Plainsight flags this comment: Insult');
    expect(first.style.left).toBe('106px'); // right edge of the author (20 + 80) + 6
    markers.removeAll();
    expect(doc.querySelector('plainsight-markers')).toBeNull();
  });

  it('on a page with many flagged comments, makes and shows only the markers near the reader', async () => {
    const { shown, scrollTo, frame, task, root } = setUp(EAGER_MARKERS + 200);
    await task();
    // Viewport 0–800 px and one viewport above and below: authors whose box meets −800…1600 px.
    expect(shown()).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(root().querySelectorAll('.marker').length).toBe(17);
    scrollTo(25_000);
    await frame();
    expect(shown()).toEqual(Array.from({ length: 25 }, (_, i) => 242 + i));
  });

  it('places new markers in a task of their own, not in an animation frame with the page\'s paint', async () => {
    // No frame comes: the first placing must not wait for one.
    const { shown, task } = setUp(3, { frames: false });
    await task();
    expect(shown()).toEqual([0, 1, 2]);
  });

  it('puts its overlay back when the page removes it', async () => {
    const { doc, shown, frame, task } = setUp(3);
    await task();
    doc.querySelector('plainsight-markers')!.remove();
    await frame();
    await frame();
    expect(doc.querySelectorAll('plainsight-markers')).toHaveLength(1);
    expect(shown()).toEqual([0, 1, 2]);
  });
});
