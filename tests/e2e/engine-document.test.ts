import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';
import { BUILDS, launchChromiumUnwatched, stopServiceWorker, tabIdOf, unpackedExtensionId } from './browsers';
import { type FixtureServer, serveFixtures } from './server';

/**
 * Chrome stops an idle service worker after 30 seconds. Plainsight's engine lives in an offscreen
 * document that stays up meanwhile (lib/background/engine-document.ts), so a page opened while the
 * worker sleeps is annotated by an engine that is compiled already, and the worker, woken by the
 * engine's report, still fills the popup. Firefox keeps the engine in its event page (no such
 * document): Chromium only.
 */

/** The extension API as the package's pages see it, as far as these tests use it. */
declare const chrome: {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  offscreen: { closeDocument(): Promise<void> };
};

const seed = readSeed();
const QATAR = 'Qatar';

describe('in chromium, the engine document', () => {
  let browser: Browser;
  let server: FixtureServer;
  let extension: Page; // an extension page about no tab: reaches the extension's APIs
  const origin = `chrome-extension://${unpackedExtensionId(BUILDS.chromium)}`;

  beforeAll(async () => {
    server = await serveFixtures({ '/seed': wordpressPage(seed) });
    browser = await launchChromiumUnwatched();
    extension = await browser.newPage();
    await extension.goto(`${origin}/popup.html?tab=-1`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const engineDocuments = () =>
    extension.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);

  async function paintedSeed(): Promise<{ page: Page }> {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/seed`);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('plainsight-painted').length), { timeout: 20_000 }).toBeGreaterThan(0);
    return { page };
  }

  async function popupListsQatar(page: Page): Promise<boolean> {
    const tabId = await tabIdOf(extension, page.url());
    const popup = await browser.newPage();
    await popup.goto(`${origin}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main.popup:not([aria-busy])');
    const text = await popup.$eval('main', (m) => m.textContent ?? '');
    await popup.close();
    return text.includes(QATAR);
  }

  it('is up once the worker has started, and annotates pages', async () => {
    await expect.poll(engineDocuments, { timeout: 10_000 }).toBe(1);
    const { page } = await paintedSeed();
    await expect.poll(() => popupListsQatar(page), { timeout: 10_000 }).toBe(true);
    await page.close();
  }, 60_000);

  it('answers a page opened while the worker is stopped, and the woken worker fills the popup', async () => {
    await stopServiceWorker(browser);
    expect(await engineDocuments()).toBe(1); // the document outlives the worker
    const { page } = await paintedSeed();
    await expect.poll(() => popupListsQatar(page), { timeout: 10_000 }).toBe(true);
    await page.close();
  }, 60_000);

  it('is started again when it was closed, and the page that found nobody to answer is still annotated', async () => {
    await extension.evaluate(() => chrome.offscreen.closeDocument());
    expect(await engineDocuments()).toBe(0);
    const { page } = await paintedSeed();
    expect(await engineDocuments()).toBe(1);
    await expect.poll(() => popupListsQatar(page), { timeout: 10_000 }).toBe(true);
    await page.close();
  }, 60_000);
});
