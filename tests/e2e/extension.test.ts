import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disqusPage, largePage, listingPage, newsPage, wordpressPage } from '../fixtures/layouts';
import { readSeed } from '../fixtures/seed';
import { type BrowserName, type ExtensionBrowser, inClosedShadow, launchWithExtension, readHighlights, tabIdOf } from './browsers';
import { type FixtureServer, serveFixtures } from './server';

/**
 * The built extension in Debian's Chromium and Firefox ESR, on fixture pages served from
 * 127.0.0.1: what a reader sees on the page and in the popup.
 */

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });
const seed = readSeed();

const LATE_COMMENT = `<script>
setTimeout(() => {
  const list = document.querySelector('.comments__list');
  const comment = document.createElement('div');
  comment.className = 'comment';
  comment.innerHTML = '<div class="comment__header"><span class="comment__author">Late Reader</span> <time class="comment__time" datetime="2021-03-03T10:00:00Z">1 day ago</time></div>' +
    '<div class="comment__body"><p>These space a$$holes never learn anything from history.</p></div>';
  list.append(comment);
}, 1000);
</script>`;

/** The seed's claim "the first deployment of the US Space Force was to Qatar" is marked at its end. */
const QATAR_CLAIM_MARK = 'Qatar';

/** A single-page site: a second after load it moves to another article with `history.pushState`. */
const SECOND_ARTICLE = [
  'NASA announced in 2023 that the Gateway station would launch no earlier than 2027, two years later than planned.',
  'The regime in Moscow keeps telling its people that its own station will fly first, and few inside the country can check.',
  'Engineers at the European Space Agency said the delay was caused by problems with the power and propulsion element.',
  'Whatever the schedule, the station will depend on contractors in at least four countries, each with its own budget cycle.',
];
const SPA_SCRIPT = `<script>
setTimeout(() => {
  history.pushState({}, '', '/spa/second');
  const article = document.querySelector('article');
  article.innerHTML = '<h1>The Gateway slips again</h1>' + ${JSON.stringify(SECOND_ARTICLE)}.map((p) => '<p>' + p + '</p>').join('');
  document.title = 'The Gateway slips again';
}, 1500);
</script>`;

function framedPage(threadUrl: string): string {
  const paragraphs = seed.paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${seed.title}</title>
<meta property="og:type" content="article"></head><body><main><article><h1>${seed.title}</h1>${paragraphs}</article>
<iframe id="thread" src="${threadUrl}" style="width:100%;height:1200px;border:0" title="Comments"></iframe></main></body></html>`;
}

/** Waits until the content script says it has painted (or gives up), then reads the registry. */
async function highlightsOf(frame: Page | Frame, expectSome = true): Promise<Record<string, string[]>> {
  const deadline = Date.now() + 10_000;
  while (expectSome && Date.now() < deadline) {
    if (await frame.evaluate(() => performance.getEntriesByName('plainsight-painted').length > 0)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return readHighlights(frame);
}

describe.each<BrowserName>(['chromium', 'firefox'])('in %s', (name) => {
  let browser: ExtensionBrowser;
  let site: FixtureServer;
  let frames: FixtureServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    frames = await serveFixtures({ '/thread': disqusPage(seed) });
    site = await serveFixtures({
      '/seed': wordpressPage(seed),
      '/listing': listingPage(),
      '/large': largePage(seed),
      '/late': newsPage(seed).replace('</body>', () => `${LATE_COMMENT}</body>`),
      '/framed': framedPage(`${frames.origin}/thread`),
      '/spa': framedPage('about:blank').replace(/<iframe[^>]*><\/iframe>/, '').replace('</body>', () => `${SPA_SCRIPT}</body>`),
    });
    browser = await launchWithExtension(name);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await frames?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${path}: ${message.text()}`);
    });
    await page.goto(`${site.origin}${path}`);
    return page;
  }

  describe('on the seed article', () => {
    let page: Page;
    let popup: Page;

    beforeAll(async () => {
      page = await open('/seed');
      await highlightsOf(page);
    }, 30_000);

    it('shows the sure marks by default, says how many are hidden, and shows every mark when asked', async () => {
      const sure = await readHighlights(page);
      expect(sure['plainsight-loaded-language']).toContain('sitting idly');
      expect(sure['plainsight-comment-insult']?.filter((t) => t === 'a$$holes')).toHaveLength(2);
      await page.screenshot({ path: `${ARTIFACTS}${name}-seed-confident.png`, fullPage: true });
      const count = (marks: Record<string, string[]>) => Object.values(marks).reduce((n, texts) => n + texts.length, 0);
      const settings = await browser.openPopup(await tabIdOf(await browser.openPopup(-1), `${site.origin}/seed`));
      const hidden = Number(/\((\d+) hidden\)/.exec(await settings.$eval('main', (m) => m.textContent ?? ''))?.[1]);
      expect(hidden).toBeGreaterThan(0);
      await settings.click('input[name="all-marks"]');
      await expect.poll(async () => count(await readHighlights(page)), { timeout: 5_000 }).toBeGreaterThan(count(sure));
      await settings.close();
      await page.bringToFront(); // a background tab in headless Chromium never finishes a screenshot
    }, 30_000);

    it('marks the claim about Qatar, the name calling, and both a$$holes comments', async () => {
      const found = await readHighlights(page);
      // A claim is marked on its figure or source, never across its sentence: the page stays readable.
      expect(found['plainsight-claim']).toContain(QATAR_CLAIM_MARK);
      const claimMarks = [...(found['plainsight-claim'] ?? []), ...(found['plainsight-claim-sourced'] ?? [])];
      expect(claimMarks.filter((t) => t.split(/\s+/).length > 6)).toEqual([]);
      expect(found['plainsight-name-calling']).toContain('disloyal partner');
      expect(found['plainsight-comment-insult']?.filter((t) => t === 'a$$holes')).toHaveLength(2);
      await page.screenshot({ path: `${ARTIFACTS}${name}-seed.png`, fullPage: true });
    });

    it('puts a marker naming its flags beside the author of each flagged comment', async () => {
      // The markers sit in a closed shadow root: read through the browser's protocol, then placed against the page.
      const layer =
        (await inClosedShadow(page, 'plainsight-markers', (root) =>
          [...root.querySelectorAll<HTMLElement>('.marker')].map((m) => ({ text: m.textContent, hidden: m.hidden, rect: m.getBoundingClientRect().toJSON() as DOMRect })),
        )) ?? [];
      const markers = await page.evaluate((layer) => {
        const rects = (selector: string) => [...document.querySelectorAll(selector)].map((e) => ({ name: e.textContent, rect: e.getBoundingClientRect() }));
        const authors = rects('.comment-author .fn');
        const comments = rects('.comment-body');
        return layer.map((m) => {
          const rect = m.rect;
          // On the author's line, after the rest of its text ("says:").
          const author = authors.find((a) => Math.abs(a.rect.top - rect.top) < 8 && rect.left - a.rect.right >= 0 && rect.left - a.rect.right < 80);
          const comment = comments.find((c) => rect.top >= c.rect.top - 8 && rect.top < c.rect.bottom);
          return { text: m.text, hidden: m.hidden, author: author?.name ?? null, inComment: comment !== undefined };
        });
      }, layer);
      // Five flagged comments: three name their author, two are anonymous (their marker stands by the comment).
      expect(markers).toHaveLength(5);
      expect(markers.every((m) => !m.hidden && m.inComment)).toBe(true);
      expect(markers.filter((m) => m.author !== null).map((m) => [m.author, m.text])).toEqual([
        ['Just Me', '⚑ Insult'],
        ['Just Me', '⚑ Insult'],
        ['johnny rotten', '⚑ Dehumanizing'],
      ]);
    });

    it('lists the claims and flagged comments in the popup', async () => {
      popup = await browser.openPopup(await tabIdOf(await browser.openPopup(-1), `${site.origin}/seed`));
      const text = await popup.$eval('main', (m) => m.textContent ?? '');
      expect(text).toContain('the first deployment of the US Space Force was to Qatar');
      expect(text).toContain('Just Me');
      expect(text).toMatch(/On this page: \d+ persuasion techniques, 5 flagged comments and \d+ claims/);
      await popup.screenshot({ path: `${ARTIFACTS}${name}-popup.png`, fullPage: true });
    }, 30_000);

    it('shows a card naming the technique, its cue and explanation when a highlight is hovered', async () => {
      await page.bringToFront();
      const point = await page.evaluate(() => {
        const highlight = CSS.highlights.get('plainsight-name-calling') as unknown as Set<Range> | undefined;
        const range = [...(highlight ?? [])].find((r) => r.toString() === 'disloyal partner');
        if (!range) return null;
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + 4, y: rect.top + rect.height / 2 };
      });
      expect(point).not.toBeNull();
      await page.mouse.move(point!.x, point!.y);
      await expect
        .poll(async () => (await inClosedShadow(page, 'plainsight-card', (root) => root.textContent)) ?? '', { timeout: 5_000 })
        .toMatch(/Name calling.*“disloyal partner”.*labels the target/);
    });

    it('scrolls to a claim clicked in the popup and flashes it', async () => {
      await popup.evaluate(() => {
        const item = [...document.querySelectorAll('button.item')].find((b) => b.textContent?.includes('Qatar'));
        (item as HTMLButtonElement).click();
      });
      await expect
        .poll(async () => (await readHighlights(page))['plainsight-flash'] ?? [], { timeout: 5_000 })
        .toEqual(['the first deployment of the US Space Force was to Qatar']);
    });

    it('labels every control of the popup and reaches them all with the keyboard', async () => {
      const unlabelled = await popup.evaluate(() =>
        [...document.querySelectorAll('input, button, summary')]
          .filter((el) => !(el.closest('label')?.textContent?.trim() || el.textContent?.trim() || el.getAttribute('aria-label')))
          .map((el) => el.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      const focusable = await popup.evaluate(() =>
        [...document.querySelectorAll('input, button, summary')].every((el) => (el as HTMLElement).tabIndex >= 0),
      );
      expect(focusable).toBe(true);
    });

    it('removes a category from the page when it is switched off in the popup, and brings it back', async () => {
      const toggle = 'input[name="name-calling"]';
      await popup.bringToFront();
      await popup.$eval('details.settings', (d) => ((d as HTMLDetailsElement).open = true));
      await popup.click(toggle);
      await expect.poll(async () => (await readHighlights(page))['plainsight-name-calling'] ?? [], { timeout: 5_000 }).toEqual([]);
      expect((await readHighlights(page))['plainsight-claim']).toContain(QATAR_CLAIM_MARK);
      await popup.click(toggle);
      await expect.poll(async () => (await readHighlights(page))['plainsight-name-calling'] ?? [], { timeout: 5_000 }).toContain('disloyal partner');
    }, 30_000);

    it('lets the reader show unsourced claims only: claims that name their source go, the others stay', async () => {
      const toggle = 'input[name="claim-sourced"]';
      await popup.bringToFront();
      await popup.$eval('details.settings', (d) => ((d as HTMLDetailsElement).open = true));
      expect((await readHighlights(page))['plainsight-claim-sourced']?.length ?? 0).toBeGreaterThan(0);
      await popup.click(toggle);
      await expect.poll(async () => (await readHighlights(page))['plainsight-claim-sourced'] ?? [], { timeout: 5_000 }).toEqual([]);
      expect((await readHighlights(page))['plainsight-claim']).toContain(QATAR_CLAIM_MARK);
      await popup.click(toggle);
      await expect.poll(async () => (await readHighlights(page))['plainsight-claim-sourced']?.length ?? 0, { timeout: 5_000 }).toBeGreaterThan(0);
    }, 30_000);

    it('switches off for the site and removes every highlight, then comes back', async () => {
      await popup.bringToFront();
      await popup.click('input[name="site"]');
      await expect.poll(async () => Object.values(await readHighlights(page)).flat(), { timeout: 5_000 }).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('plainsight-markers, plainsight-card').length)).toBe(0);
      await popup.click('input[name="site"]');
      await expect.poll(async () => (await readHighlights(page))['plainsight-claim']?.length ?? 0, { timeout: 5_000 }).toBeGreaterThan(0);
    }, 30_000);
  });

  it('leaves a section listing without any highlight', async () => {
    const page = await open('/listing');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlightsOf(page, false)).toEqual({});
  }, 30_000);

  it('annotates a comment inserted a second after load', async () => {
    const page = await open('/late');
    const insults = async () => ((await readHighlights(page))['plainsight-comment-insult'] ?? []).filter((t) => t === 'a$$holes');
    await expect.poll(insults, { timeout: 10_000 }).toHaveLength(2);
    await expect.poll(insults, { timeout: 10_000 }).toHaveLength(3);
  }, 30_000);

  it('annotates a comment thread inside a cross-origin frame', async () => {
    const page = await open('/framed');
    await page.waitForSelector('#thread');
    const frame = page.frames().find((f) => f.url().startsWith(frames.origin));
    expect(frame, 'the comment frame').toBeDefined();
    await expect
      .poll(async () => (await readHighlights(frame!))['plainsight-comment-insult'] ?? [], { timeout: 10_000 })
      .toContain('a$$holes');
    // The page and its frame each load the app on their own, so either may be painted first.
    await expect
      .poll(async () => (await readHighlights(page))['plainsight-claim'] ?? [], { timeout: 10_000 })
      .toContain(QATAR_CLAIM_MARK);
  }, 30_000);

  it('follows a single-page site to its next article: the old marks go, the new article is marked', async () => {
    const page = await open('/spa');
    await expect.poll(async () => (await readHighlights(page))['plainsight-name-calling'] ?? [], { timeout: 10_000 }).toContain('disloyal partner');
    await expect
      .poll(async () => (await readHighlights(page))['plainsight-claim-sourced'] ?? [], { timeout: 10_000 })
      .toContain('NASA announced');
    const after = await readHighlights(page);
    expect(after['plainsight-name-calling'] ?? []).not.toContain('disloyal partner');
    expect(after['plainsight-name-calling']).toContain('regime');
  }, 30_000);

  it('on a page with thousands of marks, paints around the reader and follows them to the last comment', async () => {
    const page = await open('/large');
    await highlightsOf(page);
    // Whether any comment flag is painted inside the last seven comments (the seed's seven, once each).
    const lastCommentsFlagged = () =>
      page.evaluate(() => {
        const last = [...document.querySelectorAll('.comment')].slice(-7);
        return [...CSS.highlights].some(
          ([name, highlight]) => name.startsWith('plainsight-comment-') && [...highlight].some((r) => last.some((c) => c.contains(r.startContainer))),
        );
      });
    const top = await readHighlights(page);
    expect(top['plainsight-claim']).toContain(QATAR_CLAIM_MARK);
    expect(await lastCommentsFlagged()).toBe(false);
    await page.evaluate(() => document.getElementById('c1999')!.scrollIntoView());
    await expect.poll(lastCommentsFlagged, { timeout: 10_000 }).toBe(true);
    const bottom = await readHighlights(page);
    expect(bottom['plainsight-comment-insult']).toContain('a$$holes');
    expect(bottom['plainsight-claim'] ?? []).not.toContain(QATAR_CLAIM_MARK);
    await page.close();
  }, 60_000);

  it('makes no network request of its own, and the pages log no error', () => {
    const outside = browser.extensionRequests.filter((url) => !/^(chrome-extension|moz-extension):/.test(url));
    expect(outside, outside.join('\n')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
