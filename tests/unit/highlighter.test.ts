import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_SLICE, EAGER_RANGES, GUARD_MS, LONG_TEXT, createHighlighter } from '../../lib/page/highlighter';
import { SLICE_MARGIN } from '../../lib/page/mark-slice';
import { mapText } from '../../lib/page/text-map';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/**
 * The highlighter on happy-dom, which has no highlight registry and no layout: a registry and a
 * `Highlight` class stand in for the browser's, and paragraphs get boxes 100 px apart, so what is
 * registered where the reader stands can be checked.
 */

class FakeHighlight extends Set<Range> {}

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

function setUp(paragraphs: number) {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p id="p${i}">Paragraph ${i} says the budget grew by ${i} percent.</p>`).join('');
  page = loadPage(`<!doctype html><html><body><article>${body}</article></body></html>`);
  const doc = page.document;
  const view = doc.defaultView as Window & typeof globalThis;
  const registry = new Map<string, FakeHighlight>();
  Object.defineProperty(view, 'Highlight', { value: FakeHighlight, configurable: true });
  Object.defineProperty(view, 'CSS', { value: { highlights: registry }, configurable: true });
  let scroll = 0;
  Object.defineProperty(view, 'scrollY', { get: () => scroll, configurable: true });
  Object.defineProperty(view, 'innerHeight', { value: 800, configurable: true });
  doc.querySelectorAll('p').forEach((p, i) => {
    p.getBoundingClientRect = () => new view.DOMRect(0, i * 100 - scroll, 600, 50);
  });
  const mapped = mapText(doc.querySelector('article')!);
  // One mark per paragraph, on its figure.
  const spans = [...mapped.text.matchAll(/grew by \d+ percent/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, category: 'claim' }));
  const scrollTo = (y: number) => {
    scroll = y;
    view.dispatchEvent(new view.Event('scroll'));
  };
  return { doc, view, registry, mapped, spans, scrollTo };
}

/**
 * The boxes our overlay draws, read from its closed shadow root (caught as it is attached). Boxes
 * are placed against the overlay, which stands at the top of the document: `scroll` places it.
 */
function drawnOn(view: Window & typeof globalThis, scroll: () => number) {
  const roots: ShadowRoot[] = [];
  const attach = view.Element.prototype.attachShadow;
  view.Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    if (this.localName === 'plainsight-overlay') {
      roots.push(root);
      this.getBoundingClientRect = () => new view.DOMRect(0, -scroll(), 0, 0);
    }
    return root;
  };
  view.Range.prototype.getClientRects = function (this: Range) {
    return [this.getBoundingClientRect()] as unknown as DOMRectList;
  };
  const boxes = () => roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('.mark')]);
  return {
    boxes,
    tops: () => boxes().map((box) => parseFloat(box.style.top)),
    style: () => roots[0]?.querySelector('style')?.textContent ?? '',
  };
}

const frame = (view: Window) => new Promise((resolve) => view.requestAnimationFrame(() => resolve(null)));
const registeredParagraphs = (registry: Map<string, FakeHighlight>) =>
  [...(registry.get('plainsight-claim') ?? [])].map((r) => (r.startContainer.parentElement as Element).id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

describe('the highlighter', () => {
  it('registers nothing until commit, then every range of a page of ordinary size at once', () => {
    const { doc, registry, mapped, spans } = setUp(20);
    const highlighter = createHighlighter(doc);
    const ranges = highlighter.stage(mapped, spans);
    expect(ranges.every((r) => r !== null)).toBe(true);
    expect(registry.size).toBe(0);
    highlighter.commit();
    expect(registry.get('plainsight-claim')?.size).toBe(20);
    expect([...registry.get('plainsight-claim')!][3]!.toString()).toBe('grew by 3 percent');
    highlighter.removeAll();
    expect(registry.size).toBe(0);
  });

  it('on a page with more marks than it paints at once, keeps registered only those near the viewport, and follows the reader', async () => {
    const count = EAGER_RANGES + 500;
    const { doc, view, registry, mapped, spans, scrollTo } = setUp(count);
    expect(spans).toHaveLength(count);
    const highlighter = createHighlighter(doc);
    highlighter.stage(mapped, spans);
    highlighter.commit();
    // The tracker reads boxes a few milliseconds per frame: on a busy machine that takes more frames.
    const settled = () => expect.poll(async () => (await frame(view), registeredParagraphs(registry)), { timeout: 10_000, interval: 0 });
    // Viewport 0–800 px, one viewport above and below: paragraphs whose box meets −800…1600 px.
    await settled().toEqual(Array.from({ length: 17 }, (_, i) => `p${i}`));

    scrollTo(150_000);
    await settled().toSatisfy((near: string[]) => near[0] === 'p1492');
    const near = registeredParagraphs(registry);
    expect(near[0]).toBe('p1492');
    expect(near.at(-1)).toBe('p1516');
    expect(near).not.toContain('p0');

    highlighter.removeAll();
    expect(registry.size).toBe(0);
    scrollTo(0);
    await frame(view);
    expect(registry.size).toBe(0);
  });

  it('keeps committing in place once the page is windowed: late marks near the viewport show at once', async () => {
    const count = EAGER_RANGES + 100;
    const { doc, view, registry, mapped, spans } = setUp(count);
    const highlighter = createHighlighter(doc);
    highlighter.stage(mapped, spans.slice(1));
    highlighter.commit();
    // What is near is known once every block is measured, over a few tasks.
    await vi.waitFor(() => expect(registeredParagraphs(registry)).toHaveLength(16));
    expect(registeredParagraphs(registry)).not.toContain('p0');
    highlighter.stage(mapped, spans.slice(0, 1));
    highlighter.commit();
    await vi.waitFor(() => expect(registeredParagraphs(registry)).toContain('p0'));
    expect(registeredParagraphs(registry)).toHaveLength(17);
  });

  it('puts back what the page takes out of the registry: its entries, and the ranges of a highlight it empties', async () => {
    const { view, registry, mapped, spans } = setUp(5);
    const highlighter = createHighlighter(view.document);
    highlighter.stage(mapped, spans);
    highlighter.commit();
    const ours = registry.get('plainsight-claim')!;
    registry.clear();
    await new Promise((r) => setTimeout(r, GUARD_MS + 50));
    expect(registry.get('plainsight-claim')).toBe(ours);
    ours.clear();
    await new Promise((r) => setTimeout(r, GUARD_MS + 50));
    expect(registeredParagraphs(registry)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    highlighter.removeAll();
    expect(registry.size).toBe(0);
  });

  it.each([
    ['thousands of marks', EAGER_RANGES + 500],
    ['a few hundred marks, on a page too small to window otherwise', BLOCK_SLICE * 3],
  ])('in one paragraph holding %s, keeps painted only the marks on and just around the screen', async (_, count) => {
    const sentence = (i: number) => `Figure ${String(i).padStart(4, '0')} grew by 9 percent. `; // 31 characters
    page = loadPage(`<!doctype html><html><body><article><p>${Array.from({ length: count }, (_, i) => sentence(i)).join('')}</p></article></body></html>`);
    const doc = page.document;
    const view = doc.defaultView as Window & typeof globalThis;
    const registry = new Map<string, FakeHighlight>();
    Object.defineProperty(view, 'Highlight', { value: FakeHighlight, configurable: true });
    Object.defineProperty(view, 'CSS', { value: { highlights: registry }, configurable: true });
    let scroll = 0;
    Object.defineProperty(view, 'scrollY', { get: () => scroll, configurable: true });
    Object.defineProperty(view, 'innerHeight', { value: 800, configurable: true });
    // One sentence, one 20 px line.
    doc.querySelector('p')!.getBoundingClientRect = () => new view.DOMRect(0, -scroll, 600, count * 20);
    view.Range.prototype.getBoundingClientRect = function (this: Range) {
      return new view.DOMRect(0, Math.floor(this.startOffset / 31) * 20 - scroll, 100, 16);
    };
    const overlay = drawnOn(view, () => scroll);
    const mapped = mapText(doc.querySelector('article')!);
    const spans = [...mapped.text.matchAll(/grew by \d+ percent/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, category: 'claim' }));
    const highlighter = createHighlighter(doc);
    highlighter.stage(mapped, spans);
    highlighter.commit();
    // A paragraph of LONG_TEXT characters or more is drawn on the overlay (see below), a shorter one registered.
    const long = count * 31 >= LONG_TEXT;
    const lines = () =>
      (long ? overlay.tops().map((top) => top / 20) : [...(registry.get('plainsight-claim') ?? [])].map((r) => Math.floor(r.startOffset / 31))).sort((a, b) => a - b);
    const settled = () => expect.poll(async () => (await frame(view), lines()), { timeout: 10_000, interval: 0 });
    // Viewport 0–800 px and a tenth of it above and below: the lines that meet −80…880 px.
    const margin = 800 * SLICE_MARGIN;
    const near = () => Array.from({ length: count }, (_, i) => i).filter((i) => i * 20 - scroll + 16 >= -margin && i * 20 - scroll <= 800 + margin);
    await settled().toEqual(near());
    expect(lines().length).toBeLessThan(BLOCK_SLICE);
    scroll = count * 10;
    view.dispatchEvent(new view.Event('scroll'));
    await settled().toEqual(near());
    expect(lines()[0]).toBe(Math.ceil((count * 10 - margin - 16) / 20));
    highlighter.removeAll();
    expect(registry.size).toBe(0);
    expect(doc.querySelector('plainsight-overlay')).toBeNull();
  });

  it("draws the marks of a very long text over it, in colour alone, and registers none: the page's DOM changes never repaint them", () => {
    const { doc, view, registry } = setUp(1);
    const overlay = drawnOn(view, () => 0);
    const long = doc.createElement('p');
    long.textContent = 'The budget grew by 9 percent. '.repeat(Math.ceil(LONG_TEXT / 30));
    doc.querySelector('article')!.append(long);
    let line = 0;
    view.Range.prototype.getBoundingClientRect = () => new view.DOMRect(0, 20 * line++, 100, 16);
    const mapped = mapText(doc.querySelector('article')!);
    const highlighter = createHighlighter(doc);
    highlighter.stage(mapped, [...mapped.text.matchAll(/grew by \d+ percent/g)].slice(0, 3).map((m) => ({ start: m.index, end: m.index + m[0].length, category: 'claim' })));
    highlighter.commit();
    // The short paragraph's mark is a highlight; the long one's two are boxes of ours.
    expect([...registry.keys()]).toEqual(['plainsight-claim']);
    expect(registry.get('plainsight-claim')?.size).toBe(1);
    expect(overlay.tops()).toHaveLength(2);
    expect(overlay.boxes().every((box) => box.classList.contains('claim'))).toBe(true);
    expect(overlay.style()).toMatch(/\.claim \{ background-color/);
    expect(overlay.style()).not.toMatch(/text-decoration|text-shadow/);
    highlighter.removeAll();
    expect(registry.size).toBe(0);
    expect(doc.querySelector('plainsight-overlay')).toBeNull();

    // highlights.css keeps no look for the long text's marks, which are no highlights any more.
    const css = readFileSync(new URL('../../entrypoints/content/highlights.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).not.toMatch(/plainsight-long-/);
  });
});
