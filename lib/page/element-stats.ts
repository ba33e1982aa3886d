/**
 * One pass over a page that measures every visible element (text, links, commas, paragraphs,
 * images…) bottom-up, so that scoring candidates and judging clutter never walk the tree again.
 */
import { ARTICLE_HEURISTICS as H } from './heuristics';
import { isBlockElement, isSkippedElement } from './text-map';
import { walkTree } from './walk-tree';

/** What the article finder knows about one element; lengths are of whitespace-collapsed text. */
export interface ElementStats {
  text: number;
  /** Part of `text` inside links (in-page `#` links weigh 0.3, as in Readability). */
  links: number;
  commas: number;
  /** Text outside any nested block: what a bare div would hold as its own paragraph. */
  inlineText: number;
  inlineCommas: number;
  headingText: number;
  listText: number;
  /** Text inside span/li/td/p/div…: zero means the element holds only headings or bare text. */
  textishText: number;
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  /** Holds a p, div, list, table… somewhere inside; a div without one reads as a paragraph. */
  hasBlock: boolean;
  /** Index in `PageMeasure.elements`, and index of its last descendant there. */
  index: number;
  end: number;
}

/** A measured page: stats per element, the elements in order, and the landmarks met on the way. */
export interface PageMeasure {
  root: Element;
  stats: Map<Element, ElementStats>;
  /** Measured elements in document order. */
  elements: Element[];
  /** The measured h1 elements, title candidates. */
  titleHeadings: Element[];
  /** Elements the page marks as the article body (schema.org `itemprop="articleBody"`). */
  declaredBodies: Element[];
  /** `<article>` elements, then `<main>` and `[role=main]` ones: the page's own outline. */
  declaredArticles: Element[];
  declaredMains: Element[];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function newStats(index: number): ElementStats {
  return {
    text: 0,
    links: 0,
    commas: 0,
    inlineText: 0,
    inlineCommas: 0,
    headingText: 0,
    listText: 0,
    textishText: 0,
    paragraphs: 0,
    images: 0,
    listItems: 0,
    inputs: 0,
    hasBlock: false,
    index,
    end: index,
  };
}

/** class and id together, the string the class/id patterns are tested on. */
export function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

/**
 * Whether class/id or role say the element is page furniture (menus, comments, footers…); with
 * `onlyComments`, whether it is a comment section, which is never article text.
 */
export function isUnlikelyCandidate(element: Element, onlyComments = false): boolean {
  const name = element.localName;
  if (name === 'body' || name === 'a' || !element.hasAttributes()) return false;
  const role = element.getAttribute('role');
  if (!onlyComments && role !== null && H.unlikelyRoles.has(role)) return true;
  const match = classAndId(element);
  const pattern = onlyComments ? H.commentSection : H.unlikelyCandidates;
  if (!pattern.test(match) || H.maybeCandidate.test(match) || element.closest('table, code') !== null) return false;
  // An article's own <header> (title, byline, standfirst) is named so as often as the site's.
  return onlyComments || name !== 'header' || element.parentElement?.closest('article') == null;
}

/**
 * Measures every element under `root` that is rendered, leaving out (and not measuring) comment
 * sections, and all unlikely candidates when `stripUnlikely` is set.
 */
export function measurePage(root: Element, stripUnlikely: boolean): PageMeasure {
  const stats = new Map<Element, ElementStats>();
  const elements: Element[] = [root];
  const landmarks: Landmarks = { titleHeadings: [], declaredBodies: [], declaredArticles: [], declaredMains: [] };
  stats.set(root, newStats(0));
  const reject = (element: Element): boolean => {
    if (isSkippedElement(element)) {
      if (element.localName === 'input') {
        const parent = stats.get(element.parentNode as Element);
        if (parent) parent.inputs += 1;
      }
      return true;
    }
    if (!element.hasAttributes()) return false;
    if (element.getAttribute('aria-modal') === 'true' && element.getAttribute('role') === 'dialog') return true;
    return isUnlikelyCandidate(element, !stripUnlikely);
  };
  const stack: Element[] = [root];
  const close = (): void => {
    const element = stack.pop() as Element;
    const parent = stack[stack.length - 1] as Element;
    closeElement(element, stats.get(element) as ElementStats, parent, stats.get(parent) as ElementStats, elements.length - 1);
  };
  const enter = (node: Node): boolean => {
    const parent = stack[stack.length - 1] as Element;
    if (node.nodeType === 3) addText((node as Text).data, parent, stats.get(parent) as ElementStats);
    if (node.nodeType !== 1 || reject(node as Element)) return false;
    const element = node as Element;
    stats.set(element, newStats(elements.length));
    elements.push(element);
    recordLandmark(element, landmarks);
    stack.push(element);
    return true;
  };
  walkTree(root, enter, close);
  while (stack.length > 1) close();
  (stats.get(root) as ElementStats).end = elements.length - 1;
  return { root, stats, elements, ...landmarks };
}

type Landmarks = Pick<PageMeasure, 'titleHeadings' | 'declaredBodies' | 'declaredArticles' | 'declaredMains'>;

function recordLandmark(element: Element, landmarks: Landmarks): void {
  const name = element.localName;
  if (name === 'h1') landmarks.titleHeadings.push(element);
  else if (name === 'article') landmarks.declaredArticles.push(element);
  else if (name === 'main') landmarks.declaredMains.push(element);
  if (!element.hasAttributes()) return;
  if (H.declaredBody.test(element.getAttribute('itemprop') ?? '')) landmarks.declaredBodies.push(element);
  if (name !== 'main' && element.getAttribute('role') === 'main') landmarks.declaredMains.push(element);
}

function addText(data: string, parent: Element, stats: ElementStats): void {
  let length = 0;
  let commas = 0;
  let previousSpace = false;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
    if (space && previousSpace) continue;
    previousSpace = space;
    length += 1;
    if (H.commaCodes.has(code)) commas += 1;
  }
  stats.text += length;
  stats.inlineText += length;
  stats.commas += commas;
  stats.inlineCommas += commas;
  if (parent.localName === 'div') stats.textishText += length;
}

function closeElement(element: Element, own: ElementStats, parent: Element, into: ElementStats, last: number): void {
  const name = element.localName;
  own.end = last;
  if (name === 'a') {
    // An anchor without href (`<a name>`, a bookmark) is no link: its text is read as prose.
    const href = element.getAttribute('href');
    own.links = href === null ? 0 : own.text * (H.hashUrl.test(href) ? 0.3 : 1);
  } else if (HEADINGS.has(name)) {
    own.headingText = own.text;
  } else if (name === 'ul' || name === 'ol') {
    own.listText = own.text;
  }
  into.text += own.text;
  into.links += own.links;
  into.commas += own.commas;
  into.headingText += own.headingText;
  into.listText += own.listText;
  into.paragraphs += own.paragraphs + (name === 'p' ? 1 : 0);
  into.images += own.images + (name === 'img' ? 1 : 0);
  into.listItems += own.listItems + (name === 'li' ? 1 : 0);
  into.inputs += own.inputs;
  into.hasBlock = into.hasBlock || own.hasBlock || H.divToParagraphTags.has(name);
  const block = isBlockElement(element);
  if (!block) {
    into.inlineText += own.inlineText;
    into.inlineCommas += own.inlineCommas;
  }
  into.textishText += H.textishTags.has(name) || (parent.localName === 'div' && !block) ? own.text : own.textishText;
}

/** Tag an element reads as: a div holding no block is a paragraph (Readability's div → p). */
export function effectiveTag(element: Element, stats: ElementStats): string {
  const name = element.localName;
  return name === 'div' && !stats.hasBlock ? 'p' : name;
}

/** Share of an element's text that is link text: high in menus, link lists and teasers. */
export function linkDensity(stats: ElementStats): number {
  return stats.text === 0 ? 0 : stats.links / stats.text;
}

/** Readability's class weight: ±25 for a positive or negative class, the same for the id. */
export function classWeight(element: Element): number {
  let weight = 0;
  for (const value of [element.getAttribute('class'), element.getAttribute('id')]) {
    if (!value) continue;
    if (H.negative.test(value)) weight -= 25;
    if (H.positive.test(value)) weight += 25;
  }
  return weight;
}
