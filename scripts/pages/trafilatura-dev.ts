/**
 * trafilatura's extraction benchmark (`trafilatura-dev`: `evaldata.json` and the cached pages in
 * `pages/`), scored as its `tests/eval_common.py` scores it, for Plainsight and for Readability
 * on the same pages in the same run; plus where its reader-comment snippets land: in a comment
 * Plainsight found, or (wrongly) in the article text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../../cli/decode';
import { clip, runPage, timeLine, verdict, type PageRun } from './common';
import { ConfusionMatrix, countSnippets, norm, type SnippetCounts } from './snippets';

const TARGETS = { f1: 0.93, aboveReadability: 0.08, commentsFound: 0.8, commentsInArticle: 0.02, speedup: 5 };

/** One entry of evaldata.json (the fields the score reads). */
interface EvalItem {
  file: string;
  with: string[];
  without: string[];
  comments?: string[];
}

interface Row extends PageRun {
  key: string;
  item: EvalItem;
  counts: SnippetCounts;
  readabilityCounts: SnippetCounts;
  /** Comment snippets found in a detected comment, and inside the article text. */
  commentsFound: number;
  commentsInArticle: number;
  /** Comment snippets that the saved page holds at all (many threads were loaded by script, after the save). */
  commentsInPage: number;
}

/** Whether a snippet is in the page's text, tags read as nothing or as a space, entities decoded. */
function inPageText(html: string): (snippet: string) => boolean {
  const decode = (text: string): string =>
    norm(text.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec: string, hex: string, name: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : ENTITIES[name.toLowerCase()] ?? ''));
  const joined = decode(html.replace(/<[^>]*>/g, ''));
  const spaced = decode(html.replace(/<[^>]*>/g, ' '));
  return (snippet) => joined.includes(snippet) || spaced.includes(snippet);
}
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The page's comment snippets, normalised; empty ones (a few pages have them) would be found anywhere. */
function commentSnippets(item: EvalItem): string[] {
  return (item.comments ?? []).map(norm).filter(Boolean);
}

async function measure(folder: string, key: string, item: EvalItem): Promise<Row> {
  const { text: html } = decodeHtml(readFileSync(join(folder, 'pages', item.file)));
  const url = /^https?:\/\//.test(key.trim()) ? key.trim() : `http://fakehost/${item.file}`;
  const run = await runPage(html, url);
  const articleText = run.article === null ? '' : norm(run.article);
  const commentTexts = run.comments.map((comment) => norm(comment.text));
  const snippets = commentSnippets(item);
  return {
    ...run,
    key,
    item,
    counts: countSnippets(item.with, item.without, run.article),
    readabilityCounts: countSnippets(item.with, item.without, run.readabilityText),
    commentsFound: snippets.filter((snippet) => commentTexts.some((text) => text.includes(snippet))).length,
    commentsInArticle: snippets.filter((snippet) => articleText.includes(snippet)).length,
    commentsInPage: snippets.length === 0 ? 0 : snippets.filter(inPageText(html)).length,
  };
}

/** Scores every page of the benchmark in `folder` whose file name contains one of `only` (all when empty). */
export async function benchTrafilatura(folder: string, only: readonly string[]): Promise<void> {
  const evaldata = JSON.parse(readFileSync(join(folder, 'evaldata.json'), 'utf8')) as Record<string, EvalItem>;
  const entries = Object.entries(evaldata).filter(([, item]) => only.length === 0 || only.some((name) => item.file.includes(name)));
  const rows: Row[] = [];
  for (const [index, [key, item]] of entries.entries()) {
    process.stderr.write(`\r${index + 1}/${entries.length} ${item.file.slice(0, 60).padEnd(60)}`);
    rows.push(await measure(folder, key, item));
  }
  process.stderr.write('\n');

  const ours = new ConfusionMatrix();
  const theirs = new ConfusionMatrix();
  for (const row of rows) {
    ours.add(row.counts);
    theirs.add(row.readabilityCounts);
  }
  console.log('per-page failures (ours): with-snippets missing (-), without-snippets present (+), comment snippets in the article (!) or not found (?)');
  for (const row of rows) {
    const { missing, present } = row.counts;
    const comments = commentSnippets(row.item);
    const lost = row.commentsFound < comments.length || row.commentsInArticle > 0;
    if (missing.length === 0 && present.length === 0 && !lost) continue;
    const notes = [
      ...(row.article === null ? ['NO ARTICLE'] : []),
      ...missing.map((snippet) => `-${clip(snippet)}`),
      ...present.map((snippet) => `+${clip(snippet)}`),
      ...(lost ? [`comments ${row.commentsFound}/${comments.length} found, ${row.commentsInArticle} in article`] : []),
    ];
    console.log(`  ${row.item.file}: ${notes.join('  ')}`);
  }

  const snippetTotal = rows.reduce((sum, row) => sum + commentSnippets(row.item).length, 0);
  const found = rows.reduce((sum, row) => sum + row.commentsFound, 0) / Math.max(1, snippetTotal);
  const inArticle = rows.reduce((sum, row) => sum + row.commentsInArticle, 0) / Math.max(1, snippetTotal);
  const inPage = rows.reduce((sum, row) => sum + row.commentsInPage, 0);
  const foundOfPresent = rows.reduce((sum, row) => sum + row.commentsFound, 0) / Math.max(1, inPage);
  const line = (name: string, matrix: ConfusionMatrix): string =>
    `${name.padEnd(12)} precision ${matrix.precision.toFixed(3)}  recall ${matrix.recall.toFixed(3)}  F1 ${matrix.f1.toFixed(3)}  ` +
    `(tp ${matrix.tp}, fp ${matrix.fp}, fn ${matrix.fn}, tn ${matrix.tn})`;
  console.log('');
  console.log(`trafilatura-dev: ${rows.length} pages, scored as trafilatura's tests/eval_common.py`);
  console.log(line('Plainsight', ours));
  console.log(line('Readability', theirs));
  console.log(
    `F1 ${ours.f1.toFixed(3)} (target ≥ ${TARGETS.f1}) ${verdict(ours.f1 >= TARGETS.f1)}; ` +
      `${(ours.f1 - theirs.f1).toFixed(3)} above Readability (target ≥ ${TARGETS.aboveReadability}) ${verdict(ours.f1 - theirs.f1 >= TARGETS.aboveReadability)}`,
  );
  console.log(`no article found on ${rows.filter((row) => row.article === null).length} pages; Readability none on ${rows.filter((row) => row.readabilityText === null).length}`);
  console.log(
    `comment snippets (${snippetTotal} on ${rows.filter((row) => commentSnippets(row.item).length > 0).length} pages): ` +
      `in a detected comment ${found.toFixed(3)} (target ≥ ${TARGETS.commentsFound}) ${verdict(found >= TARGETS.commentsFound)}, ` +
      `inside the article text ${inArticle.toFixed(3)} (target ≤ ${TARGETS.commentsInArticle}) ${verdict(inArticle <= TARGETS.commentsInArticle)}`,
  );
  console.log(
    `  of the ${inPage} snippets the saved pages hold at all (the rest came with a script after the save): ${foundOfPresent.toFixed(3)} in a detected comment`,
  );
  console.log(timeLine(rows, TARGETS.speedup));
}
