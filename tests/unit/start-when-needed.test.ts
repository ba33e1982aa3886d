import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentApp } from '../../lib/page/content-app';
import { followPage } from '../../lib/page/follow-page';
import { type PageApp, startWhenNeeded } from '../../lib/page/start-when-needed';
import { type LoadedPage, loadPage } from '../fixtures/dom';
import { disqusPage, listingPage, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';

/**
 * The content script's first decision, made on every page: the app is loaded only where there is
 * something to do (an article in the top frame; any frame, which may hold a comment thread).
 */

const seed = readSeed();
let loaded: LoadedPage | undefined;
afterEach(async () => {
  await loaded?.close();
  loaded = undefined;
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 0));

/** An app module that records its starts, loaded by a counted `loadApp`. */
function fakeApp(load: (app: PageApp) => Promise<PageApp> = async (app) => app) {
  const starts: { isTopFrame: boolean; destroyed: boolean }[] = [];
  const app: PageApp = {
    start(_doc, isTopFrame): ContentApp {
      const started = { isTopFrame, destroyed: false };
      starts.push(started);
      return { destroy: () => void (started.destroyed = true) };
    },
  };
  const loadApp = vi.fn(() => load(app));
  return { starts, loadApp };
}

describe('starting only where there is something to do', () => {
  it('never loads the app on a top-level page with no article', async () => {
    loaded = loadPage(listingPage());
    const { starts, loadApp } = fakeApp();
    startWhenNeeded(loaded.document, true, loadApp).destroy();
    await settle();
    expect(loadApp).not.toHaveBeenCalled();
    expect(starts).toEqual([]);
  });

  it('loads and starts the app on an article', async () => {
    loaded = loadPage(wordpressPage(seed));
    const { starts, loadApp } = fakeApp();
    const app = startWhenNeeded(loaded.document, true, loadApp);
    await settle();
    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(starts).toEqual([{ isTopFrame: true, destroyed: false }]);
    app.destroy();
    expect(starts[0]!.destroyed).toBe(true);
  });

  it('loads the app in a frame with no article: a comment thread (Disqus) may be there, or come later', async () => {
    loaded = loadPage(listingPage());
    const { starts, loadApp } = fakeApp();
    startWhenNeeded(loaded.document, false, loadApp);
    await settle();
    expect(starts).toEqual([{ isTopFrame: false, destroyed: false }]);
  });

  it('does not start an app that arrives after the page moved on', async () => {
    loaded = loadPage(disqusPage(seed));
    let arrive: () => void = () => {};
    const { starts, loadApp } = fakeApp((app) => new Promise((resolve) => (arrive = () => resolve(app))));
    startWhenNeeded(loaded.document, true, loadApp).destroy();
    arrive();
    await settle();
    expect(loadApp).toHaveBeenCalledTimes(1);
    expect(starts).toEqual([]);
  });

  it('lets no failure to load reach the page', async () => {
    loaded = loadPage(wordpressPage(seed));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    startWhenNeeded(loaded.document, true, () => Promise.reject(new Error('Extension context invalidated.')));
    startWhenNeeded(loaded.document, true, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'getURL')");
    });
    await settle();
    expect(warn).toHaveBeenCalledWith('[plainsight]', 'Extension context invalidated.');
    expect(warn).toHaveBeenCalledWith('[plainsight]', "Cannot read properties of undefined (reading 'getURL')");
  });

  it('loads the app when a single-page site moves from a listing to an article', async () => {
    loaded = loadPage(listingPage());
    const doc = loaded.document;
    const view = doc.defaultView!;
    const { starts, loadApp } = fakeApp();
    const stop = followPage(view, () => startWhenNeeded(doc, true, loadApp), () => false, 50);
    await new Promise((r) => setTimeout(r, 100));
    expect(loadApp).not.toHaveBeenCalled();
    view.history.pushState({}, '', '/an-article');
    doc.body.innerHTML = `<article>${seed.paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>`;
    await vi.waitFor(() => expect(starts).toHaveLength(1), { timeout: 5_000 });
    stop();
    expect(starts[0]!.destroyed).toBe(true);
  });
});
