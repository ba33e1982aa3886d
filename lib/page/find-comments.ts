/**
 * Finds the reader comments of a page: WordPress and Disqus markup by their known shape (Disqus
 * both on the host page and inside its own frame), any other comment system as a run of
 * same-shaped blocks inside an area named for comments, each with an author-like element and a
 * text, or failing that as same-shaped blocks around time elements, each naming an author. Each comment's text leaves out its replies (they are
 * comments of their own), its header, metadata, actions and forms.
 */
import { ARTICLE_HEURISTICS as A, COMMENT_HEURISTICS as C } from './heuristics';
import { isSkippedElement, mapText } from './text-map';
import type { FoundArticle, FoundComment } from './types';
import { walkTree } from './walk-tree';

const ELEMENT_NODE = 1;

/** How to read one comment system's markup. */
interface CommentShape {
  items: Element[];
  isItem: (element: Element) => boolean;
  /** class of the text part; the generic body pattern when this matches nothing. */
  body: RegExp;
  /** Whether a bold, cited or linked first line may name the author when nothing else does. */
  leadAuthor: boolean;
}

/** Where comments may stand, found in one walk over the page. */
interface CommentAreas {
  wordpressLists: Element[];
  disqusThreads: Element[];
  /** Outermost elements whose class or id names comments. */
  named: Element[];
  /** Time elements and elements with a `datetime`, gathered in the same walk (a selector query over the page costs another). */
  times: Element[];
}

/** The reader comments of a page in document order (replies after their parent), or []. */
export function findComments(root: Document | Element, article?: FoundArticle | null): FoundComment[] {
  const scope = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
  if (!scope) return [];
  const firstArticleNode = article?.segments[0]?.node;
  const overlapsArticle = (element: Element): boolean =>
    !!article && (element.contains(article.root) || (firstArticleNode !== undefined && element.contains(firstArticleNode)));
  const areas = collectAreas(scope, overlapsArticle);
  const read = (shape: CommentShape): FoundComment[] =>
    shape.items
      .filter((item) => !overlapsArticle(item))
      .map((item) => readComment(item, shape))
      .filter(saysSomething);
  const known = [
    knownShape(areas.wordpressLists, C.wordpress.item, C.wordpress.body),
    knownShape(areas.disqusThreads, C.disqus.item, C.disqus.body),
  ];
  for (const shape of known) {
    const comments = shape ? read(shape) : [];
    if (comments.length > 0) return comments;
  }
  const named = genericComments(areas.named);
  return named.length > 0 ? named : timedComments(scope, areas.times, overlapsArticle);
}

/**
 * Comments in an area whose name says nothing (a single-page app's `div.feedback`): groups of
 * same-shaped blocks around time elements, every one naming an author and saying something
 * that is mostly not links.
 */
function timedComments(scope: Element, times: readonly Element[], overlapsArticle: (element: Element) => boolean): FoundComment[] {
  const groups = new Map<string, Set<Element>>();
  for (const time of times) {
    let element = time.parentElement;
    for (let depth = 0; element && element !== scope && depth < C.timedItemDepth; depth++, element = element.parentElement) {
      if (overlapsArticle(element)) break;
      const key = signature(element);
      if (!key) continue;
      const group = groups.get(key) ?? new Set<Element>();
      group.add(element);
      groups.set(key, group);
    }
  }
  let best: FoundComment[] = [];
  for (const group of groups.values()) {
    const members = [...group];
    if (members.length < C.minComments || members.length <= best.length || !isThread(members)) continue;
    if (members.some((member) => member.querySelector(C.teaserSelector))) continue;
    const shape: CommentShape = { items: members, isItem: (element) => group.has(element), body: C.bodyWords, leadAuthor: false };
    const comments = members.map((member) => readComment(member, shape));
    if (comments.every((comment) => comment.author && saysSomething(comment) && linkShare(comment) <= C.timedMaxLinkShare)) best = comments;
  }
  return best;
}

/** The share of a comment's text that stands in links. */
function linkShare(comment: FoundComment): number {
  let linked = 0;
  for (const segment of comment.segments) if (segment.node.parentElement?.closest('a')) linked += segment.length;
  return comment.text.length === 0 ? 1 : linked / comment.text.length;
}

function collectAreas(scope: Element, overlapsArticle: (element: Element) => boolean): CommentAreas {
  const areas: CommentAreas = { wordpressLists: [], disqusThreads: [], named: [], times: [] };
  let lastNamed: Element | null = null;
  walkTree(scope, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    if (isSkippedElement(element)) return false;
    if (element.localName === 'time') areas.times.push(element);
    if (!element.hasAttributes()) return true;
    if (element.localName !== 'time' && element.hasAttribute('datetime')) areas.times.push(element);
    const className = element.getAttribute('class') ?? '';
    const id = element.getAttribute('id') ?? '';
    if ((C.wordpress.list.test(className) || C.wordpress.list.test(id)) && (element.localName === 'ol' || element.localName === 'ul')) areas.wordpressLists.push(element);
    if (C.disqus.threadIds.has(id)) areas.disqusThreads.push(element);
    if (C.containerWords.test(`${className} ${id}`) && !lastNamed?.contains(element) && !overlapsArticle(element) && !isSidebarList(element, className, id)) {
      areas.named.push(element);
      lastNamed = element;
    }
    return true;
  });
  return areas;
}

/**
 * A "recent comments" or "most discussed" widget, or a list in a sidebar, shows comments of other
 * pages. An `aside` may also hold the page's own comment section beside the article (a
 * `comments_section`): one named as a whole comment section is not a sidebar list.
 */
function isSidebarList(element: Element, className: string, id: string): boolean {
  const name = `${className} ${id}`;
  return C.sidebarWords.test(name) || (element.closest(C.sidebarSelector) !== null && !A.commentSection.test(name));
}

function knownShape(areas: readonly Element[], itemSelector: string, body: RegExp): CommentShape | null {
  const items = new Set(areas.flatMap((area) => [...area.querySelectorAll(itemSelector)]));
  if (items.size === 0) return null;
  return { items: [...items], isItem: (element) => items.has(element), body, leadAuthor: false };
}

/** The shape of the items of a block: its tag and first class, or its id without numbers. */
function signature(element: Element): string {
  const firstClass = (element.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  if (firstClass) return `${element.localName}.${firstClass}`;
  const id = (element.getAttribute('id') ?? '').replace(/\d+/g, '');
  return id ? `${element.localName}#${id}` : '';
}

/**
 * In each named area, the group of same-shaped blocks that most often hold an author and a text;
 * the comments of the best group over all areas.
 */
function genericComments(areas: readonly Element[]): FoundComment[] {
  let best: { comments: FoundComment[]; score: number } | null = null;
  for (const area of areas) {
    const groups = new Map<string, Element[]>();
    for (const element of area.querySelectorAll(C.itemSelector)) {
      const key = signature(element);
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.push(element);
      else groups.set(key, [element]);
    }
    for (const members of groups.values()) {
      // One comment alone counts when its own class says it is one (`kommentar-item`, `comment-body`).
      const lone = members.length === 1 && isLoneComment(members[0] as Element);
      if (!lone && (members.length < C.minComments || !isThread(members))) continue;
      const memberSet = new Set(members);
      const shape: CommentShape = { items: members, isItem: (element) => memberSet.has(element), body: C.bodyWords, leadAuthor: true };
      // A list of links that name commenters ("Ann on Post title", a blog's recent-comments widget) is no thread.
      const comments = members
        .map((member) => readComment(member, shape))
        .filter((comment) => saysSomething(comment) && linkShare(comment) <= C.timedMaxLinkShare);
      const named = comments.filter((comment) => comment.author).length;
      if (comments.length < (lone ? 1 : C.minComments) || named * 2 < comments.length || (lone && named === 0)) continue;
      const score = named + comments.length;
      const firstOfBest = best?.comments[0]?.root;
      const outer = firstOfBest !== undefined && members.some((member) => member.contains(firstOfBest));
      if (!best || score > best.score || (score === best.score && outer)) best = { comments, score };
    }
  }
  return best?.comments ?? [];
}

/**
 * A block that is a comment on its own: its class names one, it carries a date, and it holds no
 * form control (a comment form, a sort menu or a login prompt is named like a comment too).
 */
function isLoneComment(member: Element): boolean {
  if (!C.containerWords.test(signature(member)) || member.querySelector(C.formControlSelector)) return false;
  for (const part of member.getElementsByTagName('*')) {
    if (part.localName === 'time' || part.hasAttribute('datetime') || C.dateWords.test(part.getAttribute('class') ?? '')) return true;
  }
  return false;
}

/** Comments stand side by side, or one answers another inside it. Linear: each member's ancestors are walked once. */
function isThread(members: readonly Element[]): boolean {
  const parents = new Set<Node | null>();
  for (const member of members) {
    if (parents.has(member.parentNode)) return true;
    parents.add(member.parentNode);
  }
  const memberSet = new Set<Node>(members);
  return members.some((member) => {
    for (let node = member.parentNode; node; node = node.parentNode) if (memberSet.has(node)) return true;
    return false;
  });
}

/** A comment has words of its own, not only a button's label ("Load more comments", "Reply"). */
function saysSomething(comment: FoundComment): boolean {
  return C.minimalText.test(comment.text) && !C.actionText.test(collapse(comment.text));
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function isAuthorLike(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  return (
    C.authorClass.test(element.getAttribute('class') ?? '') ||
    C.authorRelation.test(element.getAttribute('itemprop') ?? '') ||
    C.authorRelation.test(element.getAttribute('rel') ?? '')
  );
}

function isChrome(element: Element, author: Element | null): boolean {
  if (element === author || C.chromeTags.has(element.localName)) return true;
  if (element.hasAttributes()) {
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    // A date is never text, however it is named ("commentDate" too).
    if (C.chromeWords.test(name) || C.dateWords.test(element.getAttribute('class') ?? '')) return true;
  }
  const name = element.localName;
  if (name !== 'a' && name !== 'span' && name !== 'li' && name !== 'div') return false;
  const text = collapse(element.textContent);
  return C.actionText.test(text) || C.dateOnlyText.test(text);
}

/** The name in an author element, without the time, permalink or separators set beside it. */
function authorName(element: Element): string {
  const { text } = mapText(element, (inner) => inner !== element && (C.chromeTags.has(inner.localName) || inner.querySelector('time') !== null));
  const name = collapse(text).replace(C.nameSeparators, '');
  return C.nameLetter.test(name) ? name : '';
}

/** The parts of a comment found in one walk over it, replies left out. */
function comb(item: Element, shape: CommentShape): { authors: Element[]; body: Element | null; fallbackBody: Element | null; lead: Element | null } {
  const parts = { authors: [] as Element[], body: null as Element | null, fallbackBody: null as Element | null, lead: null as Element | null };
  walkTree(item, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    if (shape.isItem(element) || isSkippedElement(element)) return false;
    if (isAuthorLike(element)) parts.authors.push(element);
    if (!parts.lead && C.leadAuthorTags.has(element.localName)) parts.lead = element;
    const className = element.getAttribute('class') ?? '';
    // A date can carry a text-ish class too ("datetime secondary-text"): it is never the body.
    const chrome = C.dateWords.test(className);
    if (!parts.body && !chrome && shape.body.test(className)) parts.body = element;
    if (!parts.fallbackBody && !chrome && C.bodyWords.test(className)) parts.fallbackBody = element;
    return true;
  });
  return parts;
}

/** The innermost author-like element with a short name; for generic shapes, a bold first line. */
function pickAuthor(item: Element, authors: readonly Element[], lead: Element | null, shape: CommentShape): Element | null {
  let found: Element | null = null;
  for (const element of authors) {
    const name = authorName(element);
    if (!name || name.length > C.maxAuthorLength) continue;
    if (found === null || found.contains(element)) found = element;
    else break;
  }
  if (found || !shape.leadAuthor || !lead) return found;
  const name = collapse(lead.textContent);
  if (!name || name.length > C.maxAuthorLength || !C.nameLetter.test(name) || lead.querySelector('time')) return null;
  for (let node: Element | null = lead; node && node !== item; node = node.parentElement) {
    // The author stands in the comment's header or meta line: those are chrome for the text, not for the name.
    if (node !== lead && node.hasAttributes() && C.authorPlaceWords.test(node.getAttribute('class') ?? '')) continue;
    if (isChrome(node, null)) return null;
  }
  return collapse(item.textContent).startsWith(name) ? lead : null;
}

function readComment(item: Element, shape: CommentShape): FoundComment {
  const parts = comb(item, shape);
  const authorElement = pickAuthor(item, parts.authors, parts.lead, shape);
  const body = parts.body ?? parts.fallbackBody ?? item;
  const mapped = mapText(body, (element) =>
    element !== body && (shape.isItem(element) || C.repliesWords.test(element.getAttribute('class') ?? '') || isChrome(element, authorElement)),
  );
  return { ...mapped, author: authorElement ? authorName(authorElement) : '', root: item, authorElement };
}
