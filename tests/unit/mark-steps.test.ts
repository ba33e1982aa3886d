import { afterEach, describe, expect, it } from 'vitest';
import { markStops, nextStop } from '../../lib/page/mark-steps';
import { mapText, rangeFromBounds } from '../../lib/page/text-map';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/**
 * The keyboard's stops, held as bounds: in reading order across texts and nodes, and the first
 * one from where the reader stands found by bisection (happy-dom has no layout: each 31-character
 * sentence is given a 20 px line).
 */

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

const sentence = (i: number) => `Figure ${String(i).padStart(4, '0')} grew by 9 percent. `; // 31 characters

describe('the keyboard stops', () => {
  it('are in reading order, whichever text lists them first and in whatever order', () => {
    page = loadPage(`<!doctype html><html><body><article><p>${sentence(0)}${sentence(1)}</p><p>${sentence(2)}</p></article><aside><p>${sentence(3)}</p></aside></body></html>`);
    const doc = page.document;
    const article = mapText(doc.querySelector('article')!);
    const aside = mapText(doc.querySelector('aside')!);
    const marks = (text: string) => [...text.matchAll(/Figure \d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })).reverse();
    const stops = markStops([
      [aside, marks(aside.text)],
      [article, marks(article.text)],
    ]);
    expect(stops.map((s) => rangeFromBounds(s.bounds, doc)!.toString())).toEqual(['Figure 0000', 'Figure 0001', 'Figure 0002', 'Figure 0003']);
  });

  it('start from the first below the top of the viewport, or the last above its bottom, in a paragraph of thousands', () => {
    const count = 5_000;
    page = loadPage(`<!doctype html><html><body><article><p>${Array.from({ length: count }, (_, i) => sentence(i)).join('')}</p></article></body></html>`);
    const doc = page.document;
    const view = doc.defaultView as Window & typeof globalThis;
    const scroll = 40_000; // line 2,000 at the top of an 800 px viewport
    let measured = 0;
    view.Range.prototype.getBoundingClientRect = function (this: Range) {
      measured++;
      return new view.DOMRect(0, Math.floor(this.startOffset / 31) * 20 - scroll, 100, 16);
    };
    const mapped = mapText(doc.querySelector('article')!);
    const stops = markStops([[mapped, [...mapped.text.matchAll(/Figure \d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }))]]);
    expect(nextStop(stops, null, 'next', 800, doc)).toBe(2_000);
    expect(nextStop(stops, null, 'previous', 800, doc)).toBe(2_039);
    expect(measured).toBeLessThan(40);
    expect(nextStop(stops, { mapped, start: stops[0]!.start }, 'previous', 800, doc)).toBe(count - 1);
  });
});
