import type { PageAnnotations } from '../engine/annotator';
import { isConfident } from '../engine/confidence';
import type { FrameSummary } from '../messages';
import type { PageKind } from '../engine/page-kind';
import type { MarkLevel } from '../settings';

/**
 * What the popup lists for a frame, derived from the engine's result. Item ids are shared with
 * the content script: `a<i>` is the article's i-th annotation, `c<j>` the frame's j-th comment.
 */

const EXCERPT = 160;
/** At most this many items of each list are kept for the popup, the sure ones first. */
const LISTED = 300;
/**
 * A frame's summary is cut down until its JSON is this long at most: session storage holds 10 MB
 * (in Chrome) for every tab's results, and a write over the quota fails as a whole.
 */
export const FRAME_BUDGET = 300_000;

type ListName = 'claims' | 'techniques' | 'comments';
const LISTS: readonly ListName[] = ['claims', 'techniques', 'comments'];

/** `notes`: what the reader should know about this result, such as an article annotated in part. */
export function summariseFrame(result: PageAnnotations, url: string, firstComment: number, notes: string[] = []): FrameSummary {
  const annotations = result.article?.annotations ?? [];
  const articleText = result.article?.text ?? '';
  const slice = (start: number, end: number) => clip(articleText.slice(start, end));
  return {
    url,
    title: result.article?.title ?? '',
    hasArticle: result.article !== null,
    language: result.language,
    claims: annotations.flatMap((a, i) =>
      a.kind === 'claim' ? [{ id: `a${i}`, text: slice(a.start, a.end), sourcing: a.sourcing, confident: isConfident(a), ruleId: a.ruleId }] : [],
    ),
    // Techniques in the article, then those in comments: the page marks both.
    techniques: [
      ...annotations.flatMap((a, i) =>
        a.kind === 'technique'
          ? [{ id: `a${i}`, category: a.category, text: slice(a.start, a.end), explanation: a.explanation, confident: isConfident(a), ruleId: a.ruleId }]
          : [],
      ),
      ...result.comments.flatMap((c, j) =>
        c.annotations.flatMap((a) =>
          a.kind === 'technique'
            ? [
                {
                  id: `c${firstComment + j}`,
                  category: a.category,
                  text: clip(c.text.slice(a.start, a.end)),
                  explanation: a.explanation,
                  confident: isConfident(a),
                  ruleId: a.ruleId,
                },
              ]
            : [],
        ),
      ),
    ],
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
              ruleIds: [...new Set(c.flags.map((f) => f.ruleId))],
            },
          ],
    ),
    ...((notes.length > 0 || result.readsAs) && { notes: result.readsAs ? [...notes, READS_AS[result.readsAs]] : notes }),
  };
}

/** The popup's note on a page that reads as instructions, whose marks are all less certain. */
export const READS_AS_INSTRUCTIONS =
  'This page reads as instructions (a recipe, a tutorial, a buying guide) rather than news or opinion, so its marks count as less certain: tick “Show less certain marks too” to see them.';
/** The popup's note on a page that reads as a review or a story, whose marks are all less certain. */
export const READS_AS_ARTS =
  'This page reads as a review or a story (films, games, books, music) rather than news or opinion: its strong words describe what it shows, so its marks count as less certain. Tick “Show less certain marks too” to see them.';
const READS_AS: Record<PageKind, string> = { instructions: READS_AS_INSTRUCTIONS, arts: READS_AS_ARTS };

/** Adds a later batch of comments to a frame's summary. */
export function appendComments(summary: FrameSummary, later: FrameSummary): FrameSummary {
  const unlisted = summary.unlisted && later.unlisted ? addUnlisted(summary.unlisted, later.unlisted) : (summary.unlisted ?? later.unlisted);
  const notes = [...new Set([...(summary.notes ?? []), ...(later.notes ?? [])])];
  return { ...summary, comments: [...summary.comments, ...later.comments], ...(unlisted && { unlisted }), ...(notes.length > 0 && { notes }) };
}

/**
 * The summary kept for the popup: each list holds at most `LISTED` items (the sure ones first, in
 * the page's order), fewer if its JSON is still over `budget`; the rest are counted, not listed.
 */
export function compactFrame(summary: FrameSummary, budget = FRAME_BUDGET): FrameSummary {
  for (let limit = LISTED; ; limit = Math.floor(limit / 2)) {
    const compact = capLists(summary, limit);
    if (limit === 0 || JSON.stringify(compact).length <= budget) return compact;
  }
}

const TOO_MANY = 'too many results to keep for this tab: only their number is shown';

/** A frame's summary with no list at all, for when even the compact one cannot be stored. */
export function countsOnly(summary: FrameSummary): FrameSummary {
  return { ...capLists(summary, 0), notes: [...new Set([...(summary.notes ?? []), TOO_MANY])] };
}

function capLists(summary: FrameSummary, limit: number): FrameSummary {
  let unlisted = summary.unlisted ?? { claims: none(), techniques: none(), comments: none() };
  const out = { ...summary };
  let changed = false;
  for (const name of LISTS) {
    const items: { confident: boolean }[] = summary[name];
    if (items.length <= limit) continue;
    const order = items.map((_, i) => i).sort((a, b) => Number(items[b]!.confident) - Number(items[a]!.confident) || a - b);
    const kept = new Set(order.slice(0, limit));
    const left = items.filter((_, i) => !kept.has(i));
    (out[name] as typeof items) = items.filter((_, i) => kept.has(i));
    changed = true;
    unlisted = { ...unlisted, [name]: { all: unlisted[name].all + left.length, confident: unlisted[name].confident + left.filter((x) => x.confident).length } };
  }
  return changed ? { ...out, unlisted } : summary;
}

type Unlisted = NonNullable<FrameSummary['unlisted']>;
const none = () => ({ all: 0, confident: 0 });
function addUnlisted(a: Unlisted, b: Unlisted): Unlisted {
  const sum = (name: ListName) => ({ all: a[name].all + b[name].all, confident: a[name].confident + b[name].confident });
  return { claims: sum('claims'), techniques: sum('techniques'), comments: sum('comments') };
}

/** The badge: every technique marked and every comment flagged that the reader sees, across the tab's frames. */
export function flaggedCount(frames: Iterable<FrameSummary>, marks: MarkLevel = 'confident', quietRules: readonly string[] = []): number {
  const shown = (item: { confident: boolean }) => marks === 'all' || item.confident;
  let n = 0;
  const left = (u: { all: number; confident: number } | undefined) => (u ? (marks === 'all' ? u.all : u.confident) : 0);
  for (const frame of frames) {
    const f = withoutQuietRules(frame, quietRules);
    n += f.techniques.filter(shown).length + f.comments.filter(shown).length + left(f.unlisted?.techniques) + left(f.unlisted?.comments);
  }
  return n;
}

/** A frame's summary without the marks of the rules the reader called not useful (a comment goes once all its flags' rules have). */
export function withoutQuietRules(f: FrameSummary, quietRules: readonly string[]): FrameSummary {
  if (quietRules.length === 0) return f;
  const quiet = new Set(quietRules);
  const kept = (item: { ruleId?: string }) => item.ruleId === undefined || !quiet.has(item.ruleId);
  return {
    ...f,
    claims: f.claims.filter(kept),
    techniques: f.techniques.filter(kept),
    comments: f.comments.filter((c) => c.ruleIds === undefined || c.ruleIds.some((r) => !quiet.has(r))),
  };
}

/** A text on one line, cut at the last word boundary before `EXCERPT` characters. */
export function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}
