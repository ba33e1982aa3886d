/**
 * A compact marker beside the author of each flagged comment, listing its flags. Markers float
 * in one overlay (`plainsight-markers`, a shadow root) positioned over the page rather
 * than inserted into it, so the page's own DOM never changes; they follow layout changes.
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
:host { all: initial; }
.marker { position: absolute; z-index: 2147483646; transform: translateY(-2px); padding: 1px 6px;
  border-radius: 8px; background: #b91c1c; color: #fff; font: 600 11px/1.5 system-ui, sans-serif;
  white-space: nowrap; cursor: default; }
.marker:focus { outline: 2px solid #1d4ed8; outline-offset: 1px; }
`;

export function createCommentMarkers(doc: Document): CommentMarkers {
  const view = doc.defaultView!;
  let host: HTMLElement | null = null;
  let layer: HTMLElement | null = null;
  const placed: { marker: Marker; element: HTMLElement }[] = [];
  const byElement = new Map<Element, Marker>();
  const byAnchor = new Map<Element, HTMLElement[]>();
  let resize: ResizeObserver | null = null;
  let watch: IntersectionObserver | null = null;
  let frame = 0;

  // The scroll position is read before any marker moves: reading it after a move would force a layout.
  const moveTo = (element: HTMLElement, rect: DOMRectReadOnly, scrollX: number, scrollY: number) => {
    element.hidden = rect.width === 0 && rect.height === 0;
    element.style.left = `${rect.right + scrollX + 6}px`;
    element.style.top = `${rect.top + scrollY}px`;
  };
  // Where the anchors stand comes from an IntersectionObserver, which measures them while the
  // browser lays the page out anyway: asking each anchor for its rectangle would force a layout
  // of the whole page from our script. Observing a target anew reports it once more.
  const measured = (entries: IntersectionObserverEntry[]) => {
    const { scrollX, scrollY } = view;
    for (const entry of entries) for (const element of byAnchor.get(entry.target) ?? []) moveTo(element, entry.boundingClientRect, scrollX, scrollY);
  };
  const place = () => {
    frame = 0;
    if (watch) {
      for (const anchor of byAnchor.keys()) {
        watch.unobserve(anchor);
        watch.observe(anchor);
      }
      return;
    }
    const rects = placed.map(({ marker }) => marker.anchor.getBoundingClientRect());
    const { scrollX, scrollY } = view;
    placed.forEach(({ element }, i) => moveTo(element, rects[i]!, scrollX, scrollY));
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(place);
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
    host = doc.createElement('plainsight-markers');
    host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    layer = doc.createElement('div');
    // One listener of each kind for every marker.
    layer.addEventListener('focusin', show);
    layer.addEventListener('mouseover', show);
    layer.addEventListener('focusout', hide);
    layer.addEventListener('mouseout', hide);
    shadow.append(style, layer);
    doc.documentElement.append(host);
    if (view.IntersectionObserver) watch = new view.IntersectionObserver(measured);
    resize = new view.ResizeObserver(schedule);
    resize.observe(doc.documentElement);
    if (doc.body) resize.observe(doc.body);
  };

  return {
    add(markers) {
      if (markers.length === 0) return;
      if (!host) build();
      const fragment = doc.createDocumentFragment();
      for (const marker of markers) {
        const element = doc.createElement('span');
        element.className = 'marker';
        element.tabIndex = 0;
        element.hidden = true; // until its place is known
        element.setAttribute('role', 'note');
        element.setAttribute('aria-label', `Plainsight flags this comment: ${marker.flags.join(', ')}`);
        element.textContent = `⚑ ${marker.flags.join(' · ')}`;
        fragment.append(element);
        placed.push({ marker, element });
        byElement.set(element, marker);
        const same = byAnchor.get(marker.anchor);
        if (same) same.push(element);
        else {
          byAnchor.set(marker.anchor, [element]);
          watch?.observe(marker.anchor);
        }
      }
      layer!.append(fragment);
      if (!watch) place();
    },
    removeAll() {
      if (frame) view.cancelAnimationFrame(frame);
      frame = 0;
      resize?.disconnect();
      watch?.disconnect();
      host?.remove();
      host = layer = resize = watch = null;
      placed.length = 0;
      byElement.clear();
      byAnchor.clear();
    },
  };
}
