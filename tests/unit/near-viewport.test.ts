import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNearViewport } from '../../lib/page/near-viewport';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/**
 * Which elements stand near the viewport, on a happy-dom page whose boxes the test sets (happy-dom
 * lays nothing out): paragraph i stands at i × 20 px, the viewport is 800 px high.
 */

let loaded: LoadedPage | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await loaded?.close();
  loaded = undefined;
});

describe('elements near the viewport', () => {
  it('are reported after the first slice of measuring, then once every new element is measured, not after each slice', async () => {
    loaded = loadPage(`<!doctype html><html><body>${Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}</p>`).join('')}</body></html>`);
    const doc = loaded.document;
    const view = doc.defaultView as Window & typeof globalThis;
    Object.defineProperty(view, 'innerHeight', { value: 800, configurable: true });
    // Each box read takes a millisecond: a slice of measuring reads a batch, and five batches are needed.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const paragraphs = [...doc.querySelectorAll('p')];
    paragraphs.forEach((p, i) => {
      p.getBoundingClientRect = () => {
        clock += 1;
        return new view.DOMRect(0, i * 20, 100, 20);
      };
    });
    const reports: number[] = [];
    const near = createNearViewport(doc, (list) => reports.push(list.length));
    near.track(paragraphs);
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The first slice (64 paragraphs), then every paragraph that meets −800…1600 px (one viewport
    // above and below): paragraphs 0 to 80.
    expect(reports).toEqual([64, 81]);
    expect(clock).toBe(300);
    near.disconnect();
  });
});
