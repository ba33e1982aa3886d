import { type ClassifierRule, classifyComment } from '../../lib/engine/comment-classifier';
import { commentFeatures, commentWords } from '../../lib/engine/comment-features';
import { WeightTable } from '../../lib/engine/weights';
import { readOlid, readWiegand } from './data';
import { type BinaryModel, type TrainOptions, prune, trainPrunedBinary } from './linear';
import { macroF1, seededRandom } from './metrics';

/**
 * Trains the learned offensive-comment classifier on OLID (the 80% the benchmark does not score):
 * weights of words and word pieces, plus one weight for holding a word of the Wiegand et al.
 * (2018) abusive-words base lexicon (CC BY 4.0, shipped with attribution). The threshold is
 * chosen for macro-F1 on a fixed fifth of the training tweets.
 */

const OPTIONS: TrainOptions = { epochs: 6, l2: 1e-4, rate: 0.1, seed: 13, normalise: true };
export const COMMENT_KEEP = 7000;
const LEXICON_FEATURE = '#lexicon';

function featuresOf(text: string, lexicon: ReadonlySet<string>): string[] {
  const out: string[] = [];
  let hit = false;
  commentFeatures(commentWords(text), (table, key) => {
    out.push(`${table}\t${key}`);
    if (table === 'word' && !hit && lexicon.has(key)) {
      hit = true;
      out.push(LEXICON_FEATURE);
    }
  });
  return out;
}

/** A compiled rule over a trained model, to judge held-in tweets exactly as the engine will. */
function asRule(model: BinaryModel, lexicon: readonly string[], threshold: number, minCue: number): ClassifierRule {
  const words = new Map<string, number>();
  const pieces = new Map<string, number>();
  for (const [key, w] of model.weights) {
    if (key === LEXICON_FEATURE) continue;
    const [table, name] = key.split('\t') as [string, string];
    (table === 'word' ? words : pieces).set(name, w);
  }
  return {
    id: 'tuning',
    family: 'comments',
    category: 'insult',
    explanation: '{cue}',
    examples: { fire: [], quiet: [] },
    reads: { article: false, comment: true },
    unless: null,
    kind: 'classifier',
    bias: model.bias,
    threshold,
    words: new WeightTable(Object.fromEntries(words)),
    pieces: new WeightTable(Object.fromEntries(pieces)),
    lexicon: new Set(lexicon),
    lexiconWeight: model.weights.get(LEXICON_FEATURE) ?? 0,
    minCue,
  };
}

export function trainComments(log: (line: string) => void): Record<string, unknown> {
  const lexicon = readWiegand('baseLexicon.txt')
    .filter(([, v]) => v === 'TRUE')
    .map(([w]) => w.toLowerCase());
  const lexiconSet = new Set(lexicon);
  const { rest } = readOlid();
  const examples = rest.map((t) => ({ features: featuresOf(t.text, lexiconSet), label: t.label }));
  log(`OLID: ${examples.length} training tweets, ${examples.filter((e) => e.label).length} offensive; lexicon of ${lexiconSet.size} words`);

  const random = seededRandom(17);
  const tune = rest.map(() => random() < 0.2);
  const fitModel = trainPrunedBinary(examples.filter((_, i) => !tune[i]), OPTIONS, COMMENT_KEEP, 2);
  const held = rest.filter((_, i) => tune[i]);
  const fitRule = asRule(fitModel, lexicon, 0.5, 0);
  // A comment is flagged for a word the reader can see: the cue must weigh something on its own.
  let best = { macro: -1, threshold: 0.5, minCue: 0 };
  for (let t = 0.2; t <= 0.8; t += 0.025)
    for (const minCue of [0.5, 0.75, 1, 1.5, 2]) {
      const rule = { ...fitRule, threshold: t, minCue };
      const { macro } = macroF1(held.map((e) => [classifyComment(e.text, rule) !== null, e.label]));
      if (macro > best.macro) best = { macro, threshold: Math.round(t * 1000) / 1000, minCue };
    }
  const { threshold, minCue } = best;
  log(`  threshold ${threshold}, minCue ${minCue} chosen on ${held.length} held-in tweets (macro-F1 ${best.macro.toFixed(3)})`);

  const model = trainPrunedBinary(examples, OPTIONS, COMMENT_KEEP, 2);
  const kept = prune(model.weights, COMMENT_KEEP);
  const words: Record<string, number> = {};
  const pieces: Record<string, number> = {};
  for (const [key, w] of Object.entries(kept)) {
    if (key === LEXICON_FEATURE) continue;
    const [table, name] = key.split('\t') as [string, string];
    (table === 'word' ? words : pieces)[name] = w;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  log(`  kept ${Object.keys(words).length} word and ${Object.keys(pieces).length} piece weights; lexicon weight ${round(model.weights.get(LEXICON_FEATURE) ?? 0)}`);
  return {
    bias: round(model.bias),
    threshold,
    words,
    pieces,
    lexicon: lexicon.sort().join(' '),
    lexiconWeight: round(model.weights.get(LEXICON_FEATURE) ?? 0),
    minCue,
  };
}
