import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TechniqueId } from '../../lib/engine/categories';
import { type LabelledSpan, fixedSplit, utf16Offsets } from './metrics';

/**
 * Readers for the public labelled data in `../shared/data` (beside the project, never inside it).
 * Used by the quality benchmark and by `npm run train`; nothing read here ships.
 */

export const DATA_DIR = fileURLToPath(new URL('../../../shared/data', import.meta.url));

/** Seed and share of the fixed held-out slices of ClaimBuster and OLID; training uses the rest. */
export const HELD_OUT = { share: 0.2, seed: 20260411 };

/** PTC's 18 labels onto the 14 classes of SemEval-2020 Task 11 (null: dropped). */
export const PTC_LABELS: Record<string, TechniqueId | null> = {
  Appeal_to_Authority: 'appeal-to-authority',
  'Appeal_to_fear-prejudice': 'appeal-to-fear',
  Bandwagon: 'bandwagon',
  Reductio_ad_hitlerum: 'bandwagon',
  'Black-and-White_Fallacy': 'black-and-white',
  Causal_Oversimplification: 'causal-oversimplification',
  Doubt: 'doubt',
  'Exaggeration,Minimisation': 'exaggeration',
  'Flag-Waving': 'flag-waving',
  Loaded_Language: 'loaded-language',
  'Name_Calling,Labeling': 'name-calling',
  'Obfuscation,Intentional_Vagueness,Confusion': null,
  Repetition: 'repetition',
  Slogans: 'slogans',
  'Thought-terminating_Cliches': 'thought-terminating-cliche',
  Whataboutism: 'whataboutism',
  Straw_Men: 'whataboutism',
  Red_Herring: 'whataboutism',
};

export interface PtcArticle {
  id: string;
  text: string;
  /** Gold spans in UTF-16 offsets of `text` (converted from PTC's code points), mapped labels. */
  spans: LabelledSpan[];
}

export class MissingDataError extends Error {}

export function need(path: string): string {
  if (!existsSync(path)) throw new MissingDataError(`missing: ${path}`);
  return path;
}

export function readPtc(split: 'train' | 'dev'): PtcArticle[] {
  return readSpanCorpus(join(DATA_DIR, 'ptc', split), (name) => PTC_LABELS[name]);
}

/**
 * SemEval-2023 Task 3 English (`extra/semeval2023-en`), its 23 labels mapped onto the 14 classes
 * by the data's own `label-map.tsv` (`-`: dropped). Same layout and code-point offsets as PTC.
 */
export function readSemEval2023(split: 'train' | 'dev'): PtcArticle[] {
  const root = join(DATA_DIR, 'extra', 'semeval2023-en');
  const map = new Map<string, TechniqueId | null>();
  for (const line of readFileSync(need(join(root, 'label-map.tsv')), 'utf8').split('\n').slice(1)) {
    const [name, target] = line.split('\t');
    if (name) map.set(name, !target || target === '-' ? null : (target as TechniqueId));
  }
  return readSpanCorpus(join(root, split), (name) => map.get(name));
}

/** A folder of `articleID.txt` + `articleID.labels.tsv` (`id \t label \t start \t end`, code points). */
function readSpanCorpus(folder: string, labelOf: (name: string) => TechniqueId | null | undefined): PtcArticle[] {
  const dir = need(folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/^article|\.txt$/g, '');
      const text = readFileSync(join(dir, f), 'utf8');
      const at = utf16Offsets(text);
      const labelsFile = join(dir, f.replace(/\.txt$/, '.labels.tsv'));
      const spans: LabelledSpan[] = [];
      if (existsSync(labelsFile))
        for (const line of readFileSync(labelsFile, 'utf8').split('\n')) {
          const [, name, start, end] = line.split('\t');
          if (!name) continue;
          const label = labelOf(name);
          if (label === undefined) throw new Error(`unknown label ${name} in ${labelsFile}`);
          if (label === null) continue;
          spans.push({ start: at[Number(start)] ?? text.length, end: at[Number(end)] ?? text.length, label });
        }
      return { id, text, spans };
    });
}

export interface LabelledText {
  text: string;
  label: boolean;
}

/** A debate sentence with ClaimBuster's numbering, which CheckThat! 2024 shares. */
export interface DebateSentence extends LabelledText {
  id: number;
}

export function readClaimBuster(): { heldOut: DebateSentence[]; rest: DebateSentence[] } {
  const raw = JSON.parse(readFileSync(need(join(DATA_DIR, 'claimbuster', 'train.json')), 'utf8')) as { sentence_id: number; text: string; label: number }[];
  return fixedSplit(raw.map((r) => ({ id: r.sentence_id, text: r.text, label: r.label === 1 })), HELD_OUT.share, HELD_OUT.seed);
}

/** Text compared for overlap: lower-cased letters and digits, one space between runs. */
const overlapKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * CheckThat! 2024 check-worthiness (English `train.tsv` and `dev.tsv`; `dev-test.tsv` is left for
 * measuring), without every row that is a sentence of ClaimBuster's held-out slice (by
 * `Sentence_id` or by text: 1,610 rows) and without the rows that repeat a ClaimBuster training
 * sentence (6,414, whose labels agree with ClaimBuster's on all but 12 of them: ClaimBuster's copy
 * is kept) or an earlier row. `Text` is CSV-quoted where it holds quotes.
 */
export function readCheckThat(claimBuster: { heldOut: readonly DebateSentence[]; rest: readonly DebateSentence[] }): DebateSentence[] {
  const ids = new Set([...claimBuster.heldOut, ...claimBuster.rest].map((s) => s.id));
  const seen = new Set([...claimBuster.heldOut, ...claimBuster.rest].map((s) => overlapKey(s.text)));
  const out: DebateSentence[] = [];
  for (const file of ['train.tsv', 'dev.tsv']) {
    const lines = readFileSync(need(join(DATA_DIR, 'extra', 'checkworthy-ct24', file)), 'utf8').split('\n').slice(1);
    for (const line of lines) {
      const [id = '', quoted = '', label = ''] = line.split('\t');
      if (!line.trim()) continue;
      const text = quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1).replaceAll('""', '"') : quoted;
      const key = overlapKey(text);
      if (ids.has(Number(id)) || seen.has(key)) continue;
      seen.add(key);
      out.push({ id: Number(id), text, label: label.trim() === 'Yes' });
    }
  }
  return out;
}

export function readOlid(): { heldOut: LabelledText[]; rest: LabelledText[] } {
  const lines = readFileSync(need(join(DATA_DIR, 'olid', 'olid-training-v1.0.tsv')), 'utf8').split('\n').slice(1);
  const rows = lines.filter((l) => l.trim()).map((l) => {
    const [, tweet = '', a] = l.split('\t');
    return { text: tweet, label: a === 'OFF' };
  });
  return fixedSplit(rows, HELD_OUT.share, HELD_OUT.seed);
}

/**
 * The YouTube spam collection (`extra/youtube-spam/*.csv`: comments under five music videos, CLASS 1
 * for spam), every row: no rule or model is trained on it, so all of it measures.
 */
export function readYoutubeSpam(): LabelledText[] {
  const dir = need(join(DATA_DIR, 'extra', 'youtube-spam'));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) => parseCsv(readFileSync(join(dir, f), 'utf8')).slice(1))
    .filter((row) => row.length >= 5)
    .map((row) => ({ text: row[3]!.replace(/&amp;/g, '&').replace(/\uFEFF/g, ''), label: row[4]!.trim() === '1' }));
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A lexicon file of `word_pos<TAB>value` lines. */
export function readWiegand(file: 'baseLexicon.txt' | 'expandedLexicon.txt'): [word: string, value: string][] {
  return readFileSync(need(join(DATA_DIR, 'lexicons', 'wiegand2018-abusive', file)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [w = '', v = ''] = l.split('\t');
      return [w.replace(/_[a-z]+$/, ''), v.trim()];
    });
}
