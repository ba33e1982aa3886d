import type { CompiledRule } from '../rules/compile';
import { englishShare } from './language';
import { STOPWORDS } from './stopwords';
import { type AnalysedText, analyse } from './text';
import type { CommentInput } from './types';

/**
 * What judging one comment needs from the rest of the page: the article's vocabulary (off-topic)
 * and how often each comment's text occurs in the thread (copy-paste spam).
 */
export interface ThreadContext {
  articleStems: ReadonlySet<string> | null;
  /** Normalised text of each comment, in order. */
  keys: string[];
  counts: Map<string, number>;
}

export function threadContext(comments: readonly CommentInput[], articleText: string | null): ThreadContext {
  const keys = comments.map((c) => normaliseForRepeat(c.text));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return { articleStems: articleText === null ? null : contentStems(analyse(articleText)), keys, counts };
}

export function isOffTopic(
  comment: AnalysedText,
  articleStems: ReadonlySet<string>,
  rule: Extract<CompiledRule, { kind: 'topic-overlap' }>,
): boolean {
  const words = contentStems(comment);
  if (words.size < rule.minWords) return false;
  // A reply in another language ("Muchas gracias, me alegro …") shares no English words with the
  // article, whatever its topic: it is not judged.
  if (englishShare(comment.text).share === 0) return false;
  let shared = 0;
  for (const w of words) if (articleStems.has(w)) shared++;
  return shared < rule.minShared;
}

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
