/**
 * Chooses the block of a measured page that holds the article: Readability's `grabArticle`
 * scoring (paragraph scores climb to their ancestors, damped by link density and class hints),
 * then the page's own outline (schema.org `articleBody`, `<article>`, `<main>`) where it disagrees.
 */
import { classAndId, classWeight, effectiveTag, linkDensity, type ElementStats, type PageMeasure } from './element-stats';
import { ARTICLE_HEURISTICS as H } from './heuristics';

/** The chosen block, or the parent of the chosen block and the siblings kept with it. */
export interface Content {
  container: Element;
  /** What the article text is read from, in document order. */
  roots: Element[];
}

/** The content of a measured page; `weightClasses` lets class/id words count. */
export function chooseContent(measure: PageMeasure, weightClasses: boolean): Content {
  return withStandfirst(measure, preferDeclared(measure, scoredContent(measure, weightClasses)));
}

/** The stats of an element known to be measured (every candidate and root is). */
export function statsOf(measure: PageMeasure, element: Element): ElementStats {
  return measure.stats.get(element) as ElementStats;
}

/** Readability's paragraph scoring: every paragraph credits its parent, grandparent and beyond. */
function scoreCandidates(measure: PageMeasure, weightClasses: boolean): Map<Element, number> {
  const scores = new Map<Element, number>();
  const collapsed = new Map<Element, boolean>();
  const isCollapsed = (element: Element): boolean => {
    let known = collapsed.get(element);
    if (known === undefined) {
      known = wrapsSingleParagraph(element, statsOf(measure, element));
      collapsed.set(element, known);
    }
    return known;
  };
  for (const element of measure.elements) {
    const stats = statsOf(measure, element);
    const tag = effectiveTag(element, stats);
    const paragraph = H.scoredTags.has(tag);
    if (!paragraph && tag !== 'div') continue;
    const length = paragraph ? stats.text : stats.inlineText;
    if (length < H.minParagraphLength) continue;
    const score = 2 + (paragraph ? stats.commas : stats.inlineCommas) + Math.min(Math.floor(length / 100), 3);
    let level = 0;
    for (
      let ancestor = paragraph ? element.parentElement : element;
      ancestor && level < 5 && measure.stats.has(ancestor);
      ancestor = ancestor === measure.root ? null : ancestor.parentElement
    ) {
      if (ancestor !== element && isCollapsed(ancestor)) continue;
      const initial = scores.get(ancestor) ?? initialScore(ancestor, statsOf(measure, ancestor), weightClasses);
      scores.set(ancestor, initial + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      level += 1;
    }
  }
  for (const [element, score] of scores) scores.set(element, score * (1 - linkDensity(statsOf(measure, element))));
  return scores;
}

/** A div around a single paragraph and nothing else stands for that paragraph. */
function wrapsSingleParagraph(element: Element, stats: ElementStats): boolean {
  if (element.localName !== 'div' || element.childElementCount !== 1 || element.firstElementChild!.localName !== 'p') return false;
  for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 3 && (child as Text).data.trim()) return false;
  return linkDensity(stats) < 0.25;
}

function initialScore(element: Element, stats: ElementStats, weightClasses: boolean): number {
  return (H.tagScore[effectiveTag(element, stats)] ?? 0) + (weightClasses ? classWeight(element) : 0);
}

function measuredChildren(element: Element, measure: PageMeasure): Element[] {
  return [...element.children].filter((child) => measure.stats.has(child));
}

/** The best-scoring block, widened to its parent when that scores better, plus kindred siblings. */
function scoredContent(measure: PageMeasure, weightClasses: boolean): Content {
  const scores = scoreCandidates(measure, weightClasses);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, H.topCandidates);
  const first = ranked[0];
  const body = measure.root;
  if (!first || first[0] === body) return { container: body, roots: [body] };
  let [top, topScore] = first;
  const scoreOf = (element: Element): number =>
    scores.get(element) ?? initialScore(element, statsOf(measure, element), weightClasses);

  const alternatives = ranked.slice(1).filter(([, score]) => score / topScore >= 0.75).map(([element]) => element);
  if (alternatives.length >= 3) {
    for (let ancestor = top.parentElement; ancestor && ancestor !== body; ancestor = ancestor.parentElement) {
      if (alternatives.filter((element) => element !== ancestor && ancestor?.contains(element)).length >= 3) {
        top = ancestor;
        break;
      }
    }
  }
  topScore = scoreOf(top);
  let lastScore = topScore;
  for (let parent = top.parentElement; parent && parent !== body; parent = parent.parentElement) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < topScore / 3) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
  }
  for (let parent = top.parentElement; parent && parent !== body && measuredChildren(parent, measure).length === 1; parent = parent.parentElement) {
    top = parent;
  }
  topScore = scoreOf(top);

  const parent = top.parentElement;
  if (!parent || !measure.stats.has(parent)) return { container: top, roots: [top] };
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.getAttribute('class') ?? '';
  const roots = measuredChildren(parent, measure).filter((sibling) => {
    if (sibling === top) return true;
    const bonus = topClass !== '' && sibling.getAttribute('class') === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) return true;
    const stats = statsOf(measure, sibling);
    if (effectiveTag(sibling, stats) !== 'p') return false;
    const density = linkDensity(stats);
    if (stats.text > 80) return density < 0.25;
    return stats.text > 0 && density === 0 && /\.( |$)/.test(sibling.textContent ?? '');
  });
  return { container: roots.length === 1 ? top : parent, roots };
}

/** Running prose of an element: its text outside links. */
function proseOf(measure: PageMeasure, element: Element): number {
  const stats = statsOf(measure, element);
  return stats.text - stats.links;
}

/** Of `elements`, the one with the most prose, when it has enough to be an article. */
function richest(measure: PageMeasure, elements: readonly Element[]): Element | null {
  let best: Element | null = null;
  for (const element of elements) {
    if (proseOf(measure, element) < H.minArticleLength) continue;
    if (!best || proseOf(measure, element) > proseOf(measure, best)) best = element;
  }
  return best;
}

/**
 * The page's own outline overrides the score where they disagree: schema.org's `articleBody` is
 * the publisher's word on where the body is, and scored content lying wholly outside the richest
 * `<article>` (or else `<main>`) that holds more prose is a comment thread or a sidebar that
 * outscored it.
 */
function preferDeclared(measure: PageMeasure, content: Content): Content {
  const declaredBody = richest(measure, measure.declaredBodies);
  if (declaredBody) {
    return content.roots.every((root) => declaredBody.contains(root)) ? content : { container: declaredBody, roots: [declaredBody] };
  }
  const outline = richest(measure, measure.declaredArticles) ?? richest(measure, measure.declaredMains);
  if (!outline || content.roots.every((root) => outline.contains(root))) return content;
  const prose = content.roots.reduce((sum, root) => sum + proseOf(measure, root), 0);
  const share = content.roots.some((root) => root.contains(outline)) ? H.outlineShareInside : 1;
  return proseOf(measure, outline) >= prose * share ? { container: outline, roots: [outline] } : content;
}

/**
 * The standfirst (lede, intro, excerpt, subtitle) often stands in the article's header, a
 * sibling of the body's container: a block named so, shortly before the body and near it in the
 * tree, that is prose and not a link, opens the article.
 */
function withStandfirst(measure: PageMeasure, content: Content): Content {
  const first = content.roots[0];
  if (!first) return content;
  let scope: Element = first;
  for (let level = 0; level < H.standfirstLevels; level++) {
    const parent = scope.parentElement;
    if (!parent || parent === measure.root || !measure.stats.has(parent)) break;
    scope = parent;
  }
  if (scope === first) return content;
  const firstStats = statsOf(measure, first);
  let standfirst: Element | null = null;
  for (let index = statsOf(measure, scope).index + 1; index < firstStats.index; index++) {
    const element = measure.elements[index] as Element;
    const stats = statsOf(measure, element);
    if (stats.end >= firstStats.index) continue;
    if (isStandfirst(element, stats)) {
      standfirst = element;
      index = stats.end;
    }
  }
  return standfirst ? { container: scope, roots: [standfirst, ...content.roots] } : content;
}

function isStandfirst(element: Element, stats: ElementStats): boolean {
  if (stats.text < H.minStandfirstLength || stats.text > H.maxStandfirstLength || element.localName === 'h1' || !element.hasAttributes()) return false;
  return linkDensity(stats) < H.maxStandfirstLinkDensity && H.standfirst.test(classAndId(element));
}
