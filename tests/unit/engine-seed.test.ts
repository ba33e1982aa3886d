import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/engine/text';
import type { Annotation } from '../../lib/engine/types';
import { defaultAnnotator } from '../../lib/rules/default-packs';
import { readSeed } from '../fixtures/seed';

/**
 * The seed article, sentence by sentence, with the outcome the annotation guide gives for it:
 * whether it is a claim and how it is sourced, and exactly which techniques it carries. Every
 * sentence of the seed must have a row, so a sentence that starts being marked, or stops, fails.
 */

type Row = [prefix: string, claim: 'attributed' | 'vague' | 'none' | null, techniques: string[]];

const ARTICLE: Row[] = [
  ['The brand-new space race is upon us', null, []],
  ['It moves into two directions', null, []],
  ['Resources need to be extracted', null, []],
  ['The second aspect of the race', null, []],
  ['Currently, if the United States is asked', 'vague', ['loaded-language']],
  ['After all, the first deployment', 'none', []],
  ['The US is the party that keeps involving', 'none', ['loaded-language']],
  ['In order to compete', 'none', ['exaggeration', 'loaded-language']],
  ['Currently, the most reliable way', 'none', []],
  ['Elon Musk’s efforts are still short', 'vague', []],
  ['Another setback to US efforts', 'none', ['causal-oversimplification', 'exaggeration', 'repetition']],
  ['Washington has proven itself', null, ['name-calling']],
  ['Shortly thereafter, Russia and China announced', 'attributed', []],
  ['Not a Russian and Chinese one', null, []],
  ['Roskosmos Chief Dmitry Rogozin', 'attributed', ['loaded-language']], // "mocking", a less certain mark
  ['Other countries such as India', null, []],
  ['While spreading the loudest claims', null, ['exaggeration', 'whataboutism']],
  ['Even if the US statements', null, ['appeal-to-fear', 'doubt']],
  ['The United states actively attempts', null, ['loaded-language']],
  ['How unlikely is it', null, ['doubt']],
  ['The space race is yet another field', null, ['causal-oversimplification', 'loaded-language']],
];

/** Spans the guide names, which must be marked with exactly these words. */
const CUES: [category: string, cue: string][] = [
  ['claim', 'the first deployment of the US Space Force was to Qatar'],
  ['loaded-language', 'sitting idly'],
  ['loaded-language', '‘civil’'],
  ['loaded-language', '“democratic will”'],
  ['name-calling', 'disloyal partner'],
  ['exaggeration', 'constant accusations'],
  ['exaggeration', 'the loudest claims'],
  ['appeal-to-fear', 'every nation’s space infrastructure is under threat'],
  ['doubt', 'How unlikely is it that it attempts to do the same in space?'],
];

const seed = readSeed();
const text = seed.paragraphs.join('\n\n');
const annotations = defaultAnnotator().annotateArticle(text);
const sentences = splitSentences(text);

function inSentence(s: { start: number; end: number }): Annotation[] {
  return annotations.filter((a) => a.start < s.end && a.end > s.start);
}

describe('the seed article, sentence by sentence', () => {
  it('has a row for every sentence', () => {
    const unlisted = sentences
      .map((s) => text.slice(s.start, s.end))
      .filter((sentence) => !ARTICLE.some(([prefix]) => sentence.startsWith(prefix)));
    expect(unlisted).toEqual([]);
  });

  it.each(ARTICLE)('%s …', (prefix, claim, techniques) => {
    const sentence = sentences.find((s) => text.startsWith(prefix, s.start));
    expect(sentence, `no sentence starts with "${prefix}"`).toBeDefined();
    const found = inSentence(sentence!);
    const claims = found.filter((a) => a.kind === 'claim');
    if (claim === null) expect(claims).toEqual([]);
    else expect(claims.map((c) => c.sourcing)).toEqual([claim]);
    const categories = [...new Set(found.filter((a) => a.kind === 'technique').map((a) => a.category))].sort();
    expect(categories).toEqual([...techniques].sort());
  });

  it.each(CUES)('marks %s on “%s” exactly', (category, cue) => {
    const start = text.indexOf(cue);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(annotations).toContainEqual(expect.objectContaining({ category, start, end: start + cue.length }));
  });

  it('quotes the marked words in every explanation', () => {
    for (const a of annotations) {
      expect(a.explanation.length).toBeGreaterThan(20);
      if (a.kind === 'technique') expect(a.explanation).toContain(text.slice(a.start, Math.min(a.end, a.start + 30)).replace(/^[‘“]/, ''));
    }
  });
});

type CommentRow = [author: string, opening: string, flags: string[], techniques: string[]];

const COMMENTS: CommentRow[] = [
  ['Assad must stay', 'Whole world needs to work together', [], []],
  ['Ivan Freely', 'There’s no race', [], ['exaggeration', 'loaded-language']], // "the incompetence of the contractors"
  ['Just Me', 'Yes, but China is not USSR', ['insult'], ['name-calling']],
  ['Just Me', 'The US a$$holes will be losers', ['insult'], ['name-calling']],
  ['johnny rotten', 'Hyperinflation will kill the Yankees', ['dehumanizing'], ['exaggeration']],
  ['', 'As of end 2019 the cost of US involvement', ['unsourced-figure'], []],
  ['', 'Elon Musk’s projects are either cancelled', ['conspiracy'], ['black-and-white', 'causal-oversimplification']],
];

describe('the seed comments', () => {
  const judged = defaultAnnotator().annotateComments(seed.comments, text);

  it('reads all seven', () => {
    expect(judged.map((c) => c.author)).toEqual(COMMENTS.map(([author]) => author));
    judged.forEach((c, i) => expect(c.text.startsWith(COMMENTS[i]![1])).toBe(true));
  });

  it.each(COMMENTS.map((row, i) => [i, ...row] as const))('#%i by “%s” (%s …)', (i, _author, _opening, flags, techniques) => {
    const comment = judged[i]!;
    expect([...new Set(comment.flags.map((f) => f.category))].sort()).toEqual([...flags].sort());
    expect([...new Set(comment.annotations.map((a) => a.category))].sort()).toEqual([...techniques].sort());
    for (const f of comment.flags) expect(f.explanation).toContain(comment.text.slice(f.start, f.end).slice(0, 30));
  });

  it('catches the disguised spelling “a$$holes” whole', () => {
    for (const comment of judged.filter((c) => c.text.includes('a$$holes'))) {
      const insult = comment.flags.find((f) => f.category === 'insult');
      expect(comment.text.slice(insult!.start, insult!.end)).toBe('a$$holes');
    }
  });
});
