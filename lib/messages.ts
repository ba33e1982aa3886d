import { COMMENT_FLAG_IDS, SOURCING_IDS, TECHNIQUE_IDS } from './engine/categories';
import { TOGGLE_IDS, settingsSchema } from './settings';
import { z } from './zod-mini';

/**
 * Every message between the content script, the background worker and the popup: one zod
 * schema per direction, checked where a message arrives, and one reply shape, `{ ok, … }`.
 */

const text = z.string().check(z.maxLength(5_000_000));
const offset = z.int().check(z.minimum(0));
const tabId = z.int();
const commentInput = z.object({ author: z.string().check(z.maxLength(500)), text });
const span = { start: offset, end: offset, ruleId: z.string(), explanation: z.string() };

const annotation = z.discriminatedUnion('kind', [
  z.object({ ...span, kind: z.literal('technique'), category: z.enum(TECHNIQUE_IDS), quoted: z.optional(z.literal(true)) }),
  z.object({ ...span, kind: z.literal('claim'), category: z.literal('claim'), sourcing: z.enum(SOURCING_IDS) }),
]);
const flag = z.object({ ...span, category: z.enum(COMMENT_FLAG_IDS) });

export const pageAnnotationsSchema = z.object({
  article: z.nullable(z.object({ title: z.string(), text, annotations: z.array(annotation) })),
  comments: z.array(z.extend(commentInput, { flags: z.array(flag), annotations: z.array(annotation) })),
});

/** What the popup lists for one frame; item ids let it ask the page to reveal an item. */
export const frameSummarySchema = z.object({
  url: z.string(),
  title: z.string(),
  hasArticle: z.boolean(),
  claims: z.array(z.object({ id: z.string(), text: z.string(), sourcing: z.enum(SOURCING_IDS) })),
  techniques: z.array(z.object({ id: z.string(), category: z.enum(TECHNIQUE_IDS), text: z.string(), explanation: z.string() })),
  comments: z.array(z.object({ id: z.string(), author: z.string(), excerpt: z.string(), flags: z.array(z.enum(COMMENT_FLAG_IDS)) })),
});
export type FrameSummary = z.infer<typeof frameSummarySchema>;

export const tabSummarySchema = z.object({ frames: z.record(z.string(), frameSummarySchema) });
export type TabSummary = z.infer<typeof tabSummarySchema>;

/** Content script → background. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('annotate'),
    article: z.nullable(z.object({ title: z.string().check(z.maxLength(2_000)), text })),
    comments: z.array(commentInput).check(z.maxLength(50_000)),
    /** Index of the first comment: later batches continue the frame's numbering. */
    firstComment: offset,
  }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** Popup → background. */
export const popupMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab'), tabId }),
  z.object({ type: z.literal('set-enabled'), enabled: z.boolean() }),
  z.object({ type: z.literal('set-site'), host: z.string().check(z.minLength(1), z.maxLength(253)), enabled: z.boolean() }),
  z.object({ type: z.literal('set-category'), category: z.enum(TOGGLE_IDS), enabled: z.boolean() }),
  z.object({ type: z.literal('reveal'), tabId, frameId: z.int(), itemId: z.string() }),
]);
export type PopupMessage = z.infer<typeof popupMessageSchema>;

/** Background → content script. */
export const pageMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('apply-settings'), settings: settingsSchema, active: z.boolean() }),
  z.object({ type: z.literal('reveal'), itemId: z.string() }),
]);
export type PageMessage = z.infer<typeof pageMessageSchema>;

/** The background's answer to `annotate`: whether Plainsight is on for this page, and the result. */
export const annotateReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), active: z.boolean(), settings: settingsSchema, result: z.nullable(pageAnnotationsSchema) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AnnotateReply = z.infer<typeof annotateReplySchema>;

export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Parses a message that arrived; the error names the problem so the sender's log says what was wrong. */
export function parseMessage<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
): { ok: true; message: z.infer<S> } | { ok: false; error: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `malformed message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid'}` };
}
