import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHtmlFile } from '../cli/parse-html';
import { BUILDS, launchWithExtension } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';

/**
 * `npm run bench:calm`: how much of an article the reader sees under a mark, by default. Each of
 * the editor's pages (`../shared/data/editor-pages`) is opened in real Chromium with the built
 * extension; the characters under any Plainsight highlight (overlaps counted once, marks in
 * comments included, so the share errs high) are divided by the characters of the article text
 * the finders read from the same page. Floors from issue #12: at most 15% on average and 35% on
 * any page. Prints figures; asserts nothing.
 */

const PAGES = resolve('../shared/data/editor-pages');
const AVERAGE_FLOOR = 0.15;
const PAGE_FLOOR = 0.35;

async function main(): Promise<void> {
  if (!existsSync(PAGES)) {
    console.error(`bench:calm: ${PAGES} is missing: put ../shared (with data/editor-pages) beside the project`);
    process.exit(1);
  }
  if (!existsSync(BUILDS.chromium)) {
    console.error('bench:calm: no Chromium build in .output/chrome-mv3 (run `npm run build` first)');
    process.exit(1);
  }
  const pages = readdirSync(PAGES)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(PAGES, f), 'utf8')) as { source: string };
      return { name: f.replace(/\.gold\.json$/, ''), html: readFileSync(resolve(PAGES, gold.source), 'utf8') };
    });
  const server = await serveFixtures(Object.fromEntries(pages.map((p) => [`/${p.name}.html`, p.html])));
  const ext = await launchWithExtension('chromium');
  const shares: number[] = [];
  try {
    console.log('Share of article text under a mark, default settings, Chromium\n');
    console.log('page            article chars  marked chars  share');
    for (const { name, html } of pages) {
      const { article } = await parseHtmlFile(new TextEncoder().encode(html));
      if (!article) {
        console.log(`${name.padEnd(15)} no article found`);
        continue;
      }
      const page = await ext.browser.newPage();
      // Saved pages point at resources elsewhere, which never load here: only the page (and the extension's own app) is served.
      await page.setRequestInterception(true);
      page.on('request', (request) => void (request.url().startsWith(server.origin) || !/^https?:/.test(request.url()) ? request.continue() : request.abort()));
      await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => performance.getEntriesByName('plainsight-painted').length > 0, { timeout: 15_000 }).catch(() => undefined);
      const marked = await page.evaluate(markedCharacters);
      await page.close();
      const chars = article.text.replace(/\s+/g, '').length;
      const share = Math.min(1, marked / chars);
      shares.push(share);
      console.log(`${name.padEnd(15)} ${String(chars).padStart(13)}  ${String(marked).padStart(12)}  ${pct(share).padStart(5)}${share > PAGE_FLOOR ? '  over the page floor' : ''}`);
    }
  } finally {
    await ext.close();
    await server.close();
  }
  const mean = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
  console.log(`\naverage ${pct(mean)} (floor ≤ ${pct(AVERAGE_FLOOR)}), largest ${pct(Math.max(0, ...shares))} (floor ≤ ${pct(PAGE_FLOOR)} on any page)`);
}

/** In the page: the non-space characters under any `plainsight-` highlight, each counted once. */
function markedCharacters(): number {
  const covered = new Map<Node, Set<number>>();
  for (const [name, highlight] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
    if (!name.startsWith('plainsight-') || name === 'plainsight-flash') continue;
    for (const r of highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      const first = range.commonAncestorContainer.nodeType === Node.TEXT_NODE ? range.commonAncestorContainer : walker.nextNode();
      for (let node = first; node; node = walker.nextNode()) {
        if (!range.intersectsNode(node)) continue;
        const text = (node as Text).data;
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : text.length;
        let set = covered.get(node);
        if (!set) covered.set(node, (set = new Set()));
        for (let i = from; i < to; i++) if (!/\s/.test(text[i]!)) set.add(i);
        if (node === range.commonAncestorContainer) break;
      }
    }
  }
  let total = 0;
  for (const set of covered.values()) total += set.size;
  return total;
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
