import type { CompiledFeature, CompiledRule } from '../rules/compile';
import { NAME_TITLES } from './abbreviations';
import type { Sourcing } from './categories';
import { TWEET_SIGNATURE, attributionOf } from './attribution';
import { round } from './confidence';
import { fillExplanation, quoteCue } from './explain';
import { type Hit, type TextHits, sentenceText } from './hits';
import { isInstruction } from './page-kind';
import { quotedSpans } from './quotes';
import { push } from './spans';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import type { AnalysedText } from './text';
import type { ClaimAnnotation, Span } from './types';
import type { WeightTable } from './weights';

/**
 * Claims: sentences a scored rule judges check-worthy (or a claim pattern marks), tightened to
 * their clause, each with its sourcing — a named source, a vague gesture at one, or none.
 */

export type ScoredRule = Extract<CompiledRule, { kind: 'scored' }>;

const SOURCING_NONE = 'No source is given for it.';

export function findClaims(found: TextHits, scored: readonly ScoredRule[]): ClaimAnnotation[] {
  const { analysed } = found;
  const bySentence = new Map<number, Hit[]>();
  for (const hit of found.hits) if (hit.rule.family === 'claims') push(bySentence, hit.sentence, hit);
  const out: ClaimAnnotation[] = [];
  let quoted: Span[] | undefined;
  const quotes = () => (quoted ??= quotedSpans(analysed.text));
  analysed.sentences.forEach((sentence, index) => {
    if (isShouted(analysed.text, sentence) || isNotAStatement(analysed.text, sentence)) return;
    const sentenceHits = bySentence.get(index) ?? [];
    const pattern = sentenceHits.find((h) => h.rule.category === 'claim');
    const verdict =
      scoreSentence(found, index, scored, quotes) ??
      (pattern && {
        rule: pattern.rule,
        cue: quoteCue(analysed.text.slice(pattern.start, pattern.end)),
        figure: undefined,
        confidence: pattern.rule.confidence,
      });
    if (!verdict) return;
    const { sourcing, note, source } = sourcingOf(analysed, index, sentenceHits, quotes);
    const claim = tighten(analysed, sentence, verdict.rule);
    out.push({
      ...claim,
      shown: (source && source.start >= sentence.start && source.end <= sentence.end ? headOf(analysed.text, source) : verdict.figure) ?? lastWord(analysed.text, claim),
      kind: 'claim',
      category: 'claim',
      sourcing,
      ruleId: verdict.rule.id,
      explanation: `${verdict.rule.explanation.replace('{cue}', verdict.cue)} ${note}`,
      confidence: round(verdict.confidence),
    });
  });
  return out;
}

/**
 * The first scored rule whose features and word weights reach its threshold on this sentence,
 * unless a rule with a veto scores below it (a learned rule overruling the hand-written one).
 * Patterns are only tested while scoring; the words that showed them are found for the winner.
 */
function scoreSentence(
  found: TextHits,
  index: number,
  scored: readonly ScoredRule[],
  quotes: () => readonly Span[],
): { rule: ScoredRule; cue: string; figure: Span | undefined; confidence: number } | undefined {
  const { analysed } = found;
  const sentence = analysed.sentences[index]!;
  let text: string | undefined;
  // The learned claim rule repeats the hand-written rule's patterns: each is tested once per sentence.
  // (The compiler gives equal patterns of a pack one RegExp.)
  const tested = new Map<RegExp, boolean>();
  const matches = (pattern: RegExp) => {
    let found = tested.get(pattern);
    if (found === undefined) tested.set(pattern, (found = pattern.test(text!)));
    return found;
  };
  let winner: { rule: ScoredRule; fired: number[] } | undefined;
  let learned: number | undefined;
  for (const rule of scored) {
    if (rule.family !== 'claims' || sentence.endToken - sentence.firstToken < rule.minWords) continue;
    if (winner && rule.veto === null) continue;
    text ??= sentenceText(analysed, index);
    if (rule.unless?.test(text)) continue;
    const phraseFeatures = found.features.get(index)?.get(rule);
    let score = rule.bias;
    const fired: number[] = [];
    rule.features.forEach((f, i) => {
      if (f.weight === 0) return;
      if (phraseFeatures?.has(i) || (f.pattern && matches(f.pattern))) {
        score += f.weight;
        fired.push(i);
      }
    });
    if (!rule.words.empty) score += wordScore(analysed, sentence, rule.words);
    if (rule.veto !== null && score < rule.veto) return undefined;
    // A learned rule's score is its log-odds: the claim's confidence, whichever rule claims it.
    if (rule.veto !== null) learned = 1 / (1 + Math.exp(-score));
    if (!winner && score >= rule.threshold) winner = { rule, fired };
  }
  if (!winner) return undefined;
  const { rule, fired } = winner;
  const phraseFeatures = found.features.get(index)?.get(rule);
  const spans = new Map<number, Span>();
  for (const i of fired) {
    const f = rule.features[i]!;
    const m = f.pattern ? f.pattern.exec(text!) : null;
    const span = phraseFeatures?.get(i) ?? (m && { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    if (span) spans.set(i, span);
  }
  const evidence = strongestEvidence(analysed.text, rule.features, spans)
    .map(({ feature, span }) => `${feature.label} (${quoteCue(analysed.text.slice(span.start, span.end))})`)
    .join(', ');
  const cue = evidence || strongestWords(analysed, sentence, rule.words);
  const figure = [...spans]
    .filter(([i]) => FIGURES.has(rule.features[i]!.id))
    .map(([i, span]) => evidenceSpan(analysed.text, rule.features[i]!.id, span))
    .find((span) => span !== null && analysed.text[span.start - 1] !== '#'); // "Lesson #1" counts nothing
  // The writer's own experience ("In 2002 I tried to install …") is testimony: rarely what a fact-checker would check.
  const line = text ?? sentenceText(analysed, index);
  const testimony =
    FIRST_PERSON.test(line) || WORKING.test(line)
      ? OWN_EXPERIENCE_DISCOUNT
      : READER_ADDRESSED.test(line) || WRITER_PLANS.test(line) || CONDITIONAL.test(line)
        ? READER_ADDRESSED_DISCOUNT
        : 1;
  const voiced = quotedWithoutEvidence(analysed.text, sentence, quotes(), rule.features, spans) ? QUOTED_VIEW_DISCOUNT : 1;
  return { rule, cue: cue || 'its wording', figure: figure ?? undefined, confidence: (learned ?? rule.confidence) * testimony * voiced };
}

/** What a sentence that is mostly a quotation, with none of the claim's evidence inside it, keeps of its confidence. */
const QUOTED_VIEW_DISCOUNT = 0.6;
const FIGURE_WORDS = /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent)\b/iu;
const FIRST_WORD = /^[“"‘\s]*\S+/u;
/** A capitalised word that opens no sentence and is not "I": a name. */
const QUOTED_NAME = /(?<![.!?]\s+)(?<![\p{L}'’])(?!I(?:['’]|\b))\p{Lu}[\p{L}'’-]*/u;

/**
 * A quotation that carries no figure, date, name or event of its own ("‘It's a horrible death out
 * there, starving and freezing,’ said Ann Moss"): only the speaker's name and "said" outside it made
 * the sentence look check-worthy, and what is quoted is a view or a feeling.
 */
function quotedWithoutEvidence(
  text: string,
  sentence: Span,
  quotes: readonly Span[],
  features: readonly CompiledFeature[],
  spans: ReadonlyMap<number, Span>,
): boolean {
  // The text's quotations, cut to the sentence (a quotation may run over several).
  const quoted = quotes
    .filter((q) => q.start < sentence.end && q.end > sentence.start)
    .map((q) => ({ start: Math.max(q.start, sentence.start), end: Math.min(q.end, sentence.end) }));
  const covered = quoted.reduce((sum, q) => sum + q.end - q.start, 0);
  if (covered < 0.6 * (sentence.end - sentence.start)) return false;
  // Figures in words are figures too: "two tablets was a lethal dose – and she had taken eight".
  if (quoted.some((q) => FIGURE_WORDS.test(text.slice(q.start, q.end)))) return false;
  // So are names past the quotation's first word ("weapons made in the US and Israel", "the Hanukkah celebration").
  if (quoted.some((q) => QUOTED_NAME.test(text.slice(q.start, q.end).replace(FIRST_WORD, '')))) return false;
  for (const [i, span] of spans) {
    const shown = evidenceSpan(text, features[i]!.id, span);
    if (shown && features[i]!.weight > 0 && quoted.some((q) => q.start <= shown.start && shown.end <= q.end)) return false;
  }
  return true;
}

/** The learned weights of the sentence's distinct stems and stem pairs. */
function wordScore(analysed: AnalysedText, sentence: AnalysedText['sentences'][number], words: WeightTable): number {
  let score = 0;
  for (const key of sentenceWordKeys(analysed, sentence)) score += words.get(key) ?? 0;
  return score;
}

/**
 * The keys of `words` a sentence shows, each once: its stems, adjacent stem pairs ("stem stem"),
 * its opening word and pair (`^stem`, `^stem stem`), and a few shapes — `#num` (a figure),
 * `#year`, `#money` (a figure after `$`), `#pct` (a figure before `%` or "percent"), `#past` (a
 * word in -ed), `#cap` (a capitalised word inside the sentence), `#cap2` (two in a row), `#q` (it
 * ends in a question mark), `#len<n` (its length in words).
 */
export function sentenceWordKeys(analysed: AnalysedText, sentence: AnalysedText['sentences'][number]): Set<string> {
  const keys = new Set<string>();
  const { tokens, text } = analysed;
  const first = sentence.firstToken;
  const n = sentence.endToken - first;
  keys.add(n < 8 ? '#len<8' : n < 16 ? '#len<16' : n < 30 ? '#len<30' : '#len30+');
  if (n > 0) keys.add(`^${tokens[first]!.stem}`);
  if (n > 1) keys.add(`^${tokens[first]!.stem} ${tokens[first + 1]!.stem}`);
  let capitalised = false;
  for (let t = first; t < sentence.endToken; t++) {
    const token = tokens[t]!;
    keys.add(token.stem);
    if (t + 1 < sentence.endToken) keys.add(`${token.stem} ${tokens[t + 1]!.stem}`);
    const c = text.charCodeAt(token.start);
    const wasCapitalised = capitalised;
    capitalised = false;
    if (c >= 48 && c <= 57) {
      keys.add('#num');
      const length = token.end - token.start;
      const c1 = text.charCodeAt(token.start + 1);
      if (length === 4 && ((c === 49 && (c1 === 56 || c1 === 57)) || (c === 50 && c1 === 48))) keys.add('#year');
      if (text.charCodeAt(token.start - 1) === 36) keys.add('#money');
      if (text.charCodeAt(token.end) === 37 || (t + 1 < sentence.endToken && tokens[t + 1]!.stem === 'percent')) keys.add('#pct');
    } else if (c >= 65 && c <= 90 && t > first) {
      keys.add('#cap');
      if (wasCapitalised) keys.add('#cap2');
      capitalised = true;
    }
    if (text.endsWith('ed', token.end) && token.end - token.start > 4) keys.add('#past');
  }
  let end = sentence.end - 1;
  while (end > sentence.start && /["'”’)\s]/.test(text[end]!)) end--;
  if (text.charCodeAt(end) === 63) keys.add('#q');
  return keys;
}

/** The two strongest pieces of evidence a claim rule saw, strongest first, e.g. a number (“2019”). */
function strongestEvidence(text: string, features: readonly CompiledFeature[], fired: Map<number, Span>): { feature: CompiledFeature; span: Span }[] {
  return [...fired]
    .map(([i, span]) => ({ feature: features[i]!, span: evidenceSpan(text, features[i]!.id, span) }))
    .filter((x): x is { feature: CompiledFeature; span: Span } => x.feature.weight > 0 && x.span !== null)
    .sort((a, b) => b.feature.weight - a.feature.weight)
    // The same words shown twice ("a number (“$6 million”), an amount (“$6 million”)") explain nothing more.
    .filter((x, i, all) => all.findIndex((y) => y.span.start === x.span.start && y.span.end === x.span.end) === i)
    .slice(0, 2);
}

const FIGURES = new Set(['number', 'money-or-share']);
/** "I" as the subject of the writer's own sentence (not inside a quotation that opens it): "In 2002, I tried", "I've been playing". */
const FIRST_PERSON = /(?:^|[,;:—–]\s*|\b(?:[Aa]nd|[Bb]ut|[Ww]hen|[Aa]fter|[Bb]efore|[Tt]hen|[Ss]o|[Oo]nce|[Ss]ince|[Uu]ntil|[Ww]hile)\s+)I(?:['’](?:ve|d|m|ll))?\s+(?!said|say|think)\p{Ll}/u;
/** What a claim the writer makes of their own experience keeps of its confidence. */
const OWN_EXPERIENCE_DISCOUNT = 0.6;
/** The writer's own working ("$4K x 3 per episode = $12K"): a calculation shown, not a record to check. */
const WORKING = /\d[\d.,]*[kKmMbB]?\s+[x×*]\s+\$?\d|\d[\d.,]*[kKmMbB]?\s*=\s*[$€£]?\d/u;
/** A sentence that tells the reader what they can, should or will do ("You can also pay $15 for …"): advice, not a record. */
const READER_ADDRESSED = /^["“]?(?:\p{Lu}\p{Ll}+,\s+)?you(?:['’](?:ll|d))?\s+(?:can|could|should|will|would|need|must|may|might|know|have to|want|get to)\b/iu;
const READER_ADDRESSED_DISCOUNT = 0.5;
/**
 * A sentence that supposes or hopes ("If Kim does not turn up, it could fuel speculation", "Assuming
 * the sources are right, that pegs the price at …", "It is quite possible that …", "Hopefully …"):
 * what it states hangs on a condition, which no record can confirm. "If you look at the number of
 * …, it's less than 100" and "If you include a button, you're helping Facebook" state a fact.
 */
const CONDITIONAL = /^["“‘]?(?:(?:and|but|so),?\s+)?(?:if(?!\s+you\b)|unless|assuming|supposing|provided that|hopefully|whether or not|the (?:longer|more|sooner)\b[^,]{1,60},\s*the (?:more|less|longer|sooner))\b|\bit(?:['’]s| is| was| would be| seems| remains)\s+(?:quite\s+|very\s+|entirely\s+|not\s+)?(?:possible|conceivable|likely|unlikely|plausible)\s+(?:that|to)\b/iu;
/** The writer announcing their own plans ("So in 0.17 we're going to restore …", "Next month we will add …"): a promise, not a record. Not a quotation's "we". */
const WRITER_PLANS = /^(?![^,]{0,40}\b(?:said|says|told)\b)(?:[\p{L}\p{N}.]+,?\s+){0,3}?(?:we|I)(?:(?:['’](?:re|m)| are| am)\s+(?:\p{L}+ly\s+)?going to|(?:['’]ll| will| plan to| intend to| hope to| want to)\s+(?:\p{L}+ly\s+)?\p{L}+)\b/iu;
const AMOUNT_BEFORE = /(?<![\p{L}\p{N}.,])\d[\d.,]*(?:\s+(?:trillion|billion|million|thousand))?\s+$/u;

/**
 * A source's first words, enough to mark where it is: "Ajmi Lourimi" of "Ajmi Lourimi, a member of
 * Ennahda's general secretariat, said", the name of "X has spent no effort …, saying".
 */
function headOf(text: string, source: Span): Span {
  const words = [...text.slice(source.start, source.end).matchAll(/[^\s,;:—–]+/g)];
  if (words.length <= 6) return source;
  // Up to the last capitalised word of the first six (the end of a name or title), else four words.
  const named = words.slice(0, 6).findLast((w, i) => i > 0 && /^\p{Lu}/u.test(w[0]));
  const last = named ?? words[3]!;
  const comma = text.slice(source.start, source.end).search(/[,;:—–]/);
  const end = comma > 0 && comma < last.index + last[0].length ? comma : last.index + last[0].length;
  return { start: source.start, end: source.start + end };
}

/** Where a claim with no source or figure to show is marked: its last word, a marker at the sentence's end. */
function lastWord(text: string, claim: Span): Span {
  const words = [...text.slice(claim.start, claim.end).matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}'’%-]*[\p{L}\p{N}%])?/gu)];
  if (words.length === 0) return claim;
  // A name at the end ("… was approved by Colvin") would read as the thing the claim is about: the
  // last plain word before it carries the mark, when there is one close by.
  const capitalised = (w: RegExpExecArray | undefined) => w !== undefined && /^\p{Lu}/u.test(w[0]);
  const last = words.slice(-NEAR_END);
  // A word that runs straight into the name ("the new Data Retention Bill") belongs to the name.
  const plain = [...last.keys()]
    .reverse()
    .map((i) => last[i]!)
    .find((w, k, rev) => !capitalised(w) && !STOPWORDS.has(stem(w[0].toLowerCase())) && !(capitalised(rev[k - 1]) && rev[k - 1]!.index === w.index + w[0].length + 1));
  const word = /^\p{Lu}/u.test(words.at(-1)![0]) && plain ? plain : words.at(-1)!;
  return { start: claim.start + word.index, end: claim.start + word.index + word[0].length };
}
/** How many of a claim's last words are looked through for a plain one. */
const NEAR_END = 5;

/** A line in capitals is a heading, a kicker or a button ("SIGN UP FOR OUR NEWSLETTER"), not a statement. */
function isShouted(text: string, sentence: Span): boolean {
  const letters = text.slice(sentence.start, sentence.end).replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Page furniture and other text that reads like a sentence but states nothing a fact-checker would
 * check: a timestamp or dateline ("First published February 1, 2016: 1:28 AM ET", "Posted:
 * Thursday, April 21, 2022."), an entry of a reference list ("Proc Natl Acad Sci U S A.
 * 2005;102(11):4134–9", "… doi:10.1038/…"), an instruction to the reader ("Use immediately or store,
 * covered, for up to seven days."), or a line of its own with no closing punctuation and no verb, as
 * link and section heads are ("More about the federal debt and the economy").
 */
function isNotAStatement(text: string, sentence: Span): boolean {
  const line = text.slice(sentence.start, sentence.end).trim();
  const words = line.split(/\s+/).length;
  if (TIMESTAMP.test(line) && words <= 14) return true;
  if (DATELINE.test(line) && words <= 10) return true;
  if (REFERENCE.test(line) || FURNITURE.test(line) || TWEET_SIGNATURE.test(line) || isInstruction(line)) return true;
  // A "Related" box whose headlines ran into its label ("RelatedApple Watch battery life …").
  if (/^Related\p{Lu}/u.test(line)) return true;
  const ownLine = (sentence.start === 0 || text[sentence.start - 1] === '\n') && (sentence.end >= text.length || text[sentence.end] === '\n');
  if (ownLine && !/[.!?…]["”’]?$/.test(line) && isTitleCase(line)) return true;
  return ownLine && !/[.!?…:;"”’)]$/.test(line) && line.split(/\s+/).length <= 12 && !VERB_LIKE.test(line);
}

/** Short words a title leaves in lower case. */
const TITLE_SMALL = new Set('a an the of for and or nor but in on at to by with from as vs via per is are be into onto over up'.split(' '));

/** A line set in title case, as headings are ("Video Is the Engagement Tool for Marketers in 2020", "“Rush of Blood” ($20)"). */
function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w && !TITLE_SMALL.has(w.toLowerCase()));
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}$€£]/u.test(w)).length;
  return words.length >= 3 && words.length <= 14 && capitalised === words.length && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
}

const TIMESTAMP = /\b(?:published|updated|posted|last modified)\b[^.]*\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|ET|EST|EDT|GMT|BST|UTC|CET)?\b/i;
const DATELINE = /^(?:posted|published|updated|last updated|first published|modified)\b[^.!?]{0,60}\b(?:1[89]|20)\d\d\.?$/i;
/**
 * Lines the page wraps around the article: a caption or credit ("Header Image: …", "Credit: Tomas
 * Munita/CIFOR (CC BY-NC-ND 2.0)"), an editor's or advertiser's note, a copyright footer, a reporting
 * credit ("Stella Kim reported from Seoul", "Additional reporting by …").
 */
const FURNITURE = new RegExp(
  [
    String.raw`^(?:(?:header |featured |top |lead )?(?:image|photo|photograph|picture|illustration|credit|credits|caption|video|graphic)s?(?:\s*\([^)]{0,40}\))?\s*:`,
    String.raw`(?:editor['’]s )?note\s*:|correction\s*:|clarification\s*:|disclosure\s*:|see more at\b|advertisement\b|sponsored\b|©|\(c\)\s*\d{4}|copyright\b)`,
    String.raw`\ball rights reserved\b`,
    String.raw`^(?:additional reporting by\b|(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:reported from|contributed (?:reporting|to this report)))`,
    // "Marcia Dunn in Cape Canaveral, Florida, contributed to this report." "Posted by Jane Smith at 10:15 AM".
    String.raw`\bcontributed(?: reporting)? to this (?:report|story|article)\b|^posted by\b`,
    // A caption that places its pictures: "Clockwise from top: …", "Above, the skull …; right, …", "From left: …".
    String.raw`^(?:clockwise from (?:top|left|right|bottom)|(?:from )?(?:left|right) to (?:right|left)|from (?:left|right|top)|(?:above|below|top|bottom|left|right|inset|pictured)(?: (?:left|right))?)\s*[:,]\s+(?=\p{L})`,
    // A photo's caption ("In this photo dated Nov. 29, 2016 …") and a correction note ("This version corrects …").
    String.raw`^in this (?:\d{4} )?(?:file )?(?:photo|image|picture|handout|video|still)\b|^this (?:version|story|article) (?:corrects|has been (?:updated|corrected))\b`,
    // A promotion of another page: "Learn More: …", "Read more: …", "See also: …", "Related: …".
    String.raw`^(?:(?:learn|read|see|find out) more|more|see also|related(?: (?:story|article|reading|content))?|(?:also|must) read|recommended|watch|listen)\s*:`,
    // A pointer to an embed: "The video below was posted on Facebook by …", "In the clip above, …".
    String.raw`^(?:[\p{L}]+\s+){0,3}(?:video|clip|photos?|images?|pictures?|footage|tweets?|post|gallery|slideshow)\s+(?:below|above)\b`,
    // A gallery caption's counter ("… after the blast. 1 of 18"), and an embedded post run into its signature on one line.
    String.raw`\s\d{1,3} of \d{1,3}$|\(@\w{1,15}\)\s+\p{L}+\.? \d{1,2}, \d{4}$`,
  ].join('|'),
  'iu',
);
/** The marks of a bibliographic entry: a DOI or ISBN, "et al.", volume(issue):pages, page ranges, "Retrieved … 2020". */
const REFERENCE = /\bdoi:\s*10\.|\bISBN\b|\bet al\.|\b(?:1[89]|20)\d\d;\s*\d+(?:\(\d+\))?:\s*\d+|\bpp\.\s*\d+|\bRetrieved (?:on |from )?|\barXiv:/i;
/** Auxiliaries and inflected verb forms: enough to tell a line that states something from a heading. */
const VERB_LIKE = /\b(?:is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|shall|should|may|might|must|says?|said|\p{L}{2,}(?:ed|ing))\b/iu;

const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$/;
/** Words before a "first" that ranks: "the first", "its first", "Europe's first", "the world’s first". */
const RANKED_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|its|his|her|their|our|my|your|this|whose|\p{L}+['’]s?|\p{L}+s['’])\s+$/iu;

/**
 * The words a reader should be shown as evidence, or null when the pattern's match would mislead:
 * a figure is shown whole ("75 percent", not "5 percent"), a number inside a name ("Covid-19",
 * "G7") is no figure, and a weekday, a month or a word of an all-capitals heading or button
 * ("SIGN UP FOR OUR NEWSLETTER") is no named actor.
 */
function evidenceSpan(text: string, feature: string, span: Span): Span | null {
  if (feature === 'number' || feature === 'money-or-share') {
    let { start, end } = span;
    // A time of day ("10:51 a.m.") says when, not how much; "24/7" is a phrase.
    if (/^[:/]\d/u.test(text.slice(end, end + 2)) || /\d[:/]$/u.test(text.slice(Math.max(0, start - 2), start))) return null;
    // A version or a model ("HTML 5", "Office 365", "version 0.17", "Boeing 737") counts nothing.
    if (feature === 'number' && namesAVersion(text.slice(Math.max(0, start - 24), start)) && !/^\s?(?:%|percent|per cent|million|billion|trillion)/iu.test(text.slice(end, end + 9)))
      return null;
    // "24-hour", "17-year-old": a figure inside a compound describes a thing, it counts nothing.
    if (feature === 'number' && /^-\p{L}/u.test(text.slice(end, end + 2))) return null;
    while (start > 0 && /[\p{L}\p{N}.,$€£¥-]/u.test(text[start - 1]!)) start--;
    // The whole figure: "$1,500", "0.5pc" (the pattern's match may stop at a separator).
    while (end < text.length && (/[\p{L}\p{N}%]/u.test(text[end]!) || (/[.,]/u.test(text[end]!) && /\d/u.test(text[end + 1] ?? '')))) end++;
    end += /^ (?:trillion|billion|million|thousand|percent|per cent)\b/i.exec(text.slice(end, end + 12))?.[0].length ?? 0;
    const whole = text.slice(start, end).replace(/^[.,-]+|[.,-]+$/g, '');
    if (/\p{L}/u.test(whole.replace(/(?:percent|per cent|pc|bn|tn|[mk])$/i, '')) && !/^[$€£¥]/.test(whole)) {
      if (feature === 'number') return null;
      // "40 million euros": the amount is the figure with its currency, not the currency word alone.
      const figure = AMOUNT_BEFORE.exec(text.slice(Math.max(0, span.start - 30), span.start));
      return figure ? { start: span.start - figure[0].length, end: span.end } : span;
    }
    const at = text.indexOf(whole, start);
    return { start: at, end: at + whole.length };
  }
  const surface = text.slice(span.start, span.end);
  // "Said Kouachi", "Los Angeles": a capitalised word before another is part of a name, not a verb.
  if ((feature === 'report' || feature === 'event-verb') && /^\p{Lu}/u.test(surface) && /^ \p{Lu}/u.test(text.slice(span.end, span.end + 2))) return null;
  // "a horrible death": one death is no count; "deaths", "casualties" are.
  if (feature === 'quantity-word' && /^(?:death|casualty|troop|vote|satellite)$/iu.test(surface)) return null;
  // "when he first heard", "want the money first": "first" as an adverb of time ranks nothing ("the first", "its first" do).
  if (feature === 'first-or-superlative' && /^first$/iu.test(surface) && !RANKED_BEFORE.test(text.slice(Math.max(0, span.start - 16), span.start))) return null;
  // "cease-fire", "long-awaited": a verb inside a compound reports no event.
  if (feature === 'event-verb' && /[-‐]$/u.test(text.slice(Math.max(0, span.start - 1), span.start))) return null;
  if (feature === 'named-actor') {
    const words = surface;
    // "Syria-based", "American-led", "English-language": a name made an adjective describes, it acts not.
    if (/^[-‐](?:based|led|backed|born|owned|run|speaking|language|made|style|era|bound|funded|controlled|allied|friendly)\b/iu.test(text.slice(span.end, span.end + 14))) return null;
    if (CALENDAR.test(words.replace(/^(?:Late|Early|Mid)[\s-]+/u, '').replace(/\.$/u, ''))) return null;
    // "If", "There", "All": a capitalised function word opens a clause (after a colon, in a button label); it names nobody.
    if (words.split(' ').every((w) => STOPWORDS.has(stem(w.toLowerCase())))) return null;
    if (/[:;]\s*$/u.test(text.slice(Math.max(0, span.start - 3), span.start))) return null;
    const around = text.slice(Math.max(0, span.start - 12), Math.min(text.length, span.end + 12));
    if (/[A-Z]{2,}/.test(words) && around === around.toUpperCase()) return null;
    return wholeActor(text, span);
  }
  // "the First World War", "First Minister": a capitalised "first" inside a name ranks nothing.
  if (feature === 'first-or-superlative' && /^\p{Lu}/u.test(text.slice(span.start, span.end)) && /^ \p{Lu}/u.test(text.slice(span.end, span.end + 2))) return null;
  // "at least 12" hedges a figure, and "recorded" reports one: neither is a first or a superlative.
  if (feature === 'first-or-superlative' && (/^record(?:ed|ing|s)$/iu.test(text.slice(span.start, span.end + 3).split(/[^\p{L}]/u)[0]!) || /\bat\s+$/iu.test(text.slice(Math.max(0, span.start - 4), span.start)))) return null;
  // "the meeting", "a test", "their attack": the event's name, not a report that it happened.
  // A sentence's first word is its subject, not its verb: "Exports hit a record".
  // "doesn't buy", "to land", "two halves", "signs of": a verb denied or not yet done, or a noun, reports no event.
  if (
    feature === 'event-verb' &&
    (NOUN_BEFORE.test(text.slice(Math.max(0, span.start - 16), span.start)) ||
      SENTENCE_START.test(text.slice(Math.max(0, span.start - 4), span.start)) ||
      NOT_DONE_BEFORE.test(text.slice(Math.max(0, span.start - 12), span.start)) ||
      /^\s+of\b/u.test(text.slice(span.end, span.end + 4)))
  )
    return null;
  return span;
}
/** A named actor shown whole: "PlayStation VR", not "VR"; "Blu-ray", not "Blu"; "Gears of War", not "War". */
function wholeActor(text: string, span: Span): Span {
  let { start, end } = wholeName(text, span);
  const first = /^\p{L}+\s+/u.exec(text.slice(start, span.start));
  if (first && STOPWORDS.has(stem(first[0].trim().toLowerCase()))) start += first[0].length;
  if (text[end] === '.' && TITLE_AT_END.test(text.slice(start, end))) end++;
  for (let next; (next = NAME_WORD_AFTER.exec(text.slice(end, end + 40))); ) end += next[0].length;
  end += /^(?:-[\p{L}\p{N}]+)*/u.exec(text.slice(end, end + 24))![0].length;
  // "Qur’an", "Ma’ariv", "Jama’atu": an apostrophe inside a name, not a possessive "’s".
  end += /^['’](?!s\b)\p{Ll}+/u.exec(text.slice(end, end + 24))?.[0].length ?? 0;
  return { start, end };
}
const SENTENCE_START = /(?:^|[.!?]["'”’)]*\s+|\n\s*)$/u;
/** Whether the words before a figure make it a version or a model ("version 0.17", "Office 365"), not a month's day or year. */
const namesAVersion = (before: string): boolean =>
  VERSION_WORD.test(before) || (PRODUCT_NAME.test(before) && !CALENDAR.test(before.trim().split(/[^\p{L}]+/u).at(-1)!));
const VERSION_WORD = /\b(?:version|v|release|update|build|patch|model|chapter|article|section)\s?$/iu;
/** A capitalised word right before the figure: "Office 365", "HTML 5", "Boeing 737". */
const PRODUCT_NAME = /(?:^|[^\p{L}])\p{L}*\p{Lu}\p{L}*\s$/u;
const NOT_DONE_BEFORE = /(?:(?:^|[^\p{L}])(?:to|not|never|\d[\d,.]*|two|three|four|five|several|many)|n['’]t)\s+$/iu;
const NOUN_BEFORE = /(?:^|[^\p{L}])(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|no|every|each)\s+$/iu;

/** The two words of the sentence with the largest learned weights, quoted in text order. */
function strongestWords(analysed: AnalysedText, sentence: AnalysedText['sentences'][number], words: WeightTable): string {
  const scored: { at: number; w: number }[] = [];
  for (let t = sentence.firstToken; t < sentence.endToken; t++) {
    const { stem: key } = analysed.tokens[t]!;
    // "against" and "which" may weigh, but shown to a reader they explain nothing.
    const w = STOPWORDS.has(key) ? 0 : (words.get(key) ?? 0);
    if (w > 0 && !scored.some((s) => analysed.tokens[s.at]!.stem === key)) scored.push({ at: t, w });
  }
  return scored
    .sort((a, b) => b.w - a.w)
    .slice(0, 2)
    .sort((a, b) => a.at - b.at)
    .map(({ at }) => quoteCue(analysed.text.slice(analysed.tokens[at]!.start, analysed.tokens[at]!.end)))
    .join(' and ');
}

/** Cuts leading discourse markers ("After all, ") and the final full stop from a claim's span. */
function tighten({ text }: AnalysedText, sentence: Span, rule: CompiledRule): Span {
  let { start, end } = sentence;
  const trims = rule.kind === 'scored' ? rule.trim : [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const trim of trims) {
      const m = trim.exec(text.slice(start, end));
      if (m && m[0].length > 0 && m[0].length < end - start) {
        start += m[0].length;
        changed = true;
      }
    }
  }
  // A wire dateline ("HAVANA (AP) —", "BEIJING/SEOUL (Reuters) -", "(CNN) --") says where, not what.
  const dateline = DATELINE_LEAD.exec(text.slice(start, end));
  if (dateline && dateline[0].length < end - start) start += dateline[0].length;
  // An embedded post's link ("… heritage. pic.twitter.com/CIHDX5qmux") is no part of what it states.
  const link = TRAILING_LINK.exec(text.slice(start, end));
  if (link && link.index > 0) end = start + link.index;
  while (end > start && /[.!;:\s]/.test(text[end - 1]!)) end--;
  return { start, end };
}
const DATELINE_LEAD = /^(?:\p{Lu}[\p{Lu}'’.]+(?:[ /,-]+\p{Lu}[\p{Lu}'’.]+)*,?\s*(?:\([\p{L} .]{1,24}\))?|\([\p{L} .]{1,24}\))\s*(?:—|–|--?)\s*/u;
const TRAILING_LINK = /\s+(?:(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+\s*)+$/u;

/**
 * A source's name from its first word: a pattern's match may begin inside a name ("for Disease
 * Prevention and Control revealed" of "the European Centre for Disease Prevention and Control
 * revealed"); it widens left over the name's capitalised words and the "of", "for" and "and" between
 * them, stopping at "the" (which opens the phrase) and at a weekday or month, and never starts on a joining word.
 */
function wholeName(text: string, span: Span): Span {
  let { start } = span;
  for (;;) {
    const before = NAME_WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    // A joining word belongs to the name only between two of its capitalised words.
    if (!before || CALENDAR.test(before[1]!) || (NAME_JOINERS.test(before[1]!) && !/^\p{Lu}/u.test(text.slice(start, start + 1)))) break;
    start -= before[0].length;
  }
  const lead = LEADING_JOINERS.exec(text.slice(start, span.end));
  return { start: start + (lead?.[0].length ?? 0), end: span.end };
}
/** The particles of personal names ("Bill de Blasio", "Ursula von der Leyen"): joiners, like "of" in "Bank of England". */
const PARTICLES = 'de|da|di|del|della|der|den|van|von|la|le|du|bin|ibn|al|dos|das';
const TITLE_WORDS = NAME_TITLES.join('|');
const TITLE_AT_END = new RegExp(`(?:^|\\s)(?:${TITLE_WORDS})$`, 'u');
const NAME_WORD_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.])((?:${TITLE_WORDS})\.|\p{Lu}[\p{L}’'&-]*|of|for|and|${PARTICLES})\s+$`, 'u');
const NAME_JOINERS = new RegExp(`^(?:of|for|and|${PARTICLES})$`, 'u');
const LEADING_JOINERS = new RegExp(String.raw`^(?:(?:of|for|and|the|${PARTICLES})\s+)+`, 'u');
/** A name's next word, after a particle or not: " de Blasio", " Leyen". */
const NAME_WORD_AFTER = new RegExp(String.raw`^ (?:(?:${PARTICLES}) )*\p{Lu}[\p{L}’'-]*`, 'u');

/**
 * A claim's sourcing: the speaker its sentence names (or gestures at) as `attributionOf` reads it,
 * else the hand-written source rules of the pack that matched in the sentence, else none.
 */
/** "After I reported a few bugs": the writer's own account names no source. */
const WRITER_SPEAKS = /(?:^|\s)I\s+(?:\p{Ll}+ly\s+)?\p{Ll}+$/u;

/** A source shown as "She also revealed" names its speaker in an earlier sentence: the note says so. */
const earlier = (note: string, source: string): string =>
  /^(?:he|she|they)\b/iu.test(source) && note.startsWith('Named source') ? note.replace(/\.$/u, ' (named earlier in the text).') : note;

function sourcingOf(analysed: AnalysedText, index: number, hits: readonly Hit[], quotes: () => readonly Span[]): { sourcing: Sourcing; note: string; source?: Span } {
  const found = attributionOf({ text: analysed.text, sentences: analysed.sentences, index, quotes });
  const category = found && (found.sourcing === 'attributed' ? 'source-attributed' : 'source-vague');
  for (const [ruleCategory, sourcing] of [
    ['source-attributed', 'attributed'],
    ['source-vague', 'vague'],
  ] as const) {
    if (category && category !== ruleCategory) continue;
    const matched = hits.find((h) => h.rule.category === ruleCategory && !WRITER_SPEAKS.test(analysed.text.slice(h.start, h.end)));
    const hit = matched && { ...matched, ...wholeName(analysed.text, matched) };
    // The speaker as the sentence's grammar reads it ("Daniel Morales, a freshman from Fort Pierce, Fla., said")
    // names the source better than a pattern's match, unless it found no more than the verb.
    const spoken = found && /\s/u.test(analysed.text.slice(found.start, found.end).trim());
    if (hit && !spoken) return { sourcing, note: earlier(fillExplanation(hit.rule.explanation, analysed.text.slice(hit.start, hit.end)), analysed.text.slice(hit.start, hit.end)), source: { start: hit.start, end: hit.end } };
    if (found) {
      const words = analysed.text.slice(found.start, found.end);
      const note = found.sourcing === 'attributed' ? `Named source: ${quoteCue(words)}.` : `Vague source: ${quoteCue(words)} names no person or document a reader could check.`;
      return { sourcing, note: earlier(note, words), source: { start: found.start, end: found.end } };
    }
  }
  return { sourcing: 'none', note: SOURCING_NONE };
}
