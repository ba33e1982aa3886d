import { isConfident } from '../engine/confidence';
import { CLAIM_INFO, COMMENT_FLAGS, SOURCING_LABELS, TECHNIQUES } from '../engine/categories';
import type { Annotation } from '../engine/types';
import {
  type AnnotateReply,
  type ContentMessage,
  type PageMessage,
  type StepDirection,
  annotateReplySchema,
  pageMessageSchema,
  parseMessage,
} from '../messages';
import type { Settings } from '../settings';
import { type DecodedResult, decodeResult } from '../wire';
import { observeAdditions } from './comment-observer';
import { type CommentMarkers, createCommentMarkers } from './comment-markers';
import { findArticle } from './find-article';
import { commentSearch, findComments } from './find-comments';
import { type Highlighter, createHighlighter } from './highlighter';
import { type HitTester, createHitTester } from './hit-test';
import { type CardContent, type HoverCard, confidenceWords, createHoverCard } from './hover-card';
import { type HoverIntent, createHoverIntent } from './hover-intent';
import { markStops, nextStop } from './mark-steps';
import { commentKeys, isAttached } from './re-render';
import { scrollToRange } from './scroll-to-range';
import { rangeFromBounds, rangeFromOffsets } from './text-map';
import type { FoundArticle, FoundComment, MappedText } from './types';

/**
 * The content script's work in one page or frame: find the article and comments, have them
 * annotated by the background worker, paint the result, show cards and markers, follow late
 * comments and settings. Nodes the page re-renders get their marks back, never twice; a site
 * switched back on is read afresh, as a new load would. It never lets an exception reach the
 * page, and `destroy()` removes every trace.
 */
export interface ContentBridge {
  send(message: ContentMessage): Promise<unknown>;
  listen(listener: (message: unknown) => void): () => void;
}

export interface ContentApp {
  destroy(): void;
}

/** One marked stretch the page shows: a claim, a technique or a flagged comment's cue. */
interface Item {
  id: string;
  /** Shown by default; the others only when the reader asks for every mark. */
  confident: boolean;
  /** The toggle and highlight name: `claim` (no named source), `claim-sourced`, a technique id, or `comment-<flag>`. */
  category: string;
  /** The rule that made it: a rule the reader found not useful is no longer shown. */
  ruleId: string;
  /** What the popup's "show me" flashes, when more than the marked words: a claim's whole sentence. */
  whole?: { start: number; end: number };
  mapped: MappedText;
  start: number;
  end: number;
  /** What the card says; worked out only when the card shows. */
  card(): CardContent;
}

interface CommentEntry {
  found: FoundComment;
  judged: DecodedResult['comments'][number];
}

/** How long one slice of painting may hold the page's main thread. */
const SLICE_MS = 8;
/** A pre-check slower than this says the page is long: the article search then waits a task. */
const PRECHECK_ALONE_MS = 2;
/** A page with more elements than this is long: the article search waits a task (see `start`). */
const LONG_PAGE_ELEMENTS = 3000;
/** Marks painted between two looks at the clock. */
const PAINT_CHUNK = 100;

/**
 * Starts the app on a page the content script's pre-check passed (`startWhenNeeded`), or in a
 * frame; `precheckMs` is how long that pre-check took.
 */
export function startContent(doc: Document, bridge: ContentBridge, isTopFrame: boolean, precheckMs = 0): ContentApp {
  const startedAt = performance.now() - precheckMs;
  const view = doc.defaultView!;
  const highlighter: Highlighter = createHighlighter(doc);
  const hits: HitTester = createHitTester(doc);
  const card: HoverCard = createHoverCard(doc, {
    onQuiet: (ruleId) => guard(() => quietRule(ruleId)),
    onPointer: (inside) => guard(() => hover.onCard(inside)),
  });
  const hover: HoverIntent<Item> = createHoverIntent<Item>(
    view,
    { show: (list, anchor) => card.show(list.map((i) => i.card()), anchor), hide: () => card.hide(), get shown() { return card.shown; } },
    guard,
  );
  const markers: CommentMarkers = createCommentMarkers(doc);
  const items: Item[] = [];
  const itemsByMapped = new Map<MappedText, Item[]>();
  /** The frame's comments by number; a batch's slots fill when its answer arrives. */
  const comments: CommentEntry[] = [];
  /** Where each numbered comment was last read; a re-render moves it to new nodes. */
  const latest: FoundComment[] = [];
  /** Comment numbers by identity (see `commentKeys`): a re-rendered comment is never sent twice. */
  const numbers = new Map<string, number>();
  let article: FoundArticle | null = null;
  let settings: Settings | null = null;
  let active = false;
  let watcher: { disconnect(): void } | null = null;
  let destroyed = false;
  /** Bumped whenever the marks are cleared, so a paint still under way stops. */
  let generation = 0;
  /** Bumped whenever the page is read afresh, so answers to an earlier reading are dropped. */
  let epoch = 0;
  let answered = false;
  const stale = (readIn: number) => destroyed || readIn !== epoch;
  const stopListening = bridge.listen((raw) => guard(() => onMessage(raw)));
  const abort = new AbortController();

  function guard(work: () => unknown): void {
    try {
      const result = work();
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  }

  function report(error: unknown): void {
    console.warn('[plainsight]', error instanceof Error ? error.message : error);
  }

  async function start(): Promise<void> {
    const readIn = epoch;
    let taskStart = performance.now();
    // Between steps the page gets its turn, once a step has held the main thread for a slice.
    const breathe = async () => {
      if (performance.now() - taskStart <= SLICE_MS) return;
      await yieldToPage();
      taskStart = performance.now();
    };
    if (isTopFrame) {
      // On a long page the article is looked for in a task of its own: evaluating this script, the
      // pre-check and the search together held the main thread for over 50 ms. A quick pre-check
      // does not say the page is short (an `<article>` answers it at once): its size does. (Loading
      // the app is not counted: Chromium fetches and parses it off the page's main thread.)
      if (performance.now() - startedAt > PRECHECK_ALONE_MS || doc.getElementsByTagName('*').length > LONG_PAGE_ELEMENTS) {
        await yieldToPage();
        taskStart = performance.now();
        if (stale(readIn)) return;
      }
      article = findArticle(doc);
      if (!article) return;
      await breathe();
      if (stale(readIn)) return;
    }
    // Watch before the comments are read: the search gives the page its turn between slices, and
    // comments added meanwhile must not be missed (nor those already found be sent twice). What
    // arrives during the search is looked at once it is over.
    let searching = true;
    let lateWhileSearching = false;
    watcher = observeAdditions(doc.body ?? doc.documentElement, () =>
      searching ? (lateWhileSearching = true) : guard(onLateContent),
    );
    // One message for the article and its comments: sending the article ahead on its own made
    // the large page slower by 0.4 s (bench:page), the worker and the page competing for cores.
    const search = commentSearch(doc, article);
    let step = search.next();
    for (; !step.done; step = search.next()) {
      if (performance.now() - taskStart <= SLICE_MS) continue;
      await yieldToPage();
      if (stale(readIn)) return;
      taskStart = performance.now();
    }
    const found = step.value;
    performance.mark('plainsight-found');
    sortComments(found);
    searching = false;
    if (lateWhileSearching) guard(onLateContent);
    await breathe();
    if (stale(readIn) || (!article && found.length === 0)) return;
    await annotate(article, found, 0);
    if (!stale(readIn)) performance.mark('plainsight-painted');
  }

  /**
   * Numbers the comments not seen before and returns them; those seen before whose nodes the page
   * replaced have their marks moved onto the new ones (`moved`).
   */
  function sortComments(found: readonly FoundComment[]): { fresh: FoundComment[]; moved: boolean } {
    const keys = commentKeys(found);
    const fresh: FoundComment[] = [];
    let moved = false;
    found.forEach((comment, i) => {
      const number = numbers.get(keys[i]!);
      if (number === undefined) {
        numbers.set(keys[i]!, latest.length);
        latest.push(comment);
        fresh.push(comment);
      } else if (!isAttached(latest[number]!)) {
        moveItems(latest[number]!, comment);
        latest[number] = comment;
        if (comments[number]) comments[number].found = comment;
        moved = true;
      }
    });
    return { fresh, moved };
  }

  /** Sends text to be annotated and paints the answer; comments are numbered in the order sent. */
  async function annotate(found: FoundArticle | null, newComments: FoundComment[], firstComment: number): Promise<void> {
    const readIn = epoch;
    const answer = bridge.send({
      type: 'annotate',
      article: found && { title: found.title, text: found.text, lang: doc.documentElement?.lang ?? '' },
      comments: newComments.map((c) => ({ author: c.author, text: c.text })),
      firstComment,
    });
    annotateReplySchema(); // built while the worker works, not after it answers
    const raw = await answer;
    if (stale(readIn)) return;
    performance.mark('plainsight-answered');
    const startedIn = generation;
    const parsed = parseMessage(annotateReplySchema(), raw);
    if (!parsed.ok) throw new Error(parsed.error);
    const reply: AnnotateReply = parsed.message;
    if (!reply.ok) throw new Error(reply.error);
    settings = reply.settings;
    active = reply.active;
    answered = true;
    if (!reply.result) return;
    const result = decodeResult(reply.result);
    if (result.comments.length !== newComments.length) throw new Error('the answer does not match the comments sent');
    const before = new Set(itemsByMapped.keys());
    // What was sent may have been re-rendered while the worker worked: marks go where it is now.
    if (found && article && result.article) addArticleItems(article, result.article);
    const entries = result.comments.map((judged, j) => ({ found: latest[firstComment + j] ?? newComments[j]!, judged }));
    entries.forEach((entry, j) => {
      comments[firstComment + j] = entry;
      addCommentItems(entry, firstComment + j);
    });
    if (active) await paint([...itemsByMapped].filter(([mapped]) => !before.has(mapped)), entries, startedIn);
  }

  /** Comments added, or nodes the page re-rendered: new comments are sent, marks of re-rendered text move. */
  async function onLateContent(): Promise<void> {
    let moved = false;
    if (article && !isAttached(article)) {
      const next = findArticle(doc);
      if (next?.text !== article.text) return restart();
      moveItems(article, next);
      article = next;
      moved = true;
    }
    const firstComment = latest.length;
    const sorted = sortComments(findComments(doc, article));
    if (moved || sorted.moved) reanchored();
    if (sorted.fresh.length > 0) await annotate(null, sorted.fresh, firstComment);
  }

  function moveItems(from: MappedText, to: MappedText): void {
    const list = itemsByMapped.get(from);
    if (!list) return;
    for (const item of list) item.mapped = to;
    itemsByMapped.delete(from);
    itemsByMapped.set(to, list);
  }

  /** After marks moved to new nodes: the hit tester reads the new ones, and everything is painted again. */
  function reanchored(): void {
    hits.clear();
    for (const mapped of itemsByMapped.keys()) hits.add(mapped);
    repaint();
  }

  /** Reads the page afresh, as a new load would: a site switched back on, an article replaced in place. */
  function restart(): void {
    epoch++;
    clear();
    watcher?.disconnect();
    watcher = null;
    items.length = 0;
    itemsByMapped.clear();
    comments.length = 0;
    latest.length = 0;
    numbers.clear();
    hits.clear();
    article = null;
    answered = false;
    guard(start);
  }

  function addArticleItems(found: FoundArticle, annotations: readonly Annotation[]): void {
    annotations.forEach((a, i) => addItem({ id: `a${i}`, ...itemOf(a, found) }));
  }

  function addCommentItems({ found, judged }: CommentEntry, index: number): void {
    for (const f of judged.flags)
      addItem({
        id: `c${index}`,
        confident: isConfident(f),
        category: `comment-${f.category}`,
        ruleId: f.ruleId,
        mapped: found,
        start: f.start,
        end: f.end,
        card: () => ({
          label: `Comment flag: ${COMMENT_FLAGS[f.category].label}`,
          cue: quote(found.text.slice(f.start, f.end)),
          explanation: f.explanation,
          confidence: `Plainsight is ${confidenceWords(f.confidence)}`,
          ruleId: f.ruleId,
        }),
      });
    // Flags first: the popup's "show me" for a flagged comment reveals its flag, not a technique in it.
    for (const a of judged.annotations) addItem({ id: `c${index}`, ...itemOf(a, found) });
  }

  function addItem(item: Item): void {
    items.push(item);
    const list = itemsByMapped.get(item.mapped);
    if (list) list.push(item);
    else {
      itemsByMapped.set(item.mapped, [item]);
      hits.add(item.mapped);
    }
  }

  const enabled = (category: string) => !settings?.disabledCategories.includes(category as never);
  const quiet = (ruleId: string) => settings?.quietRules.includes(ruleId) ?? false;
  const shown = (item: Item) => enabled(item.category) && (item.confident || settings?.marks === 'all') && !quiet(item.ruleId);

  function clear(): void {
    generation++;
    highlighter.removeAll();
    markers.removeAll();
    hover.close();
    stop = null;
  }

  function repaint(): void {
    clear();
    if (active) void paint([...itemsByMapped], comments, generation).catch(report);
    // Switched off: not a trace of us stays on the page.
    else card.destroy();
  }

  /** "Not useful" on a card: the rule's marks go at once here, and the worker remembers it for every page. */
  function quietRule(ruleId: string): void {
    if (!settings || quiet(ruleId)) return;
    settings = { ...settings, quietRules: [...settings.quietRules, ruleId] };
    repaint();
    card.announce('Plainsight will no longer show marks of this kind. The popup can restore them.');
    void bridge.send({ type: 'quiet-rule', ruleId }).catch(report);
  }

  /**
   * Builds the marks' ranges in slices of a few milliseconds, yielding to the page between them so
   * a page with thousands of marks never blocks it for long, then hands them to the registry in one
   * go (see `createHighlighter`).
   */
  async function paint(lists: [MappedText, Item[]][], entries: readonly CommentEntry[], startedIn: number): Promise<void> {
    let sliceStart = performance.now();
    for (const [mapped, list] of lists) {
      // In reading order: the highlighter finds a long paragraph's marks on screen by bisection.
      // (A claim is marked on its last words, so the engine's order by claim start is not quite it.)
      const visible = list.filter(shown).sort((x, y) => x.start - y.start);
      // A long article holds thousands of marks: its text is painted a chunk at a time too.
      for (let from = 0; from < visible.length; from += PAINT_CHUNK) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (startedIn !== generation || destroyed) return;
          sliceStart = performance.now();
        }
        const chunk = visible.length <= PAINT_CHUNK ? visible : visible.slice(from, from + PAINT_CHUNK);
        highlighter.stage(mapped, chunk);
      }
    }
    highlighter.commit();
    markers.add(entries.flatMap((entry) => markerFor(entry)));
  }

  function markerFor({ found }: CommentEntry) {
    const flagItems = (itemsByMapped.get(found) ?? []).filter((i) => isFlag(i) && shown(i));
    const flags = [...new Set(flagItems.map((i) => i.category.slice('comment-'.length) as keyof typeof COMMENT_FLAGS))];
    if (flags.length === 0) return [];
    const labels = flags.map((f) => COMMENT_FLAGS[f].label);
    return [
      {
        anchor: found.authorElement ?? found.root,
        beside: found.authorElement !== null,
        flags: labels,
        onFocus: (element: HTMLElement) => guard(() => hover.showNow(flagItems, element.getBoundingClientRect())),
        onBlur: () => guard(hover.leave),
      },
    ];
  }

  /**
   * Gives the page its turn: `scheduler.yield()` where the browser has it, else a message to our
   * own channel. Chained timeouts would be held back 4 ms each once nested, which adds up over the
   * slices of a long paint.
   */
  let channel: MessageChannel | null = null;
  const waiting: (() => void)[] = [];
  function yieldToPage(): Promise<void> {
    const scheduler = (view as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (scheduler?.yield) return scheduler.yield();
    if (!channel && typeof MessageChannel === 'function') {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    return new Promise((resolve) => {
      if (!channel) return void view.setTimeout(resolve, 0);
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
  }

  /** Every shown mark at a point of a text, comment flags first: the card lists them all. */
  function itemsAt(mapped: MappedText, offset: number): Item[] {
    const here = (itemsByMapped.get(mapped) ?? []).filter((i) => shown(i) && i.start <= offset && offset < i.end);
    return here.sort((a, b) => Number(isFlag(b)) - Number(isFlag(a)));
  }

  function onPointerAt(x: number, y: number): void {
    const point = hits.atPoint(x, y);
    hover.pointerAt(point ? itemsAt(point.mapped, point.offset) : [], () => new view.DOMRect(x, y, 0, 16));
  }

  function showCardAt(node: Node | null, offset: number, rect: () => DOMRect | null): void {
    if (!active || !node) return;
    const point = hits.atNode(node, offset);
    const list = point ? itemsAt(point.mapped, point.offset) : [];
    const anchor = list.length > 0 ? rect() : null;
    if (anchor) hover.showNow(list, anchor);
    else if (!hover.pointerOnCard) hover.close();
  }

  let pointerFrame = 0;
  view.addEventListener(
    'mousemove',
    (event) => {
      if (!active || items.length === 0 || pointerFrame) return;
      const { clientX: x, clientY: y } = event;
      pointerFrame = view.requestAnimationFrame(() =>
        guard(() => {
          pointerFrame = 0;
          onPointerAt(x, y);
        }),
      );
    },
    { passive: true, signal: abort.signal },
  );
  doc.addEventListener(
    'selectionchange',
    () =>
      guard(() => {
        const selection = doc.getSelection();
        if (!selection || !selection.isCollapsed || selection.rangeCount === 0) return;
        const range = selection.getRangeAt(0);
        showCardAt(range.startContainer, range.startOffset, () => range.getBoundingClientRect());
      }),
    { signal: abort.signal },
  );
  view.addEventListener('keydown', (event) => event.key === 'Escape' && guard(hover.close), { signal: abort.signal });

  function onMessage(raw: unknown): void {
    const parsed = parseMessage(pageMessageSchema(), raw);
    if (!parsed.ok) return report(parsed.error);
    const message: PageMessage = parsed.message;
    if (message.type === 'apply-settings') {
      settings = message.settings;
      const wasActive = active;
      active = message.active;
      // Switched back on: whatever happened meanwhile (comments that came, a page loaded while off), read it all again.
      if (active && !wasActive && answered) return restart();
      repaint();
    } else if (message.type === 'reveal') reveal(message.itemId);
    else if (message.type === 'step-mark') step(message.direction);
  }

  /** Where the keyboard last stopped. */
  let stop: { mapped: MappedText; start: number } | null = null;

  /**
   * The reader's shortcut: scrolls to the next (or previous) place with shown marks, flashes it,
   * shows its card and says it to screen readers. Places are ordered as the page reads.
   */
  function step(direction: StepDirection): void {
    if (!active) return;
    const stops = markStops([...itemsByMapped].map(([mapped, list]) => [mapped, list.filter(shown)] as [MappedText, Item[]]));
    if (stops.length === 0) return card.announce('Plainsight shows no marks on this page.');
    const next = nextStop(stops, stop, direction, view.innerHeight, doc);
    const target = stops[next]!;
    const range = rangeFromBounds(target.bounds, doc);
    if (!range) return;
    stop = { mapped: target.mapped, start: target.start };
    scrollToRange(range, view);
    highlighter.flash(range);
    const list = itemsAt(target.mapped, target.start);
    hover.showNow(list, range.getBoundingClientRect());
    const names = list.map((i) => i.card().label).join('; ');
    card.announce(`Mark ${next + 1} of ${stops.length}: ${names}. ${list[0]?.card().cue ?? ''}`);
  }

  function reveal(id: string): void {
    const item = items.find((i) => i.id === id && shown(i));
    const range = item && rangeFromOffsets(item.mapped, item.whole?.start ?? item.start, item.whole?.end ?? item.end, doc);
    if (!item || !range) return;
    scrollToRange(range, view);
    highlighter.flash(range);
    view.requestAnimationFrame(() => guard(() => hover.showNow(itemsAt(item.mapped, item.start), range.getBoundingClientRect())));
  }

  guard(start);

  return {
    destroy() {
      destroyed = true;
      abort.abort();
      channel?.port1.close();
      stopListening();
      watcher?.disconnect();
      clear();
      card.destroy();
      hits.clear();
    },
  };
}

/**
 * A mark as the page shows it. A claim is marked on its source, its figure or its last word, not
 * across its sentence, so a page of reporting does not turn blue; the card quotes it whole.
 */
function itemOf(a: Annotation, found: FoundArticle | FoundComment): Omit<Item, 'id'> {
  const base = { confident: isConfident(a), category: a.category, ruleId: a.ruleId, mapped: found, card: () => cardOf(a, found.text) };
  if (a.kind !== 'claim') return { ...base, start: a.start, end: a.end };
  // A claim that names its source is a toggle and a quieter highlight of its own.
  const category = a.sourcing === 'attributed' ? 'claim-sourced' : 'claim';
  return { ...base, category, start: a.shown.start, end: a.shown.end, whole: { start: a.start, end: a.end } };
}

/** What to look for, by a claim's sourcing. */
const SOURCING_ADVICE: Record<keyof typeof SOURCING_LABELS, string> = {
  none: 'no source named: look for one before repeating it',
  vague: 'the source is only gestured at: look for who said it',
  attributed: 'check that the source said it',
};

function cardOf(a: Annotation, text: string): CardContent {
  const common = { explanation: a.explanation, confidence: `Plainsight is ${confidenceWords(a.confidence)}`, ruleId: a.ruleId };
  if (a.kind === 'claim') {
    const cue = quote(text.slice(a.shown.start, a.shown.end));
    const claim = quote(text.slice(a.start, a.end), 400);
    return {
      label: CLAIM_INFO.label,
      cue,
      ...(claim !== cue && { claim }),
      sourcing: `${capitalise(SOURCING_LABELS[a.sourcing])} — ${SOURCING_ADVICE[a.sourcing]}`,
      ...common,
    };
  }
  const label = `Persuasion technique: ${TECHNIQUES[a.category].label}` + ('quoted' in a && a.quoted ? ' (in a quotation)' : '');
  return { label, cue: quote(text.slice(a.start, a.end)), ...common };
}

const isFlag = (item: Item) => item.category.startsWith('comment-');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function quote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}
