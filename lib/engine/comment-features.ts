/**
 * Features of a reader comment for the learned comment classifier, shared with the training
 * script: each distinct word (lower-cased, with disguised spellings undone: "sh1t" → "shit",
 * "a$$" → "ass", "stuuuupid" → "stuupid"), each pair of neighbouring words, and the 3- to 5-letter
 * pieces of each word padded with `_` (which survive spellings and inflections the words miss).
 * Emoji are words of their own. Offsets let the classifier point at its cue word.
 */

const WORD = /[\p{L}\p{N}$@*!#'’-]+|\p{Extended_Pictographic}/gu;

export const PIECE_MIN = 3;
export const PIECE_MAX = 5;

export interface CommentWord {
  /** The normalised word: what the features are made of. */
  word: string;
  start: number;
  end: number;
}

/** Symbols and digits written for letters ("sh1t", "a$$", "id10t"), undone when letters stand beside them. */
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a', '!': 'i' };
const LEET_RUN = /(?<=\p{L})[013457$@!]+|[013457$@!]+(?=\p{L})/gu;

const PLAIN = /^[a-z]+$/;
const TRIPLED = /(\p{L})\1\1/u;

export function normaliseWord(raw: string): string {
  let word = raw.toLowerCase();
  if (PLAIN.test(word) && !TRIPLED.test(word)) return word;
  word = word.replace(/’/g, "'").replace(/^['!#-]+|['!#-]+$/g, '');
  // "@user" is a mention, not "auser"; a word needs two letters before its symbols read as letters.
  if (!word.startsWith('@') && /[013457$@!]/.test(word) && !/^\d+(?:st|nd|rd|th|s)$/.test(word) && /\p{L}.*\p{L}|\p{L}[$@!]/u.test(word))
    word = word.replace(LEET_RUN, (run) => [...run].map((c) => LEET[c] ?? c).join(''));
  // Letters repeated for emphasis ("stuuuupid") are written twice.
  return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
}

export function commentWords(text: string): CommentWord[] {
  const out: CommentWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = normaliseWord(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Whether a word is made of pieces: not an emoji, nor a mention. */
const PIECED = /^[\p{L}\p{N}$*'-]+$/u;

/** Words longer than this (links, pasted strings) give no pieces: they would cost much and tell little. */
const LONG_WORD = 48;

/** Calls `visit` for each character n-gram of a word, padded with `_` at its ends (none for emoji, mentions and very long words). */
export function wordPieces(word: string, visit: (piece: string) => void): void {
  if (word.length > LONG_WORD || !PIECED.test(word) || /[\uD800-\uDFFF]/.test(word)) return;
  const padded = `_${word}_`;
  for (let n = PIECE_MIN; n <= PIECE_MAX; n++) for (let i = 0; i + n <= padded.length; i++) visit(padded.slice(i, i + n));
}

/** The key of a pair of neighbouring words in the word table (words hold no space, so keys never clash). */
export const pairKey = (first: string, second: string) => `${first} ${second}`;

/** Forms under which a word is looked up in a lexicon of base forms: itself, and without a plural ending. */
export function lexiconForms(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s')) {
    forms.push(word.slice(0, -1));
    if (word.endsWith('es')) forms.push(word.slice(0, -2));
  }
  return forms;
}

/**
 * Calls `visit` once for each distinct feature of a comment: `word` for a whole word or a pair of
 * neighbouring words, `piece` for a word piece; `at` is the index (in `words`) of the word that
 * first showed it (for a pair, its second word). The training script uses this; the engine
 * computes the same features with caches (lib/engine/comment-classifier.ts).
 */
export function commentFeatures(words: readonly CommentWord[], visit: (table: 'word' | 'piece', key: string, at: number) => void): void {
  const seenWords = new Set<string>();
  const seenPieces = new Set<string>();
  words.forEach(({ word }, at) => {
    if (!seenWords.has(word)) {
      seenWords.add(word);
      visit('word', word, at);
      wordPieces(word, (piece) => {
        if (seenPieces.has(piece)) return;
        seenPieces.add(piece);
        visit('piece', piece, at);
      });
    }
    if (at > 0) {
      const pair = pairKey(words[at - 1]!.word, word);
      if (!seenWords.has(pair)) {
        seenWords.add(pair);
        visit('word', pair, at);
      }
    }
  });
}
