import type { CompiledRule } from '../rules/compile';
import { type TechniqueId } from './categories';
import { quoteCue } from './explain';
import { insideAny } from './quotes';
import { STOPWORDS } from './stopwords';
import type { AnalysedText } from './text';
import { SENTENCE_BIAS, type SentenceShape, type TokenTemplate, earlierCounts, scoreKey, sentenceKeys, sentenceShape, spanFeatures, tokenFeatures } from './token-features';
import type { Span } from './types';

/**
 * The learned tagger: a linear model over each word's features (trained on the Propaganda
 * Techniques Corpus by `npm run train`) says which words carry a technique; runs of them, with
 * short gaps bridged, become spans, and a second linear model names the technique of each span.
 */

export type TaggerRule = Extract<CompiledRule, { kind: 'tagger' }>;

export interface TaggedSpan extends Span {
  category: TechniqueId;
  /** The words that weighed most, for the explanation. */
  cue: string;
}

const sigmoidInverse = (p: number) => Math.log(p / (1 - p));

export function tagSpans(analysed: AnalysedText, rule: TaggerRule, quotes: readonly Span[]): TaggedSpan[] {
  const { tokens, text } = analysed;
  const threshold = sigmoidInverse(rule.threshold);
  const out: TaggedSpan[] = [];
  const scores: number[] = [];
  const sentenceModel = rule.tokens.s.get(SENTENCE_BIAS) !== undefined;
  const earlier = earlierCounts(analysed);
  // Tokens come in text order, so one pointer walks the sorted quotes.
  let quote = 0;
  for (const sentence of analysed.sentences) {
    const n = sentence.endToken - sentence.firstToken;
    if (n === 0) continue;
    const shape = sentenceShape(analysed, sentence);
    if (sentenceModel) shape.score = scoreKey(sentenceProbability(rule, analysed, sentence, shape));
    scores.length = 0;
    let word = 0;
    const add = (template: TokenTemplate, key: string) => {
      const w = rule.tokens[template].get(key);
      if (w !== undefined) {
        score += w;
        if (template === 'w') word = w;
      }
    };
    let score = 0;
    const wordWeights: number[] = [];
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      score = rule.tokenBias;
      word = 0;
      const token = tokens[i]!;
      while (quote < quotes.length && quotes[quote]!.end < token.end) quote++;
      const quoted = quote < quotes.length && quotes[quote]!.start <= token.start;
      tokenFeatures(analysed, sentence, i, quoted, shape, add, earlier[i]);
      scores.push(score);
      wordWeights.push(word);
    }
    for (const run of runs(scores, threshold, rule.bridge)) {
      const [first, end] = trimRun(tokens, sentence.firstToken, run);
      if (end - first < rule.minTokens) continue;
      const stop = Math.min(end, first + rule.maxTokens);
      const a = sentence.firstToken + first;
      const b = sentence.firstToken + stop;
      const span = { start: tokens[a]!.start, end: tokens[b - 1]!.end };
      const category = classify(rule, analysed, sentence, a, b, insideAny(quotes, span), shape, earlier, confidence(scores, first, stop));
      if (!category) continue;
      out.push({ ...span, category, cue: strongest(text, tokens, a, wordWeights.slice(first, stop)) });
    }
  }
  return out;
}

/** The sentence model's probability that a sentence carries a technique. */
export function sentenceProbability(rule: TaggerRule, analysed: AnalysedText, sentence: AnalysedText['sentences'][number], shape: SentenceShape): number {
  const table = rule.tokens.s;
  let z = table.get(SENTENCE_BIAS) ?? 0;
  for (const key of sentenceKeys(analysed, sentence, shape)) z += table.get(key) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The strongest and the mean probability of words [first, end) given their scores (log-odds). */
export function confidence(scores: readonly number[], first: number, end: number): { peak: number; mean: number } {
  let peak = -Infinity;
  let sum = 0;
  for (let k = first; k < end; k++) {
    const p = 1 / (1 + Math.exp(-scores[k]!));
    sum += p;
    if (p > peak) peak = p;
  }
  return { peak, mean: sum / Math.max(1, end - first) };
}

/** Runs of indices scoring at least `threshold`, gaps of up to `bridge` indices joined. */
export function runs(scores: readonly number[], threshold: number, bridge: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! < threshold) continue;
    const last = out.at(-1);
    if (last && i - last[1] <= bridge) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

/** A run without the function words at its edges ("from the American" → "American"), relative to `offset`. */
export function trimRun(tokens: AnalysedText['tokens'], offset: number, [first, end]: [number, number]): [number, number] {
  while (first < end && STOPWORDS.has(tokens[offset + first]!.stem)) first++;
  while (end > first && STOPWORDS.has(tokens[offset + end - 1]!.stem)) end--;
  return [first, end];
}

function classify(
  rule: TaggerRule,
  analysed: AnalysedText,
  sentence: AnalysedText['sentences'][number],
  first: number,
  end: number,
  quoted: boolean,
  shape: SentenceShape,
  earlier: Uint16Array,
  sure: { peak: number; mean: number },
): TechniqueId | null {
  const features = spanFeatures(analysed, sentence, first, end, quoted, shape, earlier, sure);
  let best: TechniqueId | null = null;
  let bestScore = -Infinity;
  for (const [label, { bias, weights }] of rule.labels) {
    let s = bias;
    for (const f of features) s += weights.get(f) ?? 0;
    if (s > bestScore) {
      bestScore = s;
      best = label;
    }
  }
  return best;
}

/** The two words of a span whose own weight pushed hardest, quoted, in text order. */
function strongest(text: string, tokens: AnalysedText['tokens'], first: number, weights: readonly number[]): string {
  const picked = weights
    .map((w, k) => ({ w, k }))
    .sort((x, y) => y.w - x.w)
    .slice(0, 2)
    .sort((x, y) => x.k - y.k)
    .map(({ k }) => quoteCue(text.slice(tokens[first + k]!.start, tokens[first + k]!.end)));
  return picked.join(' and ');
}
