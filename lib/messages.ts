import { COMMENT_FLAG_IDS, SOURCING_IDS, TECHNIQUE_IDS } from './engine/categories';
import { TOGGLE_IDS, settingsSchema, MARK_LEVELS } from './settings';
import { wireResultSchema } from './wire';
import { onFirstUse, z } from './zod-mini';

/**
 * Every message between the content script, the background worker and the popup: one zod
 * schema per direction, checked where a message arrives, and one reply shape, `{ ok, … }`.
 */

// Each schema is a function that builds it on first use (see onFirstUse).
// Any text a page may hold: the browser's own message limit (64 MiB) comes first. What the engine
// reads of an over-long article, comment, title or author is decided in the background
// (long-text.ts), not by refusing the whole message.
const text = () => z.string().check(z.maxLength(50_000_000));
const offset = () => z.int().check(z.minimum(0));
const tabId = () => z.int();
const unlistedCount = () => z.object({ all: offset(), confident: offset() });
const ruleId = () => z.string().check(z.minLength(1), z.maxLength(200));
const commentInput = () => z.object({ author: text(), text: text() });
/** What the popup lists for one frame; item ids let it ask the page to reveal an item. */
export const frameSummarySchema = onFirstUse(() =>
  z.object({
    url: z.string(),
    title: z.string(),
    hasArticle: z.boolean(),
    /** `confident`: shown by default; the others only when the reader asks for every mark. */
    /** `ruleId`/`ruleIds`: the rules behind an item, so a rule the reader called not useful leaves the lists and the badge. */
    claims: z.array(z.object({ id: z.string(), text: z.string(), sourcing: z.enum(SOURCING_IDS), confident: z.boolean(), ruleId: z.optional(z.string()) })),
    techniques: z.array(
      z.object({ id: z.string(), category: z.enum(TECHNIQUE_IDS), text: z.string(), explanation: z.string(), confident: z.boolean(), ruleId: z.optional(z.string()) }),
    ),
    comments: z.array(
      z.object({ id: z.string(), author: z.string(), excerpt: z.string(), flags: z.array(z.enum(COMMENT_FLAG_IDS)), confident: z.boolean(), ruleIds: z.optional(z.array(z.string())) }),
    ),
    /** The frame's language (`code`, when known) and whether Plainsight reads it. */
    language: z.object({ code: z.string(), covered: z.boolean() }),
    /** Marks found but left out of the lists to keep the summary small: how many, and how many of them are sure. */
    unlisted: z.optional(z.object({ claims: unlistedCount(), techniques: unlistedCount(), comments: unlistedCount() })),
    /** What the reader should know about these results ("article too long: …"). */
    notes: z.optional(z.array(z.string())),
  }),
);
export type FrameSummary = z.infer<ReturnType<typeof frameSummarySchema>>;

export const tabSummarySchema = onFirstUse(() =>
  z.object({ frames: z.record(z.string(), frameSummarySchema()) }),
);
export type TabSummary = z.infer<ReturnType<typeof tabSummarySchema>>;

/** Which way the keyboard moves from mark to mark. */
export const STEP_DIRECTIONS = ['next', 'previous'] as const;
export type StepDirection = (typeof STEP_DIRECTIONS)[number];

/** Content script → background. */
export const contentMessageSchema = onFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({
      type: z.literal('annotate'),
      article: z.nullable(z.object({ title: text(), text: text(), lang: z.optional(text()) })),
      comments: z.array(commentInput()).check(z.maxLength(1_000_000)),
      /** Index of the first comment: later batches continue the frame's numbering. */
      firstComment: offset(),
    }),
    /** The reader pressed "Not useful" on a card: that rule's marks are no longer shown. */
    z.object({ type: z.literal('quiet-rule'), ruleId: ruleId() }),
    /** No engine answered `annotate` (Chrome's engine document not up yet): the worker starts it. */
    z.object({ type: z.literal('start-engine') }),
  ]),
);
export type ContentMessage = z.infer<ReturnType<typeof contentMessageSchema>>;
export type AnnotateMessage = Extract<ContentMessage, { type: 'annotate' }>;

/** Chrome's engine document → the worker: its settings, asked for once it starts, and each answered frame, for the popup and the badge. */
export const engineMessageSchema = onFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('engine-hello') }),
    z.object({
      type: z.literal('engine-record'),
      record: z.object({
        tabId: tabId(),
        frameId: z.int(),
        isNewPage: z.boolean(),
        append: z.boolean(),
        summary: frameSummarySchema(),
        article: z.optional(text()),
      }),
    }),
  ]),
);
export type EngineMessage = z.infer<ReturnType<typeof engineMessageSchema>>;

/** The worker → Chrome's engine document: the settings, whenever they change. */
export const engineSettingsSchema = onFirstUse(() => z.object({ type: z.literal('engine-settings'), settings: settingsSchema() }));

/** Popup → background. */
export const popupMessageSchema = onFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('get-tab'), tabId: tabId() }),
    z.object({ type: z.literal('set-enabled'), enabled: z.boolean() }),
    z.object({ type: z.literal('set-site'), host: z.string().check(z.minLength(1), z.maxLength(253)), enabled: z.boolean() }),
    z.object({ type: z.literal('set-category'), category: z.enum(TOGGLE_IDS), enabled: z.boolean() }),
    z.object({ type: z.literal('set-marks'), marks: z.enum(MARK_LEVELS) }),
    /** The reader has read why the settings were reset. */
    z.object({ type: z.literal('dismiss-problem') }),
    /** "Restore" beside a rule quieted from a card (or quieting it again). */
    z.object({ type: z.literal('set-rule-quiet'), ruleId: ruleId(), quiet: z.boolean() }),
    z.object({ type: z.literal('reveal'), tabId: tabId(), frameId: z.int(), itemId: z.string() }),
  ]),
);
export type PopupMessage = z.infer<ReturnType<typeof popupMessageSchema>>;

/** Background → content script. */
export const pageMessageSchema = onFirstUse(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('apply-settings'), settings: settingsSchema(), active: z.boolean() }),
    z.object({ type: z.literal('reveal'), itemId: z.string() }),
    /** The reader's shortcut (manifest `commands`): go to the next or previous shown mark. */
    z.object({ type: z.literal('step-mark'), direction: z.enum(STEP_DIRECTIONS) }),
  ]),
);
export type PageMessage = z.infer<ReturnType<typeof pageMessageSchema>>;

/** The background's answer to `annotate`: whether Plainsight is on for this page, and the result (in columns, see wire.ts). */
export const annotateReplySchema = onFirstUse(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), active: z.boolean(), settings: settingsSchema(), result: z.nullable(wireResultSchema()) }),
    z.object({ ok: z.literal(false), error: z.string() }),
  ]),
);
export type AnnotateReply = z.infer<ReturnType<typeof annotateReplySchema>>;

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
