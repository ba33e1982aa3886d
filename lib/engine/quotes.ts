import type { Span } from './types';

/**
 * Direct quotations. Every quoted stretch is context for the learned tagger; the ones attributed
 * to a named speaker (“…,” said X / X said: “…”) mark the techniques inside them as quoted, so
 * the reader can tell the author's voice from the voice the author reports.
 */

const MAX_QUOTE = 1200;

/**
 * Quoted stretches (the marks included): curly pairs, straight double quotes paired in order, and
 * curly single quotes (‘…’, as British papers and nested quotations use them) that open before a
 * word and close after one, so an apostrophe ("it’s", "the dogs’ bowls") opens or closes nothing.
 */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '‘') {
      const close = singleClose(text, i);
      if (close > 0) {
        out.push({ start: i, end: close + 1 });
        i = close;
      }
      continue;
    }
    if (c !== '“' && c !== '"') continue;
    const close = text.indexOf(c === '“' ? '”' : '"', i + 1);
    if (close < 0 || close - i > MAX_QUOTE) continue;
    out.push({ start: i, end: close + 1 });
    i = close;
  }
  return out;
}

/** The longest single quotation read as one (a longer stretch is more likely apostrophes). */
const MAX_SINGLE = 400;

/** Where a ‘ at `open` closes: the first ’ after a word that no letter follows, or -1. */
function singleClose(text: string, open: number): number {
  if (open > 0 && /[\p{L}\p{N}]/u.test(text[open - 1]!)) return -1;
  if (!/[\p{L}\p{N}]/u.test(text[open + 1] ?? '')) return -1;
  for (let j = text.indexOf('’', open + 2); j > 0 && j - open <= MAX_SINGLE; j = text.indexOf('’', j + 1)) {
    if (text[j + 1] !== undefined && /\p{L}/u.test(text[j + 1]!)) continue;
    if (/\s/u.test(text[j - 1]!)) continue;
    // "the workers’ union": a plural's apostrophe before a lower-case word inside the sentence.
    if (text[j - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3))) continue;
    return j;
  }
  return -1;
}

const SPEAKER = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\p{L}’'.-]+(?: [A-Z][\p{L}’'.-]+){0,3}|the (?:[\p{Ll}]+ ){0,2}(?:minister|president|spokesman|spokeswoman|spokesperson|official|statement|report|ministry|department))`;
const VERB = String.raw`(?:said|says|saying|told|tells|telling|added|adds|wrote|writes|stated|states|declared|declares|explained|insisted|claimed|claims|tweeted|warned|warns|argued|argues|asked|asks|noted|notes|replied|continued|concluded)`;
const AFTER = new RegExp(String.raw`^[,.!?]?\s*(?:${SPEAKER}\s+${VERB}|${VERB}\s+${SPEAKER})\b`, 'u');
const BEFORE = new RegExp(String.raw`(?:${SPEAKER}\s+${VERB}(?:\s+[\p{L}]+){0,3}?(?:\s+that)?|[Aa]ccording to\s+${SPEAKER})\s*[:,]?\s*$`, 'u');

/** Quotations attributed to a speaker named (or referred to) next to them. */
export function attributedQuotes(text: string, quotes: readonly Span[] = quotedSpans(text)): Span[] {
  return quotes.filter((q) => {
    const after = text.slice(q.end, q.end + 80);
    const before = text.slice(Math.max(0, q.start - 80), q.start);
    return AFTER.test(after) || BEFORE.test(before);
  });
}

/** Whether `span` lies inside one of the sorted, disjoint `quotes`. */
export function insideAny(quotes: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end < span.end) lo = mid + 1;
    else hi = mid;
  }
  const q = quotes[lo];
  return q !== undefined && q.start <= span.start && span.end <= q.end;
}
