import type { CompiledRule } from '../rules/compile';
import { englishShare } from './language';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import { type AnalysedText, analyse } from './text';
import type { CommentInput } from './types';

/**
 * What judging one comment needs from the rest of the page: the article's vocabulary (off-topic)
 * and how often each comment's text occurs in the thread (copy-paste spam).
 */
export interface ThreadContext {
  articleStems: ReadonlySet<string> | null;
  /** How many comments of the thread use each subject word (only when the article is known). */
  threadStems: ReadonlyMap<string, number>;
  /** Each comment's subject words, in order (only when the article is known). */
  commentStems: readonly ReadonlySet<string>[];
  /** Normalised text of each comment, in order. */
  keys: string[];
  counts: Map<string, number>;
}

export function threadContext(comments: readonly CommentInput[], articleText: string | null): ThreadContext {
  const keys = comments.map((c) => normaliseForRepeat(c.text));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const articleStems = articleText === null ? null : contentStems(analyse(articleText));
  const threadStems = new Map<string, number>();
  const commentStems = articleStems ? comments.map((c) => wordStems(c.text)) : [];
  for (const own of commentStems) for (const w of own) threadStems.set(w, (threadStems.get(w) ?? 0) + 1);
  return { articleStems, threadStems, commentStems, keys, counts };
}

/** A comment's subject words as stems, read without a full analysis (the thread's vocabulary only needs the words). */
function wordStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/\p{L}{3,}/gu)) {
    const key = stem(word);
    if (key.length >= 3 && !STOPWORDS.has(key)) out.add(key);
  }
  return out;
}

/**
 * Other comments that must use a word for it to be the discussion's own: a reply under a forum
 * question ("You stick parameters like version and author in there") shares no word with the post
 * and still speaks of what the thread speaks of.
 */
const THREAD_WORD_USES = 2;

/**
 * How sure the call that a comment is off-topic is, or 0 when it is not (or cannot be judged). It is
 * off-topic when it shares no subject word with the article, nor one that two other comments use.
 * Sharing nothing means more the more words the comment had to share: a dozen subject words or more
 * on another subject ("Great match last night, United won three nil …") make it sure (1); a short
 * reply ("Don't forget __doc__ with a sample") keeps a share in proportion.
 */
export function offTopicCertainty(comment: AnalysedText, thread: ThreadContext, index: number, rule: Extract<CompiledRule, { kind: 'topic-overlap' }>): number {
  const { articleStems, threadStems } = thread;
  if (!articleStems) return 0;
  const words = contentStems(comment);
  if (words.size < rule.minWords) return 0;
  // A reply in another language ("Muchas gracias, me alegro …") shares no English words with the
  // article, whatever its topic: it is not judged.
  if (englishShare(comment.text).share === 0) return 0;
  const own = thread.commentStems[index];
  let shared = 0;
  for (const w of words) if (articleStems.has(w) || (threadStems.get(w) ?? 0) - (own?.has(w) ? 1 : 0) >= THREAD_WORD_USES) shared++;
  return shared < rule.minShared ? Math.min(1, words.size / SURE_OFF_TOPIC_WORDS) : 0;
}
const SURE_OFF_TOPIC_WORDS = 12;

export function isRepeated(thread: ThreadContext, index: number, rule: Extract<CompiledRule, { kind: 'repeated-comment' }>): boolean {
  const key = thread.keys[index]!;
  return key.length >= rule.minLength && (thread.counts.get(key) ?? 0) > 1;
}

function contentStems(analysed: AnalysedText): Set<string> {
  const out = new Set<string>();
  for (const { stem } of analysed.tokens) if (stem.length >= 3 && !STOPWORDS.has(stem) && !/^\d+$/.test(stem)) out.add(stem);
  return out;
}

function normaliseForRepeat(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
