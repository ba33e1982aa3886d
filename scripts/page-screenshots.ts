import { join } from 'node:path';
import { type ExtensionBrowser, readHighlights, tabIdOf } from '../tests/e2e/browsers';

/**
 * Opens `url` in a browser with the extension, waits for its marks, and writes a screenshot of the
 * page as the reader sees it (`<name>.png`) and of its popup (`<name>.popup.png`) into `outDir`.
 * Returns the files and the marks painted, by highlight. Shared by `npm run screenshots` and `npm run demo`.
 */
export async function screenshotPage(ext: ExtensionBrowser, url: string, outDir: string, name: string) {
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
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
  const files = { page: join(outDir, `${name}.png`), popup: join(outDir, `${name}.popup.png`) };
  await page.screenshot({ path: files.page });
  const marks = await readHighlights(page);
  const probe = await ext.openPopup(-1);
  const popup = await ext.openPopup(await tabIdOf(probe, page.url()));
  await probe.close();
  await popup.setViewport({ width: 420, height: 900 });
  await popup.screenshot({ path: files.popup, fullPage: true });
  await popup.close();
  await page.close();
  return { files, marks };
}
