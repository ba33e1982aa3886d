import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEditorPages } from './pages/editor-pages';
import { benchReadabilitySuite } from './pages/readability-suite';
import { benchTrafilatura } from './pages/trafilatura-dev';

/**
 * `npm run bench:pages [-- --suite readability|trafilatura|editor] [NAME…]`: the finders on real
 * saved pages in `../shared/data`, beside Mozilla Readability on the same pages in the same run:
 * Readability's own test suite, trafilatura's extraction benchmark (scored as trafilatura scores
 * it) and the editor's must/must-not strings. NAMEs keep only the pages whose name contains one.
 * Prints figures; exits non-zero only when the data is missing.
 */

const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const SUITES = {
  readability: join(DATA, 'readability-pages'),
  trafilatura: join(DATA, 'trafilatura-dev'),
  editor: join(DATA, 'editor-pages'),
} as const;
type Suite = keyof typeof SUITES;

// `npx tsx scripts/bench-pages.ts -- --suite …` passes the `--` through (npm run does not): it names no page.
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const suiteAt = args.indexOf('--suite');
const chosen = suiteAt >= 0 ? args[suiteAt + 1] : undefined;
const only = args.filter((_, index) => index !== suiteAt && index !== suiteAt + 1);
if (chosen !== undefined && !(chosen in SUITES)) {
  console.error(`bench:pages: unknown suite ${JSON.stringify(chosen)} (one of ${Object.keys(SUITES).join(', ')})`);
  process.exit(2);
}
const suites = (chosen ? [chosen] : Object.keys(SUITES)) as Suite[];
const absent = suites.map((suite) => SUITES[suite]).filter((folder) => !existsSync(folder));
if (absent.length > 0) {
  console.error(`bench:pages: data folder missing: ${absent.join(', ')} (../shared must sit beside the project)`);
  process.exit(1);
}

for (const suite of suites) {
  console.log(`\n== ${suite} ==`);
  if (suite === 'readability') {
    const corpus = SUITES.readability;
    const names = readdirSync(corpus)
      .filter((name) => existsSync(join(corpus, name, 'source.html')))
      .filter((name) => only.length === 0 || only.includes(name))
      .sort();
    await benchReadabilitySuite(corpus, names);
  } else if (suite === 'trafilatura') {
    await benchTrafilatura(SUITES.trafilatura, only);
  } else {
    await benchEditorPages(SUITES.editor, only);
  }
}
