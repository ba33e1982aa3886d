import { seededRandom } from './metrics';

/**
 * Small, deterministic linear learners for `npm run train`: logistic regression (binary and
 * multinomial) over sparse binary features, trained by AdaGrad with L2 shrinkage, in a fixed
 * number of passes over a seeded shuffle, so the same data always gives the same weights.
 */

export interface TrainOptions {
  epochs: number;
  /** L2 penalty per example seen. */
  l2: number;
  rate: number;
  seed: number;
  /** Weight of positive examples relative to negative ones (binary only). */
  positiveWeight?: number;
  /** Scale each example's features by 1/√(their number), so long texts do not outvote short ones (binary only). */
  normalise?: boolean;
}

export interface BinaryModel {
  bias: number;
  weights: Map<string, number>;
}

class FeatureIndex {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  encode(features: readonly string[]): Int32Array {
    const out = new Set<number>();
    for (const f of features) {
      let id = this.ids.get(f);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(f, id);
        this.names.push(f);
      }
      out.add(id);
    }
    return Int32Array.from(out);
  }
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function trainBinary(examples: readonly { features: readonly string[]; label: boolean }[], o: TrainOptions): BinaryModel {
  const index = new FeatureIndex();
  const xs = examples.map((e) => index.encode(e.features));
  const norm = xs.map((x) => (o.normalise && x.length > 0 ? 1 / Math.sqrt(x.length) : 1));
  const w = new Float64Array(index.names.length);
  const g2 = new Float64Array(index.names.length).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const random = seededRandom(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of shuffled(xs.length, random)) {
      const x = xs[i]!;
      const v = norm[i]!;
      const y = examples[i]!.label ? 1 : 0;
      let z = 0;
      for (const f of x) z += w[f]!;
      z = bias + z * v;
      const p = 1 / (1 + Math.exp(-z));
      const scale = y === 1 ? (o.positiveWeight ?? 1) : 1;
      const g = (p - y) * scale;
      biasG2 += g * g;
      bias -= (o.rate * g) / Math.sqrt(biasG2);
      for (const f of x) {
        const gf = g * v + o.l2 * w[f]!;
        g2[f]! += gf * gf;
        w[f]! -= (o.rate * gf) / Math.sqrt(g2[f]!);
      }
    }
  }
  const weights = new Map<string, number>();
  index.names.forEach((name, f) => weights.set(name, w[f]!));
  return { bias, weights };
}

export function trainMulticlass(
  examples: readonly { features: readonly string[]; label: string }[],
  labels: readonly string[],
  o: TrainOptions,
): Map<string, BinaryModel> {
  const index = new FeatureIndex();
  const xs = examples.map((e) => index.encode(e.features));
  const k = labels.length;
  const labelOf = new Map(labels.map((l, i) => [l, i]));
  const d = index.names.length;
  const w = new Float64Array(d * k);
  const g2 = new Float64Array(d * k).fill(1e-8);
  const bias = new Float64Array(k);
  const biasG2 = new Float64Array(k).fill(1e-8);
  const random = seededRandom(o.seed);
  const z = new Float64Array(k);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of shuffled(xs.length, random)) {
      const x = xs[i]!;
      const y = labelOf.get(examples[i]!.label)!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = bias[c]!;
        for (const f of x) s += w[f * k + c]!;
        z[c] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) sum += (z[c] = Math.exp(z[c]! - max));
      for (let c = 0; c < k; c++) {
        const g = z[c]! / sum - (c === y ? 1 : 0);
        biasG2[c]! += g * g;
        bias[c]! -= (o.rate * g) / Math.sqrt(biasG2[c]!);
        for (const f of x) {
          const at = f * k + c;
          const gf = g + o.l2 * w[at]!;
          g2[at]! += gf * gf;
          w[at]! -= (o.rate * gf) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  const out = new Map<string, BinaryModel>();
  labels.forEach((label, c) => {
    const weights = new Map<string, number>();
    index.names.forEach((name, f) => weights.set(name, w[f * k + c]!));
    out.set(label, { bias: bias[c]!, weights });
  });
  return out;
}

/** The `keep` weights of largest magnitude, rounded to `digits` decimals, as a plain object sorted by key. */
export function prune(weights: ReadonlyMap<string, number>, keep: number, digits = 3): Record<string, number> {
  const scale = 10 ** digits;
  const top = [...weights]
    .map(([k, v]) => [k, Math.round(v * scale) / scale] as const)
    .filter(([, v]) => v !== 0)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, keep)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(top);
}

/**
 * A binary model restricted to its `keep` strongest features: trained once on everything, then
 * trained again on the kept features only (features seen fewer than `minCount` times never enter), so the bias and the kept weights account for what
 * pruning removed (pruning a trained model afterwards shifts every score).
 */
export function trainPrunedBinary(
  examples: readonly { features: readonly string[]; label: boolean }[],
  o: TrainOptions,
  keep: number,
  minCount = 1,
): BinaryModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const common = examples.map((e) => ({ features: e.features.filter((f) => counts.get(f)! >= minCount), label: e.label }));
  const full = trainBinary(common, o);
  const kept = new Set(Object.keys(prune(full.weights, keep)));
  return trainBinary(
    common.map((e) => ({ features: e.features.filter((f) => kept.has(f)), label: e.label })),
    o,
  );
}
