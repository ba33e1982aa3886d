import {
  DataSet,
  RegExpMatcher,
  englishDataset,
  englishRecommendedTransformers,
  type EnglishProfaneWord,
} from 'obscenity';
import type { Span } from './types';

/**
 * Profanity, including disguised spellings ("a$$holes", "f*ck", "sh1t"), found by the maintained
 * `obscenity` library rather than a hand-kept list; spans are widened to the whole written word.
 */
export interface ProfanityFinder {
  find(text: string): Span[];
}

/**
 * Ordinary words and names that hold a profane word's letters ("cockpit", "trafficking",
 * "Shiite", "feckless", "fire retardant"), which the library's own list of exceptions misses: a
 * match inside one of these is no profanity.
 */
const INNOCENT = [
  'annals',
  'annus',
  'chappaquiddick',
  'cockpit',
  'cummings',
  'dickinson',
  'faggioli',
  'fagin',
  'feckless',
  'penistone',
  'pissarro',
  'rapeseed',
  'retardant',
  'semenya',
  'shiite',
  'shiitake',
  'shittim',
  'terengganu',
  'traffick',
  'vandyke',
];

const cache = new Map<string, ProfanityFinder>();

/** One matcher per allow-list, built on first use (building takes a few milliseconds). */
export function profanityFinder(allow: readonly string[]): ProfanityFinder {
  const key = [...allow].sort().join('\n');
  let finder = cache.get(key);
  if (!finder) {
    finder = buildFinder(new Set(allow));
    cache.set(key, finder);
  }
  return finder;
}

/**
 * Words already checked, with the profane spans inside each. Texts repeat their vocabulary, so
 * checking each distinct word once is far cheaper than running the matcher over every character
 * (obscenity transforms the input one character at a time). The price: spellings spread over
 * several words ("f u c k") are not caught. Cleared when it grows large.
 */
const WORD_CACHE_LIMIT = 50_000;
const LONG_WORD = 64;

function buildFinder(allow: ReadonlySet<string>): ProfanityFinder {
  let matcher: RegExpMatcher | undefined;
  const byWord = new Map<string, readonly Span[]>();
  const check = (word: string): readonly Span[] => {
    if (!matcher) {
      const terms = new DataSet<{ originalWord: EnglishProfaneWord }>()
        .addAll(englishDataset)
        .removePhrasesIf((phrase) => allow.has(phrase.metadata?.originalWord ?? ''))
        .build();
      matcher = new RegExpMatcher({ ...terms, whitelistedTerms: [...(terms.whitelistedTerms ?? []), ...INNOCENT], ...englishRecommendedTransformers });
    }
    return matcher.getAllMatches(word, true).map((m) => ({ start: m.startIndex, end: m.endIndex + 1 }));
  };
  // The techniques and the comment flags both ask about the same comment, one after the other.
  let last: { text: string; spans: Span[] } | undefined;
  return {
    find(text) {
      if (last?.text === text) return last.spans.map((s) => ({ ...s }));
      const spans: Span[] = [];
      for (const m of text.matchAll(/\S+/g)) {
        const word = m[0];
        let found = word.length > LONG_WORD ? undefined : byWord.get(word);
        if (!found) {
          found = check(word);
          if (word.length <= LONG_WORD) {
            if (byWord.size >= WORD_CACHE_LIMIT) byWord.clear();
            byWord.set(word, found);
          }
        }
        for (const hit of found) {
          const span = widenToWord(text, m.index + hit.start, m.index + hit.end);
          const previous = spans.at(-1);
          if (previous && span.start < previous.end) previous.end = Math.max(previous.end, span.end);
          else spans.push(span);
        }
      }
      last = { text, spans };
      return spans.map((s) => ({ ...s }));
    },
  };
}

const WORD_CHAR = /[\p{L}\p{N}$@*!#%&_'’-]/u;

function widenToWord(text: string, start: number, end: number): Span {
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
  while (end > start && /['’!-]/.test(text[end - 1]!)) end--;
  return { start, end };
}
