/**
 * A learned weight table from a rule pack. Tables hold thousands of entries: validating each or
 * copying it into a Map when the packs compile would cost every page that never needs it (even
 * enumerating a large object's keys sorts them all), so the Map is built on first look-up (a Map, because looking up built strings as property names makes
 * V8 intern each one, several times slower). A value that is not a finite number reads as absent.
 */
export class WeightTable {
  readonly #table: Readonly<Record<string, unknown>>;
  #map: Map<string, number> | undefined;
  constructor(table: Readonly<Record<string, unknown>>) {
    this.#table = table;
  }

  /** Whether the table has no entry. */
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
