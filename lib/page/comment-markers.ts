import { type DocumentBox, type NearViewport, createNearViewport } from './near-viewport';
import { type OwnHost, createOwnHost } from './own-host';

/**
 * A compact marker beside the author of each flagged comment, listing its flags; a comment that
 * names no author has it at its start, after the text of its first line. A marker is
 * never over the page's text and never off the page's width (an off-screen marker would still be a
 * Tab stop). Markers float
 * in one overlay (`plainsight-markers`, a closed shadow root the page can neither read nor
 * rewrite, put back if the page removes it; see `createOwnHost`) positioned over the page rather
 * than inserted into it, so the page's own DOM never changes; they follow layout changes. The
 * layer is laid out apart from the page (`contain`), so moving a marker never lays out the page.
 */
export interface Marker {
  /** The author's name, or the whole comment when it names none. */
  anchor: Element;
  /** True when `anchor` is the author's name: the marker goes on its line, else on the comment's first. */
  beside: boolean;
  flags: string[];
  /** Shown when the marker is focused or hovered. */
  onFocus(marker: HTMLElement): void;
  onBlur(): void;
}

export interface CommentMarkers {
  add(markers: readonly Marker[]): void;
  removeAll(): void;
}

const STYLE = `
:host { all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; contain: layout style size !important; }
.marker { position: absolute; z-index: 2147483646; transform: translateY(-2px); padding: 1px 6px;
  border-radius: 8px; background: #b91c1c; color: #fff; font: 600 11px/1.5 system-ui, sans-serif;
  white-space: nowrap; cursor: default; }
.marker:focus { outline: 2px solid #1d4ed8; outline-offset: 1px; }
`;

/** Up to this many flagged comments, every marker is shown; beyond it, those near the viewport. */
export const EAGER_MARKERS = 100;

interface Size {
  width: number;
  height: number;
}

/** Space between a marker and what it stands beside, and the least kept from the page's edges. */
const GAP = 6;
const EDGE = 4;

/**
 * Where an anchor's markers start, in document coordinates. `box` is a line of text (`onLine`: the
 * author's line, or a comment's first) or else the comment's box: right of the line's text when
 * the markers fit on the page's width, else in the margin left of it, else just above it. Always
 * within the page's width.
 */
export function spot(box: DocumentBox, onLine: boolean, sizes: readonly Size[], pageWidth: number): { left: number; top: number } {
  const width = sizes.reduce((sum, s) => sum + s.width, 0) + GAP * Math.max(0, sizes.length - 1);
  const height = Math.max(0, ...sizes.map((s) => s.height));
  const clamp = (x: number) => Math.max(EDGE, Math.min(x, pageWidth - width - EDGE));
  if (onLine && box.right + GAP + width <= pageWidth - EDGE) return { left: box.right + GAP, top: box.top };
  if (box.left - GAP - width >= EDGE) return { left: box.left - GAP - width, top: box.top };
  return { left: clamp(box.left), top: Math.max(0, box.top - height - 2) };
}

/** Text nodes looked at to find a line's end: a header line holds a handful. */
const LINE_NODES = 200;

/**
 * The line a marker stands on, in document coordinates, from its left to the end of the page's
 * text on it: the author's line (what follows the name, "says:" or a time, is the page's text too),
 * or, for a comment without author, its first line. Only text counts: a block's box spans the
 * whole width whether or not text fills it. Null when the comment shows no text.
 */
function textLine(marker: Pick<Marker, 'anchor' | 'beside'>): DocumentBox | null {
  const container = marker.beside ? marker.anchor.parentElement : marker.anchor;
  const doc = marker.anchor.ownerDocument;
  const view = doc.defaultView;
  if (!container || !view) return null;
  let line: DOMRect | null = marker.beside ? marker.anchor.getBoundingClientRect() : null;
  let right = line?.right ?? 0;
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  const range = doc.createRange();
  for (let node = walker.nextNode(), seen = 0; node && seen < LINE_NODES; node = walker.nextNode(), seen++) {
    if (!node.nodeValue?.trim()) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width === 0) continue;
      if (!line) {
        line = r;
        right = r.right;
      }
      if (r.top >= line.bottom) return documentBox(line, right, view);
      if (r.bottom > line.top + 1 && r.left >= line.left - 1) right = Math.max(right, r.right);
    }
  }
  return line && documentBox(line, right, view);
}

const documentBox = (line: DOMRect, right: number, view: Window): DocumentBox => ({
  top: line.top + view.scrollY,
  bottom: line.bottom + view.scrollY,
  left: line.left + view.scrollX,
  right: right + view.scrollX,
});

export function createCommentMarkers(doc: Document): CommentMarkers {
  let host: OwnHost | null = null;
  let layer: HTMLElement | null = null;
  const byElement = new Map<Element, Marker>();
  /** Each anchor's markers, and their elements once it has first come near the viewport. */
  const byAnchor = new Map<Element, { markers: Marker[]; elements: HTMLElement[] | null }>();
  let anchors: NearViewport | null = null;

  const makeElement = (marker: Marker): HTMLElement => {
    const element = doc.createElement('span');
    element.className = 'marker';
    element.tabIndex = 0;
    element.hidden = true; // until its place is known
    element.setAttribute('role', 'note');
    element.setAttribute('aria-label', `Plainsight flags this comment: ${marker.flags.join(', ')}`);
    element.textContent = `⚑ ${marker.flags.join(' · ')}`;
    byElement.set(element, marker);
    layer!.append(element);
    return element;
  };
  const elementsOf = (anchor: Element): HTMLElement[] => {
    const entry = byAnchor.get(anchor);
    if (!entry) return [];
    entry.elements ??= entry.markers.map(makeElement);
    return entry.elements;
  };

  /** Places an anchor's markers side by side, at sizes read beforehand (see `place`). */
  const moveTo = (elements: HTMLElement[], sizes: Size[], box: DocumentBox | undefined, onLine: boolean) => {
    if (!box) return void elements.forEach((element) => (element.hidden = true));
    const at = spot(box, onLine, sizes, doc.documentElement.clientWidth);
    let left = at.left;
    elements.forEach((element, i) => {
      element.style.left = `${left}px`;
      element.style.top = `${at.top}px`;
      left += sizes[i]!.width + GAP;
    });
  };
  // Where the anchors stand is read in one batch and written after (see `createNearViewport`):
  // reading a place after moving a marker would force a layout per marker. On a page with many
  // flagged comments only the markers near the viewport are made and shown: laying out a thousand
  // at once held Chromium's main thread for over 100 ms.
  // Markers are shown first and their sizes read in one go (the layer is laid out apart from the
  // page, so this is cheap), then placed.
  const place = (near: Element[], left: Element[]) => {
    for (const anchor of left) for (const element of byAnchor.get(anchor)?.elements ?? []) element.hidden = true;
    const groups = near.map((anchor) => ({ anchor, elements: elementsOf(anchor), box: anchors?.box(anchor) }));
    for (const group of groups) for (const element of group.elements) element.hidden = !group.box;
    const sizes = groups.map((group) => group.elements.map((element) => ({ width: element.offsetWidth, height: element.offsetHeight })));
    // The marker goes after whatever text stands on its line: the author's, or a comment's first.
    const lines = groups.map((group) => (group.box ? textLine(byAnchor.get(group.anchor)!.markers[0]!) : null));
    groups.forEach((group, i) => moveTo(group.elements, sizes[i]!, group.box && (lines[i] ?? group.box), lines[i] !== null));
  };
  const markerOf = (event: Event) => {
    const element = event.target as HTMLElement;
    const marker = byElement.get(element);
    return marker && { marker, element };
  };
  const show = (event: Event) => {
    const hit = markerOf(event);
    hit?.marker.onFocus(hit.element);
  };
  const hide = (event: Event) => markerOf(event)?.marker.onBlur();

  const build = () => {
    host = createOwnHost(doc, 'plainsight-markers', STYLE);
    layer = doc.createElement('div');
    // One listener of each kind for every marker.
    layer.addEventListener('focusin', show);
    layer.addEventListener('mouseover', show);
    layer.addEventListener('focusout', hide);
    layer.addEventListener('mouseout', hide);
    host.shadow.append(layer);
    anchors = createNearViewport(doc, place, () => byAnchor.size <= EAGER_MARKERS);
  };

  return {
    add(markers) {
      if (markers.length === 0) return;
      if (!host) build();
      const fresh: Element[] = [];
      for (const marker of markers) {
        const same = byAnchor.get(marker.anchor);
        if (same) {
          same.markers.push(marker);
          same.elements?.push(makeElement(marker));
        } else {
          byAnchor.set(marker.anchor, { markers: [marker], elements: null });
          fresh.push(marker.anchor);
        }
      }
      anchors!.track(fresh);
    },
    removeAll() {
      anchors?.disconnect();
      host?.remove();
      host = layer = anchors = null;
      byElement.clear();
      byAnchor.clear();
    },
  };
}
