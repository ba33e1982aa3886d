/**
 * Decides which parts of the chosen article container are not the article (share bars, link
 * lists, sign-up boxes, bylines, the repeated title…), without touching the page: the result is a
 * set of elements the text map leaves out. The rules are Readability's `_prepArticle` and
 * `_cleanConditionally`, judged on measured stats from which removed parts are subtracted.
 */
import { textSimilarity } from './article-title';
import { classAndId, classWeight, effectiveTag, linkDensity, type ElementStats, type PageMeasure } from './element-stats';
import { ARTICLE_HEURISTICS as H } from './heuristics';
import { isBlockElement } from './text-map';

/** The title (its heading is left out) and Readability's flags for the current attempt. */
export interface CleanupOptions {
  title: string;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

const INSIDE_CODE = 1;
const INSIDE_FIGURE = 2;
const INSIDE_DATA_TABLE = 4;
const HOLDS_DATA_TABLE = 8;
const IS_DATA_TABLE = 16;
/** Inside a list item, a table cell or a quote: a lone link there is an entry, not a line of its own. */
const INSIDE_ENTRY = 32;
const ENTRY_TAGS = new Set(['li', 'td', 'th', 'blockquote', 'dd']);

/** The elements under `roots` that are clutter; stats of their ancestors lose what they held. */
export function findClutter(roots: readonly Element[], measure: PageMeasure, options: CleanupOptions): Set<Element> {
  const removed = new Set<Element>();
  const rootSet = new Set(roots);
  for (const root of roots) {
    const rootStats = measure.stats.get(root);
    if (!rootStats) continue;
    const flags = contextFlags(root, rootStats, measure);
    for (let index = rootStats.end; index >= rootStats.index; index--) {
      const element = measure.elements[index] as Element;
      const stats = measure.stats.get(element) as ElementStats;
      if (isClutter(element, stats, flags.get(element) ?? 0, rootSet.has(element), options, measure)) {
        removed.add(element);
        subtractFromAncestors(element, stats, root, measure);
      }
    }
    removeLeadIns(root, rootStats, measure, removed);
  }
  return removed;
}

/**
 * A heading or a short line that introduces a block found to be clutter ("Read more:", "You
 * might also like", "Das könnte Sie auch interessieren" above a list of links) goes with it: the
 * first sizeable text after it, before any kept text, is removed, or nothing follows at all.
 */
function removeLeadIns(root: Element, rootStats: ElementStats, measure: PageMeasure, removed: Set<Element>): void {
  for (let index = rootStats.index + 1; index <= rootStats.end; index++) {
    const element = measure.elements[index] as Element;
    const stats = measure.stats.get(element) as ElementStats;
    if (removed.has(element)) {
      index = stats.end;
      continue;
    }
    const lead = leadInKind(element, stats);
    if (lead === null) continue;
    const next = introducedBlock(element, root, measure, removed);
    if (next === 'clutter' || (next === 'nothing' && lead === 'heading')) {
      removed.add(element);
      subtractFromAncestors(element, stats, root, measure);
    }
    index = stats.end;
  }
}

/**
 * A heading (or a line ending in a colon, which reads as one), or a short line with no sentence in
 * it, that can introduce what follows; null for anything else (a heading that is a sentence is
 * part of the story).
 */
function leadInKind(element: Element, stats: ElementStats): 'heading' | 'line' | null {
  if (stats.text === 0 || stats.text > H.maxLeadInLength || !isBlockElement(element) || stats.hasBlock) return null;
  const text = (element.textContent ?? '').trim();
  const heading = /^h[2-6]$/.test(element.localName);
  // A heading may call out ("Das könnte Sie auch interessieren!"); a line that does is a sentence.
  if (text.endsWith('.') || (text.endsWith('!') && !heading)) return null;
  if (heading || text.endsWith(':')) return 'heading';
  return H.leadInEnd.test(text) ? 'line' : null;
}

/** What comes after `element` inside `root`: clutter or kept text (the first sizeable text decides), or nothing. */
function introducedBlock(element: Element, root: Element, measure: PageMeasure, removed: Set<Element>): 'clutter' | 'text' | 'nothing' {
  for (let node: Element | null = element; node && node !== root; node = node.parentElement) {
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const stats = measure.stats.get(sibling);
      if (!stats) continue;
      if (removed.has(sibling)) {
        if (stats.text >= H.minIntroducedLength) return 'clutter';
        continue;
      }
      if (stats.text > 0) return firstSizeableIsRemoved(sibling, measure, removed) ? 'clutter' : 'text';
    }
  }
  return 'nothing';
}

/** Inside a kept element, whether its first sizeable text stands in a removed part. */
function firstSizeableIsRemoved(element: Element, measure: PageMeasure, removed: Set<Element>): boolean {
  const stats = measure.stats.get(element) as ElementStats;
  for (let index = stats.index + 1; index <= stats.end; index++) {
    const inner = measure.elements[index] as Element;
    const innerStats = measure.stats.get(inner) as ElementStats;
    if (removed.has(inner)) {
      if (innerStats.text >= H.minIntroducedLength) return true;
      index = innerStats.end;
    } else if (!innerStats.hasBlock && innerStats.text > 0) {
      return false;
    }
  }
  return false;
}

/** Marks, for every element of a root, whether it is inside code, a figure or a data table. */
function contextFlags(root: Element, rootStats: ElementStats, measure: PageMeasure): Map<Element, number> {
  const flags = new Map<Element, number>();
  for (let index = rootStats.index; index <= rootStats.end; index++) {
    const element = measure.elements[index] as Element;
    const name = element.localName;
    const parent = element === root ? 0 : (flags.get(element.parentNode as Element) ?? 0);
    let own = parent & (INSIDE_CODE | INSIDE_FIGURE | INSIDE_DATA_TABLE | INSIDE_ENTRY);
    if (ENTRY_TAGS.has(name)) own |= INSIDE_ENTRY;
    if (parent & IS_DATA_TABLE) own |= INSIDE_DATA_TABLE;
    if (name === 'code' || name === 'pre') own |= INSIDE_CODE;
    if (name === 'figure') own |= INSIDE_FIGURE;
    if (name === 'table' && isDataTable(element)) {
      own |= IS_DATA_TABLE;
      for (let ancestor = element.parentElement; ancestor && flags.has(ancestor); ancestor = ancestor === root ? null : ancestor.parentElement) {
        flags.set(ancestor, (flags.get(ancestor) as number) | HOLDS_DATA_TABLE);
      }
    }
    flags.set(element, own);
  }
  return flags;
}

function subtractFromAncestors(element: Element, stats: ElementStats, root: Element, measure: PageMeasure): void {
  const name = element.localName;
  for (let ancestor = element === root ? null : element.parentElement; ancestor; ancestor = ancestor === root ? null : ancestor.parentElement) {
    const into = measure.stats.get(ancestor);
    if (!into) break;
    into.text -= stats.text;
    into.links -= stats.links;
    into.commas -= stats.commas;
    into.headingText -= stats.headingText;
    into.listText -= stats.listText;
    into.textishText = Math.max(0, into.textishText - stats.text);
    into.paragraphs -= stats.paragraphs + (name === 'p' ? 1 : 0);
    into.images -= stats.images + (name === 'img' ? 1 : 0);
    into.listItems -= stats.listItems + (name === 'li' ? 1 : 0);
    into.inputs -= stats.inputs;
  }
}

function isClutter(element: Element, stats: ElementStats, flags: number, isRoot: boolean, options: CleanupOptions, measure: PageMeasure): boolean {
  const name = effectiveTag(element, stats);
  if (H.alwaysRemovedTags.has(name) || element.localName === 'figcaption') return true;
  if (!isRoot && stats.text < 500 && H.shareElements.test(classAndId(element))) return true;
  if (!isRoot && (isCaption(element, stats) || isCreditLine(element, stats) || isPictureFigure(element, stats))) return true;
  if (!isRoot && (isLinkLine(element, stats, name, flags) || isLinkList(element, stats, name, flags))) return true;
  if (name === 'h1' || name === 'h2') {
    if (options.weightClasses && classWeight(element) < 0) return true;
    if (options.title && textSimilarity(options.title, element.textContent ?? '') > H.titleSimilarity) return true;
  }
  if (!isRoot && isMetadata(element, stats, name) && !isInlineLead(element, stats, measure)) return true;
  if (!isRoot && isTeaserBox(element, stats)) return true;
  if (options.cleanConditionally && H.conditionalTags.has(name)) return looksLikeClutter(element, stats, flags, name, options);
  return false;
}

/** A byline, a date line or a header holding only the title and such. */
function isMetadata(element: Element, stats: ElementStats, name: string): boolean {
  if (stats.text === 0 || stats.text >= 100) return name === 'header' && stats.text < 200 && stats.paragraphs < 2;
  if (name === 'header' || name === 'address') return true;
  if (element.getAttribute('rel') === 'author' || (element.getAttribute('itemprop') ?? '').includes('author')) return true;
  const match = classAndId(element);
  return (H.byline.test(match) || H.dateline.test(match)) && stats.paragraphs === 0;
}

/** A caption or a picture credit, by the vocabulary of its class or id, or a figure's own caption. */
function isCaption(element: Element, stats: ElementStats): boolean {
  if (stats.text === 0 || stats.text >= H.maxCaptionLength || stats.paragraphs > 1 || stats.headingText > 0 || !element.hasAttributes()) return false;
  const match = classAndId(element);
  return H.caption.test(match) && !H.notCaption.test(match);
}

/** A short line of text that opens with a picture or source label ("Foto: …", "Quelle: …"). */
function isCreditLine(element: Element, stats: ElementStats): boolean {
  if (stats.text === 0 || stats.text >= H.maxCreditLineLength || stats.hasBlock || !isBlockElement(element)) return false;
  return H.creditLine.test(element.textContent ?? '');
}

/** A figure of a picture with a few words beside it (caption, credit, description): none of it is article text. */
function isPictureFigure(element: Element, stats: ElementStats): boolean {
  return element.localName === 'figure' && stats.images > 0 && stats.text < H.maxCaptionLength && stats.paragraphs <= 1;
}

/**
 * A line that is nothing but a link ("Read: …", a promoted story, "Share your recipe"): article
 * prose carries its links inside sentences. Lists and tables are judged as wholes elsewhere.
 */
function isLinkLine(element: Element, stats: ElementStats, name: string, flags: number): boolean {
  if (name !== 'p' || stats.text === 0 || stats.text >= H.maxLinkLineLength) return false;
  if (flags & (INSIDE_CODE | INSIDE_DATA_TABLE | INSIDE_ENTRY | INSIDE_FIGURE)) return false;
  const density = linkDensity(stats);
  return density >= H.linkLineDensity || (density >= H.labelledLinkDensity && isLabelledLink(element));
}

/**
 * A line that is a short label ending in a colon and then links with at most separators between
 * them ("Auch lesen: <a>…</a>", "Le puede interesar: <a>…</a>", "Tags: <a>…</a>, <a>…</a>"): a
 * promoted story or a tag list, in any language.
 */
function isLabelledLink(element: Element): boolean {
  let label = '';
  let linked = false;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).localName === 'a') linked = true;
    else if (linked) {
      if (!H.linkSeparator.test(child.textContent ?? '')) return false;
    } else label += child.textContent ?? '';
  }
  label = label.trim();
  return linked && label.length > 1 && label.length <= H.maxLinkLabelLength && label.endsWith(':');
}

/** A list whose items are all links (related stories, "more from"): link lists in prose are rare. */
function isLinkList(element: Element, stats: ElementStats, name: string, flags: number): boolean {
  if ((name !== 'ul' && name !== 'ol') || stats.listItems < 2 || flags & (INSIDE_CODE | INSIDE_DATA_TABLE)) return false;
  return linkDensity(stats) >= H.linkLineDensity;
}

/** A dateline set inline at the start of the lede ("CAIRO — Gunmen opened fire…") belongs to it. */
function isInlineLead(element: Element, stats: ElementStats, measure: PageMeasure): boolean {
  if (isBlockElement(element)) return false;
  const parent = element.parentElement;
  const parentStats = parent ? measure.stats.get(parent) : undefined;
  return parentStats !== undefined && parentStats.text - stats.text >= H.proseParagraphLength * 2;
}

/** "Related: …" / "Read more: …" boxes between paragraphs: short, mostly a link, with a lead-in. */
function isTeaserBox(element: Element, stats: ElementStats): boolean {
  if (stats.text >= 300 || linkDensity(stats) < 0.5) return false;
  return H.teaserLead.test(element.textContent ?? '');
}

/** Readability's `_cleanConditionally` verdict for one form, fieldset, table, list or div. */
function looksLikeClutter(element: Element, stats: ElementStats, flags: number, name: string, options: CleanupOptions): boolean {
  if (flags & (IS_DATA_TABLE | INSIDE_DATA_TABLE | INSIDE_CODE | HOLDS_DATA_TABLE)) return false;
  const weight = options.weightClasses ? classWeight(element) : 0;
  if (weight < 0) return true;
  if (stats.commas >= 10) return false;
  const isList = name === 'ul' || name === 'ol' || (stats.text > 0 && stats.listText / stats.text > 0.9);
  if (stats.text < 30 && H.placeholderText.test((element.textContent ?? '').trim())) return true;
  const { paragraphs, images, inputs } = stats;
  const listItems = stats.listItems - 100;
  const density = linkDensity(stats);
  const headingDensity = stats.text === 0 ? 0 : stats.headingText / stats.text;
  const inFigure = (flags & INSIDE_FIGURE) !== 0;
  const remove =
    (!inFigure && images > 1 && paragraphs / images < 0.5) ||
    (!isList && listItems > paragraphs) ||
    inputs > Math.floor(paragraphs / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && stats.text < 25 && (images === 0 || images > 2) && density > 0) ||
    (!isList && weight < 25 && density > 0.2) ||
    (weight >= 25 && density > 0.5) ||
    (images === 0 && stats.textishText === 0);
  if (remove && isList) return !isImageList(element, images);
  return remove;
}

/** A list whose every item is a single image (a gallery) stays. */
function isImageList(element: Element, images: number): boolean {
  for (const child of element.children) if (child.children.length > 1) return false;
  return images > 0 && images === element.getElementsByTagName('li').length;
}

/** Readability's `_markDataTables`: a table of data rather than of layout. */
function isDataTable(table: Element): boolean {
  if (table.getAttribute('role') === 'presentation' || table.getAttribute('datatable') === '0') return false;
  if (table.getAttribute('summary')) return true;
  const caption = table.querySelector('caption');
  if (caption && caption.childNodes.length > 0) return true;
  if (table.querySelector('col, colgroup, tfoot, thead, th')) return true;
  if (table.querySelector('table')) return false;
  let rows = 0;
  let columns = 0;
  for (const row of table.getElementsByTagName('tr')) {
    rows += Number.parseInt(row.getAttribute('rowspan') ?? '', 10) || 1;
    let cells = 0;
    for (const cell of row.getElementsByTagName('td')) cells += Number.parseInt(cell.getAttribute('colspan') ?? '', 10) || 1;
    columns = Math.max(columns, cells);
  }
  if (rows === 1 || columns === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}
