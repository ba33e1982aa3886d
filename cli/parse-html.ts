import { Window } from 'happy-dom';
import type { ArticleInput } from '../lib/engine/annotator';
import type { CommentInput } from '../lib/engine/types';
import { readPage } from '../lib/page/read-page';
import { decodeHtml } from './decode';

/** A parsed page and the way to release its window. */
export interface ParsedHtml {
  document: Document;
  close: () => Promise<void>;
}

/**
 * Parses HTML with happy-dom as a saved page is read: no scripts, no stylesheets, no frames, no
 * navigation, no network. The `annotate` command and `bench:pages` both load pages this way.
 */
export function loadHtmlDocument(html: string, url = 'http://127.0.0.1/'): ParsedHtml {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const document = new window.DOMParser().parseFromString(parsableMarkup(html), 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}

/**
 * happy-dom 21 loses everything after a `<style>` inside an `<svg>` (the rest of the page vanishes;
 * Readability's `cnet` test page). Style sheets are never applied here, so their elements are
 * dropped before parsing; inline `style` attributes, which the finders read, stay.
 */
export function withoutStyleElements(html: string): string {
  return html.replace(STYLE_ELEMENT, '');
}
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/**
 * The page as happy-dom 21 can parse it. Its tokenizer takes any `<` followed by a character as
 * the start of a tag, inside scripts too (https://github.com/capricorn86/happy-dom/issues/2156):
 * a script saying `if (width<768)` or `a<b.length`, or text saying `<3`, swallows the rest of the
 * page (saved news pages lose their article this way). A browser reads
 * script content raw and a `<` not followed by a letter, `/`, `!` or `?` as text, so here `<`
 * in scripts becomes `\u003c` (the same character to a JSON-LD reader; scripts never run) and a
 * stray `<` elsewhere `&lt;`; styles go as above.
 */
export function parsableMarkup(html: string): string {
  return withoutStyleElements(html)
    .replace(SCRIPT_ELEMENT, (_, open: string, body: string, close: string) => open + body.replaceAll('<', '\\u003c') + close)
    .replace(STRAY_LESS_THAN, '&lt;');
}
const SCRIPT_ELEMENT = /(<script\b[^>]*>)([\s\S]*?)(<\/script\s*>)/gi;
const STRAY_LESS_THAN = /<(?![a-zA-Z!/?])/g;

/** Decodes a saved page and reads it with the same finders the extension runs in the browser. */
export async function parseHtmlFile(bytes: Uint8Array): Promise<{ article: ArticleInput | null; comments: CommentInput[] }> {
  const { text: html } = decodeHtml(bytes);
  const page = loadHtmlDocument(html);
  try {
    const { article, comments } = readPage(page.document);
    return {
      article: article && { title: article.title, text: article.text, lang: page.document.documentElement?.getAttribute('lang') ?? '' },
      comments: comments.map(({ author, text }) => ({ author, text })),
    };
  } finally {
    await page.close();
  }
}
