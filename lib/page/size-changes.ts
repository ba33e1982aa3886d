/**
 * Watches the page's root and body for a change of size (content that loads late, fonts, a
 * re-flow) and calls `changed` once per report that holds one. A ResizeObserver reports each target
 * once when it is first observed: that first report is no change and is passed over.
 */
export function watchPageSize(doc: Document, changed: () => void): { stop: () => void } {
  const view = doc.defaultView!;
  const sizes = new Map<Element, string>();
  const observer = new view.ResizeObserver((entries) => {
    let resized = false;
    for (const { target, contentRect } of entries) {
      const size = `${contentRect.width}x${contentRect.height}`;
      if (sizes.has(target) && sizes.get(target) !== size) resized = true;
      sizes.set(target, size);
    }
    if (resized) changed();
  });
  observer.observe(doc.documentElement);
  if (doc.body) observer.observe(doc.body);
  return { stop: () => observer.disconnect() };
}
