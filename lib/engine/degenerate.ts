/**
 * Degenerate text: "very very very very …", "the the the the …", a sentence of a few words said
 * over and over. It says nothing, yet every rule that counts words or repeats finds plenty in it
 * (one such page drew 93 claims and 149 repetition marks). Such sentences are left alone: they are
 * blanked (spaces of the same length, so every offset stays) before the engine reads the text.
 * One pass over the text, a few operations per word.
 */

/** The same word this many times in a row makes a sentence degenerate ("very, very, very" stays prose). */
export const DEGENERATE_RUN = 5;
/** A sentence of at least `LONG` words with fewer than this share of distinct words is degenerate. */
export const DISTINCT_SHARE = 0.3;
const LONG = 12;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
/** A sentence ends after a final mark and a space, or at a line break. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)|\n/g;

/** The text with its degenerate sentences replaced by spaces; the same string when there are none. */
export function blankDegenerate(text: string): string {
  const spans = degenerateSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}

/** Where the degenerate sentences are, in order. */
export function degenerateSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const check = (end: number) => {
    if (isDegenerate(text, start, end)) out.push({ start, end });
    start = end;
  };
  for (const m of text.matchAll(SENTENCE_END)) check(m.index + m[0].length);
  check(text.length);
  return out;
}

function isDegenerate(text: string, start: number, end: number): boolean {
  if (end - start < DEGENERATE_RUN * 2) return false;
  const seen = new Set<string>();
  let words = 0;
  let run = 0;
  let last = '';
  WORD.lastIndex = 0;
  const sentence = text.slice(start, end);
  for (const { 0: word, index } of sentence.matchAll(WORD)) {
    if (sentence[index - 1] === '@') continue; // "@USER @USER …" addresses a reply: handles, not words
    const w = word.toLowerCase();
    run = w === last ? run + 1 : 1;
    if (run >= DEGENERATE_RUN) return true;
    last = w;
    seen.add(w);
    words++;
  }
  return words >= LONG && seen.size < words * DISTINCT_SHARE;
}

/**
 * The marks outside every degenerate sentence. For comments, whose flags judge the whole text
 * ("NO NO NO NO NO, you idiot" is still an insult), only the technique marks are left out this way.
 */
export function outsideDegenerate<T extends { start: number; end: number }>(marks: T[], text: string): T[] {
  if (marks.length === 0) return marks;
  const spans = degenerateSpans(text);
  if (spans.length === 0) return marks;
  return marks.filter((m) => !spans.some((s) => s.start < m.end && m.start < s.end));
}
