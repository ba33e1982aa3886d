/**
 * Features of a reader comment for the learned comment classifier, shared with the training
 * script: each distinct lower-cased word, and the 3- and 4-letter pieces of each word (which
 * survive disguised spellings and inflection). Offsets let the classifier point at its cue word.
 */

const WORD = /[\p{L}\p{N}$@*!#'’-]+/gu;

export interface CommentWord {
  word: string;
  start: number;
  end: number;
}

export function commentWords(text: string): CommentWord[] {
  const out: CommentWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase().replace(/’/g, "'").replace(/^['!#-]+|['!#-]+$/g, '');
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Calls `visit` for each character n-gram of a word, padded with `_` at its ends. */
export function wordPieces(word: string, visit: (piece: string) => void): void {
  const padded = `_${word}_`;
  for (let n = 3; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) visit(padded.slice(i, i + n));
}

/**
 * Calls `visit` once for each distinct feature of a comment: `word` for a whole word, `piece`
 * for a word piece; `at` is the index (in `words`) of the first word that showed it.
 */
export function commentFeatures(words: readonly CommentWord[], visit: (table: 'word' | 'piece', key: string, at: number) => void): void {
  const seenWords = new Set<string>();
  const seenPieces = new Set<string>();
  words.forEach(({ word }, at) => {
    if (!seenWords.has(word)) {
      seenWords.add(word);
      visit('word', word, at);
    }
    wordPieces(word, (piece) => {
      if (seenPieces.has(piece)) return;
      seenPieces.add(piece);
      visit('piece', piece, at);
    });
  });
}
