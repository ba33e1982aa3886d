/**
 * The project's own corpus of real-shaped pages (`tests/fixtures/corpus/<name>/page.html` beside
 * `expected.json`): the article is found with the expected words, and the comments with their
 * authors and texts, in order. Runs without `../shared`. How to add a page: the corpus README.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isProbablyArticlePage } from '../../lib/page/article-precheck';
import { findArticle } from '../../lib/page/find-article';
import { findComments } from '../../lib/page/find-comments';
import { wordScores } from '../../lib/page/word-overlap';
import { CORPUS_PAGES, readCorpusPage } from '../fixtures/corpus';
import { loadPage } from '../fixtures/dom';

/** Word agreement with the expected article (pull quotes and captions may differ slightly). */
const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.95;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe.each(CORPUS_PAGES)('corpus page %s', (name) => {
  const { html, expected } = readCorpusPage(name);
  const page = loadPage(html, `https://example.org/${name}/`);
  const article = findArticle(page.document);
  const comments = findComments(page.document, article);
  afterAll(() => page.close());

  it(expected.article === null ? 'finds no article' : 'finds the article with its title and words', () => {
    if (expected.article === null) {
      expect(article?.text ?? null).toBeNull();
      return;
    }
    expect(article).not.toBeNull();
    expect(article?.title).toBe(expected.title);
    const { recall, precision } = wordScores(article?.text ?? '', expected.article);
    expect(recall, 'recall').toBeGreaterThanOrEqual(MIN_RECALL);
    expect(precision, 'precision').toBeGreaterThanOrEqual(MIN_PRECISION);
    for (const furniture of expected.absent ?? []) expect(collapse(article?.text ?? '')).not.toContain(furniture);
  });

  it(`${expected.article === null ? 'fails' : 'passes'} the cheap article-page check`, () => {
    expect(isProbablyArticlePage(page.document)).toBe(expected.article !== null);
  });

  it('finds the comments with their authors and texts, replies apart', () => {
    expect(comments.map((comment) => ({ author: comment.author, text: collapse(comment.text) }))).toEqual(
      expected.comments.map((comment) => ({ author: comment.author, text: collapse(comment.text) })),
    );
  });

  it('keeps comment text out of the article and article text out of the comments', () => {
    const articleText = collapse(article?.text ?? '');
    for (const comment of comments) {
      expect(articleText).not.toContain(collapse(comment.text).slice(0, 60));
      for (const root of article ? [article.root] : []) expect(comment.root.contains(root)).toBe(false);
    }
  });
});
