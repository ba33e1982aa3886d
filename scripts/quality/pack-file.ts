import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HashedWeights } from '../../lib/engine/weights';
import { TABLE_REF, readWeightFile, writeWeightFile } from '../../lib/rules/weight-file';

/**
 * Reads and rewrites a shipped rule pack for `npm run train`: the hand-written rules stay as they
 * are in `lib/rules/packs/<name>.json`, pretty-printed; learned weight tables go to the pack's
 * binary weight file `public/weights/<name>.weights.bin` (lib/rules/weight-file.ts), and the
 * rule names each one there as `"bin:<rule id>/<path>"`.
 */

export type PackName = 'claims' | 'techniques' | 'comments';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RuleJson = { id: string; [key: string]: Json };

const pathOf = (name: PackName) => fileURLToPath(new URL(`../../lib/rules/packs/${name}.json`, import.meta.url));
const weightsPathOf = (name: PackName) => fileURLToPath(new URL(`../../public/weights/${name}.weights.bin`, import.meta.url));

export function readPack(name: PackName): { family: string; version: number; rules: RuleJson[] } {
  return JSON.parse(readFileSync(pathOf(name), 'utf8'));
}

/**
 * Replaces the rule with the same id (or appends it), keeping the others in place; its weight
 * tables replace the rule's tables in the weight file. Returns the bytes of both files.
 */
export function writeRule(name: PackName, rule: RuleJson): number {
  const pack = readPack(name);
  const tables = new Map<string, Record<string, number>>();
  const stored = externalise(rule, rule.id, tables) as RuleJson;
  const at = pack.rules.findIndex((r) => r.id === rule.id);
  if (at >= 0) pack.rules[at] = stored;
  else pack.rules.push(stored);
  return writePack(name, pack, tables);
}

/** Writes a pack and its weight file: `fresh` tables, and the tables of the file that the pack still names. */
function writePack(name: PackName, pack: { rules: RuleJson[] }, fresh: ReadonlyMap<string, Record<string, number>>): number {
  const before: ReadonlyMap<string, HashedWeights> = existsSync(weightsPathOf(name))
    ? readWeightFile(readFileSync(weightsPathOf(name)), `${name}.weights.bin`)
    : new Map();
  const named = new Set<string>();
  JSON.stringify(pack, (_key, value: unknown) => {
    if (typeof value === 'string' && TABLE_REF.test(value)) named.add(value.replace(TABLE_REF, '$1'));
    return value;
  });
  const tables = new Map<string, Record<string, number> | HashedWeights>();
  for (const table of named) {
    const found = fresh.get(table) ?? before.get(table);
    if (!found) throw new Error(`${name}: the pack names weight table "${table}", which is neither new nor in ${name}.weights.bin`);
    tables.set(table, found);
  }
  const { bytes, collisions, maxError } = writeWeightFile(tables);
  for (const [table, n] of collisions) console.warn(`  ${name}: ${n} keys of "${table}" share a hash with another key (the larger weight kept)`);
  if (maxError > 0.001) console.warn(`  ${name}: weights stored within ${maxError.toFixed(4)} of their trained values`);
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  writeFileSync(pathOf(name), text);
  writeFileSync(weightsPathOf(name), bytes);
  return Buffer.byteLength(text) + bytes.length;
}

function isWeightTable(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 8 && Object.values(v).every((x) => typeof x === 'number');
}

/** A copy of `value` whose weight tables are moved into `tables`, each named by its path. */
function externalise(value: Json, path: string, tables: Map<string, Record<string, number>>): Json {
  if (isWeightTable(value)) {
    tables.set(path, value);
    return `bin:${path}`;
  }
  if (Array.isArray(value)) return value.map((v, i) => externalise(v, `${path}/${i}`, tables));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, externalise(v, `${path}/${k}`, tables)]));
  }
  return value;
}

/** Moves every inline weight table of a pack into its weight file (a pack written before weight files). */
export function externalisePack(name: PackName): number {
  const pack = readPack(name);
  const tables = new Map<string, Record<string, number>>();
  pack.rules = pack.rules.map((rule) => externalise(rule, rule.id, tables) as RuleJson);
  return writePack(name, pack, tables);
}
