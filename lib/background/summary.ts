import type { PageAnnotations } from '../engine/annotator';
import { isConfident } from '../engine/confidence';
import type { FrameSummary } from '../messages';
import type { MarkLevel } from '../settings';

/**
 * What the popup lists for a frame, derived from the engine's result. Item ids are shared with
 * the content script: `a<i>` is the article's i-th annotation, `c<j>` the frame's j-th comment.
 */

const EXCERPT = 160;

export function summariseFrame(result: PageAnnotations, url: string, firstComment: number): FrameSummary {
  const annotations = result.article?.annotations ?? [];
  const articleText = result.article?.text ?? '';
  const slice = (start: number, end: number) => clip(articleText.slice(start, end));
  return {
    url,
    title: result.article?.title ?? '',
    hasArticle: result.article !== null,
    language: result.language,
    claims: annotations.flatMap((a, i) =>
      a.kind === 'claim' ? [{ id: `a${i}`, text: slice(a.start, a.end), sourcing: a.sourcing, confident: isConfident(a) }] : [],
    ),
    techniques: annotations.flatMap((a, i) =>
      a.kind === 'technique'
        ? [{ id: `a${i}`, category: a.category, text: slice(a.start, a.end), explanation: a.explanation, confident: isConfident(a) }]
        : [],
    ),
    comments: result.comments.flatMap((c, j) =>
      c.flags.length === 0
        ? []
        : [
            {
              id: `c${firstComment + j}`,
              author: c.author,
              excerpt: clip(c.text),
              flags: [...new Set(c.flags.map((f) => f.category))],
              confident: c.flags.some(isConfident),
            },
          ],
    ),
  };
}

/** Adds a later batch of comments to a frame's summary. */
export function appendComments(summary: FrameSummary, later: FrameSummary): FrameSummary {
  return { ...summary, comments: [...summary.comments, ...later.comments] };
}

/** The badge: every technique marked and every comment flagged that the reader sees, across the tab's frames. */
export function flaggedCount(frames: Iterable<FrameSummary>, marks: MarkLevel = 'confident'): number {
  const shown = (item: { confident: boolean }) => marks === 'all' || item.confident;
  let n = 0;
  for (const f of frames) n += f.techniques.filter(shown).length + f.comments.filter(shown).length;
  return n;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT ? flat : `${flat.slice(0, EXCERPT - 1)}…`;
}
