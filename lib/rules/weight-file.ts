import { HashedWeights, weightKeyHash } from '../engine/weights';

/**
 * The binary weight file of a rule pack (`lib/rules/packs/<pack>.weights.bin`, written by
 * `npm run train`): every learned weight table of the pack, stored so that it loads without
 * parsing — the tables are typed-array views over the file's bytes. A pack names a table of its
 * file with a string `"bin:<table>"` where it would otherwise hold the table inline.
 *
 * Layout, little-endian, every section aligned to 4 bytes:
 *
 *     "PSW1"  u32 table count
 *     per table:  u16 name length, UTF-8 name, padding
 *                 u32 entry count n, f32 scale
 *                 u32[n] key hashes, strictly ascending
 *                 i16[n] weights (weight = value × scale), padding
 */

const MAGIC = 'PSW1';
export const TABLE_REF = /^bin:(\S+)$/;

export class WeightFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`weight file "${file}" rejected: ${problem}`);
    this.name = 'WeightFileError';
  }
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Reads a weight file's tables in place; throws `WeightFileError` saying what is wrong. */
export function readWeightFile(bytes: ArrayBuffer | Uint8Array, file: string): Map<string, HashedWeights> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // Typed arrays over the bytes need 4-byte alignment: a Node Buffer may start anywhere in its pool.
  const own = view.byteOffset % 4 === 0 ? view : view.slice();
  const { buffer, byteOffset, byteLength } = own;
  const data = new DataView(buffer, byteOffset, byteLength);
  const fail = (problem: string): never => {
    throw new WeightFileError(file, problem);
  };
  const need = (at: number, n: number, what: string) => {
    if (at + n > byteLength) fail(`ends inside ${what} (at byte ${at}, ${byteLength} bytes long)`);
  };
  need(0, 8, 'its header');
  if (String.fromCharCode(...own.subarray(0, 4)) !== MAGIC) fail(`does not start with "${MAGIC}"`);
  const count = data.getUint32(4, true);
  const tables = new Map<string, HashedWeights>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 8;
  for (let t = 0; t < count; t++) {
    need(at, 2, `table ${t + 1}'s name`);
    const nameLength = data.getUint16(at, true);
    need(at + 2, nameLength, `table ${t + 1}'s name`);
    const name = decoder.decode(own.subarray(at + 2, at + 2 + nameLength));
    at = pad4(at + 2 + nameLength);
    need(at, 8, `table "${name}"`);
    const n = data.getUint32(at, true);
    const scale = data.getFloat32(at + 4, true);
    if (!Number.isFinite(scale)) fail(`table "${name}" has scale ${scale}`);
    at += 8;
    need(at, n * 6, `table "${name}" (${n} entries)`);
    const hashes = new Uint32Array(buffer, byteOffset + at, n);
    at += n * 4;
    const values = new Int16Array(buffer, byteOffset + at, n);
    at = pad4(at + n * 2);
    for (let i = 1; i < n; i++) if (hashes[i - 1]! >= hashes[i]!) fail(`table "${name}": key hashes are not in ascending order`);
    if (tables.has(name)) fail(`table "${name}" appears twice`);
    tables.set(name, new HashedWeights(hashes, values, scale));
  }
  if (at !== byteLength) fail(`has ${byteLength - at} bytes after its last table`);
  return tables;
}

export interface WrittenWeights {
  bytes: Uint8Array;
  /** Per table, keys whose hash another key of the table already had (the larger weight is kept). */
  collisions: Map<string, number>;
  /** The largest difference between a weight and its stored value. */
  maxError: number;
}

/**
 * Encodes tables as a weight file: each given as feature → weight, or as a table read from a
 * weight file (kept exactly as it was). Deterministic: tables in name order.
 */
export function writeWeightFile(tables: ReadonlyMap<string, Readonly<Record<string, number>> | HashedWeights>): WrittenWeights {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const collisions = new Map<string, number>();
  let maxError = 0;
  const header = new Uint8Array(8);
  header.set(encoder.encode(MAGIC));
  new DataView(header.buffer).setUint32(4, tables.size, true);
  parts.push(header);
  for (const name of [...tables.keys()].sort()) {
    const given = tables.get(name)!;
    let table: { hashes: ArrayLike<number>; values: ArrayLike<number>; scale: number };
    if (given instanceof HashedWeights) table = given;
    else {
      const quantised = quantise(name, given);
      if (quantised.collided > 0) collisions.set(name, quantised.collided);
      maxError = Math.max(maxError, quantised.maxError);
      table = quantised;
    }
    const nameBytes = encoder.encode(name);
    const n = table.hashes.length;
    const part = new Uint8Array(pad4(2 + nameBytes.length) + 8 + pad4(n * 6));
    const data = new DataView(part.buffer);
    data.setUint16(0, nameBytes.length, true);
    part.set(nameBytes, 2);
    const at = pad4(2 + nameBytes.length);
    data.setUint32(at, n, true);
    data.setFloat32(at + 4, table.scale, true);
    for (let i = 0; i < n; i++) {
      data.setUint32(at + 8 + i * 4, table.hashes[i]!, true);
      data.setInt16(at + 8 + n * 4 + i * 2, table.values[i]!, true);
    }
    parts.push(part);
  }
  const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, collisions, maxError };
}

/** A table's keys hashed and sorted, its weights as 16-bit integers of one scale. */
function quantise(name: string, table: Readonly<Record<string, number>>) {
  const byHash = new Map<number, number>();
  let collided = 0;
  for (const [key, w] of Object.entries(table)) {
    if (!Number.isFinite(w)) throw new Error(`table "${name}", key "${key}": weight ${w} is not a finite number`);
    const h = weightKeyHash(key);
    const before = byHash.get(h);
    if (before !== undefined) {
      collided++;
      if (Math.abs(before) >= Math.abs(w)) continue;
    }
    byHash.set(h, w);
  }
  const entries = [...byHash].sort((a, b) => a[0] - b[0]);
  const largest = entries.reduce((m, [, w]) => Math.max(m, Math.abs(w)), 0);
  const scale = Math.fround(largest > 0 ? largest / 32767 : 1);
  const values = entries.map(([, w]) => Math.max(-32767, Math.min(32767, Math.round(w / scale))));
  const maxError = entries.reduce((m, [, w], i) => Math.max(m, Math.abs(values[i]! * scale - w)), 0);
  return { hashes: entries.map(([h]) => h), values, scale, collided, maxError };
}
