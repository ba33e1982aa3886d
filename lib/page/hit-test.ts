import type { MappedText, TextSegment } from './types';

/**
 * From a point on the screen back to a text offset: which mapped text and which character lie
 * under the pointer (or the caret). Built once per paint; a lookup is a map read and a short scan.
 */
export interface TextPoint {
  mapped: MappedText;
  offset: number;
}

export interface HitTester {
  add(mapped: MappedText): void;
  atNode(node: Node, offset: number): TextPoint | null;
  atPoint(x: number, y: number): TextPoint | null;
  clear(): void;
}

export function createHitTester(doc: Document): HitTester {
  const byNode = new Map<Node, { mapped: MappedText; segment: TextSegment }[]>();
  // Texts are indexed at the first lookup, not when added: most pages are never pointed at.
  let pending: MappedText[] = [];
  const index = () => {
    for (const mapped of pending)
      for (const segment of mapped.segments) {
        const list = byNode.get(segment.node);
        if (list) list.push({ mapped, segment });
        else byNode.set(segment.node, [{ mapped, segment }]);
      }
    pending = [];
  };
  const atNode = (node: Node, offset: number): TextPoint | null => {
    if (pending.length > 0) index();
    for (const { mapped, segment } of byNode.get(node) ?? []) {
      if (offset >= segment.nodeOffset && offset < segment.nodeOffset + segment.length)
        return { mapped, offset: segment.start + offset - segment.nodeOffset };
    }
    return null;
  };
  return {
    add(mapped) {
      pending.push(mapped);
    },
    atNode,
    atPoint(x, y) {
      const caret = caretAt(doc, x, y);
      return caret ? atNode(caret.node, caret.offset) : null;
    },
    clear() {
      byNode.clear();
      pending = [];
    },
  };
}

/** `caretPositionFromPoint` (standard, Firefox) or `caretRangeFromPoint` (Chromium before 128). */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const position = (doc as Document & { caretPositionFromPoint?(x: number, y: number): CaretPosition | null }).caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = (doc as Document & { caretRangeFromPoint?(x: number, y: number): Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
