/**
 * Visits the nodes under `root` (not `root` itself) in document order by their child and sibling
 * links. `enter` returns whether to go into a node's children; `leave` runs for every node that
 * was entered, once its children are done. The finders walk whole pages with it: a TreeWalker
 * with a filter calls back into script for every node, which costs more than the walk itself.
 */
export function walkTree(root: Node, enter: (node: Node) => boolean, leave?: (node: Node) => void): void {
  let node: Node | null = root.firstChild;
  while (node) {
    if (enter(node)) {
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      leave?.(node);
    }
    while (!node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) return;
      leave?.(node);
    }
    node = node.nextSibling;
  }
}
