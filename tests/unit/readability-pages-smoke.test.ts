/**
 * Runs the finders on Mozilla Readability's 130 saved test pages (`../shared/data/readability-pages`,
 * present in CI): they must never throw, must return well-formed mapped text, must find the article
 * on the pages Readability calls readerable, and must agree in words with Readability's output.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsableMarkup } from '../../cli/parse-html';
import { findArticle } from '../../lib/page/find-article';
import { findComments } from '../../lib/page/find-comments';
import type { MappedText } from '../../lib/page/types';
import { countSharedWords, wordsOf } from '../../lib/page/word-overlap';
import { loadPage } from '../fixtures/dom';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/readability-pages');
const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'source.html'))).sort() : [];

/** Floors reached on the corpus (100% found, median recall and precision 1.0), with some slack. */
const MIN_FOUND_RATE = 0.95;
const MIN_MEDIAN_RECALL = 0.95;
const MIN_MEDIAN_PRECISION = 0.9;
/** Pages with real reader comments in their markup, and the least each must yield. */
const COMMENT_PAGES: Record<string, number> = { wordpress: 13, 'firefox-nightly-blog': 2, '002': 2 };

interface PageResult {
  name: string;
  readerable: boolean;
  found: boolean;
  recall: number;
  precision: number;
  milliseconds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function expectWellFormed(mapped: MappedText): void {
  let end = 0;
  for (const segment of mapped.segments) {
    expect(segment.start).toBeGreaterThanOrEqual(end);
    expect(segment.length).toBeGreaterThan(0);
    expect(mapped.text.slice(segment.start, segment.start + segment.length)).toBe(
      segment.node.data.slice(segment.nodeOffset, segment.nodeOffset + segment.length),
    );
    end = segment.start + segment.length;
  }
  expect(end).toBeLessThanOrEqual(mapped.text.length);
}

describe('finders on the Readability test pages', () => {
  const results: PageResult[] = [];

  it('has the corpus', () => {
    expect(existsSync(CORPUS), `../shared/data/readability-pages is missing (looked for ${CORPUS})`).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(100);
  });

  it.each(pages)('%s: runs and returns well-formed results', async (name) => {
    const folder = join(CORPUS, name);
    const metadata = JSON.parse(readFileSync(join(folder, 'expected-metadata.json'), 'utf8')) as { readerable?: boolean };
    // As `annotate` reads it: without the style elements happy-dom mis-parses (see parse-html.ts).
    const page = loadPage(parsableMarkup(readFileSync(join(folder, 'source.html'), 'utf8')), 'http://fakehost/test/page.html');
    const reference = loadPage(readFileSync(join(folder, 'expected.html'), 'utf8'));
    try {
      const started = performance.now();
      const article = findArticle(page.document);
      const comments = findComments(page.document, article);
      const milliseconds = performance.now() - started;
      if (article) {
        expectWellFormed(article);
        expect(article.root.isConnected).toBe(true);
      }
      for (const comment of comments) expectWellFormed(comment);
      expect(comments.length).toBeGreaterThanOrEqual(COMMENT_PAGES[name] ?? 0);
      const articleText = (article?.text ?? '').replace(/\s+/g, ' ');
      for (const comment of comments) {
        if (name in COMMENT_PAGES) expect(comment.author, comment.text).not.toBe('');
        expect(articleText).not.toContain(comment.text.replace(/\s+/g, ' ').trim().slice(0, 80));
        if (article) expect(comment.root.contains(article.root)).toBe(false);
      }
      const expected = wordsOf(reference.document.body.textContent ?? '');
      const found = wordsOf(article?.text ?? '');
      const shared = countSharedWords(found, expected);
      results.push({
        name,
        readerable: metadata.readerable !== false,
        found: article !== null,
        recall: expected.length === 0 ? 1 : shared / expected.length,
        precision: found.length === 0 ? 0 : shared / found.length,
        milliseconds,
      });
    } finally {
      await page.close();
      await reference.close();
    }
  });

  it('finds the article on most readerable pages, with the words Readability finds', () => {
    expect(pages.length, '../shared/data/readability-pages is missing: no page was read').toBeGreaterThan(0);
    expect(results.length).toBe(pages.length);
    const readerable = results.filter((result) => result.readerable);
    const foundRate = readerable.filter((result) => result.found).length / readerable.length;
    const recall = median(results.map((result) => result.recall));
    const precision = median(results.filter((result) => result.found).map((result) => result.precision));
    const milliseconds = results.reduce((sum, result) => sum + result.milliseconds, 0);
    const missed = readerable.filter((result) => !result.found).map((result) => result.name);
    console.info(
      `readability pages: article found on ${(foundRate * 100).toFixed(1)}% of readerable pages (missed: ${missed.join(', ') || 'none'}), ` +
        `median word recall ${recall.toFixed(3)}, median precision ${precision.toFixed(3)}, finders ${milliseconds.toFixed(0)} ms for ${results.length} pages`,
    );
    expect(foundRate).toBeGreaterThanOrEqual(MIN_FOUND_RATE);
    expect(recall).toBeGreaterThanOrEqual(MIN_MEDIAN_RECALL);
    expect(precision).toBeGreaterThanOrEqual(MIN_MEDIAN_PRECISION);
  });
});
