import type { AnalysedText, Sentence } from './text';

/**
 * Features of a word in its sentence, shared by the engine's learned tagger and the training
 * script (`npm run train`), so the weights learned are read exactly as they were trained.
 * Each template has its own table (`w`: the word's stem, `p`/`n`: its neighbours …), so most
 * look-ups need no string building.
 */

export const TOKEN_TEMPLATES = ['w', 'p', 'n', 'pp', 'nn', 'pw', 'wn', 'x'] as const;
export type TokenTemplate = (typeof TOKEN_TEMPLATES)[number];

/** Sentence- and shape-level indicators of a token, the keys of the `x` table. */
function contextKeys(
  analysed: AnalysedText,
  sentence: Sentence,
  i: number,
  quoted: boolean,
  shape: SentenceShape,
  visit: (template: 'x', key: string) => void,
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
  contextKeys(analysed, sentence, i, quoted, shape, visit);
}

/** Features of a candidate span for the technique classifier: its words and word pairs, edges, length and sentence shape. */
export function spanFeatures(analysed: AnalysedText, sentence: Sentence, first: number, end: number, quoted: boolean, shape: SentenceShape): string[] {
  const { tokens } = analysed;
  const out: string[] = [];
  for (let k = first; k < end; k++) out.push(`w=${tokens[k]!.stem}`);
  for (let k = first; k + 1 < end; k++) out.push(`b=${tokens[k]!.stem} ${tokens[k + 1]!.stem}`);
  out.push(`f=${tokens[first]!.stem}`, `l=${tokens[end - 1]!.stem}`);
  out.push(`p=${first > sentence.firstToken ? tokens[first - 1]!.stem : '<s>'}`);
  const n = end - first;
  out.push(`len=${n <= 1 ? 1 : n <= 2 ? 2 : n <= 4 ? 4 : n <= 8 ? 8 : n <= 16 ? 16 : 99}`);
  out.push(`whole=${n >= (sentence.endToken - sentence.firstToken) * 0.8 ? 1 : 0}`);
  out.push(shape.mark, shape.length);
  if (shape.either) out.push('either');
  if (shape.concessive) out.push('concessive');
  if (quoted) out.push('quoted');
  return out;
}
