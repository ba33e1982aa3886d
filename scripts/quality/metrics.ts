/**
 * Scoring for `npm run bench:quality`, kept pure so that tiny hand-made cases pin it down.
 *
 * Spans use the partial-overlap measure of SemEval-2020 Task 11: a predicted span earns the share
 * of its characters that gold spans cover (precision), a gold span the share of its characters
 * that predictions cover (recall). Overlapping spans of one article are merged first, so a
 * character is never counted twice and every share lies in [0, 1].
 */

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Sums behind precision and recall; adding them over articles gives micro-averaged figures. */
export interface Tally {
  predicted: number;
  predictedEarned: number;
  gold: number;
  goldEarned: number;
}

export const emptyTally = (): Tally => ({ predicted: 0, predictedEarned: 0, gold: 0, goldEarned: 0 });

export function addTally(into: Tally, t: Tally): void {
  into.predicted += t.predicted;
  into.predictedEarned += t.predictedEarned;
  into.gold += t.gold;
  into.goldEarned += t.goldEarned;
}

export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Precision and recall of a tally; with no predictions precision is 0 (nothing earned). */
export function prfOf(t: Tally): PRF {
  const precision = t.predicted === 0 ? 0 : t.predictedEarned / t.predicted;
  const recall = t.gold === 0 ? 0 : t.goldEarned / t.gold;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Merges overlapping or touching spans into their union, sorted. */
export function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

function overlapWith(span: { start: number; end: number }, union: readonly { start: number; end: number }[]): number {
  let n = 0;
  for (const u of union) n += Math.max(0, Math.min(span.end, u.end) - Math.max(span.start, u.start));
  return n;
}

/** The tally of one article's spans, labels ignored. */
export function spanTally(predicted: readonly { start: number; end: number }[], gold: readonly { start: number; end: number }[]): Tally {
  const p = mergeSpans(predicted);
  const g = mergeSpans(gold);
  const t = emptyTally();
  t.predicted = p.length;
  t.gold = g.length;
  for (const s of p) t.predictedEarned += overlapWith(s, g) / (s.end - s.start);
  for (const s of g) t.goldEarned += overlapWith(s, p) / (s.end - s.start);
  return t;
}

/** The tally of one article's spans where a span earns only what spans of its own label cover, per label. */
export function labelledTallies(predicted: readonly LabelledSpan[], gold: readonly LabelledSpan[]): Map<string, Tally> {
  const labels = new Set([...predicted, ...gold].map((s) => s.label));
  const out = new Map<string, Tally>();
  for (const label of labels)
    out.set(label, spanTally(predicted.filter((s) => s.label === label), gold.filter((s) => s.label === label)));
  return out;
}

/** Precision, recall and F1 of a binary decision, for the positive class. */
export function binaryPRF(pairs: readonly [predicted: boolean, gold: boolean][]): PRF & { tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [p, g] of pairs) {
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, f1: f1Of(precision, recall), tp, fp, fn };
}

/** Macro-F1 over both classes of a binary decision (OffensEval's measure). */
export function macroF1(pairs: readonly [predicted: boolean, gold: boolean][]): { macro: number; positive: PRF; negative: PRF } {
  const positive = binaryPRF(pairs);
  const negative = binaryPRF(pairs.map(([p, g]) => [!p, !g]));
  return { macro: (positive.f1 + negative.f1) / 2, positive, negative };
}

/** The UTF-16 index of each code-point offset of `text` (PTC counts code points, JavaScript UTF-16 units). */
export function utf16Offsets(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    out.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  out.push(text.length);
  return out;
}

/** A deterministic pseudo-random generator (mulberry32), so data slices never change. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits items into a fixed held-out slice (`share` of them) and the rest, by a seeded shuffle. */
export function fixedSplit<T>(items: readonly T[], share: number, seed: number): { heldOut: T[]; rest: T[] } {
  const order = items.map((_, i) => i);
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const cut = Math.round(items.length * share);
  const held = new Set(order.slice(0, cut));
  return { heldOut: items.filter((_, i) => held.has(i)), rest: items.filter((_, i) => !held.has(i)) };
}
