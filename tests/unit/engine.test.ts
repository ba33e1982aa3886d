import { describe, expect, it } from 'vitest';
import { isConfident } from '../../lib/engine/confidence';
import { stem } from '../../lib/engine/stem';
import { analyse, splitSentences } from '../../lib/engine/text';
import { defaultAnnotator } from '../../lib/rules/default-packs';

const annotator = defaultAnnotator();

function categoriesIn(text: string): string[] {
  return [...new Set(annotator.annotateArticle(text).map((a) => a.category))].sort();
}

function cuesOf(text: string, category: string): string[] {
  return annotator
    .annotateArticle(text)
    .filter((a) => a.category === category)
    .map((a) => text.slice(a.start, a.end));
}

describe('sentences', () => {
  it('splits with offsets that point back into the text', () => {
    const text = 'Russia left.  China stayed!\n\nWhy? Nobody knows.';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual(['Russia left.', 'China stayed!', 'Why?', 'Nobody knows.']);
  });

  it('ends a sentence at a line break, as a heading has no full stop', () => {
    const text = 'Assad must stay\nWhole world needs to work together.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Assad must stay',
      'Whole world needs to work together.',
    ]);
  });

  it('keeps offsets right in a very long paragraph, which is segmented in chunks', () => {
    const text = 'The agency launched 12 satellites in 2019. '.repeat(400).trim();
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(400);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe('The agency launched 12 satellites in 2019.');
  });
});

describe('inflection-aware matching', () => {
  it.each([
    ['sitting', 'sit'],
    ['sat', 'sit'],
    ['accusations', 'accusation'],
    ['militarizing', 'militarize'],
    ['countries', 'country'],
    ['announced', 'announce'],
    ['withdrew', 'withdrew'],
    ['Washington’s', 'Washington'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['general', 'generous'],
    ['universe', 'university'],
    ['militarize', 'militarization'],
  ])('%s and %s stay apart: inflection only, no derivation', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('finds a listed phrase in another inflection', () => {
    expect(cuesOf('While the capital sat idly, the army advanced.', 'loaded-language')).toEqual(['sat idly']);
  });

  it('tokenizes apostrophes and curly quotes as part of the word', () => {
    const { tokens } = analyse('Washington’s partners don’t care.');
    expect(tokens.map((t) => t.stem)).toEqual([stem('Washington'), stem('partners'), stem("don't"), stem('care')]);
    expect(analyse('don’t').tokens[0]!.stem).toBe(stem("don't"));
  });
});

describe('techniques outside the seed', () => {
  it.each([
    ['The regime keeps lying to its own people.', 'name-calling', 'regime'],
    ['Either we act now or our children will pay.', 'black-and-white', 'Either we act now or our children'],
    ['As true patriots, we will never surrender.', 'flag-waving', 'true patriots'],
    ['The war is over. It is what it is.', 'thought-terminating-cliche', 'It is what it is'],
    ['Experts agree that the treaty is dead.', 'appeal-to-authority', 'Experts agree'],
    ['The whole world knows the truth about the pipeline.', 'bandwagon', 'The whole world knows'],
    ['What about the bombing of Belgrade?', 'whataboutism', 'What about'],
    ['Make Europe great again!', 'slogans', 'Make Europe great again'],
    ['Every city in the region is under threat.', 'appeal-to-fear', 'Every city in the region is under threat'],
  ])('%s → %s', (text, category, cue) => {
    expect(cuesOf(text, category)).toEqual([cue]);
  });

  it.each([
    'The committee approved the budget on Tuesday.',
    'Either of the two candidates could win in November.',
    'The museum documents the history of the region.',
    'The minister said “yes” when asked about the deal.',
    'Whole world needs to work together and share their knowledge.',
    'The temperature remained constant overnight.',
    'We stayed home because it rained.',
  ])('stays quiet on: %s', (text) => {
    expect(annotator.annotateArticle(text).filter((a) => a.kind === 'technique')).toEqual([]);
  });

  it('marks a loaded phrase said again as repetition, not its first use', () => {
    const text = 'The regime lies. Nobody believes the regime any more. The regime fell.';
    const repeated = annotator.annotateArticle(text).filter((a) => a.category === 'repetition');
    expect(repeated.map((a) => a.start)).toEqual([text.indexOf('regime any'), text.lastIndexOf('regime')]);
  });
});

describe('claims and their sourcing', () => {
  it.each([
    ['According to NASA’s budget request, the agency will spend $25 billion on Artemis in 2025.', 'attributed'],
    ['The Pentagon said on Monday that 300 troops had been sent to Qatar.', 'attributed'],
    ['Critics say the programme cost 4 billion dollars in 2019.', 'vague'],
    ['The launch was reportedly delayed by three months in 2021.', 'vague'],
    ['Russia withdrew from the Deep Space Gateway project in 2021.', 'none'],
  ])('%s → %s', (text, sourcing) => {
    const claims = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(claims.map((c) => ('sourcing' in c ? c.sourcing : null))).toEqual([sourcing]);
  });

  it.each([
    'Washington has proven itself as a disloyal partner.',
    'Will Russia ever return to the project?',
    'I think we should cooperate more in space.',
    'The space race is upon us.',
  ])('is not a claim: %s', (text) => {
    expect(annotator.annotateArticle(text).filter((a) => a.kind === 'claim')).toEqual([]);
  });

  it('tightens the span to the clause: leading discourse markers and the full stop go', () => {
    const text = 'After all, the first deployment of the US Space Force was to Qatar.';
    const [claim] = annotator.annotateArticle(text).filter((a) => a.kind === 'claim');
    expect(text.slice(claim!.start, claim!.end)).toBe('the first deployment of the US Space Force was to Qatar');
  });
});

describe('comment flags', () => {
  const flagsOf = (text: string, articleText = 'Russia and China plan a lunar station; NASA faces budget cuts in space.') =>
    annotator.annotateComments([{ author: 'x', text }], articleText)[0]!.flags.map((f) => [f.category, text.slice(f.start, f.end)]);

  it.each([
    ['These a$$holes again.', 'a$$holes'],
    ['What a load of sh1t from NASA.', 'sh1t'],
    ['f*ck this space programme', 'f*ck'],
    ['NASA is run by morons.', 'morons'],
  ])('insult in disguise or not: %s', (text, cue) => {
    expect(flagsOf(text)).toContainEqual(['insult', cue]);
  });

  it('does not take words that merely contain a profanity for one', () => {
    expect(flagsOf('The class assessment of the Scunthorpe space budget is done.')).toEqual([]);
  });

  it('flags a figure without a source, not one with', () => {
    expect(flagsOf('NASA wasted $40 billion on the lunar station.')).toEqual([['unsourced-figure', '$40 billion']]);
    expect(flagsOf('According to the GAO, NASA spent $40 billion on the lunar station.')).toEqual([]);
  });

  it('flags an off-topic comment only when it says enough to judge', () => {
    expect(flagsOf('Great match last night, the keeper was brilliant and the striker scored twice.').map(([c]) => c)).toEqual(['off-topic']);
    expect(flagsOf('Great match!')).toEqual([]);
    expect(flagsOf('The lunar station will never be built, NASA budget cuts will see to that.')).toEqual([]);
    // A reply in another language shares no words with the article whatever it says: not judged.
    expect(flagsOf('Muchas gracias por el artículo, me alegro mucho de que te guste tanto!')).toEqual([]);
  });

  it('is sure of an off-topic call only for a comment long enough to have shared a word', () => {
    const offTopic = (text: string) => annotator.annotateComments([{ author: 'x', text }], 'Russia and China plan a lunar station; NASA faces budget cuts in space.')[0]!.flags.find((f) => f.category === 'off-topic');
    const short = offTopic('Great match last night, the keeper was brilliant.');
    const long = offTopic('Great match last night, United won three nil, the keeper was brilliant, the striker scored twice and the fans sang all night in the rain.');
    expect(short && isConfident(short)).toBe(false);
    expect(long && isConfident(long)).toBe(true);
  });

  it('takes a reply that uses the thread’s own words for on topic, even if the post never used them', () => {
    const post = 'I am new to packaging and publishing libraries. I have been reading about good habits for modules and namespaces, and I still do not know how to lay out my project. What do people here do?';
    const thread = annotator.annotateComments(
      [
        { author: 'a', text: 'Keep the version string and the author name in one file, and read the version from there at build time.' },
        { author: 'b', text: 'I put the version, the author and a short docstring in that file, nothing else.' },
        { author: 'c', text: 'Version and author belong in the metadata file, with the licence and the release date.' },
      ],
      post,
    );
    expect(thread.map((c) => c.flags.filter((f) => f.category === 'off-topic'))).toEqual([[], [], []]);
  });

  it('flags copy-pasted repeats across the thread as spam', () => {
    const text = 'Read the truth about the lunar station at my page, share it with everyone!';
    const thread = annotator.annotateComments(
      [{ author: 'a', text }, { author: 'b', text: 'Interesting point about China.' }, { author: 'c', text }],
      'Russia and China plan a lunar station.',
    );
    expect(thread.map((c) => c.flags.some((f) => f.category === 'spam'))).toEqual([true, false, true]);
  });

  it('flags conspiracy talk and dehumanizing comparisons', () => {
    expect(flagsOf('The globalists have secretly taken over NASA.').map(([c]) => c)).toEqual(['conspiracy']);
    expect(flagsOf('They breed like rats in the space agency.').map(([c]) => c)).toContain('dehumanizing');
  });
});

describe('offsets', () => {
  it('are UTF-16 indices: emoji and astral characters before a cue do not shift it', () => {
    const text = '🚀🚀 The regime lies about 𝔰𝔭𝔞𝔠𝔢. The regime fell.';
    for (const a of annotator.annotateArticle(text)) {
      if (a.category === 'name-calling') expect(text.slice(a.start, a.end)).toBe('regime');
    }
  });
});

describe('words that name an object’s own properties', () => {
  it('reads "constructor", "toString" and "__proto__" as words, not as the engine’s own functions', () => {
    const text =
      'The constructor calls toString and valueOf on every object, and hasOwnProperty checks __proto__. ' +
      'In 2019 the committee said the constructor of the bridge had been paid $40 million.';
    const annotator = defaultAnnotator();
    expect(() => annotator.annotateArticle(text)).not.toThrow();
    expect(annotator.annotateArticle(text).some((a) => a.kind === 'claim')).toBe(true);
    expect(() => annotator.annotateComments([{ author: 'constructor', text: 'toString valueOf constructor hasOwnProperty' }], text)).not.toThrow();
    expect(stem('constructor')).toBe('constructor');
  });
});
