/**
 * An element of ours on the page (`plainsight-*`) holding a closed shadow root. The page can see
 * the host but not into it (`host.shadowRoot` is null to it), so it can neither read nor rewrite
 * our verdicts; our reference to the root is kept here. If the page removes the host (a framework
 * pruning what it did not render, or a hostile script), it is put back at the next frame: one
 * observer of the root element's children, and at most one re-insertion per frame, so a page that
 * keeps removing it cannot make us spin.
 */
export interface OwnHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Puts the host back at once if it is gone (before it is measured or shown). */
  ensureAttached(): void;
  /** Takes the host off the page for good. */
  remove(): void;
}

export function createOwnHost(doc: Document, name: `plainsight-${string}`, css: string): OwnHost {
  const view = doc.defaultView!;
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
  let frame = 0;
  const ensureAttached = () => {
    if (!host.isConnected) doc.documentElement.append(host);
  };
  const observer = new view.MutationObserver(() => {
    if (host.isConnected || frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      ensureAttached();
    });
  });
  ensureAttached();
  observer.observe(doc.documentElement, { childList: true });
  return {
    host,
    shadow,
    ensureAttached,
    remove() {
      observer.disconnect();
      view.cancelAnimationFrame(frame);
      host.remove();
    },
  };
}
