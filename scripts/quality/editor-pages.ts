import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseHtmlFile } from '../../cli/parse-html';
import type { Annotator } from '../../lib/engine/annotator';
import type { Annotation, AnnotatedComment } from '../../lib/engine/types';
import { DATA_DIR, MissingDataError } from './data';
import { type Tally, addTally, emptyTally, labelledTallies, spanTally } from './metrics';

/**
 * The editor's pages (`../shared/data/editor-pages`): real pages labelled against the annotation
 * guide by careful reading — the closest measure we have of what a reader would say of the marks.
 * Each page is read with the same finders and engine as the extension; the editor's quotes are
 * located in the article text with whitespace normalised. `*_optional` entries are defensible
 * marks: a prediction that lands only on them neither earns nor costs anything.
 */

export interface GoldClaim {
  quote: string;
  sourcing: 'attributed' | 'vague' | 'none';
}
export interface GoldTechnique {
  quote: string;
  category: string;
}
export interface GoldComment {
  author: string;
  starts: string;
  flags: string[];
  optional_flags?: string[];
}
export interface EditorPage {
  name: string;
  source: string;
  article: {
    must_contain: string[];
    must_not_contain: string[];
    claims: GoldClaim[];
    claims_optional: string[];
    techniques: GoldTechnique[];
    techniques_optional: GoldTechnique[];
  };
  comments: GoldComment[];
}

export const EDITOR_DIR = join(DATA_DIR, 'editor-pages');

export function readEditorPages(): EditorPage[] {
  if (!existsSync(EDITOR_DIR)) throw new MissingDataError(EDITOR_DIR);
  return readdirSync(EDITOR_DIR)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(join(EDITOR_DIR, f), 'utf8'));
      return { name: f.replace(/\.gold\.json$/, ''), ...gold, source: join(EDITOR_DIR, gold.source) };
    });
}

/** Whitespace collapsed to one space, with the original index of every kept character. */
function normalised(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      at.push(i);
      space = false;
    }
    out += text[i];
    at.push(i);
  }
  at.push(text.length);
  return { text: out, at };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every place `quote` occurs in `text`, whitespace-insensitively, as spans of `text`. */
export function locate(text: string, quote: string, norm = normalised(text)): { start: number; end: number }[] {
  const q = squash(quote);
  const out: { start: number; end: number }[] = [];
  if (!q) return out;
  for (let i = norm.text.indexOf(q); i >= 0; i = norm.text.indexOf(q, i + 1)) {
    out.push({ start: norm.at[i]!, end: norm.at[i + q.length - 1]! + 1 });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export interface PageResult {
  name: string;
  words: number;
  found: boolean;
  /** Gold quotes of claims and techniques that the article text does not hold. */
  unplaced: number;
  claims: { tp: number; fp: number; fn: number; sourcingRight: number; sourcingJudged: number };
  spans: Tally;
  labelled: Tally;
  techniqueMarks: number;
  goldTechniques: number;
  flags: { tp: number; fp: number; fn: number };
  falsePositives: string[];
  missedSourcing: string[];
}

/** Scores one page's annotations against the editor's labels. */
export function scorePage(page: EditorPage, text: string, annotations: readonly Annotation[], comments: readonly AnnotatedComment[]): PageResult {
  const norm = normalised(text);
  const where = (quote: string) => locate(text, quote, norm);
  let unplaced = 0;
  const place = (quote: string) => {
    const found = where(quote);
    if (found.length === 0) unplaced++;
    return found;
  };
  const goldClaims = page.article.claims.map((c) => ({ ...c, at: place(c.quote) }));
  const optionalClaims = page.article.claims_optional.flatMap((q) => where(q));
  const goldTechniques = page.article.techniques.flatMap((t) => place(t.quote).map((s) => ({ ...s, label: t.category })));
  const optionalTechniques = page.article.techniques_optional.flatMap((t) => where(t.quote).map((s) => ({ ...s, label: t.category })));
  const cue = (a: { start: number; end: number }) => JSON.stringify(text.slice(a.start, a.end).replace(/\s+/g, ' ').slice(0, 90));

  const falsePositives: string[] = [];
  const missedSourcing: string[] = [];
  const predictedClaims = annotations.filter((a) => a.kind === 'claim');
  const claims = { tp: 0, fp: 0, fn: 0, sourcingRight: 0, sourcingJudged: 0 };
  for (const p of predictedClaims) {
    if (goldClaims.some((g) => g.at.some((s) => overlaps(s, p)))) claims.tp++;
    else if (!optionalClaims.some((s) => overlaps(s, p))) {
      claims.fp++;
      falsePositives.push(`claim ${cue(p)}`);
    }
  }
  for (const g of goldClaims) {
    const hit = predictedClaims.find((p) => g.at.some((s) => overlaps(s, p)));
    if (!hit) {
      if (g.at.length > 0) claims.fn++;
      continue;
    }
    claims.sourcingJudged++;
    if (hit.sourcing === g.sourcing) claims.sourcingRight++;
    else missedSourcing.push(`${hit.sourcing} for ${g.sourcing}: ${cue(g.at[0]!)}`);
  }
  claims.fn += goldClaims.filter((g) => g.at.length === 0).length;

  const techniques = annotations.filter((a) => a.kind === 'technique').map((a) => ({ start: a.start, end: a.end, label: a.category as string }));
  // A mark that lands only on an optional span neither earns nor costs.
  const scored = techniques.filter((p) => goldTechniques.some((g) => overlaps(g, p)) || !optionalTechniques.some((o) => overlaps(o, p)));
  const scoredLabelled = techniques.filter(
    (p) => goldTechniques.some((g) => g.label === p.label && overlaps(g, p)) || !optionalTechniques.some((o) => o.label === p.label && overlaps(o, p)),
  );
  for (const p of scored)
    if (!goldTechniques.some((g) => overlaps(g, p))) falsePositives.push(`${p.label} ${cue(p)}`);
  const labelled = emptyTally();
  for (const t of labelledTallies(scoredLabelled, goldTechniques).values()) addTally(labelled, t);

  const flags = { tp: 0, fp: 0, fn: 0 };
  for (const gold of page.comments) {
    const start = squash(gold.starts);
    const found = comments.find((c) => squash(c.text).startsWith(start));
    const predicted = new Set<string>(found?.flags.map((f) => f.category) ?? []);
    const optional = new Set(gold.optional_flags ?? []);
    for (const f of gold.flags) predicted.has(f) ? flags.tp++ : flags.fn++;
    for (const f of predicted)
      if (!gold.flags.includes(f) && !optional.has(f)) {
        flags.fp++;
        falsePositives.push(`comment ${f}: ${JSON.stringify(start.slice(0, 50))}`);
      }
  }

  return {
    name: page.name,
    words: text.split(/\s+/).filter(Boolean).length,
    found: text.length > 0,
    unplaced,
    claims,
    spans: spanTally(scored, goldTechniques),
    labelled,
    techniqueMarks: techniques.length,
    goldTechniques: page.article.techniques.length,
    flags,
    falsePositives,
    missedSourcing,
  };
}

/** Reads, annotates and scores every editor page. */
export async function runEditorPages(annotator: Annotator, filter: (mark: { confidence: number }) => boolean = () => true): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for (const page of readEditorPages()) {
    if (!existsSync(page.source)) throw new MissingDataError(dirname(page.source));
    const read = await parseHtmlFile(readFileSync(page.source));
    const text = read.article?.text ?? '';
    const annotated = annotator.annotatePage(read.article, read.comments);
    const keep = (c: AnnotatedComment) => ({ ...c, flags: c.flags.filter(filter), annotations: c.annotations.filter(filter) });
    out.push(scorePage(page, text, (annotated.article?.annotations ?? []).filter(filter), annotated.comments.map(keep)));
  }
  return out;
}
