/**
 * Learned weight tables (feature → weight) of the rule packs, in two forms behind one interface:
 *
 * - `ObjectWeights`, a table written inline in a pack's JSON (hand-made packs, tests). Tables hold
 *   thousands of entries, so the Map is built on first look-up, not when the pack compiles (a Map,
 *   because looking up built strings as property names makes V8 intern each one). A value that is
 *   not a finite number reads as absent.
 * - `HashedWeights`, a table of a binary weight file (lib/rules/weight-file.ts), read in place:
 *   its keys' 32-bit hashes in ascending order and the weights as 16-bit integers with one scale.
 *   Nothing is parsed or copied when it loads; a look-up hashes the key and searches the hashes.
 */
export interface WeightTable {
  /** Whether the table has no entry. */
  readonly empty: boolean;
  get(key: string): number | undefined;
}

export class ObjectWeights implements WeightTable {
  readonly #table: Readonly<Record<string, unknown>>;
  #map: Map<string, number> | undefined;
  constructor(table: Readonly<Record<string, unknown>>) {
    this.#table = table;
  }

  get empty(): boolean {
    return (this.#map ??= this.#build()).size === 0;
  }

  get(key: string): number | undefined {
    return (this.#map ??= this.#build()).get(key);
  }

  #build(): Map<string, number> {
    const map = new Map<string, number>();
    for (const key in this.#table) {
      const w = this.#table[key];
      if (typeof w === 'number' && Number.isFinite(w)) map.set(key, w);
    }
    return map;
  }
}

export class HashedWeights implements WeightTable {
  constructor(
    /** Key hashes (`weightKeyHash`), strictly ascending. */
    readonly hashes: Uint32Array,
    /** `values[i] * scale` is the weight of the key whose hash is `hashes[i]`. */
    readonly values: Int16Array,
    readonly scale: number,
  ) {}

  get empty(): boolean {
    return this.hashes.length === 0;
  }

  get(key: string): number | undefined {
    const hash = weightKeyHash(key);
    const { hashes } = this;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const h = hashes[mid]!;
      if (h < hash) lo = mid + 1;
      else if (h > hash) hi = mid - 1;
      else return this.values[mid]! * this.scale;
    }
    return undefined;
  }
}

/**
 * 32-bit FNV-1a over the key's UTF-16 code units. With tables of up to ~50,000 keys, a key that
 * is not in a table collides with one that is about once in 100,000 look-ups of unknown keys, and
 * then only borrows a small weight; the writer reports keys of one table that collide.
 */
export function weightKeyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
