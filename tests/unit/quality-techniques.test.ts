import { describe, expect, it } from 'vitest';
import { runs } from '../../lib/engine/tagger';
import { analyse } from '../../lib/engine/text';
import { earlierCounts, scoreKey, sentenceKeys, sentenceShape, spanFeatures } from '../../lib/engine/token-features';
import { defaultAnnotator } from '../../lib/rules/default-packs';

/**
 * What a reader notices of the technique marks, one table per technique: sentences written for
 * these tests (none taken from the training data) that must be marked with the technique, and
 * plain reporting that must stay unmarked. Pinned after retraining the learned tagger
 * (`npm run train -- ptc`) and measuring it on PTC dev (`npm run bench:quality -- ptc`).
 */

const annotator = defaultAnnotator();
const techniques = (text: string) => annotator.annotateArticle(text).filter((a) => a.kind === 'technique');
const categoriesIn = (text: string) => techniques(text).map((a) => a.category);

describe('each technique, in sentences a reader would flag', () => {
  it.each([
    ['loaded-language', 'The senator’s reckless and shameful scheme will bleed the farmers dry.'],
    ['loaded-language', 'Their barbaric assault on free speech must be stopped.'],
    ['name-calling', 'The puppet government in the capital takes its orders from abroad.'],
    ['name-calling', 'Only the warmongers in the ministry cheered the decision.'],
    ['exaggeration', 'The new tax will totally destroy every small shop in the country.'],
    ['exaggeration', 'Their endless lies have poisoned the debate.'],
    ['doubt', 'Can we really trust a ministry that has lied to us so often?'],
    ['doubt', 'The supposedly independent panel was paid by the ministry.'],
    ['appeal-to-fear', 'If nothing is done, our children will be in grave danger.'],
    ['appeal-to-fear', 'Act now, before it is too late for all of us.'],
    ['flag-waving', 'As true patriots we will defend our homeland against anyone.'],
    ['causal-oversimplification', 'As a result of the new regulations, the whole industry collapsed.'],
    ['slogans', 'Drain the swamp!'],
    ['appeal-to-authority', 'Experts agree that the new vaccine is the only answer.'],
    ['black-and-white', 'You are either with the reformers or with the crooks.'],
    ['black-and-white', 'There is no alternative to the plan.'],
    ['thought-terminating-cliche', 'The deal fell through. End of story.'],
    ['whataboutism', 'What about the bombs their own allies dropped last year?'],
    ['whataboutism', 'Their outrage is a textbook case of double standards.'],
    ['bandwagon', 'The whole world knows that the treaty was a fraud.'],
    ['bandwagon', 'Those who oppose the bill are on the wrong side of history.'],
  ])('%s in “%s”', (technique, text) => {
    expect(categoriesIn(text)).toContain(technique);
  });
});

describe('neutral reporting stays unmarked', () => {
  it.each([
    'The council approved the new budget on Thursday by seven votes to two.',
    'The company reported revenue of 4.2 billion dollars for the quarter.',
    'The minister said the talks would resume in March.',
    'The river rose by two metres after three days of rain.',
    'Officials opened the new bridge to traffic on Monday morning.',
    'The report was published by the statistics office last week.',
    // Words the rules look for, used plainly.
    'The pressure in the tank stayed constant during the test.',
    'Either of the two candidates may apply for the grant.',
    'The regiment marched through the town at noon.',
    'The experts panel will meet again in the spring.',
  ])('nothing in “%s”', (text) => {
    expect(categoriesIn(text)).toEqual([]);
  });

  // Stock phrases and causal cues that matched plain prose in PTC train ("that that" read as
  // "that's that", "woke up" as "wake up", "thanks to" crediting a source), now dropped.
  it.each([
    ['thought-terminating-cliche', 'She said that that was the last train of the night.'],
    ['thought-terminating-cliche', 'He woke up early and drove to the station.'],
    ['thought-terminating-cliche', 'At the end of the day the office closes at six.'],
    ['causal-oversimplification', 'Photo courtesy of the archive, thanks to the library staff.'],
    ['causal-oversimplification', 'That is why the meeting was moved to Friday.'],
  ])('no %s in “%s”', (technique, text) => {
    expect(categoriesIn(text)).not.toContain(technique);
  });

  it('reads a hyphenated word as one word: no loaded piece of a compound', () => {
    const text = 'That is the gist of this robotic blast-a-thon, which pits two teams of three against one another.';
    expect(techniques(text).map((a) => text.slice(a.start, a.end)).filter((p) => /^blast\b/.test(p))).toEqual([]);
  });

  it('reads a set phrase of plain meaning as plain, and the same strong word in prose as loaded', () => {
    const plain = 'As a rule of thumb, the greedy algorithm picks the cheapest cell. The film became a cult hit, a horror film with a panic attack scene.';
    expect(techniques(plain).map((a) => plain.slice(a.start, a.end)).filter((c) => /thumb|greedy|cult|horror|panic/i.test(c))).toEqual([]);
    const loaded = 'The greedy landlords raised the rent again, and the tenants live in horror and panic.';
    expect(techniques(loaded).map((a) => loaded.slice(a.start, a.end)).join(' | ')).toMatch(/greedy/);
  });

  it('reads news words of plain meaning as plain: an explosion, a resort that has a pool, a fraud’s name, fans who panic', () => {
    const plain =
      'Two people died in the blast near the station, and a second blast hit the market. The town boasts a golf course and boasts 25 hotels. Ponzi schemer Dale Moss was jailed for 40 years. Fans began freaking out after the celebrity death hoax spread online. The story came from a hoax website, and the hunt for its owner goes on.';
    expect(techniques(plain).map((a) => plain.slice(a.start, a.end)).filter((c) => /blast|boast|schemer|freak|hoax|hunt/i.test(c))).toEqual([]);
    const loaded = 'The minister boasted shamelessly about his cruel schemes, and the wicked schemer blasted his critics.';
    expect(techniques(loaded).map((a) => loaded.slice(a.start, a.end)).join(' | ')).toMatch(/schemer|boasted|blasted/);
  });

  it('marks a loaded phrase whole: the adverb that intensifies it and the noun it loads', () => {
    const text = 'What a week. The senator defended his utterly shameful decision again, and then blamed his staff for the blatant ignorance of the memo.';
    const cues = techniques(text).map((a) => text.slice(a.start, a.end));
    expect(cues).toContain('utterly shameful decision');
    expect(cues).toContain('blatant ignorance');
  });

  it('marks a charged sentence but not the plain report beside it', () => {
    const text = 'The committee published its findings on Tuesday. The shameful cowards in the ministry buried the truth.';
    const marks = techniques(text);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.start).toBeGreaterThan(text.indexOf('Tuesday'));
  });
});

describe('the tagger’s features', () => {
  it('counts how often each word came earlier, leaving out function words', () => {
    const analysed = analyse('The wall is a lie. The wall is a lie again.');
    const counts = [...earlierCounts(analysed)];
    const stems = analysed.tokens.map((t) => t.stem);
    expect(counts[stems.lastIndexOf(stems[1]!)]).toBe(1);
    expect(counts[0]).toBe(0);
  });

  it('buckets the sentence model’s probability into tenths', () => {
    expect(scoreKey(0)).toBe('s0');
    expect(scoreKey(0.55)).toBe('s5');
    expect(scoreKey(1)).toBe('s9');
  });

  it('reads a sentence as its distinct stems and its shape', () => {
    const analysed = analyse('Why? Why would anyone believe them?');
    const sentence = analysed.sentences[1]!;
    const keys = sentenceKeys(analysed, sentence, sentenceShape(analysed, sentence));
    expect(keys.has('<q?>')).toBe(true);
  });

  it('gives a span the word after it and whether its words were said before', () => {
    const analysed = analyse('The plan failed. Experts say the plan failed because of greed.');
    const sentence = analysed.sentences[1]!;
    const shape = sentenceShape(analysed, sentence);
    const first = analysed.tokens.findIndex((t, i) => i >= sentence.firstToken && t.stem === analysed.tokens[1]!.stem);
    const features = spanFeatures(analysed, sentence, first, first + 2, false, shape, earlierCounts(analysed));
    expect(features).toContain('rep=all');
    expect(features).toContain(`n=${analysed.tokens[first + 2]!.stem}`);
    expect(new Set(features).size).toBe(features.length);
  });

  it('joins runs across gaps no longer than the bridge', () => {
    expect(runs([1, -1, -1, 1], 0, 2)).toEqual([[0, 4]]);
    expect(runs([1, -1, -1, 1], 0, 1)).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });
});
