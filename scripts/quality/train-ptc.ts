import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { TechniqueId } from '../../lib/engine/categories';
import { insideAny, quotedSpans } from '../../lib/engine/quotes';
import { type AnalysedText, analyse } from '../../lib/engine/text';
import { createAnnotator } from '../../lib/engine/annotator';
import {
  ALL_TOKEN_TEMPLATES,
  SENTENCE_BIAS,
  type SentenceShape,
  type TokenTemplate,
  earlierCounts,
  scoreKey,
  sentenceKeys,
  sentenceShape,
  spanFeatures,
  tokenFeatures,
} from '../../lib/engine/token-features';
import { compileDefaultPacks } from '../../lib/rules/default-packs';
import { type PtcArticle, readPtc } from './data';
import { type TrainOptions, prune, trainMulticlass, trainPrunedBinary } from './linear';
import { addTally, emptyTally, labelledTallies, mergeSpans, prfOf, spanTally } from './metrics';
import { confidence, runs, trimRun } from '../../lib/engine/tagger';

/**
 * Trains the learned technique tagger on PTC `train/`: a token model (is this word inside a
 * technique span?) and a span model (which technique, or none?). Both are scored out of fold
 * (five folds of the training articles), together with what the hand-written rules of the pack
 * already mark, as the engine puts them together; the decoding (threshold, bridge, length) and
 * how readily the span model rejects a span are chosen there, marking no more of the text than
 * the annotators did; then both models are trained again on all the articles. Deterministic:
 * fixed folds, seeds and passes. `PTC_*` variables are for experiments only (see below).
 */

// PTC_* environment variables override these for experiments (`PTC_TOKEN_KEEP=20000 npm run train -- ptc`).
const env = (name: string, fallback: number) => (process.env[`PTC_${name}`] ? Number(process.env[`PTC_${name}`]) : fallback);
const TOKEN_OPTIONS: TrainOptions = { epochs: env('TOKEN_EPOCHS', 5), l2: env('TOKEN_L2', 1e-4), rate: 0.05, seed: 7 };
const SENTENCE_OPTIONS: TrainOptions = { epochs: env('SENTENCE_EPOCHS', 5), l2: env('SENTENCE_L2', 1e-4), rate: 0.05, seed: 5 };
const LABEL_OPTIONS: TrainOptions = { epochs: env('LABEL_EPOCHS', 6), l2: env('LABEL_L2', 1e-5), rate: 0.05, seed: 11 };
export const TOKEN_KEEP = env('TOKEN_KEEP', 12_000);
const TOKEN_MIN_COUNT = 4;
const SENTENCE_KEEP = env('SENTENCE_KEEP', 3000);
const SENTENCE_MIN_COUNT = 3;
const FOLDS = 5;
export const LABEL_KEEP = env('LABEL_KEEP', 1200);
/** Templates left out, for experiments (`PTC_DROP=p3,n3`), and whether to use the sentence model. */
const DROP = new Set((process.env.PTC_DROP ?? '').split(',').filter(Boolean));
/**
 * The sentence model (`PTC_SENTENCE=1`) is off: out of fold it added little, and its low verdict on
 * short sentences standing alone silenced the tagger on them.
 */
const SENTENCE_MODEL = process.env.PTC_SENTENCE === '1' && !DROP.has('s');
/** Span features left out of the technique model, by prefix (`PTC_SPAN_DROP=c=,b=`). */
const SPAN_DROP = (process.env.PTC_SPAN_DROP ?? '').split(',').filter(Boolean);
const keepSpanFeature = (f: string) => !SPAN_DROP.some((prefix) => f.startsWith(prefix));
const THRESHOLDS = (process.env.PTC_THRESHOLDS ?? '0.15,0.2,0.25,0.3').split(',').map(Number);
const REJECT_SHIFTS = [-1, -0.5, 0, 0.5, 1, 1.5, 2];

interface Prepared {
  article: PtcArticle;
  analysed: AnalysedText;
  quotes: ReturnType<typeof quotedSpans>;
  /** Per sentence: its shape (the sentence model's verdict filled in once known), features, and whether a technique touches it. */
  shapes: SentenceShape[];
  sentences: { features: string[]; label: boolean }[];
  /** Per word: whether a gold span covers it. */
  labels: boolean[];
  /** Per word: its features (filled in once the sentence model has spoken). */
  tokens: { features: string[]; label: boolean }[];
  /** What the hand-written rules mark in the article, which the tagger's spans add to. */
  ruleSpans: { start: number; end: number; label: string }[];
  /** Per word: how often its stem came earlier in the article. */
  earlier: Uint16Array;
}

function prepare(article: PtcArticle, rules: (text: string) => Prepared['ruleSpans']): Prepared {
  const analysed = analyse(article.text);
  const quotes = quotedSpans(article.text);
  const covered = new Uint8Array(article.text.length);
  for (const s of article.spans) covered.fill(1, s.start, s.end);
  const labels: boolean[] = [];
  const shapes: SentenceShape[] = [];
  const sentences: Prepared['sentences'] = [];
  for (const sentence of analysed.sentences) {
    const shape = sentenceShape(analysed, sentence);
    shapes.push(shape);
    let any = false;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const t = analysed.tokens[i]!;
      let inside = 0;
      for (let k = t.start; k < t.end; k++) inside += covered[k]!;
      const label = inside * 2 >= t.end - t.start;
      labels.push(label);
      any ||= label;
    }
    sentences.push({ features: [...sentenceKeys(analysed, sentence, shape)], label: any });
  }
  return { article, analysed, quotes, shapes, sentences, labels, tokens: [], ruleSpans: rules(article.text), earlier: earlierCounts(analysed) };
}

/** Each word's features, read with its sentence's shape. */
function tokenExamples(p: Prepared): void {
  const { analysed } = p;
  p.tokens = [];
  analysed.sentences.forEach((sentence, si) => {
    const shape = p.shapes[si]!;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const features: string[] = [];
      const t = analysed.tokens[i]!;
      tokenFeatures(analysed, sentence, i, insideAny(p.quotes, t), shape, (tpl, key) => {
        if (!DROP.has(tpl)) features.push(`${tpl}\t${key}`);
      }, p.earlier[i]);
      p.tokens.push({ features, label: p.labels[i]! });
    }
  });
}

/** Gold spans as token ranges inside one sentence, with their span features. */
function labelExamples(p: Prepared, scores: readonly number[]): { features: string[]; label: string }[] {
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
    const shape = p.shapes[si]!;
    const quoted = insideAny(p.quotes, { start: analysed.tokens[first]!.start, end: analysed.tokens[end - 1]!.end });
    out.push({ features: spanFeatures(analysed, sentence, first, end, quoted, shape, p.earlier, confidence(scores, first, end)).filter(keepSpanFeature), label: span.label });
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

/** Span identification of the decoding's spans together with the hand-written rules' spans. */
function decodeF1(articles: Prepared[], scores: number[][], d: Decoding): { f1: number; p: number; r: number } {
  const t = emptyTally();
  articles.forEach((p, a) => {
    const predicted = decode(p, scores[a]!, d).map(([first, end]) => ({ start: p.analysed.tokens[first]!.start, end: p.analysed.tokens[end - 1]!.end }));
    addTally(t, spanTally([...predicted, ...p.ruleSpans], p.article.spans));
  });
  const r = prfOf(t);
  return { f1: r.f1, p: r.precision, r: r.recall };
}

/** The share of characters that a decoding and the rules mark together. */
function markedShare(articles: Prepared[], scores: number[][], d: Decoding): number {
  let marked = 0;
  let all = 0;
  articles.forEach((p, a) => {
    const predicted = decode(p, scores[a]!, d).map(([first, end]) => ({ start: p.analysed.tokens[first]!.start, end: p.analysed.tokens[end - 1]!.end }));
    for (const s of mergeSpans([...predicted, ...p.ruleSpans])) marked += s.end - s.start;
    all += p.article.text.length;
  });
  return marked / all;
}

/** The span classifier's example for tokens [first, end) of one sentence. */
function spanExample(p: Prepared, scores: readonly number[], first: number, end: number, label: string): { features: string[]; label: string } {
  const { analysed } = p;
  const si = analysed.sentences.findIndex((s) => s.firstToken <= first && first < s.endToken);
  const sentence = analysed.sentences[si]!;
  const span = { start: analysed.tokens[first]!.start, end: analysed.tokens[end - 1]!.end };
  return { features: spanFeatures(analysed, sentence, first, end, insideAny(p.quotes, span), p.shapes[si]!, p.earlier, confidence(scores, first, end)).filter(keepSpanFeature), label };
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
  // The hand-written technique rules, without the tagger being trained: its spans are chosen to add to theirs.
  const packs = compileDefaultPacks()
    .filter((pack) => pack.name === 'techniques')
    .map((pack) => ({ ...pack, rules: pack.rules.filter((r) => r.kind !== 'tagger') }));
  const handWritten = createAnnotator(packs);
  const rules = (text: string) =>
    handWritten
      .annotateArticle(text)
      .filter((a) => a.kind === 'technique')
      .map((a) => ({ start: a.start, end: a.end, label: a.category as string }));
  const prepared = articles.map((a) => prepare(a, rules));
  const positives = prepared.reduce((n, p) => n + p.labels.filter(Boolean).length, 0);
  const all = prepared.reduce((n, p) => n + p.labels.length, 0);
  const goldShare =
    prepared.reduce((n, p) => n + mergeSpans(p.article.spans).reduce((m, s) => m + s.end - s.start, 0), 0) /
    prepared.reduce((n, p) => n + p.article.text.length, 0);
  log(`PTC train: ${articles.length} articles, ${all} words, ${((100 * positives) / all).toFixed(1)}% inside a technique span (${(100 * goldShare).toFixed(1)}% of characters)`);

  // The sentence model, and its out-of-fold verdict on each training sentence for the word model to read.
  let sentenceTable: Record<string, number> | undefined;
  if (SENTENCE_MODEL) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const model = trainPrunedBinary(prepared.filter((_, i) => i % FOLDS !== fold).flatMap((p) => p.sentences), SENTENCE_OPTIONS, SENTENCE_KEEP, SENTENCE_MIN_COUNT);
      prepared.forEach((p, i) => {
        if (i % FOLDS !== fold) return;
        p.sentences.forEach((s, si) => {
          const z = s.features.reduce((sum, f) => sum + (model.weights.get(f) ?? 0), model.bias);
          p.shapes[si]!.score = scoreKey(1 / (1 + Math.exp(-z)));
        });
      });
    }
    const model = trainPrunedBinary(prepared.flatMap((p) => p.sentences), SENTENCE_OPTIONS, SENTENCE_KEEP, SENTENCE_MIN_COUNT);
    sentenceTable = { ...prune(model.weights, SENTENCE_KEEP), [SENTENCE_BIAS]: Math.round(model.bias * 1000) / 1000 };
    log(`  sentence model: ${prepared.reduce((n, p) => n + p.sentences.length, 0)} sentences, kept ${Object.keys(sentenceTable).length - 1} weights`);
  }
  prepared.forEach(tokenExamples);

  // Out-of-fold token scores: each article scored by a model that never saw it.
  let scores: number[][] = new Array(prepared.length);
  // Experiments only: PTC_CACHE=file keeps these scores (and the sentence verdicts) between runs.
  const cache = process.env.PTC_CACHE;
  if (cache && existsSync(cache)) {
    const saved = JSON.parse(readFileSync(cache, 'utf8')) as { scores: number[][]; shapes: string[][] };
    scores = saved.scores;
    prepared.forEach((p, i) => p.shapes.forEach((shape, si) => (shape.score = saved.shapes[i]![si]!)));
  } else {
    for (let fold = 0; fold < FOLDS; fold++) {
      const model = trainPrunedBinary(prepared.filter((_, i) => i % FOLDS !== fold).flatMap((p) => p.tokens), TOKEN_OPTIONS, TOKEN_KEEP, TOKEN_MIN_COUNT);
      prepared.forEach((p, i) => {
        if (i % FOLDS === fold) scores[i] = tokenScores(p, model);
      });
    }
    if (cache) writeFileSync(cache, JSON.stringify({ scores, shapes: prepared.map((p) => p.shapes.map((x) => x.score)) }));
  }
  // Decoding: for each threshold the bridge and length limits that suit the word scores best
  // (out of fold, with the rules' spans); then, for each, the technique model trained out of
  // fold, which drops the spans it calls no technique (`none`, its bias shifted by `rejectShift`).
  // The pair with the best span and span + technique F1 that marks no more of the text than the
  // annotators did wins: recall is not bought with paragraphs.
  const candidates: Decoding[] = [];
  for (const threshold of THRESHOLDS) {
    let best: Decoding | undefined;
    let bestF1 = -1;
    for (const bridge of [0, 1, 2, 3, 4])
      for (const minTokens of [1, 2, 3])
        for (const maxTokens of [12, 25, 60]) {
          const d = { threshold, bridge, minTokens, maxTokens };
          if (markedShare(prepared, scores, d) > 2 * goldShare) continue;
          const { f1 } = decodeF1(prepared, scores, d);
          if (f1 > bestF1) {
            bestF1 = f1;
            best = d;
          }
        }
    if (best) candidates.push(best);
  }
  const spanExamplesOf = (d: Decoding) => (p: Prepared, i: number) => [
    ...decode(p, scores[i]!, d).map(([first, end]) =>
      spanExample(p, scores[i]!, first, end, goldLabel(p, p.analysed.tokens[first]!.start, p.analysed.tokens[end - 1]!.end)),
    ),
    ...(process.env.PTC_NO_GOLD ? [] : labelExamples(p, scores[i]!)),
  ];
  let best = candidates[0]!;
  let bestShift = 0;
  let bestScore = -1;
  for (const d of candidates) {
    // Out of fold: each span's class scores, by a technique model that never saw its article.
    const scored: { p: Prepared; span: { start: number; end: number }; none: number; label: string; score: number }[][] = prepared.map(() => []);
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = prepared.flatMap((p, i) => (i % FOLDS === fold ? [] : spanExamplesOf(d)(p, i)));
      const classes = pruneClasses(trainMulticlass(train, [...new Set(train.map((e) => e.label))].sort(), LABEL_OPTIONS));
      prepared.forEach((p, i) => {
        if (i % FOLDS !== fold) return;
        for (const [first, end] of decode(p, scores[i]!, d)) {
          const features = spanExample(p, scores[i]!, first, end, '').features;
          let label = 'none';
          let score = -Infinity;
          let none = -Infinity;
          for (const [l, bias, weights] of classes) {
            let z = bias;
            for (const f of features) z += weights.get(f) ?? 0;
            if (l === 'none') none = z;
            else if (z > score) {
              score = z;
              label = l;
            }
          }
          scored[i]!.push({ p, span: { start: p.analysed.tokens[first]!.start, end: p.analysed.tokens[end - 1]!.end }, none, label, score });
        }
      });
    }
    for (const shift of REJECT_SHIFTS) {
      const spans = emptyTally();
      const labelled = emptyTally();
      let marked = 0;
      let all = 0;
      prepared.forEach((p, i) => {
        const predicted = [...p.ruleSpans];
        for (const x of scored[i]!) {
          if (x.none + shift >= x.score) continue;
          if (p.ruleSpans.some((r) => r.label === x.label && r.start < x.span.end && r.end > x.span.start)) continue;
          predicted.push({ ...x.span, label: x.label });
        }
        addTally(spans, spanTally(predicted, p.article.spans));
        for (const [, t] of labelledTallies(predicted, p.article.spans)) addTally(labelled, t);
        for (const m of mergeSpans(predicted)) marked += m.end - m.start;
        all += p.article.text.length;
      });
      const a = prfOf(spans);
      const b = prfOf(labelled);
      const ok = marked / all <= goldShare;
      if (process.env.PTC_VERBOSE)
        log(`    ${JSON.stringify(d)} shift ${shift}: span P ${a.precision.toFixed(3)} R ${a.recall.toFixed(3)} F1 ${a.f1.toFixed(3)}, + technique F1 ${b.f1.toFixed(3)}, marks ${((100 * marked) / all).toFixed(1)}%${ok ? '' : ' (too much)'}`);
      if (ok && a.f1 + b.f1 > bestScore) {
        bestScore = a.f1 + b.f1;
        best = d;
        bestShift = shift;
      }
    }
  }
  log(`  decoding chosen out of fold (${FOLDS} folds): ${JSON.stringify(best)}, reject shift ${bestShift}, span F1 + span-and-technique F1 = ${bestScore.toFixed(3)}`);
  if (process.env.PTC_EVAL_ONLY) process.exit(0);
  const spanExamples = spanExamplesOf(best);

  const model = trainPrunedBinary(prepared.flatMap((p) => p.tokens), TOKEN_OPTIONS, TOKEN_KEEP, TOKEN_MIN_COUNT);
  const kept = prune(model.weights, TOKEN_KEEP);
  const tokens = Object.fromEntries(ALL_TOKEN_TEMPLATES.filter((t) => t !== 's').map((t) => [t, {} as Record<string, number>])) as Record<TokenTemplate, Record<string, number>>;
  if (sentenceTable) tokens.s = sentenceTable;
  for (const [key, w] of Object.entries(kept)) {
    const [tpl, name] = key.split('\t') as [TokenTemplate, string];
    tokens[tpl][name] = w;
  }
  log(`  token model: kept ${Object.keys(kept).length} weights`);

  // The technique model learns from the spans the tagger itself proposes (out of fold), each
  // labelled by the gold technique it overlaps most or `none`, and from the gold spans.
  const examples = prepared.flatMap(spanExamples);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const byLabel = trainMulticlass(examples, labels, LABEL_OPTIONS);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const labelOut: TaggerWeights['labels'] = {};
  let reject: TaggerWeights['reject'];
  for (const [label, m] of byLabel) {
    const entry = { bias: round(m.bias), weights: prune(m.weights, LABEL_KEEP) };
    if (label === 'none') reject = { ...entry, bias: round(m.bias + bestShift) };
    else labelOut[label as TechniqueId] = entry;
  }
  log(`  technique model: ${examples.length} spans (${examples.filter((e) => e.label === 'none').length} none), ${labels.length} classes, ${LABEL_KEEP} weights each`);
  return { decoding: best, tokenBias: round(model.bias), tokens, labels: labelOut, reject };
}

/** A technique model as it ships: each class's strongest weights only. */
function pruneClasses(byLabel: Map<string, { bias: number; weights: Map<string, number> }>): [string, number, Map<string, number>][] {
  return [...byLabel].map(([label, m]) => [label, Math.round(m.bias * 1000) / 1000, new Map(Object.entries(prune(m.weights, LABEL_KEEP)))]);
}
