/**
 * The one bridge between text offsets and the DOM: reads the text of a subtree as a browser
 * renders it (whitespace collapsed, blocks on their own lines) while remembering where every
 * character came from, and turns offsets in that text back into `Range`s.
 */
import { TEXT_HEURISTICS } from './heuristics';
import type { MappedText, TextSegment } from './types';
import { walkTree } from './walk-tree';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const BLOCK_SEPARATOR = '\n\n';
const WHITESPACE_RUN = /[ \t\n\r\f]+/g;
/** Whitespace that rendering would change inside a stretch of words. */
const MUST_COLLAPSE = /[\t\n\r\f]| {2}/;
const isCollapsible = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 12;

/** Whether an element is hidden by its own markup; shared by every finder so they agree. */
export function isHiddenElement(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && TEXT_HEURISTICS.hiddenStyle.test(style);
}

/** Whether an element's content never reaches the rendered text (scripts, controls, hidden). */
export function isSkippedElement(element: Element): boolean {
  return TEXT_HEURISTICS.skippedTags.has(element.localName) || isHiddenElement(element);
}

/** Whether an element starts and ends a block of text. */
export function isBlockElement(element: Element): boolean {
  return TEXT_HEURISTICS.blockTags.has(element.localName);
}

interface BlockContext {
  block: Node;
  preformatted: boolean;
}

/**
 * Reads the rendered text of `roots` (in order, each starting a new block), leaving out skipped
 * and hidden elements and every element for which `exclude` returns true.
 */
export function mapText(roots: Node | readonly Node[], exclude?: (element: Element) => boolean): MappedText {
  const builder = new TextBuilder();
  for (const root of Array.isArray(roots) ? (roots as readonly Node[]) : [roots as Node]) {
    builder.breakBlock();
    walk(root, builder, exclude);
  }
  return builder.finish();
}

function walk(root: Node, builder: TextBuilder, exclude?: (element: Element) => boolean): void {
  const start = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
  if (!start) return;
  if (start.nodeType === ELEMENT_NODE && isExcluded(start as Element, exclude)) return;
  let context: BlockContext = {
    block: start,
    preformatted: start.nodeType === ELEMENT_NODE && TEXT_HEURISTICS.preformattedTags.has((start as Element).localName),
  };
  if (start.nodeType === TEXT_NODE) {
    builder.addText(start as Text, context);
    return;
  }
  const outer: BlockContext[] = [];
  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) builder.addText(node as Text, context);
    if (node.nodeType !== ELEMENT_NODE) return false;
    const element = node as Element;
    const name = element.localName;
    if (isExcluded(element, exclude)) {
      if (isBlockElement(element)) builder.breakBlock();
      return false;
    }
    if (name === 'br' || name === 'hr') {
      builder.breakBlock();
      return false;
    }
    const block = isBlockElement(element);
    const preformatted = TEXT_HEURISTICS.preformattedTags.has(name);
    outer.push(context);
    if (block || preformatted) context = { block: block ? element : context.block, preformatted: preformatted || context.preformatted };
    return true;
  };
  walkTree(start, enter, () => (context = outer.pop()!));
}

function isExcluded(element: Element, exclude?: (element: Element) => boolean): boolean {
  return isSkippedElement(element) || (exclude !== undefined && exclude(element));
}

/** Accumulates text and segments; a pending space or block break is written only before more text. */
class TextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private length = 0;
  private pendingBreak = false;
  private pendingSpace = false;
  private spaceNode: Text | null = null;
  private spaceOffset = 0;
  private lastBlock: Node | null = null;

  breakBlock(): void {
    this.pendingBreak = true;
  }

  addText(node: Text, context: BlockContext): void {
    const data = node.data;
    if (data.length === 0) return;
    if (context.block !== this.lastBlock) {
      this.pendingBreak = true;
      this.lastBlock = context.block;
    }
    if (context.preformatted) {
      this.append(node, data, 0, data.length);
      return;
    }
    // Most text is words between single spaces, with whitespace at its ends: that middle is kept whole.
    let from = 0;
    let to = data.length;
    while (from < to && isCollapsible(data.charCodeAt(from))) from++;
    if (from > 0) this.space(node, data, 0);
    if (from === to) return;
    while (isCollapsible(data.charCodeAt(to - 1))) to--;
    if (!MUST_COLLAPSE.test(from === 0 && to === data.length ? data : data.slice(from, to))) this.append(node, data, from, to);
    else {
      WHITESPACE_RUN.lastIndex = from;
      for (let match = WHITESPACE_RUN.exec(data); match && match.index < to; match = WHITESPACE_RUN.exec(data)) {
        if (match.index > from) this.append(node, data, from, match.index);
        this.space(node, data, match.index);
        from = match.index + match[0].length;
      }
      if (from < to) this.append(node, data, from, to);
    }
    if (to < data.length) this.space(node, data, to);
  }

  /** A run of whitespace at `index` of the node: it becomes one space, kept where a real space stands. */
  private space(node: Text, data: string, index: number): void {
    const isSpace = data.charCodeAt(index) === 32;
    if (!this.pendingSpace || (this.spaceNode === null && isSpace)) {
      this.pendingSpace = true;
      this.spaceNode = isSpace ? node : null;
      this.spaceOffset = index;
    }
  }

  private append(node: Text, data: string, from: number, to: number): void {
    if (this.length > 0) {
      if (this.pendingBreak) {
        this.parts.push(BLOCK_SEPARATOR);
        this.length += BLOCK_SEPARATOR.length;
      } else if (this.pendingSpace) {
        this.parts.push(' ');
        if (this.spaceNode) this.addSegment(this.spaceNode, this.spaceOffset, 1);
        this.length += 1;
      }
    }
    this.pendingBreak = false;
    this.pendingSpace = false;
    this.spaceNode = null;
    this.parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    this.addSegment(node, from, to - from);
    this.length += to - from;
  }

  private addSegment(node: Text, nodeOffset: number, length: number): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.nodeOffset + last.length === nodeOffset && last.start + last.length === this.length) {
      last.length += length;
      return;
    }
    this.segments.push({ start: this.length, length, node, nodeOffset });
  }

  finish(): MappedText {
    return { text: this.parts.join(''), segments: this.segments };
  }
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentAtOrBefore(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((segments[middle] as TextSegment).start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Where the characters `[start, end)` of a mapped text stand in the DOM, as plain numbers: unlike
 * a live `Range`, holding thousands of these costs the page nothing. Chromium updates every live
 * `Range` of a document on every DOM change, so 30,000 of them held for the marks of a long page
 * doubled what each change of a busy page cost (bench:hostile).
 */
export interface RangeBounds {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/**
 * The DOM position of the characters `[start, end)` of a mapped text. A start that falls between
 * segments (a block break, a collapsed space) moves forward to the next character that has a
 * DOM position, an end moves back; null when no such character lies in the span.
 */
export function boundsFromOffsets(mapped: MappedText, start: number, end: number): RangeBounds | null {
  const { segments } = mapped;
  let first = segmentAtOrBefore(segments, start);
  let startSegment = segments[first];
  if (!startSegment || startSegment.start + startSegment.length <= start) {
    first += 1;
    startSegment = segments[first];
  }
  const last = segmentAtOrBefore(segments, end - 1);
  const endSegment = segments[last];
  if (!startSegment || !endSegment || last < first || end <= start) return null;
  return {
    startContainer: startSegment.node,
    startOffset: startSegment.nodeOffset + Math.max(0, start - startSegment.start),
    endContainer: endSegment.node,
    endOffset: endSegment.nodeOffset + Math.min(endSegment.length, end - endSegment.start),
  };
}

/**
 * A live `Range` over the bounds, or null when the page has since shortened their text (the
 * offsets no longer fit). `into` is set and returned instead of a new range when given.
 */
export function rangeFromBounds(bounds: RangeBounds, doc?: Document, into?: Range): Range | null {
  const range = into ?? (doc ?? (bounds.startContainer.ownerDocument as Document)).createRange();
  try {
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
  } catch {
    return null;
  }
  return range;
}

/** The `Range` over the characters `[start, end)` of a mapped text (see `boundsFromOffsets`). */
export function rangeFromOffsets(mapped: MappedText, start: number, end: number, doc?: Document): Range | null {
  const bounds = boundsFromOffsets(mapped, start, end);
  return bounds && rangeFromBounds(bounds, doc);
}

/** Whether `a` starts before (negative), with (0) or after (positive) `b`, in document order. */
export function compareStarts(a: RangeBounds, b: RangeBounds): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const position = a.startContainer.compareDocumentPosition(b.startContainer);
  if (position & 4 /* Node.DOCUMENT_POSITION_FOLLOWING */) return -1;
  return position & 2 /* Node.DOCUMENT_POSITION_PRECEDING */ ? 1 : 0;
}

/**
 * The text offsets of a `Range` whose boundaries lie in mapped text nodes (a selection, a
 * highlight read back), or null when a boundary lies outside the mapped text.
 */
export function offsetsFromRange(mapped: MappedText, range: Range): { start: number; end: number } | null {
  const start = offsetOf(mapped, range.startContainer, range.startOffset);
  const end = offsetOf(mapped, range.endContainer, range.endOffset);
  return start === null || end === null ? null : { start, end };
}

function offsetOf(mapped: MappedText, node: Node, offset: number): number | null {
  for (const segment of mapped.segments) {
    if (segment.node === node && offset >= segment.nodeOffset && offset <= segment.nodeOffset + segment.length) {
      return segment.start + offset - segment.nodeOffset;
    }
  }
  return null;
}
