import { type DocumentBox, type NearViewport, createNearViewport } from './near-viewport';
import { type OwnHost, createOwnHost } from './own-host';

/**
 * A compact marker beside the author of each flagged comment, listing its flags. Markers float
 * in one overlay (`plainsight-markers`, a closed shadow root the page can neither read nor
 * rewrite, put back if the page removes it; see `createOwnHost`) positioned over the page rather
 * than inserted into it, so the page's own DOM never changes; they follow layout changes. The
 * layer is laid out apart from the page (`contain`), so moving a marker never lays out the page.
 */
export interface Marker {
  anchor: Element;
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

  const moveTo = (element: HTMLElement, box: DocumentBox | undefined) => {
    if (!box) return void (element.hidden = true);
    element.hidden = false;
    element.style.left = `${box.right + 6}px`;
    element.style.top = `${box.top}px`;
  };
  // Where the anchors stand is read in one batch and written after (see `createNearViewport`):
  // reading a place after moving a marker would force a layout per marker. On a page with many
  // flagged comments only the markers near the viewport are made and shown: laying out a thousand
  // at once held Chromium's main thread for over 100 ms.
  const place = (near: Element[], left: Element[]) => {
    for (const anchor of left) for (const element of byAnchor.get(anchor)?.elements ?? []) element.hidden = true;
    for (const anchor of near) for (const element of elementsOf(anchor)) moveTo(element, anchors?.box(anchor));
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
