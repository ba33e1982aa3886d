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

/** Sentences a careful reader reads as one, with the full stops of abbreviations and initials inside. */
const ONE_SENTENCE = [
  'The U.N. Security Council will meet again on Friday.',
  'Sen. Alvarez and Rep. Okafor voted against the bill.',
  'Dr. Lena Park told Mr. Hughes and Mrs. Hughes that the clinic had closed.',
  'Gov. Reyes met Gen. Tanaka and Lt. Col. Varga at the base.',
  'The Rt. Hon. Keith Mitchell has voiced his support for the new law.',
  'The parade passed St. Mark’s church on Feb. 12 at noon.',
  'Her office moved to No. 14 Mill Lane in Jan. 2019.',
  'It was the home side vs. the visitors, e.g. a derby, i.e. a local match.',
  'Northwind Inc. and Bluefield Corp. announced the merger on Monday.',
  'Tom Ridley Jr. said the ruling was unfair.',
  'Michael R. Smith said the plan would cost $2 million.',
  'George H.W. Bush signed the treaty in 1991.',
  'The U.S. Army said two soldiers were hurt.',
  '“We were told to wait . . . and nobody came back,” she said.',
  '“It was a mistake,” said Mr. Adeyemi, who runs the charity.',
  '“This is far too big for the lake!” said one caller at the meeting.',
  '"Who approved it?" asked a resident of the valley.',
  'The rocket lifted off at 10:51 a.m. (1451 GMT) from the coast with 12 satellites.',
  'The polls closed at 8 p.m. Eastern and the count began at 9 p.m. Tuesday.',
  'The ferry left at 6:40 a.m. GMT with 300 passengers.',
  'She bought it on Amazon.com and paid with her U.S.A. card, e.g.Visa, at 9 p.m.',
];

/** Texts that hold two sentences even though the first ends in an abbreviation or a short form. */
const TWO_SENTENCES: [string, string, string][] = [
  ['Prices fell across the U.S. The next day they rose again.', 'Prices fell across the U.S.', 'The next day they rose again.'],
  ['The shares belong to Northwind Inc. It bought them in May.', 'The shares belong to Northwind Inc.', 'It bought them in May.'],
  ['The vote was set for Jan. Nobody came.', 'The vote was set for Jan.', 'Nobody came.'],
  ['He voted no. Then he left.', 'He voted no.', 'Then he left.'],
  ['She met Mr. Park. He was late.', 'She met Mr. Park.', 'He was late.'],
  ['The letter came from the U.N. “We are concerned,” it said.', 'The letter came from the U.N.', '“We are concerned,” it said.'],
  ['The alarm went off at 12:15 a.m. Okafor said nobody was hurt.', 'The alarm went off at 12:15 a.m.', 'Okafor said nobody was hurt.'],
  ['The group had ties to Al Qaeda.Underwriting the attack cost $40,000.', 'The group had ties to Al Qaeda.', 'Underwriting the attack cost $40,000.'],
  ['The crowd shouted “Stop!” Nobody did.', 'The crowd shouted “Stop!”', 'Nobody did.'],
];

describe('sentences and abbreviations', () => {
  it.each(ONE_SENTENCE)('keeps %j whole', (text) => {
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([text]);
  });

  it.each(TWO_SENTENCES)('splits %j after the abbreviation', (text, first, second) => {
    expect(splitSentences(text).map(({ start, end }) => text.slice(start, end))).toEqual([first, second]);
  });
});
