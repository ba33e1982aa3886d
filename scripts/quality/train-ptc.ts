import type { TechniqueId } from '../../lib/engine/categories';
import { insideAny, quotedSpans } from '../../lib/engine/quotes';
import { type AnalysedText, analyse } from '../../lib/engine/text';
import { TOKEN_TEMPLATES, type TokenTemplate, sentenceShape, spanFeatures, tokenFeatures } from '../../lib/engine/token-features';
import { type PtcArticle, readPtc } from './data';
import { type TrainOptions, prune, trainMulticlass, trainPrunedBinary } from './linear';
import { addTally, emptyTally, prfOf, spanTally } from './metrics';
import { runs, trimRun } from '../../lib/engine/tagger';

/**
 * Trains the learned technique tagger on PTC `train/`: a token model (is this word inside a
 * technique span?) and a span model (which technique?). Decoding settings are chosen on a
 * fixed fifth of the training articles, then both models are trained again on all of them.
 */

const TOKEN_OPTIONS: TrainOptions = { epochs: 5, l2: 1e-4, rate: 0.05, seed: 7 };
const LABEL_OPTIONS: TrainOptions = { epochs: 6, l2: 1e-5, rate: 0.05, seed: 11 };
export const TOKEN_KEEP = 12_000;
const TOKEN_MIN_COUNT = 4;
const FOLDS = 5;
export const LABEL_KEEP = 500;

interface Prepared {
  article: PtcArticle;
  analysed: AnalysedText;
  quotes: ReturnType<typeof quotedSpans>;
  /** Per token: its features and whether a gold span covers it. */
  tokens: { features: string[]; label: boolean }[];
}

function prepare(article: PtcArticle): Prepared {
  const analysed = analyse(article.text);
  const quotes = quotedSpans(article.text);
  const covered = new Uint8Array(article.text.length);
  for (const s of article.spans) covered.fill(1, s.start, s.end);
  const tokens: Prepared['tokens'] = [];
  for (const sentence of analysed.sentences) {
    const shape = sentenceShape(analysed, sentence);
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const features: string[] = [];
      const t = analysed.tokens[i]!;
      tokenFeatures(analysed, sentence, i, insideAny(quotes, t), shape, (tpl, key) => features.push(`${tpl}\t${key}`));
      let inside = 0;
      for (let k = t.start; k < t.end; k++) inside += covered[k]!;
      tokens.push({ features, label: inside * 2 >= t.end - t.start });
    }
  }
  return { article, analysed, quotes, tokens };
}

/** Gold spans as token ranges inside one sentence, with their span features. */
function labelExamples(p: Prepared): { features: string[]; label: string }[] {
  const { analysed } = p;
  const out: { features: string[]; label: string }[] = [];
  for (const span of p.article.spans) {
    const si = analysed.sentences.findIndex((s) => s.end > span.start && analysed.tokens.slice(s.firstToken, s.endToken).some((t) => t.end > span.start && t.start < span.end));
    if (si < 0) continue;
    const sentence = analysed.sentences[si]!;
    let first = -1;
    let end = -1;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const t = analysed.tokens[i]!;
      if (t.end > span.start && t.start < span.end) {
        if (first < 0) first = i;
        end = i + 1;
      }
    }
    if (first < 0) continue;
    const shape = sentenceShape(analysed, sentence);
    const quoted = insideAny(p.quotes, { start: analysed.tokens[first]!.start, end: analysed.tokens[end - 1]!.end });
    out.push({ features: spanFeatures(analysed, sentence, first, end, quoted, shape), label: span.label });
  }
  return out;
}

interface Decoding {
  threshold: number;
  bridge: number;
  minTokens: number;
  maxTokens: number;
}

function tokenScores(p: Prepared, model: { bias: number; weights: Map<string, number> }): number[] {
  return p.tokens.map(({ features }) => features.reduce((s, f) => s + (model.weights.get(f) ?? 0), model.bias));
}

/** Token ranges [first, end) the decoding makes of an article's token scores, each inside one sentence. */
function decode(p: Prepared, scores: readonly number[], d: Decoding): [number, number][] {
  const out: [number, number][] = [];
  for (const sentence of p.analysed.sentences) {
    const s = scores.slice(sentence.firstToken, sentence.endToken);
    for (const run of runs(s, Math.log(d.threshold / (1 - d.threshold)), d.bridge)) {
      const [first, end] = trimRun(p.analysed.tokens, sentence.firstToken, run);
      if (end - first < d.minTokens) continue;
      out.push([sentence.firstToken + first, sentence.firstToken + Math.min(end, first + d.maxTokens)]);
    }
  }
  return out;
}

function decodeF1(articles: Prepared[], scores: number[][], d: Decoding): { f1: number; p: number; r: number } {
  const t = emptyTally();
  articles.forEach((p, a) => {
    const predicted = decode(p, scores[a]!, d).map(([first, end]) => ({ start: p.analysed.tokens[first]!.start, end: p.analysed.tokens[end - 1]!.end }));
    addTally(t, spanTally(predicted, p.article.spans));
  });
  const r = prfOf(t);
  return { f1: r.f1, p: r.precision, r: r.recall };
}

/** The share of words that a decoding marks. */
function markedShare(articles: Prepared[], scores: number[][], d: Decoding): number {
  let marked = 0;
  let all = 0;
  articles.forEach((p, a) => {
    for (const [first, end] of decode(p, scores[a]!, d)) marked += end - first;
    all += p.tokens.length;
  });
  return marked / all;
}

/** The span classifier's example for tokens [first, end) of one sentence. */
function spanExample(p: Prepared, first: number, end: number, label: string): { features: string[]; label: string } {
  const { analysed } = p;
  const sentence = analysed.sentences.find((s) => s.firstToken <= first && first < s.endToken)!;
  const span = { start: analysed.tokens[first]!.start, end: analysed.tokens[end - 1]!.end };
  return { features: spanFeatures(analysed, sentence, first, end, insideAny(p.quotes, span), sentenceShape(analysed, sentence)), label };
}

/** The gold technique overlapping a predicted span most, or `none`. */
function goldLabel(p: Prepared, start: number, end: number): string {
  let best = 'none';
  let most = 0;
  for (const g of p.article.spans) {
    const overlap = Math.min(end, g.end) - Math.max(start, g.start);
    if (overlap > most) {
      most = overlap;
      best = g.label;
    }
  }
  return best;
}

export interface TaggerWeights {
  decoding: Decoding;
  tokenBias: number;
  tokens: Record<TokenTemplate, Record<string, number>>;
  labels: Partial<Record<TechniqueId, { bias: number; weights: Record<string, number> }>>;
  reject: { bias: number; weights: Record<string, number> } | undefined;
}

export function trainTagger(log: (line: string) => void): TaggerWeights {
  const articles = readPtc('train');
  const prepared = articles.map(prepare);
  const positives = prepared.reduce((n, p) => n + p.tokens.filter((t) => t.label).length, 0);
  const all = prepared.reduce((n, p) => n + p.tokens.length, 0);
  log(`PTC train: ${articles.length} articles, ${all} words, ${((100 * positives) / all).toFixed(1)}% inside a technique span`);

  // Out-of-fold token scores: each article scored by a model that never saw it.
  const scores: number[][] = new Array(prepared.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainPrunedBinary(prepared.filter((_, i) => i % FOLDS !== fold).flatMap((p) => p.tokens), TOKEN_OPTIONS, TOKEN_KEEP, TOKEN_MIN_COUNT);
    prepared.forEach((p, i) => {
      if (i % FOLDS === fold) scores[i] = tokenScores(p, model);
    });
  }
  let best: Decoding = { threshold: 0.5, bridge: 0, minTokens: 1, maxTokens: 60 };
  let bestF1 = -1;
  for (const threshold of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6])
    for (const bridge of [0, 1, 2, 3, 4])
      for (const minTokens of [1, 2, 3])
        for (const maxTokens of [12, 25, 60]) {
          const d = { threshold, bridge, minTokens, maxTokens };
          // Mark no more of the text than the annotators did: recall is not bought with paragraphs.
          if (markedShare(prepared, scores, d) > positives / all) continue;
          const { f1 } = decodeF1(prepared, scores, d);
          if (f1 > bestF1) {
            bestF1 = f1;
            best = d;
          }
        }
  const shown = decodeF1(prepared, scores, best);
  log(`  decoding chosen on out-of-fold scores (${FOLDS} folds): ${JSON.stringify(best)} → span P ${shown.p.toFixed(3)} R ${shown.r.toFixed(3)} F1 ${shown.f1.toFixed(3)}`);

  const model = trainPrunedBinary(prepared.flatMap((p) => p.tokens), TOKEN_OPTIONS, TOKEN_KEEP, TOKEN_MIN_COUNT);
  const kept = prune(model.weights, TOKEN_KEEP);
  const tokens = Object.fromEntries(TOKEN_TEMPLATES.map((t) => [t, {} as Record<string, number>])) as Record<TokenTemplate, Record<string, number>>;
  for (const [key, w] of Object.entries(kept)) {
    const [tpl, name] = key.split('\t') as [TokenTemplate, string];
    tokens[tpl][name] = w;
  }
  log(`  token model: kept ${Object.keys(kept).length} weights`);

  // The technique model learns from the spans the tagger itself proposes (out of fold), each
  // labelled by the gold technique it overlaps most or `none`, and from the gold spans.
  const examples = prepared.flatMap((p, i) => [
    ...decode(p, scores[i]!, best).map(([first, end]) =>
      spanExample(p, first, end, goldLabel(p, p.analysed.tokens[first]!.start, p.analysed.tokens[end - 1]!.end)),
    ),
    ...labelExamples(p),
  ]);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const byLabel = trainMulticlass(examples, labels, LABEL_OPTIONS);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const labelOut: TaggerWeights['labels'] = {};
  let reject: TaggerWeights['reject'];
  for (const [label, m] of byLabel) {
    const entry = { bias: round(m.bias), weights: prune(m.weights, LABEL_KEEP) };
    if (label === 'none') reject = entry;
    else labelOut[label as TechniqueId] = entry;
  }
  log(`  technique model: ${examples.length} spans (${examples.filter((e) => e.label === 'none').length} none), ${labels.length} classes, ${LABEL_KEEP} weights each`);
  return { decoding: best, tokenBias: round(model.bias), tokens, labels: labelOut, reject };
}
