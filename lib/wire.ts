import { COMMENT_FLAG_IDS, SOURCING_IDS, TECHNIQUE_IDS } from './engine/categories';
import type { PageAnnotations } from './engine/annotator';
import type { Annotation, CommentFlag } from './engine/types';
import { onFirstUse, z } from './zod-mini';

/**
 * The background's answer to a page, in columns. The page already has its texts, so the answer
 * carries none of them: mark i of a text runs from `starts[i]` to `ends[i]`, is a
 * `labels[kinds[i]]` and is explained by `notes[explains[i]]`. Labels and explanations are
 * shared by every mark that repeats them. Thousands of marks then cost a few flat arrays to send,
 * parse and check instead of thousands of objects.
 */

const isIndexList = (value: unknown): value is number[] => {
  if (!Array.isArray(value)) return false;
  for (const x of value) if (!Number.isInteger(x) || x < 0) return false;
  return true;
};
const indices = () => z.custom<number[]>(isIndexList, 'expected an array of non-negative integers');

const label = () =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('technique'), category: z.enum(TECHNIQUE_IDS), ruleId: z.string(), quoted: z.optional(z.literal(true)) }),
    z.object({ kind: z.literal('claim'), category: z.literal('claim'), ruleId: z.string(), sourcing: z.enum(SOURCING_IDS) }),
    z.object({ kind: z.literal('flag'), category: z.enum(COMMENT_FLAG_IDS), ruleId: z.string() }),
  ]);
type Label = z.infer<ReturnType<typeof label>>;

/**
 * `sures[i]`: the mark's confidence in whole percent; `showStarts[i]`–`showEnds[i]`: the words the
 * page marks (for a claim, its evidence; for the others, the mark itself).
 */
const columns = () => ({ starts: indices(), ends: indices(), kinds: indices(), explains: indices(), sures: indices(), showStarts: indices(), showEnds: indices() });
interface Marks {
  starts: number[];
  ends: number[];
  kinds: number[];
  explains: number[];
  sures: number[];
  showStarts: number[];
  showEnds: number[];
}

export const wireResultSchema = onFirstUse(() =>
  z
    .object({
      labels: z.array(label()),
      notes: z.array(z.string()),
      article: z.nullable(z.object(columns())),
      commentCount: z.int().check(z.minimum(0)),
      /** Marks on comments also say whose they are: `owners[i]` indexes the batch's comments. */
      comments: z.object({ ...columns(), owners: indices() }),
    })
    .check(
      z.superRefine((wire, ctx) => {
        const problem = columnProblem(wire);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: wire });
      }),
    ),
);
export type WireResult = z.infer<ReturnType<typeof wireResultSchema>>;

function columnProblem(wire: { labels: unknown[]; notes: unknown[]; commentCount: number; article: Marks | null; comments: Marks & { owners: number[] } }): string | null {
  for (const [name, m] of [['article', wire.article], ['comments', wire.comments]] as const) {
    if (!m) continue;
    const n = m.starts.length;
    const lengths = [m.ends, m.kinds, m.explains, m.sures, m.showStarts, m.showEnds, ...('owners' in m ? [m.owners] : [])].map((c) => c.length);
    if (lengths.some((length) => length !== n))
      return `${name}: the columns differ in length`;
    for (let i = 0; i < n; i++) {
      if (m.sures[i]! > 100) return `${name}: mark ${i} has a confidence over 100%`;
      if (m.ends[i]! < m.starts[i]!) return `${name}: mark ${i} ends before it starts`;
      if (m.showEnds[i]! < m.showStarts[i]!) return `${name}: mark ${i} shows words that end before they start`;
      if (m.kinds[i]! >= wire.labels.length) return `${name}: mark ${i} has no label`;
      if (m.explains[i]! >= wire.notes.length) return `${name}: mark ${i} has no explanation`;
      if ('owners' in m && m.owners[i]! >= wire.commentCount) return `${name}: mark ${i} belongs to no comment`;
    }
  }
  return null;
}

/** Packs the engine's result for the page (in the background). */
export function encodeResult(result: PageAnnotations): WireResult {
  const labels: Label[] = [];
  const labelIndex = new Map<string, number>();
  const notes: string[] = [];
  const noteIndex = new Map<string, number>();
  const intern = <T>(table: T[], index: Map<string, number>, key: string, value: T) => {
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = table.push(value) - 1));
    return i;
  };
  const add = (m: Marks, l: Label, mark: Annotation | CommentFlag) => {
    m.starts.push(mark.start);
    m.ends.push(mark.end);
    m.kinds.push(intern(labels, labelIndex, JSON.stringify(l), l));
    m.explains.push(intern(notes, noteIndex, mark.explanation, mark.explanation));
    m.sures.push(Math.round(mark.confidence * 100));
    const shown = 'kind' in mark && mark.kind === 'claim' ? mark.shown : mark;
    m.showStarts.push(shown.start);
    m.showEnds.push(shown.end);
  };
  const addAnnotation = (m: Marks, a: Annotation) => add(m, labelOf(a), a);
  const addFlag = (m: Marks, f: CommentFlag) => add(m, { kind: 'flag', category: f.category, ruleId: f.ruleId }, f);

  const empty = (): Marks => ({ starts: [], ends: [], kinds: [], explains: [], sures: [], showStarts: [], showEnds: [] });
  let article: Marks | null = null;
  if (result.article) {
    article = empty();
    for (const a of result.article.annotations) addAnnotation(article, a);
  }
  const comments = { ...empty(), owners: [] as number[] };
  result.comments.forEach((c, owner) => {
    const before = comments.starts.length;
    for (const f of c.flags) addFlag(comments, f);
    for (const a of c.annotations) addAnnotation(comments, a);
    for (let i = before; i < comments.starts.length; i++) comments.owners.push(owner);
  });
  return { labels, notes, article, commentCount: result.comments.length, comments };
}

function labelOf(a: Annotation): Label {
  if (a.kind === 'claim') return { kind: 'claim', category: 'claim', ruleId: a.ruleId, sourcing: a.sourcing };
  return { kind: 'technique', category: a.category, ruleId: a.ruleId, ...(a.quoted && { quoted: true as const }) };
}

/** What the page gets back from a checked answer: the marks of the article and of each comment. */
export interface DecodedResult {
  article: Annotation[] | null;
  comments: { flags: CommentFlag[]; annotations: Annotation[] }[];
}

/** Unpacks a checked answer (in the page). */
export function decodeResult(wire: WireResult): DecodedResult {
  const mark = (m: Marks, i: number): Annotation | CommentFlag => {
    const l = wire.labels[m.kinds[i]!]!;
    const span = { start: m.starts[i]!, end: m.ends[i]!, ruleId: l.ruleId, explanation: wire.notes[m.explains[i]!]!, confidence: m.sures[i]! / 100 };
    if (l.kind === 'flag') return { ...span, category: l.category };
    if (l.kind === 'claim') return { ...span, kind: 'claim', category: 'claim', shown: { start: m.showStarts[i]!, end: m.showEnds[i]! }, sourcing: l.sourcing };
    return { ...span, kind: 'technique', category: l.category, ...(l.quoted && { quoted: true as const }) };
  };
  const article = wire.article && wire.article.starts.map((_, i) => mark(wire.article!, i) as Annotation);
  const comments: DecodedResult['comments'] = Array.from({ length: wire.commentCount }, () => ({ flags: [], annotations: [] }));
  const c = wire.comments;
  for (let i = 0; i < c.starts.length; i++) {
    const m = mark(c, i);
    const owner = comments[c.owners[i]!]!;
    if ('kind' in m) owner.annotations.push(m);
    else owner.flags.push(m);
  }
  return { article, comments };
}
