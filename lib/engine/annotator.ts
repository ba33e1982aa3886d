import type { CompiledPack, CompiledRule, Scope } from '../rules/compile';
import { RulePackError } from '../rules/compile';
import type { Example } from '../rules/schema';
import type { CommentFlagId, TechniqueId } from './categories';
import { findClaims } from './claims';
import { blankDegenerate, outsideDegenerate } from './degenerate';
import { fillExplanation } from './explain';
import { type PhraseKey, type TextHits, collectHits } from './hits';
import { PhraseIndex } from './phrase-index';
import { profanityFinder } from './profanity';
import { findRepetitions } from './repetition';
import { TECHNIQUES } from './categories';
import { classifyComment } from './comment-classifier';
import { attributedQuotes, insideAny, quotedSpans } from './quotes';
import { dedupe, push, sortSpans } from './spans';
import { tagSpans } from './tagger';
import { type LanguageVerdict, languageOf } from './language';
import { round, techniqueConfidence } from './confidence';
import { blankCitations } from './citations';
import { repeatedLines } from './repeated-blocks';
import { discountRepeatedCues } from './repeated-cues';
import { type PageKind, pageKindOf } from './page-kind';
import { describesAThing } from './put-downs';
import { calibrated, inCompound, lexiconSpans, plainTerms, pageTone, withIntensifier, withLoadedNoun } from './lexicon';
import { isRepeated, offTopicCertainty, threadContext } from './thread';
import type { AnnotatedComment, Annotation, CommentFlag, CommentInput, Span, TechniqueAnnotation } from './types';

/**
 * The engine: rule packs in, one annotator out. Strings in, spans out — no DOM, no browser API —
 * so the extension, the `annotate` command and the tests all run exactly the same judgement.
 */

export interface ArticleInput {
  title: string;
  text: string;
  /** The page's declared language (its `lang` attribute), if any. */
  lang?: string;
}

export interface PageAnnotations {
  article: (ArticleInput & { annotations: Annotation[] }) | null;
  comments: AnnotatedComment[];
  /** The page's language; where the packs do not read it, nothing is marked. */
  language: LanguageVerdict;
  /** Set when the article reads as instructions (a recipe, a tutorial, a buying guide) or as a review or story of films, games, books or music: its marks are all below the confident line. */
  readsAs?: PageKind;
}

export interface Annotator {
  readonly packs: readonly CompiledPack[];
  annotateArticle(text: string): Annotation[];
  /** Comments are judged together: off-topic needs the article, copy-paste spam needs the thread. */
  annotateComments(comments: readonly CommentInput[], articleText: string | null): AnnotatedComment[];
  /** `context`: the article the comments answer, when it came in an earlier batch. */
  annotatePage(article: ArticleInput | null, comments: readonly CommentInput[], context?: string | null): PageAnnotations;
  /** Whether one rule marks something in an example, as the user would see it; for the packs' tests. */
  ruleFires(ruleId: string, example: Example): boolean;
}

/** Builds an annotator from compiled packs; rule ids must be unique across packs. */
export function createAnnotator(packs: readonly CompiledPack[]): Annotator {
  const rules = packs.flatMap((p) => p.rules);
  const byId = new Map<string, CompiledRule>();
  const clashes: string[] = [];
  for (const rule of rules) {
    if (byId.has(rule.id)) clashes.push(`rule "${rule.id}": id used by two packs`);
    byId.set(rule.id, rule);
  }
  if (clashes.length > 0) throw new RulePackError(packs.map((p) => p.name).join('+'), clashes);

  const phrases = new PhraseIndex<PhraseKey>();
  for (const rule of rules) {
    if (rule.kind === 'phrases') for (const stems of rule.phrases) phrases.add(stems, { rule });
    if (rule.kind === 'regex') for (const stems of rule.trigger) phrases.add(stems, { rule, trigger: true });
    if (rule.kind === 'scored')
      rule.features.forEach((f, feature) => f.phrases.forEach((stems) => phrases.add(stems, { rule, feature })));
  }
  const active = { article: rulesByKind(rules, 'article'), comment: rulesByKind(rules, 'comment') };
  const collect = (text: string, scope: Scope) => collectHits(text, scope, phrases, active[scope].regex);

  function techniques(found: TextHits, scope: Scope): TechniqueAnnotation[] {
    const { text } = found.analysed;
    const out: TechniqueAnnotation[] = [];
    const lexicon = active[scope].lexicon[0];
    const tone = lexicon ? pageTone(found.analysed, lexicon) : 0;
    const add = (rule: CompiledRule, span: Span, extra?: Record<string, string>, category = rule.category as TechniqueId, own = rule.confidence) =>
      out.push({
        start: span.start,
        end: span.end,
        kind: 'technique',
        category,
        ruleId: rule.id,
        // The lexicon's rule explains loaded words; a word it reads as a label is explained as one.
        explanation: fillExplanation(rule.kind === 'lexicon' && category === 'name-calling' ? LABEL_EXPLANATION : rule.explanation, text.slice(span.start, span.end), extra),
        confidence: techniqueConfidence(own, tone),
      });
    const plain = plainTerms(text);
    for (const hit of found.hits)
      if (hit.rule.family === 'techniques' && !inCompound(text, hit) && !(hit.rule.category === 'loaded-language' && insideAny(plain, hit)))
        add(hit.rule, hit.rule.category === 'loaded-language' ? withIntensifier(found.analysed, withLoadedNoun(found.analysed, hit)) : hit);
    for (const rule of active[scope].profanity)
      if (rule.family === 'techniques') for (const span of profanityFinder(rule.allow).find(text)) add(rule, span);
    // The lexicon's word-level marks give way to a hand-written rule's mark of the same words: one mark per phrase.
    const handMarked = out.length;
    for (const rule of active[scope].lexicon)
      for (const span of lexiconSpans(found.analysed, rule).map((s) => ({ ...s, ...withIntensifier(found.analysed, s) })))
        if (!out.slice(0, handMarked).some((a) => a.start < span.end && span.start < a.end))
          add(rule, span, { technique: TECHNIQUES[span.category].label.toLowerCase() }, span.category, calibrated(rule, span.strength));
    for (const rule of active[scope].repetition)
      for (const { span, count } of findRepetitions(found.analysed, rule, out)) add(rule, span, { count: String(count) });
    const quotes = quotedSpans(text);
    if (active[scope].tagger.length > 0) {
      // A hand-written rule's mark of the same technique in the same place explains it better.
      const handWritten = new Map<string, Span[]>();
      for (const a of out) push(handWritten, a.category, a);
      for (const rule of active[scope].tagger)
        for (const tagged of tagSpans(found.analysed, rule, quotes)) {
          if (handWritten.get(tagged.category)?.some((a) => a.start < tagged.end && a.end > tagged.start)) continue;
          add(rule, tagged, { technique: TECHNIQUES[tagged.category].label.toLowerCase(), words: tagged.cue }, tagged.category);
        }
    }
    markQuoted(out, attributedQuotes(text, quotes));
    // Words inside quotation marks are the speaker's, reported: the writer may not be pushing them.
    for (const a of out) if (insideAny(quotes, a)) a.confidence = round(a.confidence * QUOTED_DISCOUNT);
    const marks = dedupe(out);
    discountRepeatedCues(marks, text);
    return marks;
  }

  function commentFlags(found: TextHits, index: number, thread: ReturnType<typeof threadContext>): CommentFlag[] {
    const { text } = found.analysed;
    const out: CommentFlag[] = [];
    const add = (rule: CompiledRule, span: Span, own = rule.confidence) =>
      out.push({
        start: span.start,
        end: span.end,
        category: rule.category as CommentFlagId,
        ruleId: rule.id,
        explanation: fillExplanation(rule.explanation, text.slice(span.start, span.end)),
        confidence: round(own),
      });
    const whole = { start: 0, end: text.length };
    // An insulting adjective describing a thing ("a stupid markup") attacks nobody.
    const aimless = (rule: CompiledRule, span: Span) => rule.category === 'insult' && describesAThing(text, span);
    for (const hit of found.hits) if (hit.rule.family === 'comments' && !aimless(hit.rule, hit)) add(hit.rule, hit);
    for (const rule of active.comment.profanity)
      if (rule.family === 'comments') for (const span of profanityFinder(rule.allow).find(text)) if (!aimless(rule, span)) add(rule, span);
    for (const rule of active.comment['topic-overlap']) {
      const certainty = offTopicCertainty(found.analysed, thread, index, rule);
      if (certainty > 0) add(rule, whole, rule.confidence * certainty);
    }
    for (const rule of active.comment['repeated-comment']) if (isRepeated(thread, index, rule)) add(rule, whole);
    for (const rule of active.comment.classifier) {
      // Hand-written rules name their cue better; the model only speaks on comments they leave unflagged.
      if (out.length > 0 || rule.unless?.test(text)) continue;
      const cue = classifyComment(text, rule);
      if (cue && !aimless(rule, cue)) add(rule, cue, cue.probability);
    }
    return dedupe(out);
  }

  function readArticle(text: string): { annotations: Annotation[]; kind: PageKind | undefined } {
    // "very very very …" says nothing, and a footnote number is no figure: both are left alone.
    const found = collect(blankCitations(blankDegenerate(text)), 'article');
    const repeated = repeatedLines(text);
    const marks = [...findClaims(found, active.article.scored), ...techniques(found, 'article')];
    // A recipe, a tutorial, a shopping guide or a film review is not what the marks are for: they wait until the reader asks for all.
    const kind = pageKindOf(found.analysed);
    if (kind) for (const m of marks) m.confidence = round(m.confidence * OTHER_KIND_DISCOUNT);
    return { annotations: sortSpans(repeated.length === 0 ? marks : marks.filter((m) => !insideAny(repeated, m))), kind };
  }
  const annotateArticle = (text: string) => readArticle(text).annotations;

  function annotateComments(comments: readonly CommentInput[], articleText: string | null): AnnotatedComment[] {
    const thread = threadContext(comments, articleText);
    return comments.map(({ author, text }, i) => {
      const found = collect(text, 'comment');
      return { author, text, flags: commentFlags(found, i, thread), annotations: sortSpans(outsideDegenerate(techniques(found, 'comment'), text)) };
    });
  }

  return {
    packs,
    annotateArticle,
    annotateComments,
    annotatePage(article, comments, context = article?.text ?? null) {
      const language = languageOf(article?.text ?? context ?? comments.map((c) => c.text).join('\n'), article?.lang);
      if (!language.covered)
        return {
          article: article && { ...article, annotations: [] },
          comments: comments.map(({ author, text }) => ({ author, text, flags: [], annotations: [] })),
          language,
        };
      const read = article && readArticle(article.text);
      return {
        article: article && { ...article, annotations: read!.annotations },
        comments: annotateComments(comments, context),
        language,
        ...(read?.kind && { readsAs: read.kind }),
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
    tagger: [],
    classifier: [],
    lexicon: [],
  };
  for (const rule of rules) if (rule.reads[scope]) (out[rule.kind] as CompiledRule[]).push(rule);
  return out;
}

/** What every article mark keeps of its confidence on a page that reads as instructions: below the confident line, always. */
const OTHER_KIND_DISCOUNT = 0.45;

/** How a word the lexicon reads as a label is explained (the technique's definition, in plain words). */
const LABEL_EXPLANATION = '{cue} is a label pinned on its target, meant to make the reader fear, despise or mock it instead of weighing an argument.';

/** What a technique mark keeps of its confidence inside quotation marks. */
const QUOTED_DISCOUNT = 0.7;

/** Marks the techniques that sit inside a quotation attributed to a named speaker. */
function markQuoted(annotations: TechniqueAnnotation[], quotes: readonly Span[]): void {
  if (quotes.length === 0) return;
  for (const a of annotations) if (insideAny(quotes, a)) a.quoted = true;
}
