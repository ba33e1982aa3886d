/**
 * The editor's labels (`editor-pages/*.gold.json`): every `must_contain` string of a page must be
 * in the article text Plainsight finds on its source page, and no `must_not_contain` string may
 * be (whitespace-normalised substring matching).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clip, runPage, verdict } from './common';
import { countSnippets } from './snippets';

interface Gold {
  source: string;
  article: { must_contain?: string[]; must_not_contain?: string[] };
}

/** Checks every gold file in `folder` (or those whose name contains one of `only`). */
export async function benchEditorPages(folder: string, only: readonly string[]): Promise<void> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.gold.json') && (only.length === 0 || only.some((part) => name.includes(part))))
    .sort();
  let contained = 0;
  let mustContain = 0;
  let leaked = 0;
  let mustNotContain = 0;
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Gold;
    const html = readFileSync(resolve(dirname(join(folder, file)), gold.source), 'utf8');
    const run = await runPage(html, 'http://fakehost/test/page.html');
    const counts = countSnippets(gold.article.must_contain ?? [], gold.article.must_not_contain ?? [], run.article);
    contained += counts.tp;
    mustContain += counts.tp + counts.fn;
    leaked += counts.fp;
    mustNotContain += counts.fp + counts.tn;
    const notes = [...counts.missing.map((text) => `-${clip(text)}`), ...counts.present.map((text) => `+${clip(text)}`)];
    console.log(`  ${file.replace('.gold.json', '').padEnd(14)} must_contain ${counts.tp}/${counts.tp + counts.fn}, must_not_contain present ${counts.fp}/${counts.fp + counts.tn}  ${notes.join('  ')}`);
  }
  console.log('');
  console.log(
    `editor pages: ${files.length}; must_contain found ${contained}/${mustContain} (target all) ${verdict(contained === mustContain)}; ` +
      `must_not_contain present ${leaked}/${mustNotContain} (target none) ${verdict(leaked === 0)}`,
  );
}
