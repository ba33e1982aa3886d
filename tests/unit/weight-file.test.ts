import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ObjectWeights } from '../../lib/engine/weights';
import { RulePackError, compileRulePack } from '../../lib/rules/compile';
import { DEFAULT_PACK_SOURCES, WEIGHT_FILES, compileDefaultPacks, useWeightFiles } from '../../lib/rules/default-packs';
import { WeightFileError, readWeightFile, writeWeightFile } from '../../lib/rules/weight-file';

/** The binary weight files that hold the packs' learned weights. */

const table = { sanction: 1.25, 'sanction regim': -0.5, '#num': 0.031, 'b=a country': -2.75, '^the': 0.0004 };

describe('weight files', () => {
  it('give back every weight of a table, within the 16-bit step of its largest', () => {
    const { bytes, collisions } = writeWeightFile(new Map([['rule/words', table]]));
    expect(collisions.size).toBe(0);
    const read = readWeightFile(bytes, 'test.bin').get('rule/words')!;
    for (const [key, w] of Object.entries(table)) expect(read.get(key)).toBeCloseTo(w, 4);
    expect(read.get('sanctions')).toBeUndefined();
    expect(read.empty).toBe(false);
  });

  it('are written the same way every time (tables in name order)', () => {
    const a = writeWeightFile(new Map<string, Record<string, number>>([['b', table], ['a', { x: 1 }]])).bytes;
    const b = writeWeightFile(new Map<string, Record<string, number>>([['a', { x: 1 }], ['b', table]])).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('read from an unaligned buffer (a Node Buffer inside its pool)', () => {
    const { bytes } = writeWeightFile(new Map([['t', table]]));
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(readWeightFile(shifted, 'shifted.bin').get('t')!.get('sanction')).toBeCloseTo(1.25, 4);
  });

  it('reject a file that is not one, or is cut short, saying what is wrong', () => {
    const { bytes } = writeWeightFile(new Map([['t', table]]));
    expect(() => readWeightFile(new TextEncoder().encode('{"words": {}}'), 'x.bin')).toThrow(/does not start with "PSW1"/);
    expect(() => readWeightFile(bytes.subarray(0, bytes.length - 6), 'x.bin')).toThrow(WeightFileError);
    expect(() => readWeightFile(bytes.subarray(0, bytes.length - 6), 'x.bin')).toThrow(/ends inside table "t"/);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => readWeightFile(longer, 'x.bin')).toThrow(/4 bytes after its last table/);
  });

  it('keep the tables in use when a malformed file is offered', () => {
    const before = compileDefaultPacks().length;
    expect(() => useWeightFiles({ claims: new Uint8Array([1, 2, 3]) })).toThrow(/claims\.weights\.bin/);
    expect(compileDefaultPacks()).toHaveLength(before);
  });

  it('hold every table the shipped packs name, and nothing else (a pack names none inline)', () => {
    for (const [name, file] of Object.entries(WEIGHT_FILES)) {
      const tables = readWeightFile(readFileSync(new URL(`../../public/${file}`, import.meta.url)), file);
      const named = new Set(JSON.stringify(DEFAULT_PACK_SOURCES[name]).match(/"bin:[^"]+"/g)?.map((s) => s.slice(5, -1)));
      expect([...tables.keys()].sort()).toEqual([...named].sort());
      expect(JSON.stringify(DEFAULT_PACK_SOURCES[name]).length).toBeLessThan(60_000);
    }
  });

  // Issue "Marks a reader can trust", item 6: all learned weights within 8 MB, each file loading in under 150 ms in the worker.
  it('stay within 8 MB together, and each is read in well under 150 ms', () => {
    let total = 0;
    for (const file of Object.values(WEIGHT_FILES)) {
      const bytes = readFileSync(new URL(`../../public/${file}`, import.meta.url));
      total += bytes.length;
      const start = performance.now();
      const tables = readWeightFile(bytes, file);
      for (const t of tables.values()) t.get('the');
      expect(performance.now() - start).toBeLessThan(150);
    }
    expect(total).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('a pack that names a weight table', () => {
  const pack = (words: unknown) => ({
    family: 'claims',
    version: 1,
    rules: [
      {
        id: 'claim.learned',
        kind: 'scored',
        category: 'claim',
        explanation: 'A check-worthy statement ({cue}).',
        bias: -1,
        threshold: 0,
        features: [{ id: 'figure', label: 'a figure', weight: 1, pattern: '\\d' }],
        words,
        examples: { fire: ['Sanctions cut exports by 40%.'], quiet: ['What a day.'] },
      },
    ],
  });

  it('compiles against the tables it is given', () => {
    const compiled = compileRulePack(pack('bin:claim.learned/words'), 'claims', new Map([['claim.learned/words', new ObjectWeights({ sanction: 2 })]]));
    const rule = compiled.rules[0]!;
    expect(rule.kind === 'scored' && rule.words.get('sanction')).toBe(2);
  });

  it('is rejected, naming the rule and the table, when the weight file lacks it', () => {
    expect(() => compileRulePack(pack('bin:claim.learned/words'), 'claims')).toThrow(RulePackError);
    expect(() => compileRulePack(pack('bin:claim.learned/words'), 'claims')).toThrow(/rule "claim\.learned": words: weight table "bin:claim\.learned\/words" is not in the pack's weight file/);
    expect(() => compileRulePack(pack('claim.learned/words'), 'claims')).toThrow(/"bin:<table>"/);
  });
});
