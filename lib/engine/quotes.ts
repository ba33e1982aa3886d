import type { Span } from './types';

/**
 * Direct quotations. Every quoted stretch is context for the learned tagger; the ones attributed
 * to a named speaker (“…,” said X / X said: “…”) mark the techniques inside them as quoted, so
 * the reader can tell the author's voice from the voice the author reports.
 */

const MAX_QUOTE = 1200;

/** Quoted stretches (the marks included): curly pairs, and straight double quotes paired in order. */
export function quotedSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '“' && c !== '"') continue;
    const close = text.indexOf(c === '“' ? '”' : '"', i + 1);
    if (close < 0 || close - i > MAX_QUOTE) continue;
    out.push({ start: i, end: close + 1 });
    i = close;
  }
  return out;
}

const SPEAKER = String.raw`(?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\p{L}’'.-]+(?: [A-Z][\p{L}’'.-]+){0,3}|the (?:[\p{Ll}]+ ){0,2}(?:minister|president|spokesman|spokeswoman|spokesperson|official|statement|report|ministry|department))`;
const VERB = String.raw`(?:said|says|told|tells|added|adds|wrote|writes|stated|states|declared|declares|explained|insisted|claimed|claims|tweeted|warned|warns|argued|argues|asked|asks|noted|notes|replied|continued|concluded)`;
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
