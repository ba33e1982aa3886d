import { afterEach, describe, expect, it } from 'vitest';
import { followPage } from '../../lib/page/follow-page';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/** The content script's lifecycle: it follows the address and the extension, never events in the page. */

let page: LoadedPage | null = null;
afterEach(async () => {
  await page?.close();
  page = null;
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setUp(cutOff = () => false) {
  page = loadPage('<!doctype html><html><body><article><p>One.</p></article></body></html>');
  const view = page.document.defaultView!;
  const apps: { destroyed: boolean }[] = [];
  const stop = followPage(
    view,
    () => {
      const app = { destroyed: false, destroy: () => (app.destroyed = true) };
      apps.push(app);
      return app;
    },
    cutOff,
    50,
  );
  return { view, apps, stop };
}

describe('following the page', () => {
  it('starts again, once the page has settled, when a single-page site changes address', async () => {
    const { view, apps, stop } = setUp();
    view.history.pushState({}, '', '/second');
    await wait(500);
    expect(apps.map((a) => a.destroyed)).toEqual([true, false]);
    stop();
    expect(apps[1]!.destroyed).toBe(true);
  });

  it('ignores events the page dispatches, whatever their name', async () => {
    const { view, apps, stop } = setUp();
    for (const type of ['wxt:locationchange', 'plainsight@plainsight.invalid:content:wxt:content-script-started', 'popstate'])
      view.dispatchEvent(new view.Event(type));
    await wait(200);
    expect(apps.map((a) => a.destroyed)).toEqual([false]);
    stop();
  });

  it('stops when the extension is gone', async () => {
    let gone = false;
    const { apps } = setUp(() => gone);
    gone = true;
    await wait(120);
    expect(apps.map((a) => a.destroyed)).toEqual([true]);
  });
});
