import type { CategoryId, CommentFlagId, Sourcing, TechniqueId } from './categories';

/** A marked stretch of text: `text.slice(start, end)` is the cue. Offsets are UTF-16 indices, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface TechniqueAnnotation extends Span {
  kind: 'technique';
  category: TechniqueId;
  ruleId: string;
  explanation: string;
  /** Inside a direct quotation attributed to a named speaker: the speaker's words, not the author's. */
  quoted?: true;
  /** How likely a careful editor agrees with this mark, 0–1 (see lib/engine/confidence.ts). */
  confidence: number;
}

export interface ClaimAnnotation extends Span {
  kind: 'claim';
  category: 'claim';
  /** The words the page marks: the source it names or gestures at, else its figure, else its last word. */
  shown: Span;
  sourcing: Sourcing;
  ruleId: string;
  explanation: string;
  confidence: number;
}

export type Annotation = TechniqueAnnotation | ClaimAnnotation;

/** A flag on a reader comment; `start`/`end` locate its cue in the comment text. */
export interface CommentFlag extends Span {
  category: CommentFlagId;
  ruleId: string;
  explanation: string;
  confidence: number;
}

export interface CommentInput {
  author: string;
  text: string;
}

export interface AnnotatedComment extends CommentInput {
  flags: CommentFlag[];
  /** Inline claims and techniques inside the comment, like the article's. */
  annotations: Annotation[];
}

export type { CategoryId };
