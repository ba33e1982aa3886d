import { findArticle } from './find-article';
import { findComments } from './find-comments';
import type { FoundArticle, FoundComment } from './types';

/**
 * Everything Plainsight reads from one document: its article (or null) and its comments. The
 * content script and the `annotate` command both start here, so they see the same text.
 */
export interface PageReading {
  article: FoundArticle | null;
  comments: FoundComment[];
}

export function readPage(root: Document | Element): PageReading {
  const article = findArticle(root);
  return { article, comments: findComments(root, article) };
}
