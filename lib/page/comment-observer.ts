/**
 * One batched observer for content that arrives late (infinite scroll, "load more",
 * script-rendered threads): additions are collected and reported once per quiet spell, not once
 * per node. A busy page (a ticker, a clock) is never quiet, so a batch also goes out at the latest
 * `maxWaitMs` after its first change. Additions of text alone (a ticker's new figure) and of our
 * own `plainsight-*` elements are ignored: no comment arrives without an element.
 */
export function observeAdditions(root: Node, onBatch: () => void, quietMs = 120, maxWaitMs = 500): { disconnect(): void } {
  const view = (root.ownerDocument ?? (root as Document)).defaultView!;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(cap);
    quiet = cap = undefined;
    onBatch();
  };
  const observer = new view.MutationObserver((records) => {
    if (!records.some(addsElements)) return;
    clearTimeout(quiet);
    quiet = setTimeout(flush, quietMs);
    cap ??= setTimeout(flush, maxWaitMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  return {
    disconnect() {
      clearTimeout(quiet);
      clearTimeout(cap);
      observer.disconnect();
    },
  };
}

function addsElements(record: MutationRecord): boolean {
  for (const node of record.addedNodes)
    if (node.nodeType === 1 && !(node as Element).localName.startsWith('plainsight-')) return true;
  return false;
}
