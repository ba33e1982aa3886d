import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import type { AnalysedText, Sentence } from './text';

/**
 * Features of a word in its sentence, shared by the engine's learned tagger and the training
 * script (`npm run train`), so the weights learned are read exactly as they were trained.
 * Each template has its own table (`w`: the word's stem, `p`/`n`: its neighbours …), so most
 * look-ups need no string building.
 */

export const TOKEN_TEMPLATES = ['w', 'p', 'n', 'pp', 'nn', 'pw', 'wn', 'x'] as const;
/**
 * Templates a pack may leave out (older packs have none): `p3`/`n3`, the words three away; `s`,
 * the sentence model's weights (a whole sentence's stems, read once per sentence: how likely the
 * sentence is to carry a technique, which every word of it then sees as a `x` key `s0`…`s9`).
 */
export const OPTIONAL_TOKEN_TEMPLATES = ['p3', 'n3', 's'] as const;
export const ALL_TOKEN_TEMPLATES = [...TOKEN_TEMPLATES, ...OPTIONAL_TOKEN_TEMPLATES] as const;
export type TokenTemplate = (typeof ALL_TOKEN_TEMPLATES)[number];
/** The key of the sentence model's bias in the `s` table. */
export const SENTENCE_BIAS = '<bias>';

/** Sentence- and shape-level indicators of a token, the keys of the `x` table. */
function contextKeys(
  analysed: AnalysedText,
  sentence: Sentence,
  i: number,
  quoted: boolean,
  shape: SentenceShape,
  visit: (template: 'x', key: string) => void,
  earlier: number,
): void {
  const { text, tokens } = analysed;
  const token = tokens[i]!;
  visit('x', shape.mark);
  visit('x', shape.length);
  const first = text.charCodeAt(token.start);
  if (first >= 65 && first <= 90 && i > sentence.firstToken) visit('x', token.end - token.start > 1 && isUpperWord(text, token.start, token.end) ? 'caps' : 'cap');
  if (quoted) visit('x', 'quoted');
  if (i === sentence.firstToken) visit('x', 'first');
  if (i === sentence.endToken - 1) visit('x', 'last');
  if (shape.either) visit('x', 'either');
  if (shape.concessive) visit('x', 'concessive');
  if (shape.score) {
    visit('x', shape.score);
    if (quoted) visit('x', `${shape.score}q`);
  }
  const before = text.charCodeAt(token.start - 1);
  const after = text.charCodeAt(token.end);
  if (after === 44 || after === 59 || after === 58) visit('x', 'punct>');
  if (isQuoteMark(before)) visit('x', '"<');
  if (isQuoteMark(after)) visit('x', '>"');
  if (earlier > 0) visit('x', earlier === 1 ? 'rep1' : earlier === 2 ? 'rep2' : 'rep3');
}

/** For each word of a text, how often its stem came earlier in it (function words: 0); repetition reads it. */
export function earlierCounts(analysed: AnalysedText): Uint16Array {
  const out = new Uint16Array(analysed.tokens.length);
  const seen = new Map<string, number>();
  analysed.tokens.forEach((t, i) => {
    if (STOPWORDS.has(t.stem)) return;
    const n = seen.get(t.stem) ?? 0;
    out[i] = Math.min(n, 65535);
    seen.set(t.stem, n + 1);
  });
  return out;
}

/** " ' “ ” ‘ ’ */
function isQuoteMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
}

function isUpperWord(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** What a sentence looks like as a whole: its closing mark, length bucket, "either … or", concessive doubt. */
export interface SentenceShape {
  mark: string;
  length: string;
  either: boolean;
  concessive: boolean;
  /** The sentence model's verdict as a key `s0`…`s9` (tenths of its probability), or empty without one. */
  score: string;
}

/** The sentence model's features: the sentence's distinct stems and its shape. */
export function sentenceKeys(analysed: AnalysedText, sentence: Sentence, shape: SentenceShape): Set<string> {
  const out = new Set<string>();
  for (let t = sentence.firstToken; t < sentence.endToken; t++) out.add(analysed.tokens[t]!.stem);
  out.add(`<${shape.mark}>`);
  out.add(`<${shape.length}>`);
  return out;
}

/** The `x` key of a sentence model's probability. */
export function scoreKey(p: number): string {
  return `s${Math.min(9, Math.floor(p * 10))}`;
}

export function sentenceShape(analysed: AnalysedText, sentence: Sentence): SentenceShape {
  const { text, tokens } = analysed;
  let end = sentence.end;
  while (end > sentence.start && /[\s"'”’)\]]/.test(text[end - 1]!)) end--;
  const closing = text[end - 1];
  const n = sentence.endToken - sentence.firstToken;
  let either = false;
  let or = false;
  let concessive = false;
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    const s = tokens[t]!.stem;
    if (s === 'either') either = true;
    else if (s === 'or' && either) or = true;
    else if ((s === 'even' && tokens[t + 1]?.stem === 'if') || s === 'allegedly' || s === 'supposedly') concessive = true;
  }
  return {
    mark: closing === '?' ? 'q?' : closing === '!' ? 'q!' : 'q.',
    length: n < 6 ? 'len<6' : n < 15 ? 'len<15' : n < 30 ? 'len<30' : 'len30+',
    either: either && or,
    concessive,
    score: '',
  };
}

/** The stem of token `k`, or a sentence-boundary marker outside the sentence. */
function stemAt(tokens: AnalysedText['tokens'], sentence: Sentence, k: number): string {
  return k < sentence.firstToken ? '<s>' : k >= sentence.endToken ? '</s>' : tokens[k]!.stem;
}

/** Calls `visit(template, key)` for each feature of token `i`. */
export function tokenFeatures(
  analysed: AnalysedText,
  sentence: Sentence,
  i: number,
  quoted: boolean,
  shape: SentenceShape,
  visit: (template: TokenTemplate, key: string) => void,
  earlier = 0,
): void {
  const { tokens } = analysed;
  const w = tokens[i]!.stem;
  const p = stemAt(tokens, sentence, i - 1);
  const n = stemAt(tokens, sentence, i + 1);
  visit('w', w);
  visit('p', p);
  visit('n', n);
  visit('pp', stemAt(tokens, sentence, i - 2));
  visit('nn', stemAt(tokens, sentence, i + 2));
  visit('pw', `${p} ${w}`);
  visit('wn', `${w} ${n}`);
  visit('p3', stemAt(tokens, sentence, i - 3));
  visit('n3', stemAt(tokens, sentence, i + 3));
  contextKeys(analysed, sentence, i, quoted, shape, visit, earlier);
}

/**
 * Hand-written cue words of the techniques that a span's own words rarely name: the source an
 * appeal to authority leans on, the "because" of a causal oversimplification, the "either" of
 * black-and-white, the crowd of a bandwagon, the "yet they" of whataboutism, the threat of an
 * appeal to fear. A span reads whether its sentence holds one (few features, unlike every word
 * of the sentence, which made the classifier worse out of fold).
 */
const CUES: Record<string, string[]> = {
  authority: ['according', 'expert', 'experts', 'scientist', 'scientists', 'professor', 'study', 'studies', 'research', 'researchers', 'analyst', 'analysts', 'doctors', 'institute', 'university', 'authority', 'authorities', 'official', 'officials'],
  causal: ['because', 'therefore', 'thus', 'hence', 'consequently', 'caused', 'causes', 'result', 'led', 'leads', 'due', 'blame', 'fault', 'responsible'],
  either: ['either', 'only', 'alternative', 'choice', 'option', 'whether', 'neither'],
  crowd: ['everyone', 'everybody', 'millions', 'majority', 'nobody', 'whole', 'world', 'nazi', 'nazis', 'hitler', 'fascist', 'fascists', 'communist', 'communists'],
  whatabout: ['yet', 'while', 'hypocrisy', 'hypocrite', 'hypocrites', 'hypocritical', 'double', 'same', 'meanwhile', 'whereas'],
  fear: ['threat', 'threaten', 'threatens', 'danger', 'dangerous', 'fear', 'terror', 'terrorist', 'terrorists', 'attack', 'attacks', 'destroy', 'kill', 'killed', 'death', 'die', 'war', 'crisis', 'risk', 'catastrophe', 'invasion', 'collapse', 'disaster'],
  nation: ['nation', 'national', 'patriot', 'patriots', 'patriotic', 'country', 'america', 'american', 'americans', 'homeland', 'flag', 'our'],
  doubt: ['really', 'question', 'questions', 'claim', 'claims', 'alleged', 'allegedly', 'supposedly', 'why', 'how', 'whether', 'if'],
};
let cueOf: Map<string, string[]> | undefined;
function cuesOf(s: string): string[] | undefined {
  if (!cueOf) {
    cueOf = new Map();
    for (const [cue, words] of Object.entries(CUES))
      for (const w of words) {
        const k = stem(w);
        const list = cueOf.get(k) ?? [];
        if (!list.includes(cue)) list.push(cue);
        cueOf.set(k, list);
      }
  }
  return cueOf.get(s);
}

/**
 * Features of a candidate span for the technique classifier: its words and word pairs, its edges and
 * neighbours, length, the sentence's shape, whether its words were said before, and how sure the
 * word model was of it. (The rest of the sentence's words, tried too, made it worse out of fold.)
 */
export function spanFeatures(
  analysed: AnalysedText,
  sentence: Sentence,
  first: number,
  end: number,
  quoted: boolean,
  shape: SentenceShape,
  earlier?: Uint16Array,
  /** The word model's probabilities for the span's words, strongest and mean, when it proposed the span. */
  confidence?: { peak: number; mean: number },
): string[] {
  const { tokens, text } = analysed;
  const out: string[] = [];
  for (let k = first; k < end; k++) out.push(`w=${tokens[k]!.stem}`);
  for (let k = first; k + 1 < end; k++) out.push(`b=${tokens[k]!.stem} ${tokens[k + 1]!.stem}`);
  out.push(`f=${tokens[first]!.stem}`, `l=${tokens[end - 1]!.stem}`);
  out.push(`p=${first > sentence.firstToken ? tokens[first - 1]!.stem : '<s>'}`);
  out.push(`n=${end < sentence.endToken ? tokens[end]!.stem : '</s>'}`);
  for (let k = sentence.firstToken; k < sentence.endToken; k++) {
    const cues = cuesOf(tokens[k]!.stem);
    if (cues) for (const cue of cues) out.push(k >= first && k < end ? `cue=${cue}` : `near=${cue}`);
  }
  const n = end - first;
  out.push(`len=${n <= 1 ? 1 : n <= 2 ? 2 : n <= 4 ? 4 : n <= 8 ? 8 : n <= 16 ? 16 : 99}`);
  out.push(`whole=${n >= (sentence.endToken - sentence.firstToken) * 0.8 ? 1 : 0}`);
  if (first === sentence.firstToken) out.push('starts');
  const c = text.charCodeAt(tokens[first]!.start);
  if (c >= 65 && c <= 90 && first > sentence.firstToken) out.push('cap');
  if (isQuoteMark(text.charCodeAt(tokens[first]!.start - 1)) && isQuoteMark(text.charCodeAt(tokens[end - 1]!.end))) out.push('in-quotes');
  out.push(shape.mark, shape.length);
  if (shape.score) out.push(shape.score);
  if (shape.either) out.push('either');
  if (shape.concessive) out.push('concessive');
  if (quoted) out.push('quoted');
  if (earlier) {
    let content = 0;
    let again = 0;
    for (let k = first; k < end; k++)
      if (!STOPWORDS.has(tokens[k]!.stem)) {
        content++;
        if (earlier[k]! > 0) again++;
      }
    if (content > 0) out.push(again === content ? 'rep=all' : again > 0 ? 'rep=some' : 'rep=none');
  }
  if (confidence) out.push(`peak=${Math.min(9, Math.floor(confidence.peak * 10))}`, `mean=${Math.min(9, Math.floor(confidence.mean * 10))}`);
  return [...new Set(out)];
}
