import type { CompiledFeature, CompiledPack, CompiledRule, Scope } from '../rules/compile';
import { RulePackError } from '../rules/compile';
import type { Example } from '../rules/schema';
import type { Sourcing, TechniqueId, CommentFlagId } from './categories';
import { fillExplanation, quoteCue } from './explain';
import { PhraseIndex } from './phrase-index';
import { profanityFinder } from './profanity';
import { STOPWORDS } from './stopwords';
import { type AnalysedText, analyse, sentenceAt } from './text';
import type {
  AnnotatedComment,
  Annotation,
  ClaimAnnotation,
  CommentFlag,
  CommentInput,
  Span,
  TechniqueAnnotation,
} from './types';

/**
 * The engine: rule packs in, one annotator out. Strings in, spans out — no DOM, no browser API —
 * so the extension, the `annotate` command and the tests all run exactly the same judgement.
 */

export interface ArticleInput {
  title: string;
  text: string;
}

export interface PageAnnotations {
  article: (ArticleInput & { annotations: Annotation[] }) | null;
  comments: AnnotatedComment[];
}

export interface Annotator {
  readonly packs: readonly CompiledPack[];
  annotateArticle(text: string): Annotation[];
  /** Comments are judged together: off-topic needs the article, copy-paste spam needs the thread. */
  annotateComments(comments: readonly CommentInput[], articleText: string | null): AnnotatedComment[];
  annotatePage(article: ArticleInput | null, comments: readonly CommentInput[]): PageAnnotations;
  /** Whether one rule marks something in an example, as the user would see it; for the packs' tests. */
  ruleFires(ruleId: string, example: Example): boolean;
}

/** A phrase of a phrase rule, of a scored rule's feature, or a word that triggers a regex rule. */
type PhraseKey = { rule: CompiledRule; feature?: number; trigger?: true };

interface Hit extends Span {
  rule: CompiledRule;
  sentence: number;
}

/** What one pass over a text found, before it becomes annotations. */
interface TextHits {
  analysed: AnalysedText;
  hits: Hit[];
  /** Per sentence, per scored rule, the features that fired and the words that showed it. */
  features: Map<number, Map<CompiledRule, Map<number, Span>>>;
}

const SOURCING_NONE = 'No source is given for it.';

/** Builds an annotator from compiled packs; rule ids must be unique across packs. */
export function createAnnotator(packs: readonly CompiledPack[]): Annotator {
  const rules = packs.flatMap((p) => p.rules);
  const ids = new Set<string>();
  const clashes = rules.filter((r) => ids.size === ids.add(r.id).size).map((r) => `rule "${r.id}": id used by two packs`);
  if (clashes.length > 0) throw new RulePackError(packs.map((p) => p.name).join('+'), clashes);

  const phrases = new PhraseIndex<PhraseKey>();
  for (const rule of rules) {
    if (rule.kind === 'phrases') for (const stems of rule.phrases) phrases.add(stems, { rule });
    if (rule.kind === 'regex') for (const stems of rule.trigger) phrases.add(stems, { rule, trigger: true });
    if (rule.kind === 'scored')
      rule.features.forEach((f, feature) => f.phrases.forEach((stems) => phrases.add(stems, { rule, feature })));
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const active = { article: rulesByKind(rules, 'article'), comment: rulesByKind(rules, 'comment') };

  function collect(text: string, scope: Scope): TextHits {
    const analysed = analyse(text);
    const { sentences, tokens } = analysed;
    const hits: Hit[] = [];
    const features = new Map<number, Map<CompiledRule, Map<number, Span>>>();
    const triggered = new Map<CompiledRule, Set<number>>();
    sentences.forEach((sentence, index) => {
      phrases.match(tokens, sentence.firstToken, sentence.endToken, (key, first, end) => {
        const { rule, feature } = key;
        if (!rule.reads[scope]) return;
        if (key.trigger) return void (triggered.get(rule) ?? triggered.set(rule, new Set()).get(rule)!).add(index);
        const span = { start: tokens[first]!.start, end: tokens[end - 1]!.end };
        if (feature === undefined) hits.push({ rule, sentence: index, ...span });
        else noteFeature(features, index, rule, feature, span);
      });
    });
    for (const rule of active[scope].regex) {
      if (rule.trigger.length === 0) matchRegex(rule, text, 0, text.length, sentences, hits);
      else
        for (const index of triggered.get(rule) ?? []) {
          const s = sentences[index]!;
          matchRegex(rule, text, s.start, s.end, sentences, hits);
        }
    }
    const kept = hits.filter((h) => !h.rule.unless || !h.rule.unless.test(sentenceText(analysed, h.sentence)));
    return { analysed, hits: kept, features };
  }

  function techniques(found: TextHits, scope: Scope): TechniqueAnnotation[] {
    const { analysed } = found;
    const out: TechniqueAnnotation[] = [];
    const add = (rule: CompiledRule, span: Span, extra?: Record<string, string>) =>
      out.push({
        ...span,
        kind: 'technique',
        category: rule.category as TechniqueId,
        ruleId: rule.id,
        explanation: fillExplanation(rule.explanation, analysed.text.slice(span.start, span.end), extra),
      });
    for (const hit of found.hits) if (hit.rule.family === 'techniques') add(hit.rule, hit);
    for (const rule of active[scope].profanity)
      if (rule.family === 'techniques') for (const span of profanityFinder(rule.allow).find(analysed.text)) add(rule, span);
    for (const rule of active[scope].repetition)
      for (const { span, count } of repetitions(analysed, rule, out)) add(rule, span, { count: String(count) });
    return dedupe(out);
  }

  function claims(found: TextHits): ClaimAnnotation[] {
    const { analysed } = found;
    const bySentence = new Map<number, Hit[]>();
    for (const hit of found.hits) if (hit.rule.family === 'claims') push(bySentence, hit.sentence, hit);
    const out: ClaimAnnotation[] = [];
    analysed.sentences.forEach((sentence, index) => {
      const sentenceHits = bySentence.get(index) ?? [];
      const verdict =
        scoreClaim(found, index) ??
        sentenceHits
          .filter((h) => h.rule.category === 'claim')
          .map((h) => ({ rule: h.rule, cue: quoteCue(analysed.text.slice(h.start, h.end)) }))[0];
      if (!verdict) return;
      const span = tighten(analysed, sentence, verdict.rule);
      const { sourcing, note } = sourcingOf(analysed, sentenceHits);
      out.push({
        ...span,
        kind: 'claim',
        category: 'claim',
        sourcing,
        ruleId: verdict.rule.id,
        explanation: `${verdict.rule.explanation.replace('{cue}', verdict.cue)} ${note}`,
      });
    });
    return out;
  }

  /** The best-scoring claim rule that passes its threshold on this sentence, with its cue text. */
  function scoreClaim(found: TextHits, index: number): { rule: CompiledRule; cue: string } | undefined {
    const { analysed } = found;
    const text = sentenceText(analysed, index);
    const sentence = analysed.sentences[index]!;
    for (const rule of active.article.scored) {
      if (rule.family !== 'claims' || sentence.endToken - sentence.firstToken < rule.minWords) continue;
      if (rule.unless && rule.unless.test(text)) continue;
      const fired = new Map(found.features.get(index)?.get(rule) ?? []);
      rule.features.forEach((f, i) => {
        if (!f.pattern || fired.has(i)) return;
        const m = f.pattern.exec(text);
        if (m) fired.set(i, { start: sentence.start + m.indices![0]![0], end: sentence.start + m.indices![0]![1] });
      });
      let score = rule.bias;
      for (const i of fired.keys()) score += rule.features[i]!.weight;
      if (rule.words.size > 0) {
        const seen = new Set<string>();
        for (let t = sentence.firstToken; t < sentence.endToken; t++) {
          const stem = analysed.tokens[t]!.stem;
          if (!seen.has(stem)) score += rule.words.get(stem) ?? 0;
          seen.add(stem);
        }
      }
      if (score >= rule.threshold) return { rule, cue: describeEvidence(analysed.text, rule.features, fired) };
    }
    return undefined;
  }

  function commentFlags(found: TextHits, comment: string, repeatKey: string, thread: ThreadContext): CommentFlag[] {
    const out: CommentFlag[] = [];
    const add = (rule: CompiledRule, span: Span) =>
      out.push({
        ...span,
        category: rule.category as CommentFlagId,
        ruleId: rule.id,
        explanation: fillExplanation(rule.explanation, comment.slice(span.start, span.end)),
      });
    for (const hit of found.hits) if (hit.rule.family === 'comments') add(hit.rule, hit);
    const whole = { start: 0, end: comment.length };
    for (const rule of active.comment.profanity)
      if (rule.family === 'comments') for (const span of profanityFinder(rule.allow).find(comment)) add(rule, span);
    for (const rule of active.comment['topic-overlap'])
      if (thread.articleStems && isOffTopic(found.analysed, thread.articleStems, rule)) add(rule, whole);
    for (const rule of active.comment['repeated-comment'])
      if (repeatKey.length >= rule.minLength && (thread.repeats.get(repeatKey) ?? 0) > 1) add(rule, whole);
    return dedupe(out);
  }

  function annotateArticle(text: string): Annotation[] {
    const found = collect(text, 'article');
    return sortSpans([...claims(found), ...techniques(found, 'article')]);
  }

  function annotateComments(comments: readonly CommentInput[], articleText: string | null): AnnotatedComment[] {
    const repeatKeys = comments.map((c) => normaliseForRepeat(c.text));
    const thread: ThreadContext = {
      articleStems: articleText === null ? null : contentStems(analyse(articleText)),
      repeats: countBy(repeatKeys),
    };
    return comments.map(({ author, text }, i) => {
      const found = collect(text, 'comment');
      return {
        author,
        text,
        flags: commentFlags(found, text, repeatKeys[i]!, thread),
        annotations: sortSpans(techniques(found, 'comment')),
      };
    });
  }

  return {
    packs,
    annotateArticle,
    annotateComments,
    annotatePage(article, comments) {
      return {
        article: article && { ...article, annotations: annotateArticle(article.text) },
        comments: annotateComments(comments, article?.text ?? null),
      };
    },
    ruleFires(ruleId, example) {
      const rule = byId.get(ruleId);
      if (!rule) throw new Error(`no rule "${ruleId}"`);
      const { text, article = null, comments = [] } = typeof example === 'string' ? { text: example } : example;
      if (rule.category.startsWith('source-')) return collect(text, 'article').hits.some((h) => h.rule === rule);
      if (rule.family === 'comments' || !rule.reads.article) {
        const thread = annotateComments([...comments.map((c) => ({ author: '', text: c })), { author: '', text }], article);
        const own = thread.at(-1)!;
        return [...own.flags, ...own.annotations].some((a) => a.ruleId === ruleId);
      }
      return annotateArticle(text).some((a) => a.ruleId === ruleId);
    },
  };
}

/** Runs a regex rule over `text[from, to)`, its span being the `cue` group or the whole match. */
function matchRegex(
  rule: Extract<CompiledRule, { kind: 'regex' }>,
  text: string,
  from: number,
  to: number,
  sentences: AnalysedText['sentences'],
  hits: Hit[],
): void {
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  const { pattern } = rule;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[0].length === 0) pattern.lastIndex++;
    const [start, end] = (m.indices?.groups?.cue ?? m.indices![0]!).map((i) => i + from) as [number, number];
    const sentence = sentenceAt(sentences, start);
    if (sentence >= 0 && end > start) hits.push({ rule, sentence, start, end });
  }
}

interface ThreadContext {
  articleStems: ReadonlySet<string> | null;
  repeats: Map<string, number>;
}

type RulesByKind = { [K in CompiledRule['kind']]: Extract<CompiledRule, { kind: K }>[] };

/** The rules that read one scope, sorted by kind once, so no text pays for the sorting. */
function rulesByKind(rules: readonly CompiledRule[], scope: Scope): RulesByKind {
  const out: RulesByKind = {
    phrases: [],
    regex: [],
    scored: [],
    profanity: [],
    'topic-overlap': [],
    'repeated-comment': [],
    repetition: [],
  };
  for (const rule of rules) if (rule.reads[scope]) (out[rule.kind] as CompiledRule[]).push(rule);
  return out;
}

function noteFeature(
  features: Map<number, Map<CompiledRule, Map<number, Span>>>,
  sentence: number,
  rule: CompiledRule,
  feature: number,
  span: Span,
): void {
  let perRule = features.get(sentence);
  if (!perRule) features.set(sentence, (perRule = new Map()));
  let fired = perRule.get(rule);
  if (!fired) perRule.set(rule, (fired = new Map()));
  if (!fired.has(feature)) fired.set(feature, span);
}

function sentenceText({ text, sentences }: AnalysedText, index: number): string {
  const s = sentences[index]!;
  return text.slice(s.start, s.end);
}

/** Names the two strongest pieces of evidence a claim rule saw, e.g. `a number (“2019”)`. */
function describeEvidence(text: string, features: readonly CompiledFeature[], fired: Map<number, Span>): string {
  const shown = [...fired]
    .map(([i, span]) => ({ feature: features[i]!, span }))
    .filter(({ feature }) => feature.weight > 0)
    .sort((a, b) => b.feature.weight - a.feature.weight)
    .slice(0, 2)
    .map(({ feature, span }) => `${feature.label} (${quoteCue(text.slice(span.start, span.end))})`);
  return shown.length > 0 ? shown.join(', ') : 'its wording';
}

/** Cuts leading discourse markers ("After all, ") and the final full stop from a claim's span. */
function tighten(analysed: AnalysedText, sentence: Span, rule: CompiledRule): Span {
  let { start, end } = sentence;
  const { text } = analysed;
  if (rule.kind === 'scored') {
    for (let changed = true; changed; ) {
      changed = false;
      for (const trim of rule.trim) {
        const m = trim.exec(text.slice(start, end));
        if (m && m[0].length > 0 && m[0].length < end - start) {
          start += m[0].length;
          changed = true;
        }
      }
    }
  }
  while (end > start && /[.!;:\s]/.test(text[end - 1]!)) end--;
  return { start, end };
}

function sourcingOf(analysed: AnalysedText, hits: readonly Hit[]): { sourcing: Sourcing; note: string } {
  for (const [category, sourcing] of [
    ['source-attributed', 'attributed'],
    ['source-vague', 'vague'],
  ] as const) {
    const hit = hits.find((h) => h.rule.category === category);
    if (hit) return { sourcing, note: fillExplanation(hit.rule.explanation, analysed.text.slice(hit.start, hit.end)) };
  }
  return { sourcing: 'none', note: SOURCING_NONE };
}

/** Later occurrences of a phrase already said: charged cues of other techniques, or long n-grams. */
function repetitions(
  analysed: AnalysedText,
  rule: Extract<CompiledRule, { kind: 'repetition' }>,
  charged: readonly TechniqueAnnotation[],
): { span: Span; count: number }[] {
  const groups = new Map<string, Span[]>();
  if (rule.charged) {
    for (const a of charged) push(groups, stemsIn(analysed, a).join(' '), a);
  }
  const { tokens, sentences } = analysed;
  const n = rule.minWords;
  for (const s of sentences) {
    for (let i = s.firstToken; i + n <= s.endToken; i++) {
      const first = tokens[i]!.stem;
      const last = tokens[i + n - 1]!.stem;
      if (STOPWORDS.has(first) || STOPWORDS.has(last)) continue;
      const key = tokens.slice(i, i + n).map((t) => t.stem).join(' ');
      push(groups, key, { start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
  }
  const out: { span: Span; count: number }[] = [];
  for (const [key, spans] of groups) {
    if (!key) continue;
    const distinct = spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
    if (distinct.length > 1) for (const span of distinct.slice(1)) out.push({ span, count: distinct.length });
  }
  return out;
}

function stemsIn({ tokens }: AnalysedText, span: Span): string[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= span.end; i++) out.push(tokens[i]!.stem);
  return out;
}

function contentStems(analysed: AnalysedText): Set<string> {
  const out = new Set<string>();
  for (const t of analysed.tokens) if (isContent(t.stem)) out.add(t.stem);
  return out;
}

function isContent(stem: string): boolean {
  return stem.length >= 3 && !STOPWORDS.has(stem) && !/^\d+$/.test(stem);
}

function isOffTopic(
  comment: AnalysedText,
  articleStems: ReadonlySet<string>,
  rule: Extract<CompiledRule, { kind: 'topic-overlap' }>,
): boolean {
  const words = contentStems(comment);
  if (words.size < rule.minWords) return false;
  let shared = 0;
  for (const w of words) if (articleStems.has(w)) shared++;
  return shared < rule.minShared;
}

function normaliseForRepeat(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortSpans<T extends Span>(spans: T[]): T[] {
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Of spans of the same category, keeps one per place: a span inside another of its category goes. */
function dedupe<T extends Span & { category: string }>(spans: T[]): T[] {
  const kept: T[] = [];
  const widest = new Map<string, number>();
  for (const span of sortSpans(spans)) {
    if ((widest.get(span.category) ?? -1) >= span.end) continue;
    widest.set(span.category, span.end);
    kept.push(span);
  }
  return kept;
}
