import type { PageAnnotations } from '../engine/annotator';
import type { CommentInput } from '../engine/types';
import type { AnnotateMessage } from '../messages';

/**
 * Texts too long to annotate whole. A page may send an article of any length (a book, a log, a
 * hostile page); the engine reads its first part, cut at a sentence's end, and says so. The marks'
 * offsets are the same in the part and the whole, so the page paints them where they belong.
 */

/** The longest article annotated whole: a million characters (some 170,000 words) take the engine about 2 s. */
export const ARTICLE_LIMIT = 1_000_000;
/** The longest comment annotated whole. */
export const COMMENT_LIMIT = 100_000;
/** The most comments of one batch annotated; the rest are answered without marks. */
export const COMMENTS_LIMIT = 50_000;
/** How much of an article is kept in session storage as its comments' context, for a restarted worker. */
export const STORED_CONTEXT = 100_000;
/** Titles and authors are shown, not read: longer ones are cut. A declared language is a short tag. */
const TITLE_LIMIT = 2_000;
const AUTHOR_LIMIT = 500;
const LANG_LIMIT = 35;

type Message = Pick<AnnotateMessage, 'article' | 'comments'>;

/** The message with over-long texts cut to their first part, and notes for the reader saying what was cut. */
export function withinLimits<M extends Message>(message: M): M & { notes: string[] } {
  const notes: string[] = [];
  let { article, comments } = message;
  if (article) {
    const { title, text, lang } = article;
    article = { title: title.slice(0, TITLE_LIMIT), text, ...(lang !== undefined && { lang: lang.length <= LANG_LIMIT ? lang : '' }) };
    if (text.length > ARTICLE_LIMIT) {
      article.text = firstPart(text, ARTICLE_LIMIT);
      notes.push(`article too long: annotated the first ${words(article.text)} words of ${words(text)}`);
    }
  }
  if (comments.length > COMMENTS_LIMIT) {
    notes.push(`too many comments: read the first ${COMMENTS_LIMIT.toLocaleString('en')} of ${comments.length.toLocaleString('en')}`);
    comments = comments.slice(0, COMMENTS_LIMIT);
  }
  const long = comments.filter((c) => c.text.length > COMMENT_LIMIT).length;
  if (long > 0) notes.push(`${long === 1 ? 'a comment' : `${long} comments`} too long: annotated the first ${COMMENT_LIMIT.toLocaleString('en')} characters`);
  comments = comments.map((c) =>
    c.text.length > COMMENT_LIMIT || c.author.length > AUTHOR_LIMIT ? { author: c.author.slice(0, AUTHOR_LIMIT), text: firstPart(c.text, COMMENT_LIMIT) } : c,
  );
  return { ...message, article, comments, notes };
}

/** The engine's result for the comments read, followed by unmarked ones for those left unread: the page gets an answer for each. */
export function answerEvery(result: PageAnnotations, sent: readonly CommentInput[]): PageAnnotations {
  if (result.comments.length === sent.length) return result;
  const unread = sent.slice(result.comments.length).map(({ author, text }) => ({ author, text, flags: [], annotations: [] }));
  return { ...result, comments: [...result.comments, ...unread] };
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
