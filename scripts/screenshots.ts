import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { launchWithExtension, readHighlights, tabIdOf } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';

/**
 * `npm run screenshots -- PAGE.html…`: each saved page served on 127.0.0.1 and opened in real
 * Chromium with the built extension (run `npm run build` first), then a screenshot of the page
 * as the reader sees it and of its popup, in `.output/screenshots/`, and the marks painted,
 * listed by highlight, to read beside the picture. For looking, not for testing.
 */

const OUT = join(process.cwd(), '.output/screenshots');

async function main(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('usage: npm run screenshots -- PAGE.html…');
  mkdirSync(OUT, { recursive: true });
  const pages = Object.fromEntries(files.map((f) => [`/${nameOf(f)}.html`, readFileSync(f, 'utf8')]));
  const server = await serveFixtures(pages);
  const ext = await launchWithExtension('chromium');
  try {
    for (const file of files) {
      const name = nameOf(file);
      const page = await ext.browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.origin}/${name}.html`, { waitUntil: 'load' });
      // The content script marks `plainsight-painted` once the highlights are registered.
      await page.waitForFunction(() => performance.getEntriesByName('plainsight-painted').length > 0, { timeout: 15_000 }).catch(() => undefined);
      // Saved pages come without their style sheets: the article may start far down.
      await page.evaluate(() => {
        const tops = [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>)]
          .filter(([n]) => n.startsWith('plainsight-'))
          .flatMap(([, h]) => [...h].slice(0, 1).map((r) => new StaticRange(r).startContainer.parentElement?.getBoundingClientRect().top ?? Infinity));
        const top = Math.min(...tops);
        if (Number.isFinite(top)) window.scrollTo(0, window.scrollY + top - 80);
      });
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      const marks = await readHighlights(page);
      const probe = await ext.openPopup(-1);
      const popup = await ext.openPopup(await tabIdOf(probe, page.url()));
      await probe.close();
      await popup.setViewport({ width: 420, height: 900 });
      await popup.screenshot({ path: join(OUT, `${name}.popup.png`), fullPage: true });
      await popup.close();
      console.log(`${name}: ${join(OUT, `${name}.png`)}`);
      for (const [highlight, texts] of Object.entries(marks)) console.log(`  ${highlight} (${texts.length}): ${texts.slice(0, 8).map((t) => JSON.stringify(t.slice(0, 60))).join(', ')}`);
      await page.close();
    }
  } finally {
    await ext.close();
    await server.close();
  }
}

/** A page's name: its file name, or its folder's for `…/name/source.html`. */
function nameOf(file: string): string {
  const base = basename(file, '.html');
  return base === 'source' ? basename(dirname(file)) : base;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
