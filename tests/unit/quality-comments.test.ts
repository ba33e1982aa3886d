import { describe, expect, it } from 'vitest';
import { type ClassifierRule, scoreComment } from '../../lib/engine/comment-classifier';
import { commentWords, normaliseWord } from '../../lib/engine/comment-features';
import { profanityFinder } from '../../lib/engine/profanity';
import { defaultAnnotator } from '../../lib/rules/default-packs';

/**
 * What a reader notices of the comment flags: abuse is flagged, disguised or not, and pointed at
 * the abusive word; civil disagreement, criticism of policies, and ordinary words that hold a
 * rude word's letters are left alone. The comments are written for this test.
 */

const annotator = defaultAnnotator();
const flagsOf = (text: string) => annotator.annotateComments([{ author: '', text }], null)[0]!.flags;
const offensive = (text: string) => flagsOf(text).filter((f) => f.category === 'insult' || f.category === 'dehumanizing');

describe('abusive comments are flagged, at the abusive word', () => {
  it.each([
    ['You are such an id1ot', 'id1ot'],
    ['you absolute m0r0n', 'm0r0n'],
    ['what an idiotttt', 'idiotttt'],
    ['Go back to your cave, you stuuupid troll', 'stuuupid'],
    ['Youre a disgrace and a coward', 'coward'],
    ['you are a disgusting pig', 'disgusting'],
    ['This is the dumbest thing I have read all week', 'dumbest'],
    ['ur such a b1tch', 'b1tch'],
    ['what a f*cking m0ron', 'f*cking'],
    ['you are a piece of sh!t', 'sh!t'],
    ['The US a$$holes lost again', 'a$$holes'],
    ['Only stupid people would buy this card', 'stupid'],
    ['What a stupid, incompetent and toxic PM', 'stupid'],
    ['you dumb ass', 'dumb'],
  ])('%j is an insult (%s)', (text, cue) => {
    const flags = offensive(text);
    expect(flags.map((f) => f.category)).toContain('insult');
    expect(flags.map((f) => text.slice(f.start, f.end))).toContain(cue);
  });
});

describe('civil comments are not flagged', () => {
  it.each([
    'I disagree with the new tax policy, it will hurt small businesses.',
    'I think this policy is a terrible idea.',
    'The senator is wrong about healthcare and here is why.',
    'Respectfully, your numbers are wrong: the deficit grew last year.',
    'This budget is a disaster for rural hospitals.',
    'The mayor should resign over this scandal.',
    'I strongly oppose this bill.',
    'Thanks for sharing, great analysis of the budget.',
    'Great game last night!',
    // Words that hold a rude word's letters.
    'The class assessment of the Scunthorpe space budget is done.',
    'He passed the assessment with distinction.',
    'The hospital in Scunthorpe reopened.',
    'Cocktails at the Dickens museum were lovely.',
    'Sussex and Essex councils met in Middlesex.',
    'Arsenal won the match.',
    // False positives fixed: words of the profanity list that are no insult, and ordinary words it caught.
    'Rape allegations against the nominee should be investigated.',
    'The cockpit crew passed their exams.',
    'Shiite and Sunni leaders met in Baghdad.',
    'The feckless response to the flood cost lives.',
    'The plane dropped fire retardant on the ridge.',
    // Put-downs that describe a thing, not a person (the guide: insults aimed at people or groups).
    'Scalpers will sell the cards on eBay for a stupid markup.',
    'Yes, I know it is a lame ass joke.',
    'What a pathetic excuse for a graphics card.',
    'It sounds like fungus gnats: if you have an infestation on your hands, replace the top inch of soil.',
  ])('%j', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });
});

describe('disguised spellings are read as the words they disguise', () => {
  it.each([
    ['sh1t', 'shit'],
    ['a$$holes', 'assholes'],
    ['id1ot', 'idiot'],
    ['stuuuupid', 'stuupid'],
    ['STUPID!!!', 'stupid'],
    ['@USER', '@user'],
    ['1st', '1st'],
    ['2019', '2019'],
    ['$6.4', '$6.4'],
  ])('%s → %s', (raw, normal) => {
    expect(normaliseWord(raw)).toBe(normal);
  });

  it('keeps the written word’s place in the text', () => {
    const text = 'Oh, you a$$hole!';
    const words = commentWords(text);
    expect(words.map((w) => w.word)).toEqual(['oh', 'you', 'asshole']);
    expect(text.slice(words[2]!.start, words[2]!.end)).toBe('a$$hole!');
  });

  it('still finds profanity and leaves its innocent look-alikes', () => {
    const finder = profanityFinder([]);
    expect(finder.find('you fucking prick')).toHaveLength(2);
    expect(finder.find('the cockpit smelled of shit').map((s) => s.start)).toEqual([23]);
    for (const text of ['Drug traffickers were arrested.', 'Shiite militias', 'a feckless reply', 'fire retardant', 'Emily Dickinson', 'the annals of history'])
      expect(finder.find(text), text).toEqual([]);
  });
});

describe('the learned classifier', () => {
  const rule = annotator.packs.flatMap((p) => p.rules).find((r) => r.id === 'insult.learned-offensive') as ClassifierRule;

  it('judges a comment the same however many comments came before (its caches change nothing)', () => {
    const text = 'go back to your cave, you clown';
    const first = scoreComment(text, rule);
    for (let i = 0; i < 200; i++) scoreComment(`filler comment number ${i} about budgets and the moon ${i * 7}`, rule);
    expect(scoreComment(text, rule)).toEqual(first);
  });

  it('scores abuse above civil disagreement', () => {
    expect(scoreComment('you are a pathetic lying clown', rule)!.score).toBeGreaterThan(scoreComment('I am not convinced by this plan', rule)!.score);
  });

  it('points at a content word, never a function word', () => {
    for (const text of ['you are a joke', 'what a total clown you are', 'shut up']) {
      const cue = scoreComment(text, rule)?.cue;
      if (cue) expect(cue.word).not.toMatch(/^(?:you|are|a|what|up|the)$/);
    }
  });
});
