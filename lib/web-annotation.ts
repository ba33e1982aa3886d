import { CLAIM_INFO, COMMENT_FLAGS, SOURCING_LABELS, TECHNIQUES } from './engine/categories';
import type { FrameSummary, TabSummary } from './messages';
import type { Settings } from './settings';

/**
 * A tab's marks as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), so another tool
 * (Hypothesis, a fact-checker's notebook, a research corpus) can read them. Built from the worker's
 * per-tab summary: the quoted text of each mark, its category, the rule's explanation for
 * techniques, the sourcing of claims, the flags and author of comments, and the page address.
 * The summary keeps no offsets and no surrounding text, so each target is a `TextQuoteSelector`
 * with `exact` only; a quote the summary cut (over 160 characters, whitespace folded) gives its
 * beginning, which still anchors at the mark's start.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld' as const;

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'classifying' | 'describing' | 'tagging';
  value: string;
  format: 'text/plain';
  language: 'en';
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'classifying' | 'moderating';
  created: string;
  generator: { type: 'Software'; name: string; homepage?: string };
  body: TextualBody[];
  target: { source: string; selector: { type: 'TextQuoteSelector'; exact: string } };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; id: string; startIndex: 0; items: WebAnnotation[] };
}

export interface ExportOptions {
  /** Which marks: those the reader sees (`marks`, `disabledCategories`); every mark when omitted. */
  settings?: Pick<Settings, 'marks' | 'disabledCategories'>;
  now?: Date;
  /** A fresh IRI for each annotation (and the collection). */
  newId?: () => string;
  version?: string;
}

/** The marks of every frame of a tab, as one Annotation Collection with its items embedded. */
export function tabToAnnotations(tab: TabSummary, options: ExportOptions = {}): AnnotationCollection {
  const newId = options.newId ?? (() => `urn:uuid:${crypto.randomUUID()}`);
  const created = (options.now ?? new Date()).toISOString();
  const generator = { type: 'Software' as const, name: `Plainsight ${options.version ?? ''}`.trim() };
  const shown = (confident: boolean, ...categories: string[]) =>
    (options.settings?.marks !== 'confident' || confident) &&
    !categories.every((c) => options.settings?.disabledCategories.includes(c as never));
  const frames = Object.entries(tab.frames).sort(([a], [b]) => Number(a) - Number(b)).map(([, f]) => f);
  const items = frames.flatMap((f): WebAnnotation[] =>
    marksOf(f, shown).map(({ motivation, body, exact }) => ({
      '@context': ANNOTATION_CONTEXT,
      id: newId(),
      type: 'Annotation' as const,
      motivation,
      created,
      generator,
      body,
      target: { source: f.url, selector: { type: 'TextQuoteSelector' as const, exact } },
    })),
  );
  const title = frames[0]?.title || frames[0]?.url || 'a page';
  return {
    '@context': ANNOTATION_CONTEXT,
    id: newId(),
    type: 'AnnotationCollection',
    label: `Plainsight marks on ${title}`,
    total: items.length,
    first: { type: 'AnnotationPage', id: newId(), startIndex: 0, items },
  };
}

type Mark = { motivation: WebAnnotation['motivation']; body: TextualBody[]; exact: string };

function marksOf(f: FrameSummary, shown: (confident: boolean, ...categories: string[]) => boolean): Mark[] {
  return [
    ...f.claims
      .filter((c) => shown(c.confident, 'claim'))
      .map((c) => ({
        motivation: 'assessing' as const,
        body: [text('classifying', CLAIM_INFO.label), text('describing', CLAIM_INFO.description), text('tagging', `sourcing: ${SOURCING_LABELS[c.sourcing]}`)],
        exact: quote(c.text),
      })),
    ...f.techniques
      .filter((t) => shown(t.confident, t.category))
      .map((t) => ({
        motivation: 'classifying' as const,
        body: [text('classifying', TECHNIQUES[t.category].label), ...(t.explanation ? [text('describing', t.explanation)] : [])],
        exact: quote(t.text),
      })),
    ...f.comments
      .filter((c) => shown(c.confident, ...c.flags.map((flag) => `comment-${flag}`)))
      .map((c) => ({
        motivation: 'moderating' as const,
        body: [...c.flags.map((flag) => text('classifying', COMMENT_FLAGS[flag].label)), ...(c.author ? [text('describing', `Comment by ${c.author}`)] : [])],
        exact: quote(c.excerpt),
      })),
  ].filter((m) => m.exact.length > 0);
}

function text(purpose: TextualBody['purpose'], value: string): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain', language: 'en' };
}

/** The summary's text as a quote of the page: without the ellipsis a cut excerpt ends with. */
function quote(excerpt: string): string {
  return excerpt.replace(/…$/, '').trim();
}

/** The collection as a file the reader keeps: pretty JSON, named after the page. */
export function annotationFile(collection: AnnotationCollection, pageUrl: string): { name: string; json: string } {
  let host = 'page';
  try {
    host = new URL(pageUrl).hostname || host;
  } catch {
    // not a URL: keep the generic name
  }
  return { name: `plainsight-${host}.json`, json: `${JSON.stringify(collection, null, 2)}\n` };
}
