import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disqusPage, listingPage, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, readHighlights } from './browsers';
import { type FixtureServer, serveFixtures } from './server';

/**
 * The content script is a small first script that decides, and loads the app only where there is
 * something to do (lib/page/start-when-needed.ts): what it costs a page with no article, and that
 * every place with something to do still gets its marks.
 */

const seed = readSeed();

/** "Show comments": the thread is taken out as the page loads and put back 1.5 s later. */
const THREAD_LATER = `<script>
const area = document.getElementById('comments');
const parent = area.parentNode;
const next = area.nextSibling;
area.remove();
setTimeout(() => parent.insertBefore(area, next), 1500);
</script>`;

describe.each<BrowserName>(['chromium', 'firefox'])('in %s', (name) => {
  let browser: ExtensionBrowser;
  let site: FixtureServer;
  let frames: FixtureServer;

  beforeAll(async () => {
    frames = await serveFixtures({ '/thread': disqusPage(seed) });
    site = await serveFixtures({
      '/seed': wordpressPage(seed),
      '/listing': listingPage(),
      '/thread-later': wordpressPage(seed).replace('</body>', () => `${THREAD_LATER}</body>`),
      // A strict policy: the page's own scripts from its origin only. The app arrives all the same (extensions are not the page's to block).
      '/strict-policy': wordpressPage(seed).replace('<head>', () => `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`),
      '/listing-with-thread': listingPage().replace('</body>', () => `<iframe id="thread" src="${frames.origin}/thread" style="width:100%;height:1200px;border:0"></iframe></body>`),
    });
    browser = await launchWithExtension(name);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await frames?.close();
  });

  /** Opens a page and lists the extension scripts Chromium compiles in it (by the DevTools protocol), with their sizes. */
  async function openCounting(path: string): Promise<{ page: Page; scripts: { url: string; length: number }[] }> {
    const page = await browser.browser.newPage();
    const scripts: { url: string; length: number }[] = [];
    const cdp = await page.createCDPSession();
    cdp.on('Debugger.scriptParsed', ({ url, length }) => {
      if (url.startsWith('chrome-extension:')) scripts.push({ url, length: length ?? 0 });
    });
    await cdp.send('Debugger.enable');
    await page.goto(`${site.origin}${path}`);
    return { page, scripts };
  }

  // Chromium tells which scripts it compiled; Firefox's puppeteer does not, so the check exists in Chromium only (registered, not skipped).
  const chromiumOnly = name === 'chromium' ? it : () => undefined;
  chromiumOnly('on a page with no article, compiles only a first script of a few kB, and the app on an article', async () => {
    const listing = await openCounting('/listing');
    await new Promise((r) => setTimeout(r, 1500));
    expect(listing.scripts.map((s) => new URL(s.url).pathname)).toEqual(['/content-scripts/content.js']);
    expect(listing.scripts[0]!.length).toBeLessThan(8_000);
    await listing.page.close();
    const article = await openCounting('/seed');
    await expect.poll(() => article.scripts.map((s) => new URL(s.url).pathname), { timeout: 10_000 }).toContain('/page-app.js');
    await article.page.close();
  }, 30_000);

  it('marks an article', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${site.origin}/seed`);
    await expect.poll(async () => (await readHighlights(page))['plainsight-comment-insult'] ?? [], { timeout: 10_000 }).toContain('a$$holes');
    await page.close();
  }, 30_000);

  it('marks an article whose page allows only its own scripts', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${site.origin}/strict-policy`);
    await expect.poll(async () => (await readHighlights(page))['plainsight-comment-insult'] ?? [], { timeout: 10_000 }).toContain('a$$holes');
    await page.close();
  }, 30_000);

  it('marks a comment thread shown after the page has loaded', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${site.origin}/thread-later`);
    await expect.poll(async () => (await readHighlights(page))['plainsight-claim'] ?? [], { timeout: 10_000 }).not.toEqual([]);
    expect((await readHighlights(page))['plainsight-comment-insult']).toBeUndefined();
    await expect.poll(async () => (await readHighlights(page))['plainsight-comment-insult'] ?? [], { timeout: 10_000 }).toContain('a$$holes');
    await page.close();
  }, 30_000);

  it('marks a comment thread in a frame of a page with no article, and leaves the page itself alone', async () => {
    const page = await browser.browser.newPage();
    await page.goto(`${site.origin}/listing-with-thread`);
    await page.waitForSelector('#thread');
    const frame = page.frames().find((f) => f.url().startsWith(frames.origin));
    expect(frame, 'the comment frame').toBeDefined();
    await expect.poll(async () => (await readHighlights(frame!))['plainsight-comment-insult'] ?? [], { timeout: 10_000 }).toContain('a$$holes');
    expect(await readHighlights(page)).toEqual({});
    await page.close();
  }, 30_000);
});
