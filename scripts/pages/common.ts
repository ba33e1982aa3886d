/** What the three page suites of `bench:pages` share: reading a page twice, timing, printing. */
import { Readability } from '@mozilla/readability';
import { loadHtmlDocument } from '../../cli/parse-html';
import { findArticle } from '../../lib/page/find-article';
import { findComments } from '../../lib/page/find-comments';

/**
 * One page read by Plainsight's finders and by Readability, each on its own parse of the same
 * HTML. Only text is kept: a row that held DOM nodes would keep its whole page alive, and a few
 * hundred pages exhaust the heap.
 */
export interface PageRun {
  /** The article text, null when the finder found none. */
  article: string | null;
  comments: { author: string; text: string }[];
  /** Readability's article text, null when it found none. */
  readabilityText: string | null;
  /** findArticle + findComments, and Readability's `parse()`, in milliseconds. */
  ours: number;
  readability: number;
}

/** Reads `html` both ways; only the finder calls are timed, not the parsing. */
export async function runPage(html: string, url: string): Promise<PageRun> {
  const ours = loadHtmlDocument(html, url);
  const theirs = loadHtmlDocument(html, url);
  try {
    let started = performance.now();
    const article = findArticle(ours.document);
    const comments = findComments(ours.document, article);
    const oursTime = performance.now() - started;
    started = performance.now();
    const parsed = new Readability(theirs.document).parse();
    const readabilityTime = performance.now() - started;
    return {
      article: article?.text ?? null,
      comments: comments.map(({ author, text }) => ({ author, text })),
      readabilityText: parsed?.textContent ?? null, ours: oursTime, readability: readabilityTime };
  } finally {
    await Promise.all([ours.close(), theirs.close()]);
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export const pad = (text: string, width: number): string => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));
export const num = (value: number, width = 7, digits = 3): string => value.toFixed(digits).padStart(width);
export const verdict = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');
/** A snippet shortened for a one-line report. */
export const clip = (text: string, length = 60): string => JSON.stringify(text.length > length ? `${text.slice(0, length)}…` : text);

/** Total time of ours against Readability's, in one line. */
export function timeLine(runs: readonly Pick<PageRun, 'ours' | 'readability'>[], target: number): string {
  const ours = runs.reduce((sum, run) => sum + run.ours, 0);
  const theirs = runs.reduce((sum, run) => sum + run.readability, 0);
  const speedup = theirs / Math.max(ours, 1e-9);
  const perPage = median(runs.map((run) => run.readability / Math.max(run.ours, 1e-9)));
  return (
    `time: findArticle + findComments ${ours.toFixed(0)} ms, Readability parse() ${theirs.toFixed(0)} ms: ` +
    `${speedup.toFixed(1)}× faster in total, ${perPage.toFixed(1)}× per page (median) (target ≥ ${target}×) ${verdict(speedup >= target)}`
  );
}
