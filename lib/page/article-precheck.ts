/**
 * The content script's first look at a page, before anything else of Plainsight is loaded: it runs
 * on every page the reader opens, so it is a few selector queries and no scoring, and imports no
 * more than the heuristics tables and two element tests (the loader that uses it must stay small).
 */
import { ARTICLE_HEURISTICS as H, ARTICLE_PAGE_HINTS } from './heuristics';
import { isBlockElement, isHiddenElement } from './text-map';

/**
 * A cheap first look (a few selector queries, no scoring) that lets the content script leave
 * pages that are plainly not articles at once: schema.org or Open Graph say "article", or there
 * is enough long visible prose (Readability's `isProbablyReaderable`).
 */
export function isProbablyArticlePage(doc: Document): boolean {
  const hints = ARTICLE_PAGE_HINTS;
  if (doc.querySelector(hints.articleSelector)) return true;
  for (const script of doc.querySelectorAll(hints.jsonLdSelector)) {
    if (hints.jsonLdArticleType.test(script.textContent ?? '')) return true;
  }
  const blocks = new Set<Element>(doc.querySelectorAll(hints.proseSelector));
  for (const br of doc.querySelectorAll(hints.brParentSelector)) if (br.parentElement) blocks.add(br.parentElement);
  // Pages built of <div> text blocks (single-page apps) have no <p> to count: their leaf divs stand in.
  return hasEnoughProse(blocks) || hasEnoughProse(textDivs(doc));
}

/** Divs that hold text and no block: the paragraphs of a page written without <p>. */
function textDivs(doc: Document): Set<Element> {
  const divs = new Set<Element>();
  for (const div of doc.getElementsByTagName('div')) {
    let leaf = true;
    for (let child = div.firstElementChild; child && leaf; child = child.nextElementSibling) leaf = !isBlockElement(child);
    if (leaf) divs.add(div);
  }
  return divs;
}

/** A text's length in Latin-equivalent characters: Chinese, Japanese and Korean signs count thrice. */
function proseLength(text: string): number {
  const dense = ARTICLE_PAGE_HINTS.maybeDense.test(text) ? (text.match(ARTICLE_PAGE_HINTS.denseScript)?.length ?? 0) : 0;
  return text.length + dense * (ARTICLE_PAGE_HINTS.denseScriptWeight - 1);
}

/** Readability's score: long visible blocks outside unlikely areas add up past a threshold. */
function hasEnoughProse(blocks: Iterable<Element>): boolean {
  const hints = ARTICLE_PAGE_HINTS;
  let score = 0;
  for (const block of blocks) {
    if (isHiddenElement(block)) continue;
    const match = `${block.getAttribute('class') ?? ''} ${block.getAttribute('id') ?? ''}`;
    if (H.unlikelyCandidates.test(match) && !H.maybeCandidate.test(match)) continue;
    if (block.localName === 'p' && block.parentElement?.closest('li')) continue;
    if (block.localName === 'article' && block.querySelector(hints.teaserCardSelector)) continue;
    const length = proseLength((block.textContent ?? '').trim());
    if (length < hints.minBlockLength) continue;
    score += Math.sqrt(length - hints.minBlockLength);
    if (score > hints.minScore) return true;
  }
  return false;
}
