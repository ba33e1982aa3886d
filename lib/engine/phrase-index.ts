import type { Token } from './text';

/**
 * A trie over word stems holding every phrase of every loaded rule, so a text is matched against
 * all phrase lists in one pass over its tokens whatever the number of phrases.
 */

interface TrieNode<K> {
  next: Map<string, TrieNode<K>>;
  /** Follows any one word (`*` in a phrase). */
  any?: TrieNode<K>;
  keys?: K[];
}

function node<K>(): TrieNode<K> {
  return { next: new Map() };
}

export class PhraseIndex<K> {
  #root: TrieNode<K> = node();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a phrase given as stems (see `phraseStems`); `*` matches any one word. */
  add(stems: readonly string[], key: K): void {
    let at = this.#root;
    for (const s of stems) {
      if (s === '*') at = at.any ??= node();
      else {
        let child = at.next.get(s);
        if (!child) at.next.set(s, (child = node()));
        at = child;
      }
    }
    (at.keys ??= []).push(key);
    this.#size++;
  }

  /**
   * Calls `visit` for every phrase occurrence in `tokens[from, to)`, with the index of its first
   * token and one past its last. Overlapping and nested occurrences are all reported.
   */
  match(tokens: readonly Token[], from: number, to: number, visit: (key: K, first: number, end: number) => void): void {
    const root = this.#root;
    for (let i = from; i < to; i++) {
      const first = tokens[i]!.stem;
      if (!root.next.has(first) && !root.any) continue;
      this.#walk(root, tokens, i, i, to, visit);
    }
  }

  #walk(
    at: TrieNode<K>,
    tokens: readonly Token[],
    first: number,
    i: number,
    to: number,
    visit: (key: K, first: number, end: number) => void,
  ): void {
    if (i >= to) return;
    const exact = at.next.get(tokens[i]!.stem);
    for (const child of exact ? (at.any ? [exact, at.any] : [exact]) : at.any ? [at.any] : []) {
      if (child.keys) for (const key of child.keys) visit(key, first, i + 1);
      this.#walk(child, tokens, first, i + 1, to, visit);
    }
  }
}
