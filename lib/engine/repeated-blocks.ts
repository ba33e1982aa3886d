import type { Span } from './types';

/**
 * Lines that repeat an earlier line of the same text word for word: a gallery's title under every
 * picture, a pull quote, a caption shown twice. The layout repeats them; the writer said them once,
 * so their marks stand on the first copy only.
 */
export function repeatedLines(text: string): Span[] {
  const seen = new Set<string>();
  const out: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const key = text.slice(start, end).trim().replace(/\s+/g, ' ').toLowerCase();
    if (key.split(' ').length >= MIN_WORDS) {
      if (seen.has(key)) out.push({ start, end });
      else seen.add(key);
    }
    start = end + 1;
  }
  return out;
}

/** Shorter lines ("Advertisement", "Read more") are furniture the finders deal with, or words that may well recur. */
const MIN_WORDS = 3;
