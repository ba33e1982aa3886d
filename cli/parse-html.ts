import { Window } from 'happy-dom';
import type { ArticleInput } from '../lib/engine/annotator';
import type { CommentInput } from '../lib/engine/types';
import { readPage } from '../lib/page/read-page';
import { decodeHtml } from './decode';

/**
 * Parses a saved page with happy-dom (no scripts, no stylesheets, no frames, no network) and
 * reads it with the same finders the extension runs in the browser.
 */
export async function parseHtmlFile(bytes: Uint8Array): Promise<{ article: ArticleInput | null; comments: CommentInput[] }> {
  const { text: html } = decodeHtml(bytes);
  const window = new Window({
    url: 'http://127.0.0.1/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const { article, comments } = readPage(doc);
    return {
      article: article && { title: article.title, text: article.text },
      comments: comments.map(({ author, text }) => ({ author, text })),
    };
  } finally {
    await window.happyDOM.close();
  }
}
