import { type Annotator, createAnnotator } from '../engine/annotator';
import claims from './packs/claims.json';
import comments from './packs/comments.json';
import techniques from './packs/techniques.json';
import { type CompiledPack, type WeightTables, compileRulePack } from './compile';
import { readWeightFile } from './weight-file';

/** The packs that ship with Plainsight, as JSON data, in the order their rules run. */
export const DEFAULT_PACK_SOURCES: Readonly<Record<string, unknown>> = { claims, techniques, comments };

/**
 * Each shipped pack's learned weights sit in `public/weights/<name>.weights.bin`
 * (lib/rules/weight-file.ts), which the extension ships as files of its own.
 */
export const WEIGHT_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(DEFAULT_PACK_SOURCES).map((name) => [name, `weights/${name}.weights.bin`]),
);

let weightTables: Record<string, WeightTables> | undefined;

/**
 * Installs the shipped packs' weight files (bytes by pack name). The extension's worker fetches
 * them from its package first (lib/background/weight-files.ts); in Node (the command line, tests,
 * training) they are read from disk on first use. Throws `WeightFileError` if one is malformed,
 * and then keeps the tables it had.
 */
export function useWeightFiles(files: Readonly<Record<string, ArrayBuffer | Uint8Array>>): void {
  const read: Record<string, WeightTables> = {};
  for (const name of Object.keys(DEFAULT_PACK_SOURCES)) {
    const bytes = files[name];
    read[name] = bytes ? readWeightFile(bytes, `${name}.weights.bin`) : new Map();
  }
  weightTables = read;
  shared = undefined;
}

function tablesOf(name: string): WeightTables {
  if (!weightTables) {
    // Node only: `process.getBuiltinModule` reads the files without a static import of node:fs,
    // which the extension's bundles must not hold.
    const fs = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:fs') as
      | typeof import('node:fs')
      | undefined;
    if (!fs) throw new Error('the rule packs\' weight files are not loaded: call useWeightFiles first');
    const root = '../../public/';
    useWeightFiles(Object.fromEntries(Object.entries(WEIGHT_FILES).map(([name, file]) => [name, fs.readFileSync(new URL(root + file, import.meta.url))])));
  }
  return weightTables![name] ?? new Map();
}

/** Compiles the shipped packs; a broken shipped pack is a bug, so this throws. */
export function compileDefaultPacks(): CompiledPack[] {
  return Object.entries(DEFAULT_PACK_SOURCES).map(([name, raw]) => compileRulePack(raw, name, tablesOf(name)));
}

let shared: Annotator | undefined;

/** The annotator over the shipped packs, compiled once per process. */
export function defaultAnnotator(): Annotator {
  return (shared ??= createAnnotator(compileDefaultPacks()));
}
