/**
 * Finds the body of the article a page is about, as mapped text, or says there is none. It follows
 * Readability (measure, choose the content block, leave out clutter, retry with fewer exclusions
 * when too little is left) but never rewrites the page: the live page stays untouched and is
 * walked once per attempt, almost always a single attempt.
 */
import { findClutter } from './article-cleanup';
import { findArticleTitle } from './article-title';
import { chooseContent, statsOf } from './choose-content';
import { effectiveTag, linkDensity, measurePage, type ElementStats, type PageMeasure } from './element-stats';
import { ARTICLE_HEURISTICS as H } from './heuristics';
import { isBlockElement, mapText } from './text-map';
import type { FoundArticle, MappedText } from './types';

interface Flags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

/** Readability's sieve: each retry keeps more of the page. */
const ATTEMPTS: readonly Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

interface Attempt extends MappedText {
  container: Element;
  roots: Element[];
  measure: PageMeasure;
  clutter: Set<Element>;
}

/**
 * The article body of a page (title, byline, navigation, share bars, related links, sign-up
 * boxes and comments left out), or null when the page holds no article: too little running
 * prose, or a listing of teasers.
 */
export function findArticle(root: Document | Element): FoundArticle | null {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const body = root.nodeType === 9 ? (doc.body ?? doc.documentElement) : (root as Element);
  if (!body) return null;
  let title: string | null = null;
  let best: Attempt | null = null;
  // The retries that keep unlikely candidates measure the same elements: the page is walked once
  // for them, and each retry gets fresh copies of the stats (cleanup subtracts from them).
  let unstripped: PageMeasure | null = null;
  for (const flags of ATTEMPTS) {
    let measure: PageMeasure;
    if (flags.stripUnlikely) measure = measurePage(body, true);
    else measure = copyMeasure((unstripped ??= measurePage(body, false)));
    title ??= findArticleTitle(doc, measure.titleHeadings);
    const attempt = extract(measure, title, flags);
    if (!best || attempt.text.length > best.text.length) best = attempt;
    if (attempt.text.length >= H.retryLength) break;
  }
  if (!best || !isArticle(best)) return null;
  return { title: title ?? '', text: best.text, segments: best.segments, root: holderOf(best) };
}

/** A measure whose stats can be changed without changing `measure`'s. */
function copyMeasure(measure: PageMeasure): PageMeasure {
  const stats = new Map<Element, ElementStats>();
  for (const [element, own] of measure.stats) stats.set(element, { ...own });
  return { ...measure, stats };
}

/** The deepest element holding all the mapped text: the chosen container can be wider. */
function holderOf(attempt: Attempt): Element {
  const first = attempt.segments[0]?.node;
  const last = attempt.segments[attempt.segments.length - 1]?.node;
  if (!first || !last) return attempt.container;
  const ancestors = new Set<Node>();
  for (let node: Node | null = first; node; node = node.parentNode) ancestors.add(node);
  for (let node: Node | null = last; node; node = node.parentNode) {
    if (ancestors.has(node) && node.nodeType === 1) return node as Element;
  }
  return attempt.container;
}

function extract(measure: PageMeasure, title: string, flags: Flags): Attempt {
  const { container, roots } = chooseContent(measure, flags.weightClasses);
  const clutter = findClutter(roots, measure, { title, ...flags });
  const mapped = mapText(roots, (element) => clutter.has(element) || !measure.stats.has(element));
  return { ...mapped, container, roots, measure, clutter };
}

/** Enough running prose, and not a grid of teasers each dominated by its link. */
function isArticle(attempt: Attempt): boolean {
  const { measure, clutter } = attempt;
  let prose = 0;
  let paragraphs = 0;
  let teasers = 0;
  const teaserBlocks = new Set<Element>();
  /** Prose and paragraphs per parent: a run of paragraphs side by side is a body, whatever surrounds it. */
  const runs = new Map<Element | null, { prose: number; paragraphs: number }>();
  const addRun = (element: Element, length: number): void => {
    const run = runs.get(element.parentElement) ?? { prose: 0, paragraphs: 0 };
    run.prose += length;
    run.paragraphs += 1;
    runs.set(element.parentElement, run);
  };
  for (const root of attempt.roots) {
    const rootStats = statsOf(measure, root);
    for (let index = rootStats.index; index <= rootStats.end; index++) {
      const element = measure.elements[index] as Element;
      const stats = statsOf(measure, element);
      if (clutter.has(element)) {
        index = stats.end;
        continue;
      }
      const tag = effectiveTag(element, stats);
      const density = linkDensity(stats);
      if ((tag === 'p' || !stats.hasBlock) && isBlockElement(element) && !/^h\d$/.test(tag) && stats.text >= H.proseParagraphLength && density < H.proseMaxLinkDensity) {
        paragraphs += 1;
        prose += stats.text - stats.links;
        addRun(element, stats.text - stats.links);
      } else if (tag === 'div' && stats.inlineText >= H.proseParagraphLength) {
        paragraphs += 1;
        prose += stats.inlineText;
        addRun(element, stats.inlineText);
      }
      if (!stats.hasBlock && isBlockElement(element) && stats.text >= 15 && density >= 0.8 && !teaserBlocks.has(element.parentElement as Element)) {
        teaserBlocks.add(element);
        teasers += 1;
      }
    }
  }
  if (prose < H.minArticleLength || (paragraphs < H.minArticleParagraphs && prose < 2 * H.minArticleLength)) return false;
  for (const run of runs.values()) {
    if (run.prose >= H.articleRunLength * (run.paragraphs >= H.articleRunParagraphs ? 1 : 2)) return true;
  }
  return !(teasers >= H.minTeaserBlocks && prose < teasers * H.maxProsePerTeaser);
}
