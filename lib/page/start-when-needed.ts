import { isProbablyArticlePage } from './article-precheck';
import type { ContentApp } from './content-app';

/**
 * What the app module (`entrypoints/page-app.ts`, loaded by the content script only when a page
 * needs it) offers: the whole content app, started on a document.
 */
export interface PageApp {
  /** `precheckMs`: how long the pre-check held the page (a slow one says the page is long). */
  start(doc: Document, isTopFrame: boolean, precheckMs: number): ContentApp;
}

/**
 * The content script's decision, made on every page and frame the reader opens: in the top frame,
 * a page the cheap pre-check finds no article in is left at once, and the app (the finders, the
 * message schemas, the highlighter, Preact's card: about 100 kB) is never loaded there. A frame
 * always loads it: a comment thread in its own frame (Disqus) comes with no article, and often
 * after the frame has loaded. `loadApp` is called at most once per start, and nothing it does
 * throws into the page.
 */
export function startWhenNeeded(doc: Document, isTopFrame: boolean, loadApp: () => Promise<PageApp>): ContentApp {
  performance.mark('plainsight-start');
  const startedAt = performance.now();
  if (isTopFrame && !looksLikeArticle(doc)) return { destroy() {} };
  const precheckMs = performance.now() - startedAt;
  let app: ContentApp | null = null;
  let destroyed = false;
  // Through a promise: an extension reloaded under the page takes `chrome.runtime` away, and its
  // address then throws at once rather than rejecting.
  Promise.resolve()
    .then(loadApp)
    .then((pageApp) => {
      if (!destroyed) app = pageApp.start(doc, isTopFrame, precheckMs);
    })
    .catch(report);
  return {
    destroy() {
      destroyed = true;
      app?.destroy();
    },
  };
}

function looksLikeArticle(doc: Document): boolean {
  try {
    return isProbablyArticlePage(doc);
  } catch (error) {
    report(error);
    return false;
  }
}

function report(error: unknown): void {
  console.warn('[plainsight]', error instanceof Error ? error.message : error);
}
