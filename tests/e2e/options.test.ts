import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';
import { collectionSchema } from '../fixtures/web-annotation-schema';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, readHighlights, tabIdOf } from './browsers';
import { type FixtureServer, serveFixtures } from './server';

/**
 * The options page in Debian's Chromium and Firefox ESR: what it saves reaches an open article at
 * once, and the popup's export gives the seed page's marks as valid W3C Web Annotations.
 */

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

/** Polls for a selector: over WebDriver BiDi, `waitForSelector` fails while an extension page loads. */
async function until(page: Page, selector: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.$(selector).catch(() => null))) {
    if (Date.now() > deadline) throw new Error(`no ${selector} in ${page.url()} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each<BrowserName>(['chromium', 'firefox'])('in %s', (name) => {
  let browser: ExtensionBrowser;
  let site: FixtureServer;
  let article: Page;
  let options: Page;
  const pageErrors: string[] = [];
  const marks = async (category: string) => (await readHighlights(article))[`plainsight-${category}`] ?? [];
  const allMarks = async () => Object.values(await readHighlights(article)).flat();

  beforeAll(async () => {
    site = await serveFixtures({ '/seed': wordpressPage(readSeed()) });
    browser = await launchWithExtension(name);
    article = await browser.browser.newPage();
    article.on('pageerror', (error) => pageErrors.push(String(error)));
    await article.goto(`${site.origin}/seed`);
    await article.waitForFunction(() => performance.getEntriesByName('plainsight-painted').length > 0, { timeout: 10_000 }).catch(() => undefined);
    // The options page lives beside the popup: same origin, its own file.
    const probe = await browser.openPopup(-1);
    // Asked from the page: puppeteer's `url()` stays about:blank in Firefox, and Node's URL gives extension schemes no origin.
    const address = (await probe.evaluate(() => location.href)).replace(/\/popup\.html.*$/, '/options.html');
    await probe.close();
    options = await browser.browser.newPage();
    options.on('pageerror', (error) => pageErrors.push(`options: ${String(error)}`));
    // `goto` on a moz-extension: page never resolves under --remote-allow-system-access: start it and wait for the page.
    void options.goto(address).catch(() => undefined);
    await until(options, 'main.options:not([aria-busy])');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('switches a category off and on for the open article', async () => {
    await expect.poll(() => marks('loaded-language'), { timeout: 10_000 }).toContain('sitting idly');
    await options.click('input[name="loaded-language"]');
    await expect.poll(() => marks('loaded-language'), { timeout: 5_000 }).toEqual([]);
    expect(await marks('claim')).toContain('Qatar');
    await options.click('input[name="loaded-language"]');
    await expect.poll(() => marks('loaded-language'), { timeout: 5_000 }).toContain('sitting idly');
  }, 30_000);

  it('adds the article’s site to the sites switched off, then removes it: the page follows both', async () => {
    await options.type('input[name="add-site"]', '127.0.0.1');
    await options.click('form.add-site button[type="submit"]');
    await expect.poll(allMarks, { timeout: 5_000 }).toEqual([]);
    await expect.poll(() => options.$$eval('.site-list .host', (hosts) => hosts.map((h) => h.textContent)), { timeout: 5_000 }).toEqual(['127.0.0.1']);
    await options.click('button[name="remove-site"][value="127.0.0.1"]');
    await expect.poll(() => marks('claim'), { timeout: 5_000 }).toContain('Qatar');
    await expect.poll(() => options.$$('.site-list .host').then((hosts) => hosts.length), { timeout: 5_000 }).toBe(0);
  }, 30_000);

  it('looks like the popup: light theme, its switches and fieldsets (screenshot)', async () => {
    // A site in the list, so the picture shows one.
    await options.type('input[name="add-site"]', 'comments.example.net');
    await options.click('form.add-site button[type="submit"]');
    await until(options, '.site-list .host');
    await options.bringToFront();
    await options.setViewport({ width: 900, height: 900 });
    if (name === 'chromium') await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await options.screenshot({ path: `${ARTIFACTS}${name}-options.png`, fullPage: true });
    const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (name === 'chromium') {
      expect(background).toBe('rgb(255, 255, 255)');
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await options.screenshot({ path: `${ARTIFACTS}${name}-options-dark.png`, fullPage: true });
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    }
    await options.click('button[name="remove-site"][value="comments.example.net"]');
  }, 30_000);

  it('exports the seed page’s marks from the popup as a valid W3C Web Annotation collection', async () => {
    const url = `${site.origin}/seed`;
    const popup = await browser.openPopup(await tabIdOf(await browser.openPopup(-1), url));
    await popup.bringToFront();
    await popup.setViewport({ width: 420, height: 620 });
    await popup.$eval('main.popup', (main) => main.scrollTo(0, main.scrollHeight));
    await popup.screenshot({ path: `${ARTIFACTS}${name}-popup-footer.png` });
    // The button saves through a Blob URL and <a download>: keep the blob and stop the download.
    const json = await popup.evaluate(async () => {
      let saved: Blob | undefined;
      URL.createObjectURL = (blob: Blob) => ((saved = blob), 'blob:kept');
      HTMLAnchorElement.prototype.click = function () {
        document.body.dataset.download = this.download;
      };
      document.querySelector<HTMLButtonElement>('button[name="export"]')!.click();
      return { text: await saved!.text(), type: saved!.type, name: document.body.dataset.download };
    });
    expect(json.name).toBe('plainsight-127.0.0.1.json');
    expect(json.type).toBe('application/ld+json');
    const collection = collectionSchema.parse(JSON.parse(json.text));
    expect(collection.total).toBeGreaterThan(5);
    expect(collection.first.items.every((a) => a.target.source === url)).toBe(true);
    const quotes = (label: string) => collection.first.items.filter((a) => a.body[0]!.value === label).map((a) => a.target.selector);
    expect(quotes('Claim')).toContainEqual({ type: 'TextQuoteSelector', exact: 'the first deployment of the US Space Force was to Qatar' });
    expect(quotes('Loaded language')).toContainEqual({ type: 'TextQuoteSelector', exact: 'sitting idly' });
    expect(quotes('Insult').length).toBeGreaterThanOrEqual(2);
    await popup.close();
  }, 30_000);

  it('opens from the popup’s “All settings…”', async () => {
    await options.close(); // the browser would bring the open one forward instead of opening it
    const popup = await browser.openPopup(-1);
    await popup.click('footer.popup-footer a');
    const titles = async () =>
      Promise.all(
        (await browser.browser.pages()).map((page) => page.evaluate(() => (document.querySelector('main.options') ? document.title : '')).catch(() => '')),
      );
    await expect.poll(titles, { timeout: 10_000 }).toContain('Plainsight settings');
  }, 30_000);

  it('logs no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
