import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../fixtures/seed';
import { type BrowserName, type ExtensionBrowser, launchWithExtension, readHighlights, tabIdOf } from './browsers';
import { type FixtureServer, serveFixtures } from './server';

/**
 * The background worker on hostile pages and quick hands, in Debian's Chromium and Firefox ESR:
 * settings switched in a burst, a tab moved on while storage is full or its site is off, an
 * article of over 5,000,000 characters, settings found corrupt, degenerate text.
 */

const seed = readSeed();
const SECOND = [
  'NASA announced in 2023 that the Gateway station would launch no earlier than 2027, two years later than planned.',
  'Engineers at the European Space Agency said the delay was caused by problems with the power and propulsion element.',
  'Whatever the schedule, the station will depend on contractors in at least four countries, each with its own budget cycle.',
];
const NASA_CLAIM = 'NASA announced in 2023 that the Gateway station would launch no earlier than 2027, two years later than planned';
const QATAR_CLAIM = 'the first deployment of the US Space Force was to Qatar';
const INSULT = { author: 'Just Me', text: 'The US a$$holes will be losers again.' };
const DEGENERATE = 'Experts say the the the the the economy will collapse by 2030 according to the report, very very very very very soon.';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function articlePage(title: string, paragraphs: string[], comments: { author: string; text: string }[] = []): string {
  const list = comments.map(
    (c, i) => `<div class="comment" id="c${i}"><div class="comment__header"><span class="comment__author">${escape(c.author)}</span>
<time class="comment__time" datetime="2021-03-02T10:00:00Z">${i + 1} min ago</time></div><div class="comment__body"><p>${escape(c.text)}</p></div></div>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><meta property="og:type" content="article"></head>
<body><main><article><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>
<section id="comments" class="comments"><h2>Comments</h2><div class="comments__list">${list.join('\n')}</div></section></main></body></html>`;
}

/** The seed's paragraphs again and again, to over 5,000,000 characters. */
function hugeArticle(): string[] {
  const out: string[] = [];
  let length = 0;
  for (let round = 1; length <= 5_100_000; round++)
    for (const p of seed.paragraphs) {
      out.push(`${p} (Part ${round}.)`);
      length += p.length + 12;
    }
  return out;
}

type Api = {
  runtime: { sendMessage(m: object): Promise<any> };
  storage: { local: StorageArea; session: StorageArea };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
type StorageArea = { get(k: string | null): Promise<Record<string, any>>; set(o: object): Promise<void>; remove(k: string): Promise<void> };

describe.each<BrowserName>(['chromium', 'firefox'])('in %s', (name) => {
  let browser: ExtensionBrowser;
  let site: FixtureServer;
  let ext: Page; // an extension page about no tab: reaches the worker and storage as the popup does
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await serveFixtures({
      '/first': articlePage(seed.title, seed.paragraphs, [INSULT]),
      '/second': articlePage('The Gateway slips again', SECOND),
      '/third': articlePage('The Gateway slips again', SECOND),
      '/plain': '<!doctype html><html lang="en"><head><title>Contact</title></head><body><p>Write to us.</p></body></html>',
      '/huge': articlePage(seed.title, hugeArticle(), [INSULT]),
      '/degenerate': articlePage(seed.title, [DEGENERATE, DEGENERATE, ...seed.paragraphs.slice(0, 6), DEGENERATE, DEGENERATE], [INSULT]),
    });
    browser = await launchWithExtension(name);
    ext = await browser.openPopup(-1);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Runs `work` with the extension API in an extension page. */
  const inExtension = <T, A>(work: (api: Api, arg: A) => Promise<T>, arg: A): Promise<T> =>
    ext.evaluate(`(${work.toString()})(globalThis.browser ?? chrome, ${JSON.stringify(arg)})`) as Promise<T>;
  const storedSettings = () => inExtension(async (api) => (await api.storage.local.get('settings')).settings, null);
  const send = (message: object) => inExtension((api, m) => api.runtime.sendMessage(m), message);

  async function open(path: string, page?: Page): Promise<{ page: Page; tabId: number }> {
    if (!page) {
      page = await browser.browser.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page!.url()}: ${String(error)}`));
    }
    await page.goto(`${site.origin}${path}`);
    return { page, tabId: await tabIdOf(ext, `${site.origin}${path}`) };
  }

  async function painted(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('plainsight-painted').length), { timeout: 30_000 }).toBeGreaterThan(0);
  }

  async function popupText(tabId: number): Promise<string> {
    const popup = await browser.openPopup(tabId);
    const text = await popup.$eval('main', (m) => m.textContent ?? '');
    await popup.close();
    return text;
  }

  it('keeps every switch of twelve quick clicks in the popup, and both of two site switches at once', async () => {
    const popup = await browser.openPopup(-1);
    await popup.$eval('details.settings', (d) => ((d as HTMLDetailsElement).open = true));
    const names = await popup.$$eval('details.settings input[type=checkbox]', (inputs) => {
      const twelve = (inputs as HTMLInputElement[]).slice(0, 12);
      for (const input of twelve) input.click(); // in one task: twelve changes under way at once
      return twelve.map((i) => i.name);
    });
    expect(names).toHaveLength(12);
    await expect.poll(async () => ((await storedSettings())?.disabledCategories ?? []).length, { timeout: 5_000 }).toBe(12);
    expect(new Set((await storedSettings()).disabledCategories)).toEqual(new Set(names));
    await popup.close();

    const sites = await Promise.all([send({ type: 'set-site', host: 'a.example', enabled: false }), send({ type: 'set-site', host: 'b.example', enabled: false })]);
    expect(sites.every((r) => r.ok)).toBe(true);
    expect(new Set((await storedSettings()).disabledSites)).toEqual(new Set(['a.example', 'b.example']));
    // Back to everything on, one change after another.
    for (const category of names) await send({ type: 'set-category', category, enabled: true });
    for (const host of ['a.example', 'b.example']) await send({ type: 'set-site', host, enabled: true });
    expect(await storedSettings()).toMatchObject({ disabledCategories: [], disabledSites: [] });
  }, 60_000);

  it('shows the page a tab moved to, not the one before, when storage is all but full', async () => {
    const { page, tabId } = await open('/second');
    await painted(page);
    expect(await popupText(tabId)).toContain(NASA_CLAIM);
    // Other tabs' results fill session storage (10 MB in both browsers) to within a hundred bytes or so;
    // the next page's results are larger than this one's.
    const fillers = await inExtension(async (api) => {
      let n = 0;
      for (const size of [1_000_000, 100_000, 10_000, 1_000, 100])
        for (;;) {
          try {
            await api.storage.session.set({ [`filler${n}`]: 'x'.repeat(size) });
            n++;
          } catch {
            break;
          }
        }
      return n;
    }, null);
    expect(fillers).toBeGreaterThan(9);
    try {
      await open('/first', page);
      await painted(page);
      // The new page's results, listed, or counted only when even they do not fit; never the old page's.
      await expect.poll(() => popupText(tabId), { timeout: 10_000 }).toMatch(new RegExp(`${QATAR_CLAIM}|too many results to keep for this tab`));
      expect(await popupText(tabId)).not.toContain(NASA_CLAIM);
      expect(await popupText(tabId)).toMatch(/[1-9]\d* flagged comments?/);
      await expect.poll(() => inExtension((api, id) => api.action.getBadgeText({ tabId: id }), tabId), { timeout: 5_000 }).not.toBe('');
    } finally {
      await inExtension((api, n) => Promise.all(Array.from({ length: n }, (_, i) => api.storage.session.remove(`filler${i}`))), fillers);
    }
    await page.close();
  }, 60_000);

  it('clears the popup of a tab that moves to a page with no article', async () => {
    const { page, tabId } = await open('/first');
    await painted(page);
    await expect.poll(() => inExtension((api, id) => api.action.getBadgeText({ tabId: id }), tabId), { timeout: 5_000 }).not.toBe('');
    await open('/plain', page);
    await expect.poll(() => popupText(tabId), { timeout: 5_000 }).toContain('No article found here.');
    expect(await inExtension((api, id) => api.action.getBadgeText({ tabId: id }), tabId)).toBe('');
    await page.close();
  }, 60_000);

  it('clears the popup of a tab loaded while its site is off', async () => {
    const { page, tabId } = await open('/first');
    await painted(page);
    const host = new URL(site.origin).hostname;
    await send({ type: 'set-site', host, enabled: false });
    try {
      await page.goto(`${site.origin}/third`);
      await new Promise((r) => setTimeout(r, 1_500)); // the content script asks, and is told Plainsight is off
      const text = await popupText(tabId);
      expect(text).not.toContain(QATAR_CLAIM);
      expect(text).toContain('No article found here.');
    } finally {
      await send({ type: 'set-site', host, enabled: true });
    }
    await page.close();
  }, 60_000);

  it('annotates the comments and the first part of an article over 5,000,000 characters, and says so in the popup', async () => {
    const { page, tabId } = await open('/huge');
    await painted(page);
    const marks = await readHighlights(page);
    expect(marks['plainsight-claim']).toContain(QATAR_CLAIM);
    await page.evaluate(() => document.getElementById('c0')!.scrollIntoView());
    await expect.poll(async () => (await readHighlights(page))['plainsight-comment-insult'] ?? [], { timeout: 15_000 }).toContain('a$$holes');
    expect(await popupText(tabId)).toMatch(/article too long: annotated the first [\d,]+ words of [\d,]+/);
    await page.close();
  }, 90_000);

  it('says the settings were reset until the reader dismisses it, whoever read them first', async () => {
    await inExtension((api) => api.storage.local.set({ settings: 'garbage' }), null);
    const { page, tabId } = await open('/second'); // the page reads the settings first
    await painted(page);
    const popup = await browser.openPopup(tabId);
    expect(await popup.$eval('main', (m) => m.textContent)).toMatch(/Settings were reset: corrupt settings replaced by the/);
    await popup.click('button[name="dismiss-problem"]');
    await expect.poll(() => popup.$('.problem'), { timeout: 5_000 }).toBeNull();
    await popup.close();
    expect(await popupText(tabId)).not.toContain('Settings were reset');
    await page.close();
  }, 60_000);

  it('marks nothing in degenerate sentences, and the prose around them as before', async () => {
    await send({ type: 'set-marks', marks: 'all' }); // the less certain marks too
    try {
      const { page } = await open('/degenerate');
      await painted(page);
      const marks = Object.values(await readHighlights(page)).flat();
      expect(marks.filter((t) => /Experts|economy|very|the the/.test(t))).toEqual([]);
      expect((await readHighlights(page))['plainsight-claim']).toContain(QATAR_CLAIM);
      await page.close();
    } finally {
      await send({ type: 'set-marks', marks: 'confident' });
    }
  }, 60_000);

  it('the pages log no error', () => {
    expect(pageErrors).toEqual([]);
  });
});
