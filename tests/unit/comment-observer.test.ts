import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeAdditions } from '../../lib/page/comment-observer';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/** The batched observer on a quiet page and on a busy one (a ticker that never lets it be quiet). */

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

const later = globalThis.setTimeout.bind(globalThis);
const wait = (ms: number) => new Promise((r) => later(r, ms));

function setUp() {
  page = loadPage('<!doctype html><html><body><div id="ticker"></div><div id="list"></div></body></html>');
  const doc = page.document;
  const batches: number[] = [];
  const started = performance.now();
  const watcher = observeAdditions(doc.body, () => batches.push(performance.now() - started));
  const add = () => {
    const comment = doc.createElement('div');
    comment.innerHTML = '<b>Ann</b> <span>A comment that arrived late.</span>';
    doc.getElementById('list')!.append(comment);
  };
  return { doc, batches, watcher, add };
}

describe('the comment observer', () => {
  it('reports additions once, after a quiet spell', async () => {
    const { batches, watcher, add } = setUp();
    add();
    add();
    await wait(300);
    expect(batches).toHaveLength(1);
    watcher.disconnect();
  });

  it('ignores text alone: a ticker rewriting its figure is no addition', async () => {
    const { doc, batches, watcher } = setUp();
    for (let i = 0; i < 5; i++) doc.getElementById('ticker')!.textContent = String(i);
    await wait(300);
    expect(batches).toEqual([]);
    watcher.disconnect();
  });

  it('ignores a counter or a clock that replaces its own small element', async () => {
    const { doc, batches, watcher } = setUp();
    const ticker = doc.getElementById('ticker')!;
    for (let i = 0; i < 5; i++) ticker.innerHTML = `<span>${i}</span><time>12:01:0${i}</time>`;
    await wait(300);
    expect(batches).toEqual([]);
    watcher.disconnect();
  });

  it('on a page that is never quiet, still reports within the longest wait', async () => {
    const { doc, batches, watcher, add } = setUp();
    const ticker = doc.getElementById('ticker')!;
    const tick = setInterval(() => (ticker.innerHTML = `<b>${Date.now()}</b>`), 50);
    add();
    await wait(800);
    clearInterval(tick);
    watcher.disconnect();
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]).toBeLessThan(700);
  });

  it('arms a timer or two per batch, not one per change, on a page that changes every few milliseconds', async () => {
    const { batches, watcher, add } = setUp();
    const armed = vi.spyOn(globalThis, 'setTimeout');
    try {
      for (let i = 0; i < 30; i++) {
        add();
        await wait(5);
      }
      expect(armed.mock.calls.length).toBeLessThanOrEqual(4);
      await wait(300);
      expect(batches.length).toBeGreaterThanOrEqual(1);
      expect(armed.mock.calls.length).toBeLessThanOrEqual(8);
    } finally {
      armed.mockRestore();
      watcher.disconnect();
    }
  });
});
