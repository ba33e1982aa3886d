import { describe, expect, it } from 'vitest';
import { blankDegenerate, degenerateSpans } from '../../lib/engine/degenerate';
import { defaultAnnotator } from '../../lib/rules/default-packs';
import { readSeed } from '../fixtures/seed';

/** Degenerate text says nothing: the engine leaves it alone, and leaves prose as it was. */

const annotator = defaultAnnotator();

describe('degenerate sentences', () => {
  it.each([
    'The government is very very very very very very corrupt.',
    'the the the the the the the the the the the the',
    'Experts say the the the the the economy will collapse by 2030 according to the report.',
    'Ha ha ha ha ha ha ha ha.',
    'Buy now buy now buy now buy now buy now buy now buy now!',
    'Corrupt, Corrupt, Corrupt, Corrupt, Corrupt, Republican Corruption',
  ])('%j is degenerate', (sentence) => {
    expect(degenerateSpans(sentence)).toHaveLength(1);
  });

  it.each([
    'It was a very, very, very long night for the negotiators in Geneva.',
    'The the of the title is a typo, said the editor.',
    '@USER @USER @USER @USER @USER @USER You must be talking about hateful conservatives.',
    'Washington has proven itself as a disloyal partner, and the partners know it.',
    'No, no, no: the bill passed the Senate on Tuesday by 52 votes to 48.',
  ])('%j is prose', (sentence) => {
    expect(degenerateSpans(sentence)).toEqual([]);
  });

  it('are blanked in place, so every offset after them stays the same', () => {
    const text = 'A real sentence here. Very very very very very very bad. Another real one.';
    const blank = blankDegenerate(text);
    expect(blank).toHaveLength(text.length);
    expect(blank).toBe(`A real sentence here.${' '.repeat(35)} Another real one.`);
    expect(blankDegenerate('Nothing to blank here.')).toBe('Nothing to blank here.');
  });

  it('are found in time linear in the text', () => {
    const text = 'very '.repeat(1_000_000);
    const started = performance.now();
    expect(degenerateSpans(text)).toEqual([{ start: 0, end: text.length }]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('the annotator on degenerate text', () => {
  const degenerate = [
    ('The government is very very very very very very corrupt and the the the the the media lies. ').repeat(100),
    ('Experts say the the the the the economy will collapse by 2030 according to the report. ').repeat(60),
    ('the ').repeat(3000),
  ];

  it.each(degenerate.map((t) => [t.slice(0, 40), t]))('marks nothing in an article of %j…', (_, text) => {
    expect(annotator.annotateArticle(text)).toEqual([]);
  });

  it('marks no technique in a degenerate comment, yet still flags its abuse', () => {
    const [comment] = annotator.annotateComments([{ author: 'A', text: 'NO NO NO NO NO, you are an idiot and a liar, a liar, a liar!' }], null);
    expect(comment!.annotations).toEqual([]);
    expect(comment!.flags.map((f) => f.category)).toContain('insult');
  });

  it('marks prose between degenerate sentences as it would alone, at the same offsets', () => {
    const { text } = { text: readSeed().paragraphs.join('\n') };
    const noise = `${'very '.repeat(40)}bad.\n`;
    const alone = annotator.annotateArticle(text);
    const among = annotator.annotateArticle(noise + text);
    expect(among.map((a) => [a.start - noise.length, a.end - noise.length, a.category])).toEqual(alone.map((a) => [a.start, a.end, a.category]));
    expect(alone.length).toBeGreaterThan(10);
  });
});
