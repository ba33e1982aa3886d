import { round } from './confidence';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import type { TechniqueAnnotation } from './types';

/**
 * A writer's loaded word, used again, is the same choice made twice: the reader learns it from
 * the first mark, and an editor marks it once ("nonsense" three times on a page is one finding;
 * "malicious links", "malicious messages" one choice of word).
 * So among the marks of one text whose cue is the same word or phrase (inflections aside), the
 * strongest keeps its confidence and every other one is discounted, which takes it out of the
 * default view and leaves it for readers who ask for all marks. Repetition marks are exempt:
 * saying the same thing again is their point.
 */

/** What a mark keeps of its confidence when a stronger mark of the same text already carries its cue. */
export const REPEATED_CUE_DISCOUNT = 0.7;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * The cue's loaded word, inflections aside: its first word that is neither a function word nor an
 * intensifying adverb. "Bullying" and "bullied" share it, and so do "malicious links" and
 * "malicious messages" (the loaded word takes its noun into the mark, but the choice is the word).
 */
export function cueKey(cue: string): string {
  const words = Array.from(cue.matchAll(WORD), ([word]) => word.toLowerCase());
  const loaded = words.find((w) => !STOPWORDS.has(stem(w)) && !/^\p{L}{3,}ly$/u.test(w));
  return stem(loaded ?? words.join(' '));
}

/** Discounts, in place, every mark whose cue a stronger (or earlier, equally strong) mark of the same text carries. */
export function discountRepeatedCues(marks: readonly TechniqueAnnotation[], text: string): void {
  const strongest = new Map<string, TechniqueAnnotation>();
  const keys = new Map<TechniqueAnnotation, string>();
  for (const mark of marks) {
    if (mark.category === 'repetition') continue;
    const key = cueKey(text.slice(mark.start, mark.end));
    if (!key) continue;
    keys.set(mark, key);
    const best = strongest.get(key);
    if (!best || mark.confidence > best.confidence || (mark.confidence === best.confidence && mark.start < best.start)) strongest.set(key, mark);
  }
  for (const [mark, key] of keys) if (strongest.get(key) !== mark) mark.confidence = round(mark.confidence * REPEATED_CUE_DISCOUNT);
  // The page's own subject: a word the text uses TOPIC_USES times or more ("hoax" in a story about a hoax,
  // "massacre" in a report of one) names what the text is about, so even its strongest mark is discounted.
  const uses = stemCounts(text, new Set(keys.values()));
  for (const mark of strongest.values()) {
    if (mark.category !== 'loaded-language' && mark.category !== 'name-calling') continue;
    if ((uses.get(keys.get(mark)!) ?? 0) >= TOPIC_USES) mark.confidence = round(mark.confidence * REPEATED_CUE_DISCOUNT);
  }
}

/** How often a word must stand in a text to be its subject rather than a writer's choice of word. */
const TOPIC_USES = 4;

/** How often each of `keys` stands in the text, as a word's stem. */
function stemCounts(text: string, keys: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  if (keys.size === 0) return counts;
  for (const [word] of text.matchAll(WORD)) {
    const key = stem(word.toLowerCase());
    if (keys.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
