/**
 * One batched observer for content that arrives late (infinite scroll, "load more",
 * script-rendered threads): additions are collected and reported once per quiet spell, not once
 * per node. Our own `plainsight-*` elements are ignored.
 */
export function observeAdditions(root: Node, onBatch: () => void, quietMs = 120): { disconnect(): void } {
  const view = (root.ownerDocument ?? (root as Document)).defaultView!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new view.MutationObserver((records) => {
    const relevant = records.some((r) =>
      Array.from(r.addedNodes).some((n) => n.nodeType !== 1 || !(n as Element).localName.startsWith('plainsight-')),
    );
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(onBatch, quietMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  return {
    disconnect() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
