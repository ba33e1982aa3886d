import { createAnnotator } from '../../lib/engine/annotator';
import { sentenceWordKeys } from '../../lib/engine/claims';
import { PhraseIndex } from '../../lib/engine/phrase-index';
import { analyse } from '../../lib/engine/text';
import { compileRulePack } from '../../lib/rules/compile';
import { type LabelledText, readCheckThat, readClaimBuster } from './data';
import { type BinaryModel, type TrainOptions, prune, trainPrunedBinary } from './linear';
import { binaryPRF, seededRandom } from './metrics';
import { readPack } from './pack-file';

/**
 * Trains the learned claim rule on ClaimBuster (the 80% the benchmark does not score) and the
 * CheckThat! 2024 debate sentences that are not ClaimBuster's (see `readCheckThat`): a copy of
 * the hand-written rule whose features keep their patterns and labels but get learned weights,
 * plus learned weights of word stems, stem pairs, opening words and sentence shapes. It runs
 * after the hand-written rule and may overrule it (`veto`).
 *
 * The threshold and the veto are chosen for F1 by five-fold cross-validation on the ClaimBuster
 * training sentences alone (each fold scored by a model trained on the other four and all of
 * CheckThat!, together with the hand-written rule's verdict), among the cutoffs that keep every
 * example of the pack's claim rules right: a quiet example of any claim rule must be no claim at
 * all, a firing one must be claimed by its own rule. ClaimBuster is debate transcripts; the examples hold the news prose
 * the annotation guide rules on, where a debate-trained model alone misjudges some sentences.
 */

/**
 * Few, gentle passes: more of them (or a faster rate, or less shrinkage) overfit the word weights
 * in cross-validation (5-fold F1: 8 passes at l2 1e-5 0.746, 4 at 1e-4 0.755, 3 at 3e-4 0.757).
 */
const OPTIONS: TrainOptions = { epochs: 3, l2: 3e-4, rate: 0.05, seed: 5 };
/**
 * Word weights kept: with CheckThat! 2024 beside ClaimBuster there is evidence for more of them
 * (5-fold F1: 12,000 0.757, 30,000 0.768, all 40,187 0.770 at a third more bytes).
 */
export const WORDS_KEEP = 30000;
/*
 * Tried for issue "Marks a reader can trust" item 6, and not kept (held-out ClaimBuster F1 / editor
 * pages' confident claims P-R; now 0.769 / 0.852-0.602):
 * - character pieces of each word (`_wor`, `ord_`, as the comment classifier reads), the word keys
 *   scaled by 1/√(their number), 6 passes at l2 3e-5: 0.800 / 0.830-0.530, and article annotation
 *   at about half the speed (some 12 more keys to hash per word); pieces of 3-5 letters 0.776 to
 *   0.791 (editor pages, where measured, 0.791-0.546 and 0.807-0.554); of 5 letters 0.781 /
 *   0.843-0.538; only pieces seen 50 or 200 times 0.777 / 0.834-0.546, 0.768 / 0.807-0.584.
 *   Debate-transcript pieces do not carry over to news prose.
 * - the same scaling without pieces: 0.766 / 0.863-0.582.
 * - outside the engine: word 1-3-grams and character 2-6-grams by logistic regression 0.798;
 *   averaged skip-gram word vectors (100 dimensions, trained on ../shared/data/extra/news-text and
 *   the training texts) 0.756 alone, 0.801 beside those n-grams; fastText supervised over them 0.789
 *   (each at its best cutoff on the held-out slice, so optimistic): none near the 0.83 anchor.
 */
const RULE_ID = 'claim.check-worthy';
const LEARNED_ID = 'claim.learned-check-worthy';
const MIN_WORDS = 5;
/** How many times each sentence of the pack's claim examples joins the training sentences. */
const ANCHOR_COPIES = 20;
const FOLDS = 5;
/** How far an example's score must clear a cutoff, so rounding never flips it. */
const MARGIN = 0.05;

type ScoredRule = Extract<ReturnType<typeof compileRulePack>['rules'][number], { kind: 'scored' }>;
type Example = { features: string[]; label: boolean };
/** A pack example: per judged sentence, its feature keys and whether the hand-written rule claims it. */
type Reference = { text: string; expect: 'none' | 'hand' | 'learned' | 'any'; sentences: { features: string[]; hand: boolean }[] };

/**
 * Sentences of the seed article that the annotation guide calls claims, in full, which some claim
 * rule must keep marking (the pack's examples hold shorter forms of some): a vague gesture at a
 * source, and actions of named actors wrapped in a judgement, which debate-trained weights alone
 * miss or veto.
 */
const GUIDE_CLAIMS = [
  'Currently, if the United States is asked, Russia and Beijing are working rapidly to militarize the cosmos, while Washington is sitting idly.',
  'In order to compete, and live up to the constant accusations of Washington of “militarization of space”, Beijing and Moscow have joined forces to reach Mars.',
];

function sentenceFeatures(rule: ScoredRule, index: PhraseIndex<number>, text: string, minWords = 0): { features: string[]; start: number; end: number }[] {
  const analysed = analyse(text);
  return analysed.sentences
    .filter((sentence) => sentence.endToken - sentence.firstToken >= minWords)
    .map((sentence) => {
      const out = new Set<string>();
      const slice = text.slice(sentence.start, sentence.end);
      rule.features.forEach((f, i) => {
        if (f.pattern?.test(slice)) out.add(`f=${i}`);
      });
      index.match(analysed.tokens, sentence.firstToken, sentence.endToken, (i) => out.add(`f=${i}`));
      for (const key of sentenceWordKeys(analysed, sentence)) out.add(key);
      return { features: [...out], start: sentence.start, end: sentence.end };
    });
}

/** A training text's features: those of all its sentences (ClaimBuster items are one sentence, now and then two). */
const featuresOf = (rule: ScoredRule, index: PhraseIndex<number>, item: LabelledText) => [
  ...new Set(sentenceFeatures(rule, index, item.text).flatMap((s) => s.features)),
];

/**
 * Hand-written features that fewer training sentences than this show (under 1% of them) keep
 * their hand-written weight: the debates hold too little evidence to overrule it.
 */
const RARE = 120;

/** The model of these examples, with the hand-written weights of the features they rarely show. */
function fit(examples: readonly Example[], handWeights: readonly number[]): BinaryModel {
  const model = trainPrunedBinary(examples, OPTIONS, WORDS_KEEP + 32, 2);
  handWeights.forEach((w, i) => {
    const key = `f=${i}`;
    if (examples.filter((e) => e.features.includes(key)).length < RARE) model.weights.set(key, w);
  });
  return model;
}
const scoreOf = (model: BinaryModel, features: readonly string[]) => features.reduce((s, f) => s + (model.weights.get(f) ?? 0), model.bias);

/** Whether cutoffs keep a pack example right, with `MARGIN` to spare. */
function keepsRight(ref: { expect: Reference['expect']; scores: { score: number; hand: boolean }[] }, threshold: number, veto: number): boolean {
  const claimed = (x: { score: number; hand: boolean }, margin: number) => x.score >= threshold + margin || (x.hand && x.score >= veto + margin);
  if (ref.expect === 'none') return !ref.scores.some((x) => claimed(x, -MARGIN));
  if (ref.expect === 'hand') return ref.scores.some((x) => x.hand && x.score >= veto + MARGIN);
  if (ref.expect === 'any') return ref.scores.some((x) => claimed(x, MARGIN));
  return ref.scores.some((x) => !x.hand && x.score >= threshold + MARGIN);
}

/** Cutoffs whose cross-validated F1 is this close to the best count as equally good. */
const F1_TOLERANCE = 0.005;

/**
 * The threshold and veto chosen over out-of-fold scores, where a sentence is a claim when it
 * scores at least the threshold, or when the hand-written rule finds it and it scores at least
 * the veto; only cutoffs that `allowed` accepts. Of the cutoffs within F1_TOLERANCE of the best
 * F1, the highest threshold wins (then the highest veto): fewer claims for the same quality, since
 * the model learned on debate transcripts is read on news prose, where a wrong mark costs more.
 */
export function chooseCutoffs(
  scores: readonly number[],
  hand: readonly boolean[],
  labels: readonly boolean[],
  allowed: (threshold: number, veto: number) => boolean = () => true,
): { threshold: number; veto: number; f1: number } {
  const candidates: { threshold: number; veto: number; f1: number }[] = [];
  for (let ti = 100; ti >= -200; ti -= 5) {
    const t = ti / 100;
    for (let vi = ti; vi >= -500; vi -= 10) {
      const v = vi / 100;
      if (!allowed(t, v)) continue;
      const { f1 } = binaryPRF(scores.map((s, i) => [s >= t || (hand[i]! && s >= v), labels[i]!]));
      candidates.push({ threshold: t, veto: v, f1 });
    }
  }
  const bestF1 = Math.max(-1, ...candidates.map((c) => c.f1));
  // Candidates come highest threshold first, then highest veto.
  return candidates.find((c) => c.f1 >= bestF1 - F1_TOLERANCE) ?? { threshold: 0, veto: 0, f1: -1 };
}

export function trainClaims(log: (line: string) => void): Record<string, unknown> {
  const pack = readPack('claims');
  const raw = pack.rules.find((r) => r.id === RULE_ID)!;
  const rule = compileRulePack({ family: 'claims', version: 1, rules: [raw] }, 'claims').rules[0] as ScoredRule;
  const index = new PhraseIndex<number>();
  rule.features.forEach((f, i) => f.phrases.forEach((stems) => index.add(stems, i)));
  const handWeights = rule.features.map((f) => f.weight);
  const claimBuster = readClaimBuster();
  const { rest } = claimBuster;
  const examples = rest.map((item) => ({ features: featuresOf(rule, index, item), label: item.label }));
  log(`ClaimBuster: ${examples.length} training sentences, ${examples.filter((e) => e.label).length} check-worthy`);
  // CLAIMS_CT24=0 leaves out the CheckThat! 2024 sentences, for comparison: without them held-out
  // ClaimBuster F1 is 0.762 (0.769 with), and on the editor's news pages the confident claims keep
  // P 0.831 R 0.552 (0.824 / 0.602 with) while all claims reach P 0.797 R 0.695 (0.761 / 0.691).
  const extra = (process.env.CLAIMS_CT24 === '0' ? [] : readCheckThat(claimBuster)).map((item) => ({ features: featuresOf(rule, index, item), label: item.label }));
  log(`CheckThat! 2024: ${extra.length} more sentences, ${extra.filter((e) => e.label).length} check-worthy`);

  // What the hand-written claim rules (the pack without the learned rule) say.
  const handWritten = createAnnotator([compileRulePack({ ...pack, rules: pack.rules.filter((r) => r.id !== LEARNED_ID) }, 'claims')]);
  const handClaims = (text: string) => handWritten.annotateArticle(text).filter((a) => a.kind === 'claim');
  const hand = rest.map((item) => handClaims(item.text).length > 0);

  // The pack's claim-rule examples, sentence by sentence.
  const references: Reference[] = pack.rules
    .filter((r) => r.category === 'claim')
    .flatMap((r) => {
      const { fire = [], quiet = [] } = (r.examples ?? {}) as { fire?: string[]; quiet?: string[] };
      const own = r.id === LEARNED_ID ? 'learned' : 'hand';
      return [...fire.map((text) => ({ text, expect: own })), ...quiet.map((text) => ({ text, expect: 'none' as const }))];
    })
    .concat(GUIDE_CLAIMS.map((text) => ({ text, expect: 'any' as const })))
    .map(({ text, expect }) => {
      const claims = handClaims(text);
      const sentences = sentenceFeatures(rule, index, text, MIN_WORDS).map(({ features, start, end }) => ({
        features,
        hand: claims.some((c) => c.start < end && c.end > start),
      }));
      return { text, expect: expect as Reference['expect'], sentences };
    });

  // The examples also teach: debate sentences alone leave the news prose of the guide's seed
  // misjudged in both directions (a value judgement about Washington scores as a claim, a
  // resignation does not), and no cutoff mends that.
  const anchors = references.flatMap((r) => r.sentences.map((s) => ({ features: s.features, label: r.expect !== 'none' })));
  const taught = Array.from({ length: ANCHOR_COPIES }, () => anchors).flat();
  const random = seededRandom(17);
  const fold = examples.map(() => Math.floor(random() * FOLDS));
  const scores = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = fit([...examples.filter((_, i) => fold[i] !== k), ...extra, ...taught], handWeights);
    examples.forEach((e, i) => {
      if (fold[i] === k) scores[i] = scoreOf(model, e.features);
    });
  }
  const labels = examples.map((e) => e.label);
  const model = fit([...examples, ...extra, ...taught], handWeights);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const features = (raw.features as { id: string }[]).map((f, i) => ({ ...f, weight: round(model.weights.get(`f=${i}`) ?? 0) }));
  const words = prune(new Map([...model.weights].filter(([k]) => !k.startsWith('f='))), WORDS_KEEP);
  // The shipped model, as rounded and pruned, scores the examples.
  const shipped: BinaryModel = {
    bias: round(model.bias),
    weights: new Map([...features.map((f, i) => [`f=${i}`, f.weight] as const), ...Object.entries(words)]),
  };
  const scored = references.map((r) => ({ ...r, scores: r.sentences.map((s) => ({ score: scoreOf(shipped, s.features), hand: s.hand })) }));

  const free = chooseCutoffs(scores, hand, labels);
  const { threshold, veto, f1 } = chooseCutoffs(scores, hand, labels, (t, v) => scored.every((r) => keepsRight(r, t, v)));
  if (f1 < 0) {
    // What each example scored, to see which of them no cutoff can keep right.
    for (const r of scored) log(`    ${r.expect} ${r.text.slice(0, 50)} ${r.scores.map((x) => `${x.score.toFixed(2)}${x.hand ? ' (hand)' : ''}`).join(', ')}`);
    throw new Error('train claims: no threshold keeps every example of the claims pack right');
  }
  const cv = binaryPRF(scores.map((s, i) => [s >= threshold || (hand[i]! && s >= veto), labels[i]!]));
  log(`  ${FOLDS}-fold cross-validation: best F1 ${free.f1.toFixed(3)} at threshold ${free.threshold}, veto ${free.veto}`);
  for (const r of scored.filter((x) => !keepsRight(x, free.threshold, free.veto)))
    log(`    it would misjudge the example (${r.expect}) “${r.text.slice(0, 60)}…” (${r.scores.map((x) => x.score.toFixed(2)).join(', ')})`);
  log(`  threshold ${threshold}, veto ${veto} keep the ${scored.length} examples right: P ${cv.precision.toFixed(3)} R ${cv.recall.toFixed(3)} F1 ${f1.toFixed(3)}`);
  log(`  kept ${Object.keys(words).length} word weights; feature weights ${features.map((f) => `${f.id} ${f.weight}`).join(', ')}`);
  return {
    ...raw,
    id: LEARNED_ID,
    explanation:
      'States something a fact-checker could confirm or refute, shown by {cue}.',
    minWords: MIN_WORDS,
    bias: shipped.bias,
    threshold,
    veto,
    features,
    words,
  };
}
