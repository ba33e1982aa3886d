import { runsOn } from './abbreviations';
import { stem } from './stem';

/**
 * One pass over a text that every rule shares: sentences (Intl.Segmenter, with offsets) and word
 * tokens with their stems, so no rule splits or tokenizes the text again.
 */

export interface Token {
  start: number;
  end: number;
  stem: string;
}

export interface Sentence {
  /** Offsets of the trimmed sentence in the analysed text. */
  start: number;
  end: number;
  /** Index range of this sentence's tokens in `AnalysedText.tokens`, end exclusive. */
  firstToken: number;
  endToken: number;
}

export interface AnalysedText {
  text: string;
  sentences: Sentence[];
  tokens: Token[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

let segmenter: Intl.Segmenter | undefined;

/**
 * Stems of words already seen, shared by every text this process reads: comments are short, and a
 * per-text cache would stem the same words again for each one. Cleared when it grows large.
 */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/**
 * Longest stretch handed to the segmenter at once. V8's Intl.Segmenter slows down sharply on long
 * strings (a 70 kB paragraph takes about 300 ms, twenty 3.5 kB ones under 1 ms), so text is fed to
 * it line by line and over-long lines are cut after a sentence-final mark.
 */
const MAX_CHUNK = 2048;

/** Splits `text` into trimmed sentences; a line break always ends a sentence (a heading has no full stop). */
export function splitSentences(text: string): { start: number; end: number }[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: { start: number; end: number }[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    for (let chunkStart = lineStart; chunkStart < lineEnd; ) {
      const chunkEnd = chunkEndFor(text, chunkStart, lineEnd);
      const chunk = text.slice(chunkStart, chunkEnd);
      if (isOneSentence(chunk)) pushTrimmed(text, chunkStart, chunkEnd, out);
      else {
        // `containing()` rather than the iterator: in Chromium's service worker it takes half the
        // time on the large page (77-104 ms against 190-237), though warm Node runs the other way.
        const segments = segmenter.segment(chunk);
        // A segment ending in an abbreviation's full stop ("Sen.", "U.N.", "R.") is held and joined to the next.
        let held = 0;
        for (let at = 0; at < chunk.length; ) {
          const { index, segment } = segments.containing(at)!;
          at = index + segment.length;
          if (at < chunk.length && endsWithFullStop(segment) && runsOn(chunk.slice(Math.max(held, at - 40), at), chunk.slice(at, at + 40))) continue;
          // A quoted question or cry goes on in lower case: “… Jimmy Buffett!” said someone.
          if (at < chunk.length && QUOTED_CRY.test(segment) && LOWER_START.test(chunk.slice(at, at + 2))) continue;
          pushTrimmed(text, chunkStart + held, chunkStart + at, out);
          held = at;
        }
      }
      chunkStart = chunkEnd;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Whether `segment` ends in a full stop, perhaps followed by closing marks and spaces. */
function endsWithFullStop(segment: string): boolean {
  let i = segment.length - 1;
  while (i > 0 && (isSpace(segment.charCodeAt(i)) || CLOSERS.includes(segment[i]!))) i--;
  return segment.charCodeAt(i) === 46;
}
const CLOSERS = '"\'”’)]';
/** A segment that ends in "!" or "?" inside closing quotation marks. */
const QUOTED_CRY = /[!?]["'”’]+\s*$/u;
const LOWER_START = /^\p{Ll}/u;

function pushTrimmed(text: string, start: number, end: number, out: { start: number; end: number }[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  // Two sentences glued where a page's blocks ran together ("… ties to Al Qaeda.Underwriting Terror"):
  // Unicode keeps "a.U" whole for initials, but a word of two small letters before the stop is no initial.
  let from = 0;
  if (end - start > 4 && SENTENCE_END.test(text.slice(start, end - 1))) {
    for (const m of text.slice(start, end).matchAll(GLUED)) {
      out.push({ start: start + from, end: start + m.index });
      from = m.index;
    }
  }
  out.push({ start: start + from, end });
}
const GLUED = /(?<=[\p{Ll}\d]{2}[.!?]["”’)]?)(?=\p{Lu}\p{Ll}{2,})/gu;

/** A sentence-final mark or separator, after which Unicode's sentence rules may break (UAX #29 STerm, ATerm, Sep). */
const SENTENCE_END = /[\p{Sentence_Terminal}\u2024\uFE52\uFF0E\r\u0085\u2028\u2029]/u;
/**
 * What may follow the first sentence-final mark without a break: marks and closing punctuation or
 * quotes, then spaces, then marks again, and so on; never closing punctuation right after a space
 * (UAX #29 rules SB8a–SB11). Written so that no text can be matched two ways, which keeps it linear.
 */
const SENTENCE_TAIL = /^[\p{Sentence_Terminal}\u2024\uFE52\uFF0E][\p{Sentence_Terminal}\u2024\uFE52\uFF0E\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']*(?:[ \t\u00a0]+[\p{Sentence_Terminal}\u2024\uFE52\uFF0E][\p{Sentence_Terminal}\u2024\uFE52\uFF0E\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']*)*[ \t\u00a0]*$/u;

/**
 * Whether the segmenter would find one sentence in `chunk`: no sentence-final mark, or only
 * closing marks and spaces after the first. Most comments and many paragraphs are one sentence,
 * and asking the segmenter costs far more than this look (tested against it on the corpora).
 */
export function isOneSentence(chunk: string): boolean {
  const end = SENTENCE_END.exec(chunk);
  return end === null || SENTENCE_TAIL.test(chunk.slice(end.index));
}

/** Where to cut a line for the segmenter: after the last sentence-final mark before MAX_CHUNK. */
function chunkEndFor(text: string, start: number, lineEnd: number): number {
  if (lineEnd - start <= MAX_CHUNK) return lineEnd;
  const window = text.slice(start, start + MAX_CHUNK);
  const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  return cut > MAX_CHUNK / 4 ? start + cut + 2 : start + MAX_CHUNK;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
}

/** Segments and tokenizes `text` once for all rules. */
export function analyse(text: string): AnalysedText {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const { start, end } of splitSentences(text)) {
    const firstToken = tokens.length;
    WORD.lastIndex = start;
    for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
      tokens.push({ start: m.index, end: m.index + m[0].length, stem: cachedStem(m[0]) });
    }
    sentences.push({ start, end, firstToken, endToken: tokens.length });
  }
  return { text, sentences, tokens };
}

/** The index of the sentence holding offset `at`, or -1. */
export function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Stems of a phrase written in a rule pack, `*` kept as a one-word wildcard. */
export function phraseStems(phrase: string): string[] {
  return (phrase.match(/\*|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).map((w) => (w === '*' ? '*' : stem(w)));
}
