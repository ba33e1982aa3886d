import { describe, expect, it } from 'vitest';
import { attributedQuotes, insideAny, quotedSpans } from '../../lib/engine/quotes';
import { runs, trimRun } from '../../lib/engine/tagger';
import { analyse } from '../../lib/engine/text';
import { RulePackError, compileRulePack } from '../../lib/rules/compile';
import { defaultAnnotator } from '../../lib/rules/default-packs';

/**
 * What the quality benchmark (`npm run bench:quality`) found, pinned without its data: the
 * techniques and flags the annotator must mark, the false positives it no longer makes, quotes
 * attributed to a speaker, and the learned rule kinds' checks.
 */

const annotator = defaultAnnotator();
const techniquesIn = (text: string) =>
  annotator
    .annotateArticle(text)
    .filter((a) => a.kind === 'technique')
    .map((a) => a.category);
const claimsIn = (text: string) => annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
const flagsOf = (text: string) => annotator.annotateComments([{ author: '', text }], null)[0]!.flags.map((f) => f.category);

describe('techniques, one case or more each', () => {
  it.each([
    ['loaded-language', 'The invaders will destroy everything we hold dear.'],
    ['loaded-language', 'The hysterical media launched yet another witch hunt against the president.'],
    ['name-calling', 'These traitors betrayed the nation and their shameful lies must be exposed.'],
    ['name-calling', 'The corrupt regime of thugs is destroying our great nation.'],
    ['repetition', 'It faces constant accusations from the West. Because of the constant accusations, Russia left.'],
    ['exaggeration', 'It faces constant accusations from the West.'],
    ['doubt', 'Is it really a coincidence that the report came out today?'],
    ['appeal-to-fear', 'Every nation’s space infrastructure is under threat.'],
    ['flag-waving', 'The corrupt regime of thugs is destroying our great nation.'],
    ['causal-oversimplification', 'Because of immigrants, crime has exploded in our cities.'],
    ['slogans', 'Make America great again!'],
    ['appeal-to-authority', 'Experts agree that the policy is a success.'],
    ['black-and-white', 'Either we stand with our allies or we surrender to terror.'],
    ['thought-terminating-cliche', 'It is what it is.'],
    ['whataboutism', 'While spreading the loudest claims of its adversaries militarizing space, the United States is attempting to do specifically that.'],
    ['bandwagon', 'Everyone is joining the movement.'],
  ])('%s in “%s”', (technique, text) => {
    expect(techniquesIn(text)).toContain(technique);
  });

  it.each([
    'The committee met on Tuesday to review the budget.',
    'The temperature remained constant overnight.',
    'Elon Musk’s efforts are still short, as the latest test showed.',
    // Names and titles that recur in a report are not repetition (most repeated runs in PTC train).
    'The Bible in the Schools program is popular. Critics of the Bible in the Schools program disagree.',
    'Officials from the Director of National Intelligence met. The Director of National Intelligence agreed.',
  ])('nothing in “%s”', (text) => {
    expect(techniquesIn(text)).toEqual([]);
  });

  it('names the strongest words and the technique in a learned span’s explanation', () => {
    const [learned] = annotator.annotateArticle('Is it really a coincidence that the report came out today?').filter((a) => a.ruleId === 'learned.technique-tagger');
    expect(learned?.explanation).toMatch(/reads as doubt: wording such as “\w+”/);
    // The reader is told what the words do, not how the mark was computed.
    expect(learned?.explanation).not.toMatch(/model|corpus|trained/i);
  });
});

describe('quotations attributed to a speaker', () => {
  it.each([
    ['“We will never give in,” said John Smith.', true],
    ['“We will never give in,” Smith said.', true],
    ['John Smith said: “We will never give in.”', true],
    ['According to the minister, “we will never give in.”', true],
    ['It tries to impose its “democratic will” across the globe.', false],
    ['The formally ‘civil’ projects are military.', false],
  ] as const)('%s → %s', (text, attributed) => {
    expect(attributedQuotes(text).length > 0).toBe(attributed);
  });

  it('marks a technique inside the quotation as quoted, and the author’s own as not', () => {
    const quoted = annotator.annotateArticle('John Smith said: “The radical left is a disgrace to this country.”');
    expect(quoted.filter((a) => a.kind === 'technique').length).toBeGreaterThan(0);
    for (const a of quoted) if (a.kind === 'technique') expect(a.quoted).toBe(true);
    for (const a of annotator.annotateArticle('The radical left is a disgrace to this country.')) expect(a).not.toHaveProperty('quoted');
  });

  it('reads curly single quotes as a quotation, and apostrophes as none', () => {
    const text = 'Dan Moss told the radio, ‘Frankly, it’s a disgrace and a shameful betrayal.’ The dogs’ bowls were empty, and it’s the crew’s fault.';
    const quotes = quotedSpans(text);
    expect(quotes.map((q) => text.slice(q.start, q.end))).toEqual(['‘Frankly, it’s a disgrace and a shameful betrayal.’']);
    const marks = annotator.annotateArticle(text).filter((a) => a.kind === 'technique' && text.slice(a.start, a.end).includes('shameful'));
    expect(marks.length).toBeGreaterThan(0);
    for (const a of marks) expect(a.kind === 'technique' && a.quoted).toBe(true);
  });

  it('finds a span inside sorted quotes', () => {
    const text = 'a “b c” d “e” f';
    const quotes = quotedSpans(text);
    expect(quotes.map((q) => text.slice(q.start, q.end))).toEqual(['“b c”', '“e”']);
    expect(insideAny(quotes, { start: 3, end: 4 })).toBe(true);
    expect(insideAny(quotes, { start: 8, end: 9 })).toBe(false);
  });
});

describe('claims', () => {
  it.each(['He voted against the tax cut twice.', 'The senator opposed the bill.', 'The president signed the order on Monday.'])('a claim: %s', (text) => {
    expect(claimsIn(text)).toHaveLength(1);
  });

  it.each([
    'I think we should all work together.',
    'What are we going to do about it?',
    'Thank you very much for having me tonight.',
    // A vague generality about wishes and standing, not a checkable fact (the seed's row says so).
    'Other countries such as India, Israel and others also wish to partake in the space race, but they are still far behind in terms of their capability.',
  ])('no claim: %s', (text) => {
    expect(claimsIn(text)).toEqual([]);
  });
});

describe('comment flags', () => {
  it.each([
    ['you suck', 'insult'],
    ['liberals are trash', 'insult'],
    ['Go to hell', 'insult'],
    ['You are full of crap', 'insult'],
    ['Go back to your cave, moron', 'insult'],
    ['She is a lying bitch', 'insult'],
    ['Hyperinflation will kill the Yankees like an ox carcass.', 'dehumanizing'],
  ])('“%s” is flagged %s', (text, flag) => {
    expect(flagsOf(text)).toContain(flag);
  });

  it.each([
    'The class assessment of the Scunthorpe space budget is done.',
    'The lunar station is a great idea.',
    'Whole world needs to work together and share their knowledge and expertise',
    'I disagree with the author about the budget.',
    'Thanks for the thoughtful article.',
  ])('“%s” is not flagged', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });

  it('points the learned flag at a content word, never a function word or a word piece', () => {
    const [comment] = annotator.annotateComments([{ author: '', text: 'What a joke of a human being' }], null);
    for (const f of comment!.flags) expect(comment!.text.slice(f.start, f.end)).not.toMatch(/^(?:a|of|what)$/i);
  });
});

describe('the learned tagger’s decoding', () => {
  it('joins marked words across short gaps', () => {
    expect(runs([1, -1, 1, -1, -1, -1, 1], 0, 1)).toEqual([
      [0, 3],
      [6, 7],
    ]);
    expect(runs([1, 1, -1], 0, 0)).toEqual([[0, 2]]);
  });

  it('drops function words at a span’s edges', () => {
    const { tokens } = analyse('from the American people');
    expect(trimRun(tokens, 0, [0, 4])).toEqual([2, 4]);
    expect(trimRun(tokens, 0, [0, 2])).toEqual([2, 2]);
  });
});

describe('learned rule kinds are checked when a pack loads', () => {
  const tagger = {
    id: 'learned.test',
    category: 'loaded-language',
    kind: 'tagger',
    explanation: '{cue} reads as {technique}.',
    threshold: 0.5,
    minTokens: 1,
    maxTokens: 10,
    bridge: 0,
    tokenBias: -1,
    tokens: { w: { bad: 3 }, p: {}, n: {}, pp: {}, nn: {}, pw: {}, wn: {}, x: {} },
    labels: { 'loaded-language': { bias: 0, weights: {} } },
    examples: { fire: ['bad'], quiet: ['good'] },
  };
  const problems = (rule: Record<string, unknown>) => {
    try {
      compileRulePack({ family: 'techniques', version: 1, rules: [rule] }, 'test');
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(RulePackError);
      return (error as RulePackError).problems;
    }
  };

  it('accepts a well-formed tagger', () => {
    expect(problems(tagger)).toEqual([]);
  });

  it.each([
    ['a threshold outside (0, 1)', { threshold: 1.5 }, /threshold/],
    ['maxTokens below minTokens', { minTokens: 5, maxTokens: 2 }, /maxTokens/],
    ['a weight table that is a list', { tokens: { ...tagger.tokens, w: [1, 2] } }, /tokens\.w/],
    ['a missing template', { tokens: { w: {} } }, /tokens/],
  ])('rejects %s', (_what, change, problem) => {
    expect(problems({ ...tagger, ...change }).join('\n')).toMatch(problem);
  });
});
