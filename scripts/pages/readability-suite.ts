/**
 * Mozilla Readability's saved test pages (`readability-pages`): per page, word recall and
 * precision of Plainsight's article text against Readability's `expected.html`, the medians, the
 * share of pages with F1 ≥ 0.8, the not-readerable pages left alone, and the time of the finders
 * beside Readability's `parse()`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHtmlDocument } from '../../cli/parse-html';
import { isProbablyArticlePage } from '../../lib/page/article-precheck';
import { wordScores } from '../../lib/page/word-overlap';
import { median, num, pad, runPage, timeLine, verdict, type PageRun } from './common';

const URL_OF_PAGE = 'http://fakehost/test/page.html';
const TARGETS = { recall: 0.95, precision: 0.95, f1Share: 0.95, f1: 0.8, speedup: 5 };

interface Row extends PageRun {
  name: string;
  readerable: boolean;
  /** The cheap pre-check said "article page". */
  looksLikeArticle: boolean;
  recall: number;
  precision: number;
  f1: number;
}

async function measure(folder: string, name: string): Promise<Row> {
  const html = readFileSync(join(folder, 'source.html'), 'utf8');
  const metadata = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
  const expected = loadHtmlDocument(readFileSync(join(folder, 'expected.html'), 'utf8'));
  const check = loadHtmlDocument(html, URL_OF_PAGE);
  try {
    const run = await runPage(html, URL_OF_PAGE);
    const scores = wordScores(run.article ?? '', expected.document.body?.textContent ?? '');
    return { ...run, ...scores, name, readerable: metadata.readerable !== false, looksLikeArticle: isProbablyArticlePage(check.document) };
  } finally {
    await Promise.all([expected.close(), check.close()]);
  }
}

/** Scores the suite in `corpus` (each page a folder with `source.html`), printing a line per page. */
export async function benchReadabilitySuite(corpus: string, names: readonly string[]): Promise<void> {
  const rows: Row[] = [];
  for (const name of names) rows.push(await measure(join(corpus, name), name));

  console.log(`${pad('page', 42)} ${'recall'.padStart(7)} ${'prec'.padStart(7)} ${'F1'.padStart(7)} ${'ours ms'.padStart(8)} ${'Rdb ms'.padStart(8)} ${'cmts'.padStart(5)}  note`);
  for (const row of rows) {
    const note = !row.readerable
      ? row.looksLikeArticle ? 'not readerable: NOT quiet' : 'not readerable: quiet'
      : row.article === null ? 'NO ARTICLE' : row.f1 < TARGETS.f1 ? 'F1 < 0.8' : '';
    console.log(
      `${pad(row.name, 42)} ${num(row.recall)} ${num(row.precision)} ${num(row.f1)} ${num(row.ours, 8, 1)} ${num(row.readability, 8, 1)} ${String(row.comments.length).padStart(5)}  ${note}`,
    );
  }

  const readerable = rows.filter((row) => row.readerable);
  const nonReaderable = rows.filter((row) => !row.readerable);
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const recall = median(readerable.map((row) => row.recall));
  const precision = median(readerable.map((row) => row.precision));
  const f1Share = readerable.filter((row) => row.f1 >= TARGETS.f1).length / Math.max(1, readerable.length);
  const withComments = rows.filter((row) => row.comments.length > 0);
  console.log('');
  console.log(`pages: ${rows.length} (${readerable.length} readerable, ${nonReaderable.length} not)`);
  console.log(`article found: ${readerable.filter((row) => row.article !== null).length}/${readerable.length} readerable pages`);
  console.log(`median recall ${recall.toFixed(3)} (target ≥ ${TARGETS.recall}) ${verdict(recall >= TARGETS.recall)}; mean ${mean(readerable.map((row) => row.recall)).toFixed(3)}`);
  console.log(`median precision ${precision.toFixed(3)} (target ≥ ${TARGETS.precision}) ${verdict(precision >= TARGETS.precision)}; mean ${mean(readerable.map((row) => row.precision)).toFixed(3)}`);
  console.log(`F1 ≥ ${TARGETS.f1} on ${(f1Share * 100).toFixed(1)}% of readerable pages (target ≥ ${TARGETS.f1Share * 100}%) ${verdict(f1Share >= TARGETS.f1Share)}`);
  console.log(`readerable, passed by the pre-check (isProbablyArticlePage): ${readerable.filter((row) => row.looksLikeArticle).length}/${readerable.length}`);
  console.log(
    `not readerable, quiet (pre-check says no article): ${nonReaderable.filter((row) => !row.looksLikeArticle).length}/${nonReaderable.length}; ` +
      `article returned anyway on ${nonReaderable.filter((row) => row.article !== null).length}`,
  );
  const named = (row: Row): number => row.comments.filter((comment) => comment.author).length;
  console.log(`comments: found on ${withComments.length} pages (${withComments.map((row) => `${row.name} ${named(row)}/${row.comments.length} with author`).join(', ')})`);
  console.log(timeLine(rows, TARGETS.speedup));
}
