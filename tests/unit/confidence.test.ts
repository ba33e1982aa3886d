import { describe, expect, it } from 'vitest';
import { createAnnotator } from '../../lib/engine/annotator';
import { isConfident } from '../../lib/engine/confidence';
import { cueKey } from '../../lib/engine/repeated-cues';
import { compileDefaultPacks } from '../../lib/rules/default-packs';

/**
 * Every mark carries a confidence; by default the reader sees the confident ones. A straight
 * report keeps its technique marks for readers who ask; writing that pushes shows its loaded words.
 * Sentences are written for these tests, in the shapes of real pages.
 */

const annotator = createAnnotator(compileDefaultPacks());
const sureTechniques = (text: string) =>
  annotator
    .annotateArticle(text)
    .filter((a) => a.kind === 'technique' && isConfident(a))
    .map((a) => text.slice(a.start, a.end));

describe('confidence', () => {
  it('gives every mark of the article and comments a confidence between 0 and 1', () => {
    const page = annotator.annotatePage({ title: '', text: 'The shocking charade went on. Critics say the minister lied about the $4 million deal.' }, [
      { author: 'A', text: 'You people are idiots and liars.' },
    ]);
    const marks = [...page.article!.annotations, ...page.comments.flatMap((c) => [...c.flags, ...c.annotations])];
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.confidence).toBeGreaterThanOrEqual(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    'The council voted on Tuesday to close the bridge for repairs. Work will start in March and last about six weeks, a spokesman said.',
    'Police said a man was arrested after a crash on the motorway. Two people were taken to hospital with minor injuries.',
    'The company reported a 5 percent rise in revenue in the third quarter, helped by strong demand for its cloud services.',
  ])('keeps a straight report free of confident technique marks: %s', (text) => {
    expect(sureTechniques(text)).toEqual([]);
  });

  it('marks the loaded words of a piece that pushes', () => {
    const text =
      'This ridiculous charade has gone on long enough. The senator’s nonsense about the budget is a smear on every honest worker, ' +
      'and his toxic, phony outrage is a disgrace. Why do we keep listening? Enough of this hoax!';
    const cues = sureTechniques(text);
    expect(cues.length).toBeGreaterThanOrEqual(3);
    expect(cues.some((c) => /nonsense|smear|charade|hoax|toxic|phony/.test(c))).toBe(true);
  });

  it('is sure of three evaluations stacked on one target, where one alone would be left to the reader', () => {
    const text =
      'Lesson one about the company is that there is no heroism in its view, only self-interest. ' +
      'Why should anyone be surprised? This is the brutal, irrational and primitive philosophy of its founders in its purest form.';
    expect(sureTechniques(text)).toContain('brutal, irrational and primitive philosophy');
    expect(sureTechniques(text.replace('brutal, irrational and primitive', 'brutal'))).toEqual([]);
  });

  it('is surer of loaded words in the writer’s own voice than of the same words quoted in a report', () => {
    const report =
      'The minister said on Monday that the figures were accurate and would be published in full next week. ' +
      'Opponents called the plan “ridiculous nonsense” and “a smear”, and the vote was delayed until June. ' +
      'The department has 4,000 staff and a budget of $2 billion a year. A committee will review the accounts in the autumn, ' +
      'and its chairman said he expected the hearing to last two days. The treasury declined to comment on the timetable.';
    const opinion = 'What ridiculous nonsense! Why should we swallow this? Our leaders treat us like fools, and we keep paying for their smear campaigns!';
    const confidenceOf = (text: string) =>
      Math.max(0, ...annotator.annotateArticle(text).filter((a) => a.kind === 'technique' && text.slice(a.start, a.end).includes('ridiculous')).map((a) => a.confidence));
    expect(confidenceOf(report)).toBeGreaterThan(0);
    expect(confidenceOf(opinion)).toBeGreaterThan(confidenceOf(report));
    expect(sureTechniques(report)).toEqual([]);
  });

  it('reads a report as a report when its sentences are handed to speakers', () => {
    // A political label ("leftist") loads the reader in the writer's own voice; in a report that
    // says who said what, it describes, and its mark waits for a reader who asks for every mark.
    const narration = [
      ['Gunmen entered the museum shortly after noon and opened fire on a tour group', 'the interior ministry said'],
      ['Visitors hid in the basement for more than two hours until the army arrived', 'witnesses told reporters'],
      ['The leftist opposition blamed the government for weak security at the site', 'according to a party statement'],
      ['Two of the attackers were killed and a third was arrested', 'police said'],
      ['The museum will stay closed until the end of the month', 'its director said'],
      ['The prime minister is expected to address parliament on Thursday', 'officials said'],
    ];
    const report = narration.map(([s, who]) => `${s}, ${who}.`).join(' ');
    const voiced = narration.map(([s]) => `${s}.`).join(' ');
    const leftist = (text: string) => annotator.annotateArticle(text).find((a) => a.kind === 'technique' && text.slice(a.start, a.end) === 'leftist');
    expect(leftist(voiced)?.confidence).toBeGreaterThan(0);
    expect(leftist(report)?.confidence).toBeLessThan(leftist(voiced)!.confidence);
    expect(sureTechniques(report)).toEqual([]);
  });
});

describe('a loaded word used again', () => {
  const rant =
    'This whole affair is nonsense, and the minister knows it. We were told it would be quick. ' +
    'It is nonsense to claim the talks failed because of the weather. Frankly, the report is nonsense from start to finish, ' +
    'a disgraceful piece of spin that insults every reader.';

  it('is shown once by default: the reader learns the cue from its first mark', () => {
    const shown = sureTechniques(rant);
    expect(shown.filter((cue) => /nonsense/i.test(cue))).toHaveLength(1);
    // Other loaded words of the same text keep their own mark.
    expect(shown.some((cue) => /disgraceful/.test(cue))).toBe(true);
  });

  it('keeps every use for a reader who asks for all marks', () => {
    const all = annotator.annotateArticle(rant).filter((a) => a.kind === 'technique' && /nonsense/i.test(rant.slice(a.start, a.end)));
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it('is less sure of a word that names what the whole text is about than of the same word used once', () => {
    const strongest = (text: string) =>
      Math.max(0, ...annotator.annotateArticle(text).filter((a) => a.kind === 'technique' && /nonsense/i.test(text.slice(a.start, a.end))).map((a) => a.confidence));
    const subject =
      'The nonsense began in May. Nobody in the ministry could say where the nonsense came from. By June the nonsense had reached ' +
      'every school, and the minister called the nonsense a disgrace that insults every reader.';
    const once = 'The rumour began in May. Nobody in the ministry could say where it came from. By June it had reached every school, and the minister called the whole thing nonsense, a disgrace that insults every reader.';
    expect(strongest(subject)).toBeGreaterThan(0);
    expect(strongest(subject)).toBeLessThan(strongest(once));
  });

  it('keys a cue on its loaded word, inflections aside, and nothing on punctuation', () => {
    expect(cueKey('Bullying')).toBe(cueKey('bullies'));
    expect(cueKey('utterly shameful decisions')).toBe(cueKey('Utterly shameful decision'));
    expect(cueKey('malicious links')).toBe(cueKey('malicious messages'));
    expect(cueKey('malicious links')).not.toBe(cueKey('shameful links'));
    expect(cueKey('“…”')).toBe('');
  });
});
