/**
 * One batched observer for content that arrives late (infinite scroll, "load more",
 * script-rendered threads): additions are collected and reported once per quiet spell, not once
 * per node. A busy page (a ticker, a clock) is never quiet, so a batch also goes out at the latest
 * `maxWaitMs` after its first change. Additions of text alone (a ticker's new figure) and of our
 * own `plainsight-*` elements are ignored: no comment arrives without an element.
 */
export function observeAdditions(root: Node, onBatch: () => void, quietMs = 120, maxWaitMs = 500): { disconnect(): void } {
  const view = (root.ownerDocument ?? (root as Document)).defaultView!;
  // One timer per batch, moved on when it fires too early, never re-armed per change: a page
  // changing 60 times a second used to cost a clearTimeout and a setTimeout each time.
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the waiting batch's first and latest additions were seen. */
  let first = 0;
  let latest = 0;
  const check = () => {
    const due = Math.min(latest + quietMs, first + maxWaitMs);
    const now = performance.now();
    if (now < due) {
      timer = setTimeout(check, due - now);
      return;
    }
    timer = undefined;
    onBatch();
  };
  const observer = new view.MutationObserver((records) => {
    if (!records.some(addsElements)) return;
    latest = performance.now();
    if (timer !== undefined) return;
    first = latest;
    timer = setTimeout(check, quietMs);
  });
  observer.observe(root, { childList: true, subtree: true });
  return {
    disconnect() {
      clearTimeout(timer);
      timer = undefined;
      observer.disconnect();
    },
  };
}

function addsElements(record: MutationRecord): boolean {
  for (const node of record.addedNodes)
    if (node.nodeType === 1 && !(node as Element).localName.startsWith('plainsight-')) return true;
  return false;
}
