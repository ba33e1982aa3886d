import type { CompiledRule } from '../rules/compile';
import { type CommentWord, commentWords, lexiconForms, pairKey, wordPieces } from './comment-features';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import type { Span } from './types';

/**
 * The learned comment classifier (`npm run train`, on OLID): a linear model over a comment's
 * distinct words, pairs of neighbouring words and word pieces (lib/engine/comment-features.ts),
 * plus two shipped lexicons (a word of the base lexicon; the highest level of the graded one).
 * The weights of the features present are summed and scaled by 1/√(the number of features the
 * comment's words give, known or not), so long comments do not outvote short ones. When the
 * probability reaches the rule's threshold and the word contributing most (its own weight, its
 * pieces', the pair it ends, a lexicon's) reaches `minCue`, that word is the cue the reader is shown.
 *
 * Comments repeat their vocabulary, so each distinct word's known features are looked up once
 * and kept (as numeric ids) in a bounded cache.
 */

export type ClassifierRule = Extract<CompiledRule, { kind: 'classifier' }>;

export interface CommentScore {
  /** The model's log-odds that the comment is abusive. */
  score: number;
  /** The cue word, or null when no content word has positive weight. */
  cue: CommentWord | null;
  /** What the cue word contributes (unscaled weights). */
  cueWeight: number;
}

interface WordEntry {
  /** Ids of the word's own known features (the word and its pieces). */
  ids: Int32Array;
  /** Features (known or not) the word gives: itself and its pieces. */
  count: number;
  /** Stamp of the last comment that counted this word. */
  stamp: number;
  /** Whether the word is a function word, never a cue (found when first asked). */
  stop?: boolean;
  /** The graded-lexicon level of the word (-1: none), and whether it is in the base lexicon. */
  level: number;
  base: boolean;
}

const CACHE_LIMIT = 50_000;

class Model {
  readonly weights: number[] = [];
  readonly seen: number[] = [];
  readonly #wordIds = new Map<string, number>();
  readonly #pieceIds = new Map<string, number>();
  readonly #byWord = new Map<string, WordEntry>();
  readonly #pairs = new Map<string, number>();
  readonly #levels = new Map<string, number>();
  stamp = 0;

  constructor(readonly rule: ClassifierRule) {
    rule.levels.forEach((level, i) => {
      for (const word of level.words) this.#levels.set(word, i);
    });
  }

  #id(ids: Map<string, number>, key: string, weight: number | undefined): number {
    if (weight === undefined) return -1;
    let id = ids.get(key);
    if (id === undefined) {
      id = this.weights.length;
      ids.set(key, id);
      this.weights.push(weight);
      this.seen.push(0);
    }
    return id;
  }

  word(word: string): WordEntry {
    let entry = this.#byWord.get(word);
    if (entry) return entry;
    const ids: number[] = [];
    const own = this.#id(this.#wordIds, word, this.rule.words.get(word));
    if (own >= 0) ids.push(own);
    let count = 1;
    // A piece twice in a word ("_ab", "ab_" of "abab") is listed twice; the comment counts it once.
    wordPieces(word, (piece) => {
      count++;
      const id = this.#id(this.#pieceIds, piece, this.rule.pieces.get(piece));
      if (id >= 0) ids.push(id);
    });
    let level = -1;
    let base = false;
    for (const form of lexiconForms(word)) {
      level = Math.max(level, this.#levels.get(form) ?? -1);
      base ||= this.rule.lexicon.has(form);
    }
    entry = { ids: Int32Array.from(ids), count, stamp: 0, level, base };
    this.#byWord.set(word, entry);
    return entry;
  }

  /** Empties the caches when they have grown large; only between comments, so a comment's words are each counted once. */
  trim(): void {
    if (this.#byWord.size >= CACHE_LIMIT) this.#byWord.clear();
    if (this.#pairs.size >= CACHE_LIMIT) this.#pairs.clear();
  }

  pair(key: string): number {
    let id = this.#pairs.get(key);
    if (id === undefined) {
      id = this.#id(this.#wordIds, key, this.rule.words.get(key));
      this.#pairs.set(key, id);
    }
    return id;
  }
}

const models = new WeakMap<ClassifierRule, Model>();

export function scoreComment(text: string, rule: ClassifierRule): CommentScore | null {
  const words = commentWords(text);
  if (words.length === 0) return null;
  let model = models.get(rule);
  if (!model) models.set(rule, (model = new Model(rule)));
  model.trim();
  const stamp = ++model.stamp;
  const { weights, seen } = model;
  const own = new Float64Array(words.length);
  const pairs = new Set<string>();
  let sum = 0;
  let count = 1;
  let base = -1;
  let level = -1;
  let levelAt = -1;
  for (let at = 0; at < words.length; at++) {
    const entry = model.word(words[at]!.word);
    if (entry.stamp !== stamp) {
      entry.stamp = stamp;
      count += entry.count;
      for (const id of entry.ids)
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          sum += weights[id]!;
          own[at]! += weights[id]!;
        }
      if (entry.base && base < 0) base = at;
      if (entry.level > level) {
        level = entry.level;
        levelAt = at;
      }
    }
    if (at > 0) {
      const key = pairKey(words[at - 1]!.word, words[at]!.word);
      if (!pairs.has(key)) {
        pairs.add(key);
        count++;
        const id = model.pair(key);
        if (id >= 0 && seen[id] !== stamp) {
          seen[id] = stamp;
          sum += weights[id]!;
          own[at]! += weights[id]!;
        }
      }
    }
  }
  if (base >= 0) {
    sum += rule.lexiconWeight;
    own[base]! += rule.lexiconWeight;
  }
  if (levelAt >= 0) {
    sum += rule.levels[level]!.weight;
    own[levelAt]! += rule.levels[level]!.weight;
  }
  let best = -1;
  for (let at = 0; at < words.length; at++) {
    if (own[at]! <= 0 || (best >= 0 && own[at]! <= own[best]!)) continue;
    const entry = model.word(words[at]!.word);
    if (!(entry.stop ??= STOPWORDS.has(stem(words[at]!.word)))) best = at;
  }
  return { score: rule.bias + sum / Math.sqrt(count), cue: best >= 0 ? words[best]! : null, cueWeight: best >= 0 ? own[best]! : 0 };
}

export function classifyComment(text: string, rule: ClassifierRule): (Span & { probability: number }) | null {
  const judged = scoreComment(text, rule);
  if (!judged?.cue || judged.score < Math.log(rule.threshold / (1 - rule.threshold)) || judged.cueWeight < rule.minCue) return null;
  return { start: judged.cue.start, end: judged.cue.end, probability: 1 / (1 + Math.exp(-judged.score)) };
}
