/**
 * A compact marker beside the author of each flagged comment, listing its flags. Markers float
 * in one overlay (`plainsight-markers`, a closed shadow root) positioned over the page rather
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
  let resize: ResizeObserver | null = null;
  let frame = 0;

  // All rectangles are read before any marker moves: interleaving reads and writes would force
  // one layout of the whole page per marker.
  const place = () => {
    frame = 0;
    const rects = placed.map(({ marker }) => marker.anchor.getBoundingClientRect());
    const { scrollX, scrollY } = view;
    placed.forEach(({ element }, i) => {
      const rect = rects[i]!;
      element.hidden = rect.width === 0 && rect.height === 0;
      element.style.left = `${rect.right + scrollX + 6}px`;
      element.style.top = `${rect.top + scrollY}px`;
    });
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(place);
  };

  const build = () => {
    host = doc.createElement('plainsight-markers');
    host.style.cssText = 'position:absolute;top:0;left:0;width:0;height:0;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    layer = doc.createElement('div');
    shadow.append(style, layer);
    doc.documentElement.append(host);
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
        element.setAttribute('role', 'note');
        element.setAttribute('aria-label', `Plainsight flags this comment: ${marker.flags.join(', ')}`);
        element.textContent = `⚑ ${marker.flags.join(' · ')}`;
        element.addEventListener('focus', () => marker.onFocus(element));
        element.addEventListener('mouseenter', () => marker.onFocus(element));
        element.addEventListener('blur', () => marker.onBlur());
        element.addEventListener('mouseleave', () => marker.onBlur());
        fragment.append(element);
        placed.push({ marker, element });
      }
      layer!.append(fragment);
      place();
    },
    removeAll() {
      if (frame) view.cancelAnimationFrame(frame);
      resize?.disconnect();
      host?.remove();
      host = layer = resize = null;
      placed.length = 0;
    },
  };
}
