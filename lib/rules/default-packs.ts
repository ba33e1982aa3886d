import { type Annotator, createAnnotator } from '../engine/annotator';
import claims from './packs/claims.json';
import comments from './packs/comments.json';
import techniques from './packs/techniques.json';
import { type CompiledPack, compileRulePack } from './compile';

/** The packs that ship with Plainsight, as JSON data, in the order their rules run. */
export const DEFAULT_PACK_SOURCES: Readonly<Record<string, unknown>> = { claims, techniques, comments };

/** Compiles the shipped packs; a broken shipped pack is a bug, so this throws. */
export function compileDefaultPacks(): CompiledPack[] {
  return Object.entries(DEFAULT_PACK_SOURCES).map(([name, raw]) => compileRulePack(raw, name));
}

let shared: Annotator | undefined;

/** The annotator over the shipped packs, compiled once per process. */
export function defaultAnnotator(): Annotator {
  return (shared ??= createAnnotator(compileDefaultPacks()));
}
