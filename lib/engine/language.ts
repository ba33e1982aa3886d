/**
 * Which language a page is in, and whether the rule packs read it. The packs are English: on a
 * French or German page their words match by accident, and a reader would see "claims" and
 * "techniques" that mean nothing. The page's `lang` attribute says what the page declares; a
 * cheap look at the text (how many of its words are common English function words) confirms it,
 * since many pages declare a default `en` whatever they hold, or nothing at all.
 */

export interface LanguageVerdict {
  /** The primary language subtag the page declares or the text shows (`en`, `fr`, …), or `''` when unknown. */
  code: string;
  /** Whether the packs read this language. */
  covered: boolean;
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to a in is that for it on was with as be by at this are from or have an not but were which has their they will its his her been who would there said'.split(' '),
);

/** Below this share of English function words, a text of some length is not English. */
const ENGLISH_SHARE = 0.12;
/** Too few words to judge: trust the declaration, else assume English. */
const MIN_WORDS = 40;
const SAMPLE = 4000;

/** The share of the first words of `text` that are common English function words. */
export function englishShare(text: string): { share: number; words: number } {
  const words = text.slice(0, SAMPLE).toLowerCase().match(/\p{L}+/gu) ?? [];
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  return { share: words.length === 0 ? 0 : hits / words.length, words: words.length };
}

/** The page's language from its declared `lang` (may be empty) and its text. */
export function languageOf(text: string, declared = ''): LanguageVerdict {
  const code = declared.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const { share, words } = englishShare(text);
  if (words < MIN_WORDS) return { code, covered: code === '' || code === 'en' };
  const english = share >= ENGLISH_SHARE;
  if (english) return { code: 'en', covered: true };
  return { code: code === 'en' ? '' : code, covered: false };
}
