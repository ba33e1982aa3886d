import type { TechniqueId } from '../engine/categories';
import { phraseStems } from '../engine/text';
import type { TokenTemplate } from '../engine/token-features';
import { ALL_TOKEN_TEMPLATES } from '../engine/token-features';
import type { z } from '../zod';
import { ObjectWeights, type WeightTable } from '../engine/weights';
import { TABLE_REF } from './weight-file';
import type { ToneFeature } from '../engine/lexicon';
import { findNestedQuantifier } from './regex-safety';
import { type Example, type Family, type Rule, type RulePack, rulePackSchema } from './schema';

/**
 * Turns a rule pack read from JSON into checked, ready-to-run rules. A pack that is malformed is
 * rejected whole, with every problem named by rule id, so the caller keeps its previous good pack.
 */

export class RulePackError extends Error {
  constructor(
    readonly pack: string,
    readonly problems: string[],
  ) {
    super(`rule pack "${pack}" rejected:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RulePackError';
  }
}

export type Scope = 'article' | 'comment';

interface CompiledBase {
  id: string;
  family: Family;
  category: string;
  explanation: string;
  examples: { fire: Example[]; quiet: Example[] };
  /** Whether the rule reads the article, comments, or both. */
  reads: Record<Scope, boolean>;
  unless: RegExp | null;
  /** Where a mark's confidence starts (see the schema). */
  confidence: number;
}

export interface CompiledFeature {
  id: string;
  label: string;
  weight: number;
  /** Tested on the sentence; null for phrase features, which come from the shared phrase index. */
  pattern: RegExp | null;
  phrases: string[][];
}

export type CompiledRule =
  | (CompiledBase & { kind: 'phrases'; phrases: string[][] })
  | (CompiledBase & { kind: 'regex'; pattern: RegExp; trigger: string[][] })
  | (CompiledBase & {
      kind: 'scored';
      bias: number;
      threshold: number;
      minWords: number;
      features: CompiledFeature[];
      words: WeightTable;
      /** Below this score the rule overrules earlier scored rules (null: it never does). */
      veto: number | null;
      trim: RegExp[];
    })
  | (CompiledBase & { kind: 'profanity'; allow: string[] })
  | (CompiledBase & { kind: 'topic-overlap'; minWords: number; minShared: number })
  | (CompiledBase & { kind: 'repeated-comment'; minLength: number })
  | (CompiledBase & { kind: 'repetition'; minWords: number; charged: boolean })
  | (CompiledBase & {
      kind: 'tagger';
      threshold: number;
      minTokens: number;
      maxTokens: number;
      bridge: number;
      tokenBias: number;
      tokens: Record<TokenTemplate, WeightTable>;
      labels: [TechniqueId | null, LinearClass][];
    })
  | (CompiledBase & {
      kind: 'classifier';
      threshold: number;
      bias: number;
      words: WeightTable;
      pieces: WeightTable;
      lexicon: ReadonlySet<string>;
      lexiconWeight: number;
      levels: { words: string[]; weight: number }[];
      minCue: number;
    })
  | (CompiledBase & {
      kind: 'lexicon';
      words: WeightTable;
      names: WeightTable;
      minimum: number;
      calibration: [number, number][];
      tone: { bias: number; weights: Partial<Record<ToneFeature, number>> };
    });

/** One class of a linear classifier: its bias and feature weights. */
export interface LinearClass {
  bias: number;
  weights: WeightTable;
}

export interface CompiledPack {
  name: string;
  family: Family;
  version: number;
  rules: CompiledRule[];
}

const DEFAULT_SCOPE: Record<Family, 'article' | 'comment' | 'both'> = {
  claims: 'article',
  techniques: 'both',
  comments: 'comment',
};

/** A pack's binary weight tables by name (lib/rules/weight-file.ts). */
export type WeightTables = ReadonlyMap<string, WeightTable>;

/**
 * Validates and compiles one pack; throws `RulePackError` naming each bad rule and its problem.
 * `weights` holds the tables that the pack names as `"bin:<table>"`.
 */
export function compileRulePack(raw: unknown, name: string, weights: WeightTables = new Map()): CompiledPack {
  const parsed = rulePackSchema.safeParse(raw);
  if (!parsed.success) throw new RulePackError(name, describeIssues(parsed.error, raw));
  const pack: RulePack = parsed.data;

  const problems: string[] = [];
  const seen = new Set<string>();
  const rules: CompiledRule[] = [];
  const shared = new Map<string, RegExp | null>();
  for (const rule of pack.rules) {
    if (seen.has(rule.id)) problems.push(`rule "${rule.id}": duplicate id`);
    seen.add(rule.id);
    const fail = (problem: string) => problems.push(`rule "${rule.id}": ${problem}`);
    const table = (value: Readonly<Record<string, unknown>> | string | undefined, where: string): WeightTable => {
      if (typeof value !== 'string') return new ObjectWeights(value ?? {});
      const found = weights.get(value.replace(TABLE_REF, '$1'));
      if (!found) fail(`${where}: weight table "${value}" is not in the pack's weight file`);
      return found ?? new ObjectWeights({});
    };
    const compiled = compileRule(rule, pack.family, fail, shared, table);
    if (compiled) rules.push(compiled);
  }
  if (problems.length > 0) throw new RulePackError(name, problems);
  return { name, family: pack.family, version: pack.version, rules };
}

function compileRule(
  rule: Rule,
  family: Family,
  fail: (problem: string) => void,
  shared: Map<string, RegExp | null>,
  table: (value: Readonly<Record<string, unknown>> | string | undefined, where: string) => WeightTable,
): CompiledRule | null {
  const scope = rule.scope ?? DEFAULT_SCOPE[family];
  const base: CompiledBase = {
    id: rule.id,
    family,
    category: rule.category,
    explanation: rule.explanation,
    examples: rule.examples,
    reads: { article: scope !== 'comment', comment: scope !== 'article' },
    unless: rule.unless === undefined ? null : compileRegex(rule.unless, false, '', 'unless', fail),
    confidence: rule.confidence ?? 0.5,
  };
  switch (rule.kind) {
    case 'phrases':
      return { ...base, kind: 'phrases', phrases: compilePhrases(rule.phrases, 'phrase', fail) };
    case 'regex': {
      const pattern = compileRegex(rule.pattern, rule.caseSensitive ?? false, 'gd', 'pattern', fail);
      const trigger = rule.trigger ? compilePhrases(rule.trigger, 'trigger', fail) : [];
      return pattern && { ...base, kind: 'regex', pattern, trigger };
    }
    case 'scored': {
      const featureIds = new Set<string>();
      const features = rule.features.map((f): CompiledFeature => {
        if (featureIds.has(f.id)) fail(`feature "${f.id}": duplicate id`);
        featureIds.add(f.id);
        return {
          id: f.id,
          label: f.label,
          weight: f.weight,
          pattern: f.pattern === undefined ? null : featurePattern(f.pattern, f.caseSensitive ?? false, `feature "${f.id}"`, fail, shared),
          phrases: f.phrases ? compilePhrases(f.phrases, `feature "${f.id}" phrase`, fail) : [],
        };
      });
      const trim = (rule.trim ?? []).flatMap((t) => compileRegex(`^(?:${t})`, false, '', 'trim', fail) ?? []);
      return {
        ...base,
        kind: 'scored',
        bias: rule.bias,
        threshold: rule.threshold,
        minWords: rule.minWords ?? 1,
        features,
        words: table(rule.words, 'words'),
        veto: rule.veto ?? null,
        trim,
      };
    }
    case 'profanity':
      return { ...base, kind: 'profanity', allow: (rule.allow ?? []).map((w) => w.toLowerCase()) };
    case 'topic-overlap':
      return { ...base, kind: 'topic-overlap', minWords: rule.minWords, minShared: rule.minShared };
    case 'repeated-comment':
      return { ...base, kind: 'repeated-comment', minLength: rule.minLength };
    case 'repetition':
      return { ...base, kind: 'repetition', minWords: rule.minWords, charged: rule.charged };
    case 'tagger': {
      if (rule.maxTokens < rule.minTokens) fail('maxTokens is smaller than minTokens');
      const tokens = Object.fromEntries(
        ALL_TOKEN_TEMPLATES.map((t) => [t, table(rule.tokens[t], `tokens.${t}`)]),
      ) as Record<TokenTemplate, WeightTable>;
      const labels = Object.entries(rule.labels).map(
        ([label, l]): [TechniqueId | null, LinearClass] => [label as TechniqueId, { bias: l!.bias, weights: table(l!.weights, `labels.${label}`) }],
      );
      if (labels.length === 0) fail('labels: needs at least one technique');
      const { threshold, minTokens, maxTokens, bridge, tokenBias } = rule;
      // `null` is the reject class: a span it wins carries no technique.
      const classes = [...labels];
      if (rule.reject) classes.push([null, { bias: rule.reject.bias, weights: table(rule.reject.weights, 'reject') }]);
      return { ...base, kind: 'tagger', threshold, minTokens, maxTokens, bridge, tokenBias, tokens, labels: classes };
    }
    case 'lexicon':
      return { ...base, kind: 'lexicon', words: table(rule.words, 'words'), names: table(rule.names, 'names'), minimum: rule.minimum, calibration: rule.calibration, tone: rule.tone };
    case 'classifier':
      return {
        ...base,
        kind: 'classifier',
        threshold: rule.threshold,
        bias: rule.bias,
        words: table(rule.words, 'words'),
        pieces: table(rule.pieces, 'pieces'),
        lexicon: new Set((rule.lexicon ?? '').toLowerCase().split(/\s+/).filter(Boolean)),
        lexiconWeight: rule.lexiconWeight ?? 0,
        levels: (rule.levels ?? []).map((level) => ({ words: level.words.toLowerCase().split(/\s+/).filter(Boolean), weight: level.weight })),
        minCue: rule.minCue ?? -Infinity,
      };
  }
}

/**
 * A scored rule's feature pattern, one RegExp per distinct pattern of a pack: the learned claim
 * rule repeats the hand-written rule's patterns, and the engine tests each once per sentence.
 */
function featurePattern(source: string, caseSensitive: boolean, what: string, fail: (problem: string) => void, shared: Map<string, RegExp | null>): RegExp | null {
  const key = `${caseSensitive ? 's' : 'i'}/${source}`;
  if (!shared.has(key)) shared.set(key, compileRegex(source, caseSensitive, '', what, fail));
  return shared.get(key)!;
}

function compilePhrases(phrases: string[], what: string, fail: (problem: string) => void): string[][] {
  return phrases.flatMap((phrase) => {
    const stems = phraseStems(phrase);
    if (!stems.some((s) => s !== '*')) {
      fail(`${what} "${phrase}" has no words`);
      return [];
    }
    if (stems[0] === '*' || stems.at(-1) === '*') {
      fail(`${what} "${phrase}" starts or ends with "*", which would only widen the span`);
      return [];
    }
    return [stems];
  });
}

/**
 * Compiles a pattern from a pack, refusing ones that can backtrack catastrophically (a quantifier
 * inside a quantified group, star height > 1), since a page's text must never hang the reader's tab.
 */
function compileRegex(
  source: string,
  caseSensitive: boolean,
  flags: string,
  what: string,
  fail: (problem: string) => void,
): RegExp | null {
  let regex: RegExp;
  try {
    regex = new RegExp(source, `${flags}u${caseSensitive ? '' : 'i'}`);
  } catch (error) {
    fail(`${what} /${source}/ is not a valid regular expression (${(error as Error).message})`);
    return null;
  }
  const nested = findNestedQuantifier(source);
  if (nested) {
    fail(`${what} /${source}/ is unsafe, it can backtrack catastrophically: ${nested}`);
    return null;
  }
  // No trial match here: it would force the engine to compile every pattern at load (most of
  // the packs' load time), while a pattern that matches nothing costs nothing at run time — the
  // engine skips empty matches — and the shipped packs are checked for it by their tests.
  return regex;
}

function describeIssues(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const at = path.join('.') || '(pack)';
    if (path[0] === 'rules' && path[1] !== undefined) {
      const id = ruleIdAt(raw, Number(path[1]));
      const field = path.slice(2).join('.') || '(rule)';
      return `${id ? `rule "${id}"` : `rules[${path[1]}]`}: ${field}: ${describeIssue(issue)}`;
    }
    return `${at}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

function ruleIdAt(raw: unknown, index: number): string | undefined {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  const rule = Array.isArray(rules) ? (rules[index] as { id?: unknown } | undefined) : undefined;
  return typeof rule?.id === 'string' ? rule.id : undefined;
}
