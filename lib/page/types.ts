/**
 * What the finders hand to the engine and the highlighter: plain text plus a map from every
 * character of that text back to the DOM position it was read from, so a span found in the text
 * can be painted exactly where it stands on the page.
 */

/** `text.slice(start, start + length)` equals `node.data.slice(nodeOffset, nodeOffset + length)`. */
export interface TextSegment {
  start: number;
  length: number;
  node: Text;
  nodeOffset: number;
}

/** Text read from the page. Characters not covered by a segment (block separators) have no DOM position. */
export interface MappedText {
  text: string;
  /** Sorted by `start`, non-overlapping. */
  segments: TextSegment[];
}

export interface FoundArticle extends MappedText {
  title: string;
  /** The element that holds the article body. */
  root: Element;
}

export interface FoundComment extends MappedText {
  author: string;
  /** The element of the whole comment (without its nested replies' text). */
  root: Element;
  /** Where the author's name stands, for the flag marker; null when the comment names none. */
  authorElement: Element | null;
}
