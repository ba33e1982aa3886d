/**
 * One batched observer for content that arrives late (infinite scroll, "load more",
 * script-rendered threads): additions are collected and reported once per quiet spell, not once
 * per node. A busy page (a ticker, a clock) is never quiet, so a batch also goes out at the latest
 * `maxWaitMs` after its first change. Additions of text alone (a ticker's new figure), of leaf
 * elements with a few characters (a counter's `<span>12</span>`) and of our own `plainsight-*`
 * elements are ignored: no comment arrives without an element and some text.
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

/**
 * Whether a record adds something a comment could be in: an element (not ours) that holds other
 * elements or a sentence's worth of text. A counter's `<span>12</span>`, a clock's `<time>`, an empty
 * placeholder or an image is none, so a busy page does not send the finder over the whole page
 * several times a second.
 */
function addsElements(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1 || (node as Element).localName.startsWith('plainsight-')) continue;
    if ((node as Element).firstElementChild !== null || (node.textContent?.trim().length ?? 0) >= MIN_LEAF_TEXT) return true;
  }
  return false;
}
/** A leaf element with less text than this ("12", "12:01:33", "Ad") holds no comment. */
const MIN_LEAF_TEXT = 12;
