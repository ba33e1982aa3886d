import { describe, expect, it } from 'vitest';
import { appendComments, compactFrame, countsOnly, flaggedCount } from '../../lib/background/summary';
import { ARTICLE_LIMIT, firstPart, withinLimits } from '../../lib/background/long-text';
import { frameSummarySchema, type FrameSummary } from '../../lib/messages';

/** What the worker keeps per tab for the popup: small enough for session storage, honest about what it left out. */

const frame = (techniques: number, comments: number): FrameSummary => ({
  url: 'https://news.example/a',
  title: 'A',
  hasArticle: true,
  language: { code: 'en', covered: true },
  claims: [],
  techniques: Array.from({ length: techniques }, (_, i) => ({
    id: `a${i}`,
    category: 'name-calling' as const,
    text: `mark ${i} `.repeat(15),
    explanation: 'Name calling labels the target instead of arguing. '.repeat(3),
    confident: i % 3 === 0,
  })),
  comments: Array.from({ length: comments }, (_, i) => ({ id: `c${i}`, author: `R${i}`, excerpt: 'x'.repeat(160), flags: ['insult' as const], confident: true })),
});

describe('a tab summary kept for the popup', () => {
  it('is left as it is when small', () => {
    const small = frame(10, 10);
    expect(compactFrame(small)).toBe(small);
  });

  it('lists at most a few hundred marks per list, the sure ones first in page order, and counts the rest', () => {
    const big = frame(2_000, 1_000);
    const compact = compactFrame(big);
    expect(frameSummarySchema().safeParse(compact).success).toBe(true);
    expect(JSON.stringify(compact).length).toBeLessThanOrEqual(300_000);
    expect(compact.techniques.every((t) => t.confident)).toBe(true);
    const ids = compact.techniques.map((t) => Number(t.id.slice(1)));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(compact.techniques.length + compact.unlisted!.techniques.all).toBe(2_000);
    expect(compact.comments.length + compact.unlisted!.comments.all).toBe(1_000);
    // The badge still counts every mark the reader would see.
    expect(flaggedCount([compact], 'all')).toBe(flaggedCount([big], 'all'));
    expect(flaggedCount([compact], 'confident')).toBe(flaggedCount([big], 'confident'));
  });

  it('shrinks the lists further until the summary fits its budget', () => {
    const compact = compactFrame(frame(2_000, 1_000), 50_000);
    expect(JSON.stringify(compact).length).toBeLessThanOrEqual(50_000);
    expect(flaggedCount([compact], 'all')).toBe(3_000);
  });

  it('keeps only the numbers when even the compact summary cannot be stored, and says so', () => {
    const numbers = countsOnly(countsOnly(frame(500, 500)));
    expect(numbers.techniques).toEqual([]);
    expect(flaggedCount([numbers], 'all')).toBe(1_000);
    expect(numbers.notes).toEqual([expect.stringMatching(/too many results/)]);
  });
});

describe('an over-long text', () => {
  it('is cut after the last sentence that fits', () => {
    expect(firstPart('One. Two words here. Three is long.', 22)).toBe('One. Two words here.');
    expect(firstPart('short', 22)).toBe('short');
    expect(firstPart('word '.repeat(40), 103)).toBe('word '.repeat(20).trimEnd()); // no sentence end: after a word
    expect(firstPart('x'.repeat(50), 20)).toBe('x'.repeat(20)); // no space either: at the limit
  });

  it('is read in part, with a note, and the comments are kept', () => {
    const text = 'A sentence of five words. '.repeat(Math.ceil((ARTICLE_LIMIT * 1.5) / 26));
    const cut = withinLimits({ article: { title: 't', text }, comments: [{ author: 'a', text: 'hi' }] });
    expect(cut.article!.text.length).toBeLessThanOrEqual(ARTICLE_LIMIT);
    expect(cut.article!.text.endsWith('words.')).toBe(true);
    expect(cut.comments).toHaveLength(1);
    expect(cut.notes).toEqual([expect.stringMatching(/^article too long: annotated the first 19[\d,]+ words of 28[\d,]+$/)]);
  });
});

describe('a later batch of comments', () => {
  it('adds its comments, what it could not list and its notes to the frame', () => {
    const first = compactFrame(frame(0, 400));
    const later = { ...compactFrame({ ...frame(0, 400), notes: ['a comment too long: annotated the first 100,000 characters'] }), claims: [], techniques: [] };
    const both = compactFrame(appendComments(first, later));
    expect(both.comments.length + both.unlisted!.comments.all).toBe(800);
    expect(both.notes).toEqual(['a comment too long: annotated the first 100,000 characters']);
  });
});
