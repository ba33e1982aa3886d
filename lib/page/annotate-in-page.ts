import type { Annotator } from '../engine/annotator';
import { isProbablyArticlePage } from './find-article';
import { createHighlighter } from './highlighter';
import { readPage } from './read-page';

/**
 * The content script's whole job for now: leave non-article pages at once, otherwise find the
 * article and comments, annotate them and paint the result. Returns the cleanup, which removes
 * every highlight. Never throws into the page.
 */
export function annotateInPage(doc: Document, annotator: Annotator): () => void {
  const highlighter = createHighlighter(doc);
  try {
    if (!isProbablyArticlePage(doc)) return () => {};
    const { article, comments } = readPage(doc);
    if (!article) return () => {};
    const result = annotator.annotatePage(article, comments);
    highlighter.paint(article, result.article?.annotations ?? []);
    result.comments.forEach((judged, i) => {
      const found = comments[i]!;
      highlighter.paint(found, judged.annotations);
      highlighter.paint(found, judged.flags.map((f) => ({ ...f, category: `comment-${f.category}` })));
    });
  } catch (error) {
    console.warn('[plainsight] could not annotate this page:', error);
  }
  return () => highlighter.removeAll();
}
