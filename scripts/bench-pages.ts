import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { loadHtmlDocument } from '../cli/parse-html';
import { findArticle, isProbablyArticlePage } from '../lib/page/find-article';
import { findComments } from '../lib/page/find-comments';
import { wordScores } from '../lib/page/word-overlap';

/**
 * `npm run bench:pages`: the article finder on Mozilla Readability's saved test pages
 * (`../shared/data/readability-pages`). Per page, word recall and precision of Plainsight's
 * article text against Readability's `expected.html`, and the time of `findArticle` beside
 * Readability's `parse()` on its own copy of the same page, parsed the same way (only the finder
 * calls are timed). Pages marked not readerable are checked for staying quiet. Exits non-zero
 * when the data is missing or a target is not met.
 */

const CORPUS = fileURLToPath(new URL('../../shared/data/readability-pages', import.meta.url));
const URL_OF_PAGE = 'http://fakehost/test/page.html';
const TARGETS = { recall: 0.95, precision: 0.9, f1Share: 0.9, f1: 0.8, speedup: 5 };

interface Row {
  name: string;
  readerable: boolean;
  /** The cheap pre-check said "article page". */
  looksLikeArticle: boolean;
  found: boolean;
  recall: number;
  precision: number;
  f1: number;
  ours: number;
  readability: number;
  /** Reader comments found (with an author), and how many. */
  comments: number;
  namedComments: number;
}

if (!existsSync(CORPUS)) {
  console.error(`bench:pages: the data folder is missing: ${CORPUS} (../shared must sit beside the project)`);
  process.exit(1);
}

const only = process.argv.slice(2);
const names = readdirSync(CORPUS)
  .filter((name) => existsSync(join(CORPUS, name, 'source.html')))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function measure(name: string): Promise<Row> {
  const folder = join(CORPUS, name);
  const html = readFileSync(join(folder, 'source.html'), 'utf8');
  const metadata = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
  const expected = loadHtmlDocument(readFileSync(join(folder, 'expected.html'), 'utf8'));
  const ours = loadHtmlDocument(html, URL_OF_PAGE);
  const theirs = loadHtmlDocument(html, URL_OF_PAGE);
  try {
    let started = performance.now();
    const article = findArticle(ours.document);
    const oursTime = performance.now() - started;
    const comments = findComments(ours.document, article);
    const looksLikeArticle = isProbablyArticlePage(ours.document);
    started = performance.now();
    new Readability(theirs.document).parse();
    const readabilityTime = performance.now() - started;

    const { recall, precision, f1 } = wordScores(article?.text ?? '', expected.document.body?.textContent ?? '');
    return {
      name,
      readerable: metadata.readerable !== false,
      looksLikeArticle,
      found: article !== null,
      recall,
      precision,
      f1,
      ours: oursTime,
      readability: readabilityTime,
      comments: comments.length,
      namedComments: comments.filter((comment) => comment.author).length,
    };
  } finally {
    await Promise.all([expected.close(), ours.close(), theirs.close()]);
  }
}

const rows: Row[] = [];
for (const name of names) rows.push(await measure(name));

const pad = (text: string, width: number): string => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
const num = (value: number, width = 7, digits = 3): string => value.toFixed(digits).padStart(width);
console.log(`${pad('page', 42)} ${'recall'.padStart(7)} ${'prec'.padStart(7)} ${'F1'.padStart(7)} ${'ours ms'.padStart(8)} ${'Rdb ms'.padStart(8)} ${'cmts'.padStart(5)}  note`);
for (const row of rows) {
  const note = !row.readerable ? (row.looksLikeArticle ? 'not readerable: NOT quiet' : 'not readerable: quiet') : !row.found ? 'NO ARTICLE' : row.f1 < TARGETS.f1 ? 'F1 < 0.8' : '';
  console.log(
    `${pad(row.name, 42)} ${num(row.recall)} ${num(row.precision)} ${num(row.f1)} ${num(row.ours, 8, 1)} ${num(row.readability, 8, 1)} ${String(row.comments).padStart(5)}  ${note}`,
  );
}

const readerable = rows.filter((row) => row.readerable);
const nonReaderable = rows.filter((row) => !row.readerable);
const recall = median(readerable.map((row) => row.recall));
const precision = median(readerable.map((row) => row.precision));
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const meanRecall = mean(readerable.map((row) => row.recall));
const meanPrecision = mean(readerable.map((row) => row.precision));
const f1Share = readerable.filter((row) => row.f1 >= TARGETS.f1).length / Math.max(1, readerable.length);
const quiet = nonReaderable.filter((row) => !row.looksLikeArticle).length;
const oursTotal = rows.reduce((sum, row) => sum + row.ours, 0);
const theirsTotal = rows.reduce((sum, row) => sum + row.readability, 0);
const speedup = theirsTotal / Math.max(oursTotal, 1e-9);
const medianRatio = median(rows.map((row) => row.readability / Math.max(row.ours, 1e-9)));

const withComments = rows.filter((row) => row.comments > 0);
const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');
console.log('');
console.log(`pages: ${rows.length} (${readerable.length} readerable, ${nonReaderable.length} not)`);
console.log(`article found: ${readerable.filter((row) => row.found).length}/${readerable.length} readerable pages`);
console.log(`median recall ${recall.toFixed(3)} (target ≥ ${TARGETS.recall}) ${verdict(recall >= TARGETS.recall)}; mean ${meanRecall.toFixed(3)}`);
console.log(`median precision ${precision.toFixed(3)} (target ≥ ${TARGETS.precision}) ${verdict(precision >= TARGETS.precision)}; mean ${meanPrecision.toFixed(3)}`);
console.log(`F1 ≥ ${TARGETS.f1} on ${(f1Share * 100).toFixed(1)}% of readerable pages (target ≥ ${TARGETS.f1Share * 100}%) ${verdict(f1Share >= TARGETS.f1Share)}`);
console.log(`readerable, passed by the pre-check (isProbablyArticlePage): ${readerable.filter((row) => row.looksLikeArticle).length}/${readerable.length}`);
console.log(`not readerable, quiet (pre-check says no article): ${quiet}/${nonReaderable.length}; article returned anyway on ${nonReaderable.filter((row) => row.found).length}`);
console.log(
  `comments: found on ${withComments.length} pages (${withComments.map((row) => `${row.name} ${row.namedComments}/${row.comments} with author`).join(', ')})`,
);
console.log(
  `time: findArticle ${oursTotal.toFixed(0)} ms, Readability parse() ${theirsTotal.toFixed(0)} ms: ${speedup.toFixed(1)}× faster in total, ` +
    `${medianRatio.toFixed(1)}× per page (median) (target ≥ ${TARGETS.speedup}×) ${verdict(speedup >= TARGETS.speedup)}`,
);
const met = recall >= TARGETS.recall && precision >= TARGETS.precision && f1Share >= TARGETS.f1Share && speedup >= TARGETS.speedup;
process.exitCode = met ? 0 : 1;
