import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../lib/engine/text';
import { STOPWORDS } from '../../lib/engine/stopwords';
import { PAGE_TONE_FEATURES, type ToneFeature, toneFeatures } from '../../lib/engine/lexicon';
import { DATA_DIR, type PtcArticle, need, parseCsv, readPtc, readSemEval2023, readWiegand } from './data';
import { stem } from '../../lib/engine/stem';

/**
 * Trains the loaded-words lexicon and the page-tone model (`npm run train -- lexicon`).
 *
 * The lexicon: for each word stem, how often the professional annotators of PTC `train/` put it
 * inside a loaded-language or name-calling span, and how often BABE's annotators counted it among
 * a biased news sentence's loaded words, against how often it occurs at all. The estimate is
 * shrunk towards the base rate (a word seen three times proves little), and a word must carry
 * loaded language in two or more texts, so a topic's own nouns ("donation", "tapestry") that one
 * loaded article repeats do not count.
 *
 * The tone model: a page's loaded-word density and its voice (first and second person, questions,
 * exclamations, scare quotes) decide how persuasive it reads: positives are the PTC articles whose
 * annotators marked persuasion densely, negatives BBC News reports (`extra/news-text`), straight
 * reporting. Technique marks on a page that reads like a report are shown only on request.
 */

/** How strongly a count is pulled to the base rate: this many pseudo-occurrences. */
const PRIOR_WEIGHT = 6;
const MIN_TEXTS = 2;
const KEEP_AT_LEAST = 0.2;
const DIGITS = 3;
/** Keeps the tone weights modest: the two ends are easy to tell apart, and unchecked weights turn one loaded word into a verdict. */
const L2 = 0.5;
/** Marks of loaded language and name calling per 1,000 words that make a PTC article "persuasive". */
const DENSE = 8;

interface Counts {
  total: number;
  loaded: number;
  names: number;
  texts: Set<string>;
}

export interface LexiconTables {
  words: Record<string, number>;
  names: Record<string, number>;
  calibration: [number, number][];
  tone: { bias: number; weights: Record<ToneFeature, number> };
}

export function trainLexicon(log: (line: string) => void): LexiconTables {
  const ptc = withSemEvalLabels(readPtc('train'));
  const babe = readBabe();
  const priors = wiegandPriors(ptc, log);
  const { words, names, base } = buildTables(ptc, babe, priors);
  log(`  lexicon: ${Object.keys(words).length} loaded words, ${Object.keys(names).length} labels (base rate ${base.toFixed(3)}; PTC train ${ptc.length} articles, BABE ${babe.length} sentences)`);
  const calibration = calibrate(ptc, babe, priors);
  log(`  calibration (strength → share inside a span, out of fold): ${calibration.map(([s, p]) => `${s}→${p}`).join(' ')}`);

  const tables = { words, names, calibration, tone: { bias: 0, weights: {} as Record<ToneFeature, number> } };
  const examples: { features: string[]; label: boolean; values: number[] }[] = [];
  const featuresOf = (text: string) => toneFeatures(analyse(text), (stem) => Math.max(words[stem] ?? 0, names[stem] ?? 0));
  for (const article of ptc) {
    const wordCount = analyse(article.text).tokens.length;
    const dense = (1000 * article.spans.filter((s) => s.label === 'loaded-language' || s.label === 'name-calling').length) / Math.max(1, wordCount);
    // Articles in between are neither: the model learns the two ends apart.
    if (dense >= DENSE) examples.push({ features: [], label: true, values: featuresOf(article.text) });
    else if (dense < DENSE / 4) examples.push({ features: [], label: false, values: featuresOf(article.text) });
  }
  for (const text of readBbc()) examples.push({ features: [], label: false, values: featuresOf(text) });
  tables.tone = fitTone(examples);
  const positives = examples.filter((e) => e.label).length;
  log(`  tone: ${positives} persuasive PTC articles against ${examples.length - positives} reports; weights ${JSON.stringify(tables.tone)}`);
  return tables;
}

/**
 * PTC train articles with the loaded-language and name-calling spans that SemEval-2023's
 * annotators gave the same text added: two readings of one copy of each article (the data README
 * asks for one copy, not both). Only pairs the data lists as PTC *train* with the same text: some
 * SemEval train articles are PTC dev articles, which the benchmark scores.
 */
function withSemEvalLabels(ptc: PtcArticle[]): PtcArticle[] {
  const semeval = new Map(readSemEval2023('train').map((a) => [a.id, a]));
  const pairs = new Map<string, string>();
  for (const line of readFileSync(need(join(DATA_DIR, 'extra', 'semeval2023-en', 'overlap-with-ptc.tsv')), 'utf8').split('\n').slice(1)) {
    const [split, id, ptcSplit, ptcId] = line.split('\t');
    if (split === 'train' && ptcSplit === 'train' && id && ptcId) pairs.set(ptcId, id);
  }
  return ptc.map((article) => {
    const other = semeval.get(pairs.get(article.id) ?? '');
    // The two copies differ at most in line breaks against spaces, which keeps the offsets aligned.
    const flat = (text: string) => text.replace(/\s/g, ' ');
    if (!other || flat(other.text) !== flat(article.text)) return article;
    return { ...article, spans: [...article.spans, ...other.spans.filter((s) => isLoaded(s.label))] };
  });
}

const isLoaded = (label: string) => label === 'loaded-language' || label === 'name-calling';

/** Per stem, the shrunk share of its occurrences inside a loaded-language or name-calling span. */
function buildTables(ptc: readonly PtcArticle[], babe: readonly { text: string; loaded: Set<string> }[], priors: ReadonlyMap<string, number> = new Map()) {
  const counts = new Map<string, Counts>();
  const count = (stem: string, text: string, loaded: boolean, name: boolean) => {
    let c = counts.get(stem);
    if (!c) counts.set(stem, (c = { total: 0, loaded: 0, names: 0, texts: new Set() }));
    c.total++;
    if (loaded || name) {
      c.texts.add(text);
      if (name) c.names++;
      else c.loaded++;
    }
  };
  for (const article of ptc) {
    const inside = article.spans.filter((s) => isLoaded(s.label));
    for (const t of analyse(article.text).tokens) {
      const span = inside.find((s) => s.start <= t.start && t.end <= s.end);
      count(t.stem, article.id, span?.label === 'loaded-language', span?.label === 'name-calling');
    }
  }
  babe.forEach(({ text, loaded }, i) => {
    for (const t of analyse(text).tokens) count(t.stem, `babe${i}`, loaded.has(text.slice(t.start, t.end).toLowerCase()), false);
  });
  let all = 0;
  let marked = 0;
  for (const c of counts.values()) {
    all += c.total;
    marked += c.loaded + c.names;
  }
  const base = marked / all;
  const words: Record<string, number> = {};
  const names: Record<string, number> = {};
  for (const [stem, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const prior = priors.get(stem);
    // A word of the abusive-words lexicon needs no second text: the lexicon is its outside evidence.
    if (STOPWORDS.has(stem) || (c.texts.size < MIN_TEXTS && prior === undefined) || /\d/.test(stem)) continue;
    const p = (c.loaded + c.names + PRIOR_WEIGHT * (prior ?? base)) / (c.total + PRIOR_WEIGHT);
    if (p < KEEP_AT_LEAST) continue;
    const rounded = Number(p.toFixed(DIGITS));
    if (c.names > c.loaded) names[stem] = rounded;
    else words[stem] = rounded;
  }
  for (const [stem, prior] of [...priors].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (counts.has(stem) || STOPWORDS.has(stem) || prior < KEEP_AT_LEAST) continue;
    words[stem] = Number(prior.toFixed(DIGITS));
  }
  return { words, names, base };
}

/**
 * Priors from the abusive-words lexicon of Wiegand et al. (2018, CC BY 4.0): per band of its
 * score, the share of PTC train occurrences of its words inside a loaded-language or name-calling
 * span (the lexicon was built without PTC, so this is measured, not fitted). Rare and unseen
 * abusive words ("petulant", "douchery") then start from what words like them are worth.
 */
function wiegandPriors(ptc: readonly PtcArticle[], log: (line: string) => void): Map<string, number> {
  const scores = new Map<string, number>();
  for (const [word, value] of readWiegand('expandedLexicon.txt')) {
    const score = Number(value);
    const key = stem(word);
    // Stems of three letters or fewer stand for too many words ("mot" of "bon mot").
    if (key.length < 4 || !Number.isFinite(score) || score <= 0 || score <= (scores.get(key) ?? -Infinity)) continue;
    scores.set(key, score);
  }
  const bandOf = (score: number) => (score >= 2 ? 2 : score >= 1 ? 1 : 0);
  const bands = [0, 1, 2].map(() => ({ n: 0, inside: 0 }));
  for (const article of ptc) {
    const inside = article.spans.filter((s) => isLoaded(s.label));
    for (const t of analyse(article.text).tokens) {
      const score = scores.get(t.stem);
      if (score === undefined) continue;
      const band = bands[bandOf(score)]!;
      band.n++;
      if (inside.some((s) => s.start <= t.start && t.end <= s.end)) band.inside++;
    }
  }
  const share = bands.map((b) => (b.inside + 1) / (b.n + 4));
  log(`  abusive-words lexicon priors by score band (0–1, 1–2, 2+): ${bands.map((b, i) => `${share[i]!.toFixed(3)} of ${b.n}`).join(', ')}`);
  return new Map([...scores].map(([key, score]) => [key, share[bandOf(score)]!]));
}

/**
 * What a word's strength is worth: the lexicon is built on one half of PTC train (and BABE) and
 * read on the other, both ways; per band of strength, the share of marked words that annotators
 * put inside a loaded-language or name-calling span, made non-decreasing (pool adjacent violators).
 */
function calibrate(ptc: readonly PtcArticle[], babe: readonly { text: string; loaded: Set<string> }[], priors: ReadonlyMap<string, number>): [number, number][] {
  const BAND = 0.05;
  const bands = new Map<number, { n: number; inside: number }>();
  for (const fold of [0, 1]) {
    const tables = buildTables(ptc.filter((_, i) => i % 2 !== fold), babe, priors);
    for (const article of ptc.filter((_, i) => i % 2 === fold)) {
      const inside = article.spans.filter((s) => isLoaded(s.label));
      for (const t of analyse(article.text).tokens) {
        const p = Math.max(tables.words[t.stem] ?? 0, tables.names[t.stem] ?? 0);
        if (p < KEEP_AT_LEAST) continue;
        const band = Math.min(0.7, Math.floor(p / BAND) * BAND);
        const b = bands.get(band) ?? { n: 0, inside: 0 };
        b.n++;
        if (inside.some((s) => s.start <= t.start && t.end <= s.end)) b.inside++;
        bands.set(band, b);
      }
    }
  }
  const pooled: { at: number; n: number; inside: number }[] = [];
  for (const [at, b] of [...bands].sort(([x], [y]) => x - y)) {
    pooled.push({ at, ...b });
    while (pooled.length > 1 && pooled.at(-2)!.inside / pooled.at(-2)!.n > pooled.at(-1)!.inside / pooled.at(-1)!.n) {
      const last = pooled.pop()!;
      const prev = pooled.at(-1)!;
      prev.n += last.n;
      prev.inside += last.inside;
    }
  }
  return pooled.map((b) => [Number(b.at.toFixed(2)), Number((b.inside / b.n).toFixed(3))]);
}

/** A logistic regression over the few real-valued tone features (standardised inside, returned raw). */
function fitTone(examples: { label: boolean; values: number[] }[]): LexiconTables['tone'] {
  const n = PAGE_TONE_FEATURES.length;
  const mean = new Array<number>(n).fill(0);
  const sd = new Array<number>(n).fill(0);
  for (const e of examples) e.values.forEach((v, i) => (mean[i]! += v / examples.length));
  for (const e of examples) e.values.forEach((v, i) => (sd[i]! += (v - mean[i]!) ** 2 / examples.length));
  for (let i = 0; i < n; i++) sd[i] = Math.sqrt(sd[i]!) || 1;
  // Each feature enters as a weighted pseudo-feature of value z; trainBinary's features are binary, so
  // a small gradient descent here keeps it exact and deterministic.
  const w = new Array<number>(n).fill(0);
  let b = 0;
  const positives = examples.filter((e) => e.label).length;
  const balance = (examples.length - positives) / Math.max(1, positives);
  for (let epoch = 0; epoch < 2000; epoch++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (const e of examples) {
      const z = e.values.reduce((s, v, i) => s + w[i]! * ((v - mean[i]!) / sd[i]!), b);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - (e.label ? 1 : 0)) * (e.label ? balance : 1);
      gb += g;
      e.values.forEach((v, i) => (gw[i]! += g * ((v - mean[i]!) / sd[i]!)));
    }
    b -= (0.5 * gb) / examples.length;
    for (let i = 0; i < n; i++) w[i]! -= 0.5 * (gw[i]! / examples.length + L2 * w[i]!);
  }
  const weights = {} as Record<ToneFeature, number>;
  let bias = b;
  PAGE_TONE_FEATURES.forEach((name, i) => {
    weights[name] = Number((w[i]! / sd[i]!).toFixed(4));
    bias -= (w[i]! * mean[i]!) / sd[i]!;
  });
  return { bias: Number(bias.toFixed(4)), weights };
}

function readBabe(): { text: string; loaded: Set<string> }[] {
  const rows = parseCsv(readFileSync(need(join(DATA_DIR, 'babe', 'final_labels_SG2.csv')), 'utf8'));
  const header = rows[0]!;
  const text = header.indexOf('text');
  const words = header.indexOf('biased_words');
  return rows.slice(1).map((r) => ({
    text: r[text] ?? '',
    loaded: new Set((r[words] ?? '').match(/'([^']+)'/g)?.map((w) => w.slice(1, -1).toLowerCase()) ?? []),
  }));
}

function readBbc(): string[] {
  const root = need(join(DATA_DIR, 'extra', 'news-text', 'bbc'));
  const out: string[] = [];
  for (const topic of ['politics', 'business', 'tech'])
    for (const f of readdirSync(join(root, topic)).sort()) out.push(readFileSync(join(root, topic, f), 'utf8').split('\n').slice(1).join('\n'));
  return out;
}

