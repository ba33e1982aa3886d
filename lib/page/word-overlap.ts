/**
 * Word-level agreement between two texts, the measure the finders are judged by: lower-cased runs
 * of Unicode letters and digits, each occurrence matched at most once (a bag of words).
 */

/** The words of a text: lower-cased runs of letters, marks and digits. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
}

/** How many words of `found` also occur in `expected`, each occurrence counted once. */
export function countSharedWords(found: readonly string[], expected: readonly string[]): number {
  const left = new Map<string, number>();
  for (const word of expected) left.set(word, (left.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of found) {
    const count = left.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      left.set(word, count - 1);
    }
  }
  return shared;
}

/** Recall, precision and F1 of `found` against `expected`, by words. */
export function wordScores(found: string, expected: string): { recall: number; precision: number; f1: number } {
  const foundWords = wordsOf(found);
  const expectedWords = wordsOf(expected);
  const shared = countSharedWords(foundWords, expectedWords);
  const recall = expectedWords.length === 0 ? 1 : shared / expectedWords.length;
  const precision = foundWords.length === 0 ? (expectedWords.length === 0 ? 1 : 0) : shared / foundWords.length;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { recall, precision, f1 };
}
