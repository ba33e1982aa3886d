import type { CompiledRule } from '../rules/compile';
import { push } from './spans';
import { STOPWORDS } from './stopwords';
import type { AnalysedText, Token } from './text';
import type { Span } from './types';

/**
 * Repetition: later occurrences of a message already given — a charged cue of another technique
 * said again, or a run of `minWords` words, not a name, that recurs. Runs are counted by a rolling hash first,
 * so only the few that recur cost a string key.
 */

export type RepetitionRule = Extract<CompiledRule, { kind: 'repetition' }>;

export function findRepetitions(
  analysed: AnalysedText,
  rule: RepetitionRule,
  charged: readonly Span[],
): { span: Span; count: number }[] {
  const groups = new Map<string, Span[]>();
  if (rule.charged) for (const span of charged) push(groups, stemsIn(analysed.tokens, span).join(' '), span);

  const { tokens, sentences } = analysed;
  const n = rule.minWords;
  const ids = new Map<string, number>();
  const idOf = (stem: string) => ids.get(stem) ?? (ids.set(stem, ids.size + 1), ids.size);
  const starts: number[] = [];
  const hashes: number[] = [];
  const seen = new Map<number, number>();
  for (const s of sentences) {
    for (let i = s.firstToken; i + n <= s.endToken; i++) {
      if (STOPWORDS.has(tokens[i]!.stem) || STOPWORDS.has(tokens[i + n - 1]!.stem)) continue;
      if (holdsName(analysed, s.firstToken, i, n)) continue;
      let hash = 0;
      for (let k = i; k < i + n; k++) hash = (Math.imul(hash, 0x01000193) ^ idOf(tokens[k]!.stem)) >>> 0;
      starts.push(i);
      hashes.push(hash);
      seen.set(hash, (seen.get(hash) ?? 0) + 1);
    }
  }
  hashes.forEach((hash, j) => {
    if (seen.get(hash)! < 2) return;
    const i = starts[j]!;
    const key = tokens.slice(i, i + n).map((t) => t.stem).join(' ');
    push(groups, key, { start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
  });

  const out: { span: Span; count: number }[] = [];
  for (const [key, spans] of groups) {
    if (!key) continue;
    const distinct = spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
    if (distinct.length > 1) for (const span of distinct.slice(1)) out.push({ span, count: distinct.length });
  }
  return out;
}

/**
 * Whether a run of words holds a capitalised word (other than the sentence's first): names and
 * titles ("Bible in the Schools", "Director of National Intelligence") recur in any news report
 * without being a message repeated to make it stick (PTC train: most repeated runs were names).
 */
function holdsName({ text, tokens }: AnalysedText, sentenceStart: number, i: number, n: number): boolean {
  for (let k = Math.max(i, sentenceStart + 1); k < i + n; k++) {
    const c = text.charCodeAt(tokens[k]!.start);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/** The stems of the tokens inside a span (tokens are sorted, so a binary search finds the first). */
function stemsIn(tokens: readonly Token[], span: Span): string[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= span.end; i++) out.push(tokens[i]!.stem);
  return out;
}
