import { describe, expect, it } from 'vitest';
import { isOneSentence, splitSentences } from '../../lib/engine/text';

/**
 * The sentence splitter skips Intl.Segmenter for text it can tell is one sentence; it must agree
 * with the segmenter everywhere, including the cases where a quote or bracket after a space
 * starts a new sentence.
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const segmenterCount = (text: string) => [...segmenter.segment(text)].filter((s) => s.segment.trim()).length;

const CASES = [
  'No full stop at all',
  'One sentence.',
  'Really?!',
  'He said “enough.”',
  'He said “enough.” ',
  'It was over (for now.)',
  'Read the full document here. )',
  'Faith without works is dead. "',
  'Where is he? "',
  'Wait. . .',
  'In the U.S. budget',
  'It rose 3.5 percent.',
  'First one. Second one.',
  'First one! second one',
  'Ends with dots…',
  '这是一句话。这是第二句。',
  '这是一句话。',
  'Line\u2028separated',
  'No. 5 is the answer.',
  'Hmm... maybe.',
];

describe('sentence splitting', () => {
  it.each(CASES)('agrees with Intl.Segmenter on whether %j is one sentence', (text) => {
    if (isOneSentence(text)) expect(segmenterCount(text)).toBeLessThanOrEqual(1);
    expect(splitSentences(text)).toHaveLength(segmenterCount(text));
  });

  it('takes the short way for most single sentences', () => {
    expect(['One sentence.', 'Really?!', 'He said “enough.”', 'No full stop at all'].every(isOneSentence)).toBe(true);
    expect(['First one. Second one.', 'Read the full document here. )'].some(isOneSentence)).toBe(false);
  });

  it('reads a long run of spaced full stops in one pass (no backtracking)', () => {
    const text = `${'. '.repeat(5_000)}x`;
    expect(isOneSentence(text)).toBe(false);
    expect(isOneSentence(`Wait${'. '.repeat(5_000)}`)).toBe(true);
  });

  it('gives trimmed offsets for each sentence of a paragraph', () => {
    const text = '  The budget grew. Nobody asked why?  \nA heading\nLast line.';
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual(['The budget grew.', 'Nobody asked why?', 'A heading', 'Last line.']);
  });
});
