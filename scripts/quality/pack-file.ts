import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads and rewrites a shipped rule pack (lib/rules/packs/<name>.json) for `npm run train`: the
 * hand-written rules stay as they are, pretty-printed; learned weight tables are written one
 * table per line so the file stays reviewable and small.
 */

export type PackName = 'claims' | 'techniques' | 'comments';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type RuleJson = { id: string; [key: string]: Json };

const pathOf = (name: PackName) => fileURLToPath(new URL(`../../lib/rules/packs/${name}.json`, import.meta.url));

export function readPack(name: PackName): { family: string; version: number; rules: RuleJson[] } {
  return JSON.parse(readFileSync(pathOf(name), 'utf8'));
}

/** Replaces the rule with the same id (or appends it), keeping the others in place. */
export function writeRule(name: PackName, rule: RuleJson): number {
  const pack = readPack(name);
  const at = pack.rules.findIndex((r) => r.id === rule.id);
  if (at >= 0) pack.rules[at] = rule;
  else pack.rules.push(rule);
  const text = `${format(pack as unknown as Json)}\n`;
  writeFileSync(pathOf(name), text);
  return Buffer.byteLength(text);
}

function isWeightTable(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 8 && Object.values(v).every((x) => typeof x === 'number');
}

/** `JSON.stringify(v, null, 2)`, except that weight tables stay on one line each. */
function format(v: Json): string {
  const tables: string[] = [];
  const text = JSON.stringify(v, (_key, value: unknown) => (isWeightTable(value) ? `\u0000${tables.push(JSON.stringify(value)) - 1}` : value), 2);
  return text.replace(/"\\u0000(\d+)"/g, (_, i: string) => tables[Number(i)]!);
}
