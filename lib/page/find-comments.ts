/**
 * Finds the reader comments of a page: WordPress and Disqus markup by their known shape (Disqus
 * both on the host page and inside its own frame), comments the page declares (schema.org
 * `Comment`, `role="comment"`), any other comment system as a run of same-shaped blocks (or one
 * block that names itself a comment) inside an area named for comments, each with an author and
 * a text, or as rows of their own that each name themselves a comment (`div.Comment`), or failing
 * that as same-shaped blocks around time elements, each naming an author.
 * Each comment's text leaves out its replies (they are comments of their own), its header,
 * metadata, actions and forms.
 */
import { ARTICLE_HEURISTICS as A, COMMENT_HEURISTICS as C, TEXT_HEURISTICS as T } from './heuristics';
import { isHiddenElement, isSkippedElement, mapText } from './text-map';
import type { FoundArticle, FoundComment, MappedText } from './types';
import { walkTree } from './walk-tree';

const ELEMENT_NODE = 1;

/** How to read one comment system's markup. */
interface CommentShape {
  items: Element[];
  isItem: (element: Element) => boolean;
  /** class of the text part; the generic body pattern when this matches nothing. */
  body: RegExp;
  /**
   * Which first line may name the author when nothing else does: any bold, cited or linked one
   * (and the name beside the date) in a thread of unknown markup, only a `cite` in a classic
   * WordPress theme (`<cite>Ann</cite> says:`), or none.
   */
  leadAuthor: 'any' | 'cite' | false;
}

/** Where comments may stand, found in one walk over the page. */
interface CommentAreas {
  wordpressLists: Element[];
  disqusThreads: Element[];
  /** Comments the page declares as such: schema.org `Comment` microdata, ARIA `role="comment"`. */
  declared: Element[];
  /** Outermost elements whose class or id names comments. */
  named: Element[];
  /** Time elements and elements with a `datetime`, gathered in the same walk (a selector query over the page costs another). */
  times: Element[];
}

/** The reader comments of a page in document order (replies after their parent), or []. */
export function findComments(root: Document | Element, article?: FoundArticle | null): FoundComment[] {
  const steps = commentSearch(root, article);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findComments` as steps: it pauses (yields) after each comment read, so that a caller on the
 * page's main thread can give the page its turn between slices. Reading 2,000 comments in one
 * go held Chromium's main thread for 60 to 80 ms (bench:page).
 */
export function* commentSearch(root: Document | Element, article?: FoundArticle | null): Generator<void, FoundComment[]> {
  const scope = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
  if (!scope) return [];
  const firstArticleNode = article?.segments[0]?.node;
  const overlapsArticle = (element: Element): boolean =>
    !!article && (element.contains(article.root) || (firstArticleNode !== undefined && element.contains(firstArticleNode)));
  const areas = collectAreas(scope, overlapsArticle);
  yield;
  function* read(shape: CommentShape): Generator<void, FoundComment[]> {
    const comments: FoundComment[] = [];
    for (const item of shape.items) {
      if (overlapsArticle(item)) continue;
      const comment = readComment(item, shape);
      if (saysSomething(comment)) comments.push(comment);
      yield;
    }
    return comments;
  }
  const known = [
    knownShape(areas.wordpressLists, C.wordpress.item, C.wordpress.body, 'cite'),
    knownShape(areas.disqusThreads, C.disqus.item, C.disqus.body, false),
  ];
  const declared = new Set(areas.declared);
  if (declared.size > 0) known.push({ items: areas.declared, isItem: (element) => declared.has(element), body: C.declared.body, leadAuthor: false });
  for (const shape of known) {
    const comments = shape ? yield* read(shape) : [];
    if (comments.length > 0) return comments;
  }
  const named = yield* genericComments(areas.named);
  if (named.length > 0) return named;
  const rows = yield* selfNamedComments(areas.named);
  return rows.length > 0 ? rows : yield* timedComments(scope, areas.times, overlapsArticle);
}

/**
 * Comments that are themselves the outermost blocks named for comments: a thread that wraps each
 * comment in a row of its own (indentation, thread lines), so that no two stand side by side and
 * nothing around them is named for comments. Each one's own class names a single comment (the
 * word alone, not `comment-count` or `comment-form`), they stand a few levels apart under one
 * block, hold no heading, say something mostly not in links, and when most name no author there
 * are at least a few of them.
 */
function* selfNamedComments(areas: readonly Element[]): Generator<void, FoundComment[]> {
  const groups = new Map<string, Element[]>();
  for (const area of areas) {
    if (!area.matches(C.itemSelector) || !namesOneComment(area)) continue;
    const key = signature(area);
    const group = groups.get(key);
    if (group) group.push(area);
    else groups.set(key, [area]);
  }
  let best: FoundComment[] = [];
  for (const members of groups.values()) {
    if (members.length < C.minComments || members.length <= best.length || !standTogether(members, C.rowDepth)) continue;
    if (members.some((member) => member.querySelector(C.teaserSelector))) continue;
    const memberSet = new Set(members);
    const shape: CommentShape = { items: members, isItem: (element) => memberSet.has(element), body: C.bodyWords, leadAuthor: 'any' };
    const comments = yield* readEach(members, shape);
    // One reply may be a bare link; a list of teasers is links as a whole.
    if (!comments.every(saysSomething) || linkShare(comments) > C.timedMaxLinkShare) continue;
    const named = comments.filter((comment) => comment.author).length;
    if (named * 2 < comments.length && comments.length < C.minAuthorlessComments) continue;
    best = comments;
  }
  return best;
}

/** Whether one of the element's classes is the name of a single comment (`Comment`, `kommentar-item`). */
function namesOneComment(element: Element): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).some((name) => C.oneCommentClass.test(name));
}

/**
 * Whether at least two of the blocks share an ancestor the same number of levels up, at most
 * `levels`: side by side, or cousins in rows of their own. Each member's ancestors are walked once.
 */
function standTogether(members: readonly Element[], levels: number): boolean {
  let current: (Element | null)[] = [...members];
  for (let level = 0; level < levels; level++) {
    current = current.map((node) => node?.parentElement ?? null);
    const atLevel = new Set<Node>();
    for (const node of current) {
      if (!node) continue;
      if (atLevel.has(node)) return true;
      atLevel.add(node);
    }
  }
  return false;
}

/**
 * Comments in an area whose name says nothing (a single-page app's `div.feedback`): groups of
 * same-shaped blocks around time elements, every one naming an author and saying something
 * that is mostly not links.
 */
function* timedComments(scope: Element, times: readonly Element[], overlapsArticle: (element: Element) => boolean): Generator<void, FoundComment[]> {
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
    const comments = yield* readEach(members, shape);
    if (comments.every((comment) => comment.author && saysSomething(comment) && linkShare(comment) <= C.timedMaxLinkShare)) best = comments;
  }
  return best;
}

/** The share of the comments' text that stands in links. */
function linkShare(comments: FoundComment | readonly FoundComment[]): number {
  let linked = 0;
  let length = 0;
  for (const comment of Array.isArray(comments) ? comments : [comments]) {
    for (const segment of comment.segments) if (segment.node.parentElement?.closest('a')) linked += segment.length;
    length += comment.text.length;
  }
  return length === 0 ? 1 : linked / length;
}

function collectAreas(scope: Element, overlapsArticle: (element: Element) => boolean): CommentAreas {
  const areas: CommentAreas = { wordpressLists: [], disqusThreads: [], declared: [], named: [], times: [] };
  let lastNamed: Element | null = null;
  walkTree(scope, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    const tag = element.localName;
    if (T.skippedTags.has(tag)) return false;
    if (!element.hasAttributes()) {
      if (tag === 'time') areas.times.push(element);
      return true;
    }
    const marks = readAttributes(element);
    if (marks === null) return false;
    if (tag === 'time' || marks.dated) areas.times.push(element);
    const { className, id } = marks;
    if ((C.wordpress.list.test(className) || C.wordpress.list.test(id)) && (tag === 'ol' || tag === 'ul')) areas.wordpressLists.push(element);
    if (C.disqus.threadIds.has(id)) areas.disqusThreads.push(element);
    if (marks.declared && !element.closest(C.sidebarSelector)) areas.declared.push(element);
    if (C.containerWords.test(`${className} ${id}`) && !lastNamed?.contains(element) && !overlapsArticle(element) && !isSidebarList(element, className, id)) {
      areas.named.push(element);
      lastNamed = element;
    }
    return true;
  });
  return areas;
}

/**
 * What the area walk reads from an element's attributes, or null when they hide it (as
 * `isHiddenElement` says). Named lookups, not a pass over `element.attributes`: Chromium creates
 * an `Attr` per attribute for that list (three to six times slower in a content script), and
 * happy-dom a proxy object per element.
 */
function readAttributes(element: Element): { className: string; id: string; dated: boolean; declared: boolean } | null {
  if (isHiddenElement(element)) return null;
  const itemtype = element.getAttribute('itemtype');
  return {
    className: element.getAttribute('class') ?? '',
    id: element.getAttribute('id') ?? '',
    dated: element.hasAttribute('datetime'),
    declared: (itemtype !== null && C.declared.itemtype.test(itemtype)) || element.getAttribute('role') === 'comment',
  };
}

/**
 * A "recent comments" or "most discussed" widget, or a list in a sidebar, shows comments of other
 * pages. An `aside` may also hold the page's own comment section beside the article (a
 * `comments_section`): one named as a whole comment section is not a sidebar list.
 */
function isSidebarList(element: Element, className: string, id: string): boolean {
  const name = `${className} ${id}`;
  if (C.sidebarWords.test(name) || (C.widgetWords.test(name) && !C.threadWidget.test(name))) return true;
  return element.closest(C.sidebarSelector) !== null && !A.commentSection.test(name);
}

function knownShape(areas: readonly Element[], itemSelector: string, body: RegExp, leadAuthor: CommentShape['leadAuthor']): CommentShape | null {
  const items = new Set(areas.flatMap((area) => [...area.querySelectorAll(itemSelector)]));
  if (items.size === 0) return null;
  return { items: [...items], isItem: (element) => items.has(element), body, leadAuthor };
}

/**
 * The shape of the items of a block: its tag and first class, or its id without numbers. A first
 * class generated by a CSS-in-JS library (`sc-bdVaJa`) names a base component that a comment, its
 * author line and its text may all share: then every class counts.
 */
function signature(element: Element): string {
  const classes = (element.getAttribute('class') ?? '').trim().split(/\s+/);
  const firstClass = classes[0] ?? '';
  if (C.generatedClass.test(firstClass)) return `${element.localName}.${classes.join('.')}`;
  if (firstClass) return `${element.localName}.${firstClass}`;
  const id = (element.getAttribute('id') ?? '').replace(/\d+/g, '');
  return id ? `${element.localName}#${id}` : '';
}

/**
 * In each named area, the group of same-shaped blocks that most often hold an author and a text;
 * the comments of the best group over all areas.
 */
function* genericComments(areas: readonly Element[]): Generator<void, FoundComment[]> {
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
      if (best && !canBeat(best, members)) continue;
      const memberSet = new Set(members);
      const shape: CommentShape = { items: members, isItem: (element) => memberSet.has(element), body: C.bodyWords, leadAuthor: 'any' };
      // A list of links that name commenters ("Ann on Post title", a blog's recent-comments widget) is no thread.
      const holders = threadHolders(members, memberSet);
      const comments = (yield* readEach(members, shape)).filter(
        (comment) => saysSomething(comment) && linkShare(comment) <= C.timedMaxLinkShare && (comment.author || !holders.has(comment.root)),
      );
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
 * Whether a group could still win over the best so far: at most every member is a comment that
 * names its author, and a tie goes to the group that holds the best's comments. Reading a group
 * costs as much as its comments' text, so a page of 2,000 comments whose header and body blocks
 * form groups as large as the comments' own no longer reads all three (bench:page, large page).
 */
function canBeat(best: { comments: FoundComment[]; score: number }, members: readonly Element[]): boolean {
  const most = 2 * members.length;
  if (most !== best.score) return most > best.score;
  const firstOfBest = best.comments[0]?.root;
  return firstOfBest !== undefined && members.some((member) => member.contains(firstOfBest));
}

/** Each member read as a comment, pausing after each. */
function* readEach(members: readonly Element[], shape: CommentShape): Generator<void, FoundComment[]> {
  const comments: FoundComment[] = [];
  for (const member of members) {
    comments.push(readComment(member, shape));
    yield;
  }
  return comments;
}

/**
 * The blocks of a group that hold two or more of the others: when such a block names no author it
 * is their container (a `div.content` around the thread), not a comment. Each member's ancestors
 * are walked once, instead of asking every block about every other (quadratic in the thread).
 */
function threadHolders(members: readonly Element[], memberSet: ReadonlySet<Element>): Set<Element> {
  const held = new Map<Element, number>();
  const holders = new Set<Element>();
  for (const member of members) {
    for (let node = member.parentElement; node; node = node.parentElement) {
      if (!memberSet.has(node)) continue;
      const count = (held.get(node) ?? 0) + 1;
      held.set(node, count);
      if (count >= 2) holders.add(node);
    }
  }
  return holders;
}

/**
 * A block that is a comment on its own: its class names one, it carries a date or names its
 * author (a single entry whose date is a bare permalink), and it holds no form control (a comment
 * form, a sort menu or a login prompt is named like a comment too).
 */
function isLoneComment(member: Element): boolean {
  const name = signature(member);
  if (!C.containerWords.test(name) || C.areaWords.test(name.slice(member.localName.length)) || member.querySelector(C.formControlSelector)) return false;
  for (const part of member.getElementsByTagName('*')) {
    if (isDate(part) || isAuthorLike(part) || part.localName === 'cite') return true;
  }
  return false;
}

/** A time element, an element with a `datetime`, or one whose class says it is a date. */
function isDate(element: Element): boolean {
  return element.localName === 'time' || (element.hasAttributes() && (element.hasAttribute('datetime') || C.dateWords.test(element.getAttribute('class') ?? '')));
}

/** class and id with camel-case words set apart (`commentMeta` → `comment Meta`), for the word patterns. */
function nameWords(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.replace(CAMEL_HUMP, '$1 $2');
}

/** The class alone, camel-case words set apart. */
function classWords(element: Element): string {
  return (element.getAttribute('class') ?? '').replace(CAMEL_HUMP, '$1 $2');
}
const CAMEL_HUMP = /([a-z])([A-Z])/g;

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
  return C.minimalText.test(comment.text) && !isLabelText(comment.text, false);
}

/**
 * Whether a text is only an action's label ("Reply", "Load more comments"), a vote count ("27
 * points") or, unless told otherwise, only a date. Such labels are short: a longer text is let go
 * after a few dozen of its characters, not collapsed whole (each comment's text, and every block
 * of it, is asked).
 */
function isLabelText(text: string | null, orDate = true): boolean {
  if (!text || !isShort(text, C.maxLabelLength)) return false;
  const collapsed = collapse(text);
  return C.actionText.test(collapsed) || C.scoreText.test(collapsed) || (orDate && C.dateOnlyText.test(collapsed));
}

/** Whether a text has at most `max` characters besides white space; it stops counting there. */
function isShort(text: string, max: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 160 && ++count > max) return false;
  }
  return true;
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
    // A date is never text, however it is named ("commentDate" too).
    if (C.dateWords.test(element.getAttribute('class') ?? '')) return true;
    const words = nameWords(element);
    if (C.chromeWords.test(words)) return !isTruncatedText(element, words);
  }
  const name = element.localName;
  if (name !== 'a' && name !== 'span' && name !== 'li' && name !== 'div') return false;
  return isLabelText(element.textContent);
}

/** A "read more" wrapper around the comment's own words (`js-read-more`), not the toggle itself. */
function isTruncatedText(element: Element, words: string): boolean {
  return C.truncatedWords.test(words) && collapse(element.textContent).length >= C.minTruncatedText;
}

/** The name in an author element, without the time, permalink or separators set beside it. */
function authorName(element: Element): string {
  const { text } = mapText(
    element,
    (inner) =>
      inner !== element &&
      (C.chromeTags.has(inner.localName) || inner.querySelector('time') !== null || (inner.localName === 'a' && isLabelText(inner.textContent, false))),
  );
  const name = collapse(text).replace(C.nameSeparators, '');
  return C.nameLetter.test(name) ? name : '';
}

/** The parts of a comment found in one walk over it, replies left out. */
interface CommentParts {
  authors: Element[];
  /** Parts named as the text: the shape's own body class first, then the generic words. */
  bodies: Element[];
  fallbackBodies: Element[];
  /** The first bold, cited or linked line that has letters, and the block it was found in. */
  lead: Element | null;
  leadScope: Element;
  /** The first date of the comment. */
  date: Element | null;
}

function comb(item: Element, shape: CommentShape): CommentParts {
  const parts: CommentParts = { authors: [], bodies: [], fallbackBodies: [], lead: null, leadScope: item, date: null };
  // A `dl` thread: the `dt` before a `dd` is its header (author and date), the `dd` its text.
  const term = item.localName === 'dd' && item.previousElementSibling?.localName === 'dt' ? item.previousElementSibling : null;
  if (term) combHeader(term, parts);
  walkTree(item, (node) => {
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    // A form (the reply box, "Your name", "Comment *") holds neither the author nor the text.
    if (shape.isItem(element) || isSkippedElement(element) || element.localName === 'form') return false;
    noteHeaderPart(element, item, parts);
    const className = element.getAttribute('class') ?? '';
    // A date can carry a text-ish class too ("datetime secondary-text"): it is never the body.
    const chrome = C.dateWords.test(className);
    if (chrome || !element.hasAttributes()) return true;
    // schema.org's `text` of a Comment is its body, whatever the class says.
    if (element.getAttribute('itemprop') === 'text') parts.bodies.unshift(element);
    // By class alone: ids number their items (`bb_message_3901146` names a reply, not a text).
    const words = classWords(element);
    if (shape.body.test(words)) parts.bodies.push(element);
    else if (C.bodyWords.test(words)) parts.fallbackBodies.push(element);
    return true;
  });
  return parts;
}

function combHeader(header: Element, parts: CommentParts): void {
  walkTree(header, (node) => {
    if (node.nodeType !== ELEMENT_NODE || isSkippedElement(node as Element)) return false;
    noteHeaderPart(node as Element, header, parts);
    return true;
  });
}

function noteHeaderPart(element: Element, scope: Element, parts: CommentParts): void {
  if (isAuthorLike(element)) parts.authors.push(element);
  if (!parts.date && isDate(element)) parts.date = element;
  if (!parts.lead && C.leadAuthorTags.has(element.localName) && C.nameLetter.test(element.textContent ?? '')) {
    parts.lead = element;
    parts.leadScope = scope;
  }
}

/** The innermost author-like element with a short name; else, as the shape allows, a bold or cited first line (only a cite in WordPress) or the name beside the date. */
function pickAuthor(parts: CommentParts, shape: CommentShape): Element | null {
  let found: Element | null = null;
  for (const element of parts.authors) {
    const name = authorName(element);
    if (!name || name.length > C.maxAuthorLength) continue;
    if (found === null || found.contains(element)) found = element;
    else break;
  }
  if (found || !shape.leadAuthor) return found;
  if (shape.leadAuthor === 'cite') return parts.lead?.localName === 'cite' ? leadAuthor(parts) : null;
  return leadAuthor(parts) ?? besideDate(parts.date);
}

/**
 * A bold, cited or linked line that opens the comment names the author; so does a `cite` in its
 * header or meta line ("Comment by <cite>Ann</cite> on 7 May" under the text).
 */
function leadAuthor({ lead, leadScope: scope }: CommentParts): Element | null {
  if (!lead) return null;
  const name = collapse(lead.textContent);
  if (!name || name.length > C.maxAuthorLength || lead.querySelector('time')) return null;
  let inHeader = false;
  for (let node: Element | null = lead; node && node !== scope; node = node.parentElement) {
    // The author stands in the comment's header or meta line: those are chrome for the text, not for the name.
    if (node !== lead && node.hasAttributes() && C.authorPlaceWords.test(nameWords(node))) {
      inHeader = true;
      continue;
    }
    if (isChrome(node, null)) return null;
  }
  return (inHeader && lead.localName === 'cite') || collapse(scope.textContent).startsWith(name) ? lead : null;
}

/** The element just before the comment's date, when it holds a short name ("Ann · 7 May", "Ann schrieb: 7 May"). */
function besideDate(date: Element | null): Element | null {
  for (let sibling = date?.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (sibling.localName === 'br') continue;
    const name = authorName(sibling);
    if (!name || name.length > C.maxAuthorLength || isDate(sibling) || C.actionText.test(name) || sibling.querySelector('img, svg')) return null;
    return sibling;
  }
  return null;
}

/**
 * The line that holds both the author and the date and little else ("Ann wrote: 7 May"): the
 * comment's header, whatever its class says.
 */
function headerLine(item: Element, author: Element | null, date: Element | null): Element | null {
  if (!author || !date || !item.contains(author) || !item.contains(date)) return null;
  for (let node = author.parentElement; node && node !== item; node = node.parentElement) {
    if (!node.contains(date)) continue;
    const rest = collapse(node.textContent).length - collapse(author.textContent).length - collapse(date.textContent).length;
    return rest <= C.maxHeaderWords && !node.querySelector('p, blockquote') ? node : null;
  }
  return null;
}

function readComment(item: Element, shape: CommentShape): FoundComment {
  const parts = comb(item, shape);
  const authorElement = pickAuthor(parts, shape);
  const author = authorElement ? authorName(authorElement) : '';
  const header = headerLine(item, authorElement, parts.date);
  const read = (body: Element): FoundComment => ({
    ...withoutSaysLine(
      mapText(body, (element) =>
        element !== body &&
        (element === header || shape.isItem(element) || C.repliesWords.test(element.getAttribute('class') ?? '') || isChrome(element, authorElement)),
      ),
    ),
    author,
    root: item,
    authorElement,
  });
  // A class that says "text" can be a layout utility (`text-right` around the reply button): the
  // body is the first part so named that says something, else the whole item.
  for (const body of [...parts.bodies, ...parts.fallbackBodies]) {
    const comment = read(body);
    if (saysSomething(comment)) return comment;
  }
  return read(item);
}

/**
 * A text whose first line only says that someone speaks ("sagt:", "says:", "a écrit :") or only
 * separates ("|"): what is left between the author's name and the date when the header has no
 * element of its own (`<strong>Ann</strong> sagt:<br><time>…</time><br>text`,
 * `<cite>Ann</cite> | <small>date</small><p>text`). That line is not the comment's text.
 */
function withoutSaysLine(mapped: MappedText): MappedText {
  const cut = C.saysLine.exec(mapped.text)?.[0].length ?? 0;
  if (cut === 0 || cut === mapped.text.length) return mapped;
  return {
    text: mapped.text.slice(cut),
    segments: mapped.segments.filter((segment) => segment.start >= cut).map((segment) => ({ ...segment, start: segment.start - cut })),
  };
}
