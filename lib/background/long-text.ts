import type { ContentMessage } from '../messages';

/**
 * Texts too long to annotate whole. A page may send an article of any length (a book, a log, a
 * hostile page); the engine reads its first part, cut at a sentence's end, and says so. The marks'
 * offsets are the same in the part and the whole, so the page paints them where they belong.
 */

/** The longest article annotated whole: a million characters (some 170,000 words) take the engine about 2 s. */
export const ARTICLE_LIMIT = 1_000_000;
/** The longest comment annotated whole. */
export const COMMENT_LIMIT = 100_000;
/** How much of an article is kept in session storage as its comments' context, for a restarted worker. */
export const STORED_CONTEXT = 100_000;

type Message = Pick<ContentMessage, 'article' | 'comments'>;

/** The message with over-long texts cut to their first part, and notes for the reader saying what was cut. */
export function withinLimits<M extends Message>(message: M): M & { notes: string[] } {
  const notes: string[] = [];
  let { article, comments } = message;
  if (article && article.text.length > ARTICLE_LIMIT) {
    const part = firstPart(article.text, ARTICLE_LIMIT);
    notes.push(`article too long: annotated the first ${words(part)} words of ${words(article.text)}`);
    article = { ...article, text: part };
  }
  const long = comments.filter((c) => c.text.length > COMMENT_LIMIT).length;
  if (long > 0) {
    notes.push(`${long === 1 ? 'a comment' : `${long} comments`} too long: annotated the first ${COMMENT_LIMIT.toLocaleString('en')} characters`);
    comments = comments.map((c) => (c.text.length > COMMENT_LIMIT ? { ...c, text: firstPart(c.text, COMMENT_LIMIT) } : c));
  }
  return { ...message, article, comments, notes };
}

/**
 * The text's start, at most `limit` characters long, ending after a sentence's final mark when
 * one lies in the last tenth, else after a space, else at the limit.
 */
export function firstPart(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let space = -1;
  for (let i = limit; i > limit * 0.9; i--) {
    if (!/\s/.test(text[i]!)) continue;
    if (/[.!?…]["'”’)]?$/.test(text.slice(i - 2, i))) return text.slice(0, i);
    if (space < 0) space = i;
  }
  return text.slice(0, space > 0 ? space : limit);
}

function words(text: string): string {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n.toLocaleString('en');
}
