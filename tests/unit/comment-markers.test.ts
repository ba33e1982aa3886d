import { afterEach, describe, expect, it } from 'vitest';
import { EAGER_MARKERS, createCommentMarkers } from '../../lib/page/comment-markers';
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

function setUp(comments: number) {
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
  const markers = createCommentMarkers(doc);
  markers.add(authors.map((anchor) => ({ anchor, flags: ['Insult'], onFocus() {}, onBlur() {} })));
  const shown = () =>
    [...doc.querySelector('plainsight-markers')!.shadowRoot!.querySelectorAll<HTMLElement>('.marker')]
      .filter((m) => !m.hidden)
      .map((m) => Number.parseInt(m.style.top, 10) / 100);
  const scrollTo = (y: number) => {
    scroll = y;
    view.dispatchEvent(new view.Event('scroll'));
  };
  const frame = () => new Promise((resolve) => view.requestAnimationFrame(() => resolve(null)));
  return { doc, markers, shown, scrollTo, frame };
}

describe('comment markers', () => {
  it('shows a labelled marker beside every author on a page of ordinary size', async () => {
    const { doc, markers, shown, frame } = setUp(30);
    await frame();
    expect(shown()).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const first = doc.querySelector('plainsight-markers')!.shadowRoot!.querySelector<HTMLElement>('.marker')!;
    expect(first.getAttribute('aria-label')).toBe('Plainsight flags this comment: Insult');
    expect(first.style.left).toBe('106px'); // right edge of the author (20 + 80) + 6
    markers.removeAll();
    expect(doc.querySelector('plainsight-markers')).toBeNull();
  });

  it('on a page with many flagged comments, makes and shows only the markers near the reader', async () => {
    const { doc, shown, scrollTo, frame } = setUp(EAGER_MARKERS + 200);
    await frame();
    // Viewport 0–800 px and one viewport above and below: authors whose box meets −800…1600 px.
    expect(shown()).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(doc.querySelector('plainsight-markers')!.shadowRoot!.querySelectorAll('.marker').length).toBe(17);
    scrollTo(25_000);
    await frame();
    expect(shown()).toEqual(Array.from({ length: 25 }, (_, i) => 242 + i));
  });
});
