import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../../lib/engine/annotator';
import { compileDefaultPacks } from '../../lib/rules/default-packs';

/**
 * What a mark's explanation shows the reader as evidence must be evidence: whole figures, real
 * actors. Sentences written for these tests, in the shapes seen on real pages.
 */

const annotator = createAnnotator(compileDefaultPacks());
const claimNotes = (text: string) => annotator.annotateArticle(text).filter((a) => a.kind === 'claim').map((a) => a.explanation);

describe('claim explanations', () => {
  it.each([
    ['Unemployment in the region rose to 75 percent last year.', '“75 percent”'],
    ['The two wars cost the country $6.4 trillion since 2001.', '“$6.4 trillion”'],
    ['The European Commission fined the company 40 million euros.', '“40 million euros”'],
    ['The clinic charged the family $1,500 for the surgery in 2014.', '“$1,500”'],
  ])('show a figure whole: %s', (text, shown) => {
    expect(claimNotes(text).join(' ')).toContain(shown);
  });

  it.each([
    ['Covid-19 spread to four more provinces after the border reopened.', '“19”'],
    ['On Tuesday the ministry withdrew its support for the pipeline.', 'named actor (“Tuesday”)'],
    ['In March the council approved the new stadium and its budget.', 'named actor (“March”)'],
    ['Officials said 40 residents who called into the meeting opposed the resort.', 'reported event (“meeting”)'],
    ['The rates were set last week: If the bank raises them again, 40 firms will close.', 'named actor (“If”)'],
    ['Denmark was recording a seven-day rate of 30 cases per 100,000 people.', 'superlative (“record'],
    ['The curfew stays in force until at least July 12, the ministry said.', 'superlative (“least”)'],
    ['Exports hit a record 40 billion dollars in 2019.', 'reported event (“Exports”)'],
    ['The clinic charged the family $1,500 for the surgery in 2014.', '(“$1”)'],
    ['Brent crude was trading 0.5pc above its average when the pipeline was shut.', '(“0”)'],
    ['The station began a 24-hour service after the council approved it.', '(“24”)'],
    ['Said Kouachi was killed by police in a shootout north of Paris.', 'what someone said (“Said”)'],
    ['Police in Los Angeles arrested 40 people after the match.', 'reported event (“Los”)'],
    ['The border was closed to 40 lorries on Nov. 3 by the ministry.', 'named actor (“Nov'],
    ['Late December saw 400 soldiers sent to the border by the ministry.', 'named actor (“Late December”)'],
    ['When he first heard the shots, 300 students ran from the library.', 'superlative (“first”)'],
    ['She died a horrible death in the hospital that the ministry had closed.', 'quantity (“death”)'],
    ['The 40 fighters broke the cease-fire on Monday near the border.', 'reported event (“fire”)'],
    ['The Syria-based group counted 300 dead in the town in 2014.', 'named actor (“Syria”)'],
    ['The Qur’an was burned in front of 40 people in the square.', 'named actor (“Qur”)'],
    ['Dana Moss, a 19-year-old student from Port Elizabeth, Cape, said that 300 students ran.', '“Port Elizabeth, Cape, said”'],
    ['Garcia, 34, said the 12 boats sank in the harbour.', '“said the 12 boats sank”'],
  ])('never cite a number inside a name, a weekday or a month as an actor, a hedge or a verb as a superlative, or a noun as a reported event: %s', (text, never) => {
    const notes = claimNotes(text);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.join(' ')).not.toContain(never);
  });

  it.each(['SIGN UP FOR OUR NEWSLETTER TO GET THE LATEST FROM NASA AND THE PENTAGON', 'READ MORE: THE SENATE VOTED 52 TO 48 ON THE BILL'])(
    'takes a line in capitals for a heading or a button, not a claim: %s',
    (text) => {
      expect(claimNotes(text)).toEqual([]);
    },
  );

  it.each([
    'Inflation in the euro area rose to 4.1 percent in March.\n\nFirst published February 1, 2016: 1:28 AM ET',
    'The Treasury sold $120 billion of new debt in the third quarter.\n\nMore about the federal debt and the economy 2016',
  ])('takes a timestamp line or a verbless line of its own for furniture, not a claim: %s', (text) => {
    const claims = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claims.map((c) => text.slice(c.start, c.end))).toEqual([text.split('\n\n')[0]!.replace(/\.$/, '')]);
  });

  it('still reads a statement on a line of its own without a full stop as a claim', () => {
    const text = 'The ministry said 40,000 troops were moved to the border in March';
    expect(claimNotes(text)).toHaveLength(1);
  });

  it.each([
    ['Unemployment in the region rose to 75 percent last year.', '75 percent'],
    ['Officials say the army moved 40,000 troops to the border in March.', 'Officials say'],
    ['Ajmi Lourimi, a member of the party’s general secretariat, said the attack was aimed at the economy.', 'Ajmi Lourimi'],
    ['On Tuesday the ministry withdrew its support for the pipeline and its budget.', 'budget'],
    ['Fuel prices in the region rose again after the ministry withdrew its support for the “pipeline.”', 'pipeline'],
    // A name at the end would read as what the claim is about: the last plain word carries the mark.
    ['The ministry cut the budget of the inquiry after a formal complaint from Colvin.', 'complaint'],
    // …but a word that runs straight into the name belongs to it.
    ['The government team boasted of concessions in the new Data Retention Bill.', 'Bill'],
  ])('marks a claim on its source, else its figure, else its last word, not across its sentence: %s', (text, shown) => {
    const claims = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claims).toHaveLength(1);
    expect(text.slice(claims[0]!.shown.start, claims[0]!.shown.end)).toBe(shown);
  });
});

describe('a named source shown whole', () => {
  it('names the speaker of a long clause, not the verb alone', () => {
    const text = 'Fighting went on in the town on Friday, the London-based Harbour Observatory for Human Rights said, adding that 40 people died.';
    const [claim] = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claim?.explanation).toContain('“the London-based Harbour Observatory for Human Rights said”');
  });

  it('starts at the name, not inside it', () => {
    const text = 'Figures from the European Centre for Disease Prevention and Control revealed that Denmark recorded 30 cases per 100,000 people.';
    const [claim] = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claim?.explanation).toContain('“European Centre for Disease Prevention and Control revealed”');
  });
});

describe('words that only look like a source', () => {
  it.each([
    'The Harbour Front claims do not make clear whether 40 hostages were freed in 2014.',
    'That said, the malware leaves the files unencrypted on 40 devices.',
    'In 1987 the senator didn’t write the book that made him famous.',
    'In 1987 Senator Kaplan wrote a memoir that sold two million copies.',
  ])('leave the claim unsourced: %s', (text) => {
    const claims = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.kind === 'claim' && c.sourcing).toBe('none');
  });
});

describe('a claim with no evidence but its words', () => {
  it('never cites a function word as what shows it', () => {
    const text = 'They are against the political system and the politics that did far more for the rich than for the poor.';
    const notes = annotator.annotateArticle(text).filter((a) => a.kind === 'claim').map((a) => a.explanation);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).not.toMatch(/“(?:against|than|which|for|the|that|did)”/);
  });
});

describe('a technique mark is explained as its own technique', () => {
  it('explains a word read as a label as name calling, not as loaded language', () => {
    const text = 'The star destroys haters on Twitter every week.';
    const labels = annotator.annotateArticle(text).filter((a) => a.kind === 'technique' && a.category === 'name-calling');
    expect(labels.length).toBeGreaterThan(0);
    for (const a of labels) expect(a.explanation).toMatch(/label/);
  });
});

describe('an embedded post', () => {
  const text = [
    'The new justice was sworn in on Monday before a full courtroom in Olympia.',
    'She is the first state justice of Native American heritage. pic.twitter.com/Ab12Cd34',
    '— Dana Wells (@danawells_news) January 6, 2020',
    'The court has nine members, who serve six-year terms.',
  ].join('\n');
  const claims = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');

  it('is sourced to the author who signs it, and its link is no part of the claim', () => {
    const post = claims.find((c) => text.slice(c.start, c.end).startsWith('She is the first'));
    expect(post && post.kind === 'claim' && post.sourcing).toBe('attributed');
    expect(post?.explanation).toContain('“Dana Wells (@danawells_news)”');
    expect(text.slice(post!.start, post!.end)).not.toContain('pic.twitter.com');
  });

  it('has a signature that is no claim', () => {
    expect(claims.some((c) => text.slice(c.start, c.end).includes('@danawells_news'))).toBe(false);
  });
});
