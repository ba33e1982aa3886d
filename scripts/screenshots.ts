import { mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { launchWithExtension } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { screenshotPage } from './page-screenshots';

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
      const { files: shots, marks } = await screenshotPage(ext, `${server.origin}/${name}.html`, OUT, name);
      console.log(`${name}: ${shots.page}`);
      for (const [highlight, texts] of Object.entries(marks)) console.log(`  ${highlight} (${texts.length}): ${texts.slice(0, 8).map((t) => JSON.stringify(t.slice(0, 60))).join(', ')}`);
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
