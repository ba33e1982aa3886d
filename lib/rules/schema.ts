import { COMMENT_FLAG_IDS, TECHNIQUE_IDS } from '../engine/categories';
import { PAGE_TONE_FEATURES } from '../engine/lexicon';
import { OPTIONAL_TOKEN_TEMPLATES, TOKEN_TEMPLATES, type TokenTemplate } from '../engine/token-features';
import { z } from '../zod';

/**
 * The shape of a rule pack file. Packs are data (JSON, one file per family) so that rules can be
 * read, reviewed and tuned without touching the engine; everything here is checked at load.
 */

const ruleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'rule ids are lower-case words joined by "-" or "."');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** An example a rule must fire on (or stay quiet on). Comment rules may need the article or the thread. */
const example = z.union([
  nonEmpty,
  z.strictObject({ text: nonEmpty, article: z.string().optional(), comments: z.array(z.string()).optional() }),
]);

const examples = z.strictObject({
  fire: z.array(example).min(1, 'needs at least one example that must fire'),
  quiet: z.array(example).min(1, 'needs at least one example that must stay quiet'),
});

const regexSource = nonEmpty.max(1000, 'patterns are limited to 1000 characters');

const common = {
  id: ruleId,
  /** Reader-facing; `{cue}` is replaced by the marked words. */
  explanation: nonEmpty.refine((s) => s.includes('{cue}'), 'must name the cue with "{cue}"'),
  examples,
  /** Which texts the rule reads; families have their own default. */
  scope: z.enum(['article', 'comment', 'both']).optional(),
  /** A pattern that, found in the same sentence, silences the rule (negation, a named source …). */
  unless: regexSource.optional(),
  /**
   * How often a careful editor agrees with this rule's marks on opinion writing, measured
   * (`npm run bench:quality -- --rules`); the mark's confidence starts here. Default 0.5.
   */
  confidence: z.number().gt(0).lt(1).optional(),
};

const phrasesRule = z.strictObject({
  ...common,
  kind: z.literal('phrases'),
  /** Case-insensitive, inflection-aware word sequences; `*` stands for any one word. */
  phrases: z.array(nonEmpty).min(1, 'needs at least one phrase'),
});

const regexRule = z.strictObject({
  ...common,
  kind: z.literal('regex'),
  /** The span is the named group `cue` when there is one, else the whole match. */
  pattern: regexSource,
  caseSensitive: z.boolean().optional(),
  /**
   * Words (inflection-aware) of which the sentence must hold one before the pattern is tried:
   * a rare word found by the shared phrase index spares a slow pattern most of the text.
   */
  trigger: z.array(nonEmpty).min(1).optional(),
});

/**
 * A learned weight table (`npm run train`): feature → weight, inline, or `"bin:<table>"`, a table
 * of the pack's binary weight file (lib/rules/weight-file.ts). Tables hold thousands of entries,
 * so the schema only checks that an inline one is an object; the engine reads it in place (see
 * lib/engine/weights.ts).
 */
const weightTable = z.custom<Record<string, number> | `bin:${string}`>(
  (v) => (typeof v === 'string' ? /^bin:\S+$/.test(v) : typeof v === 'object' && v !== null && !Array.isArray(v)),
  'must be an object mapping features to numbers, or "bin:<table>" naming a table of the weight file',
);

const feature = z
  .strictObject({
    id: ruleId,
    /** Reader-facing name of the evidence, e.g. "a number". */
    label: nonEmpty,
    weight: z.number().finite(),
    pattern: regexSource.optional(),
    caseSensitive: z.boolean().optional(),
    phrases: z.array(nonEmpty).min(1).optional(),
  })
  .refine((f) => (f.pattern === undefined) !== (f.phrases === undefined), {
    message: 'a feature has exactly one of "pattern" or "phrases"',
  });

/** A sentence-level judgement: features and word weights add up to a score compared to a threshold. */
const scoredRule = z.strictObject({
  ...common,
  kind: z.literal('scored'),
  bias: z.number().finite(),
  threshold: z.number().finite(),
  /** Sentences with fewer words are not judged (headings, fragments). */
  minWords: z.number().int().min(1).optional(),
  features: z.array(feature).min(1, 'needs at least one feature'),
  /** Learned weights of word stems and of stem pairs ("stem stem"), each counted once (see `npm run train`). */
  words: weightTable.optional(),
  /** A score below which this rule overrules the scored rules before it: none of them claims the sentence. */
  veto: z.number().finite().optional(),
  /** Leading words cut from the sentence to tighten the span to its clause ("After all, "). */
  trim: z.array(regexSource).optional(),
});

const profanityRule = z.strictObject({
  ...common,
  kind: z.literal('profanity'),
  /** Words the profanity list must not flag here. */
  allow: z.array(nonEmpty).optional(),
});

const topicOverlapRule = z.strictObject({
  ...common,
  kind: z.literal('topic-overlap'),
  /** Only comments with at least this many content words are judged. */
  minWords: z.number().int().min(1),
  /** A comment sharing fewer content words than this with the article is off-topic. */
  minShared: z.number().int().min(1),
});

const repeatedCommentRule = z.strictObject({
  ...common,
  kind: z.literal('repeated-comment'),
  /** Shorter comments ("+1", "lol") may repeat innocently. */
  minLength: z.number().int().min(1),
});

const repetitionRule = z.strictObject({
  ...common,
  kind: z.literal('repetition'),
  /** A phrase of this many words or more said again is repetition. */
  minWords: z.number().int().min(2),
  /** A charged span (another technique's cue) said again is repetition whatever its length. */
  charged: z.boolean(),
});

/**
 * A learned tagger (`npm run train`): per-word linear weights mark the words that carry a
 * technique; runs of them become spans, and per-technique weights name each span's technique.
 */
const linearClass = z.strictObject({ bias: z.number().finite(), weights: weightTable });

const taggerRule = z.strictObject({
  ...common,
  kind: z.literal('tagger'),
  /** A word is marked when the model's probability reaches this. */
  threshold: z.number().gt(0).lt(1),
  /** Runs shorter than this many words are dropped; longer than `maxTokens` are cut. */
  minTokens: z.number().int().min(1),
  maxTokens: z.number().int().min(1),
  /** Unmarked words between two marked ones that still join them into one span. */
  bridge: z.number().int().min(0),
  tokenBias: z.number().finite(),
  /** One weight table per feature template (see lib/engine/token-features.ts). */
  tokens: z.strictObject({
    ...(Object.fromEntries(TOKEN_TEMPLATES.map((t) => [t, weightTable])) as Record<(typeof TOKEN_TEMPLATES)[number], typeof weightTable>),
    ...(Object.fromEntries(OPTIONAL_TOKEN_TEMPLATES.map((t) => [t, weightTable.optional()])) as Record<
      Exclude<TokenTemplate, (typeof TOKEN_TEMPLATES)[number]>,
      ReturnType<typeof weightTable.optional>
    >),
  }),
  labels: z.partialRecord(z.enum(TECHNIQUE_IDS), linearClass),
  /** A span scoring higher here than for every technique is no technique: it is dropped. */
  reject: linearClass.optional(),
});

/** A learned whole-comment judgement: word and word-piece weights (and a lexicon) against a threshold. */
const classifierRule = z.strictObject({
  ...common,
  kind: z.literal('classifier'),
  bias: z.number().finite(),
  /** The comment is flagged when the model's probability reaches this. */
  threshold: z.number().gt(0).lt(1),
  words: weightTable,
  pieces: weightTable,
  /** Words of a shipped lexicon, separated by spaces (one string, cheap to check); a comment holding one adds `lexiconWeight` (once). */
  lexicon: nonEmpty.optional(),
  lexiconWeight: z.number().finite().optional(),
  /** A graded lexicon: words (separated by spaces) of rising levels; a comment adds the weight of the highest level it reaches (once). */
  levels: z.array(z.strictObject({ words: nonEmpty, weight: z.number().finite() })).optional(),
  /** The cue word's own weight (what it contributes to the score) must reach this too: a comment is flagged for a word. */
  minCue: z.number().finite().optional(),
});

/**
 * The learned loaded-words lexicon (`npm run train -- lexicon`): per stem, how likely the word
 * carries loaded language (`words`) or labels a target (`names`); and the page-tone model, which
 * says how persuasive a whole text reads from its loaded-word density and its voice.
 */
const lexiconRule = z.strictObject({
  ...common,
  kind: z.literal('lexicon'),
  words: weightTable,
  names: weightTable,
  /** A word is marked when its likelihood reaches this. */
  minimum: z.number().gt(0).lt(1),
  /** [strength, precision] steps, rising: what a mark of that strength is worth (measured out of fold). */
  calibration: z.array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])).min(1),
  tone: z.strictObject({ bias: z.number().finite(), weights: z.record(z.enum(PAGE_TONE_FEATURES), z.number().finite()) }),
});

type CategorySchema = z.ZodEnum<Readonly<Record<string, string>>>;

/** Every rule kind, each with the category field of its family. */
function anyRule<C extends CategorySchema>(category: C) {
  return z.discriminatedUnion('kind', [
    phrasesRule.extend({ category }),
    regexRule.extend({ category }),
    scoredRule.extend({ category }),
    profanityRule.extend({ category }),
    topicOverlapRule.extend({ category }),
    repeatedCommentRule.extend({ category }),
    repetitionRule.extend({ category }),
    taggerRule.extend({ category }),
    classifierRule.extend({ category }),
    lexiconRule.extend({ category }),
  ]);
}

/** Claims and their sourcing are read from sentences, so only the three matching kinds apply. */
const claimRule = z.discriminatedUnion('kind', [
  phrasesRule.extend({ category: z.enum(['claim', 'source-attributed', 'source-vague']) }),
  regexRule.extend({ category: z.enum(['claim', 'source-attributed', 'source-vague']) }),
  scoredRule.extend({ category: z.enum(['claim']) }),
]);

export const FAMILIES = ['claims', 'techniques', 'comments'] as const;
export type Family = (typeof FAMILIES)[number];

export const rulePackSchema = z.discriminatedUnion('family', [
  z.strictObject({ family: z.literal('claims'), version: z.number().int().min(1), rules: z.array(claimRule) }),
  z.strictObject({
    family: z.literal('techniques'),
    version: z.number().int().min(1),
    rules: z.array(anyRule(z.enum(TECHNIQUE_IDS))),
  }),
  z.strictObject({
    family: z.literal('comments'),
    version: z.number().int().min(1),
    rules: z.array(anyRule(z.enum(COMMENT_FLAG_IDS))),
  }),
]);

export type RulePack = z.infer<typeof rulePackSchema>;
export type Rule = RulePack['rules'][number];
export type Example = z.infer<typeof example>;
export type Feature = z.infer<typeof feature>;
