import { type Sentence, sentenceAt } from './text';
import type { Span } from './types';

/**
 * Who a sentence says its claim comes from, read the way news is written: a speaker and a
 * reporting verb ("Parata says", "…,” said Martin Indyk", "X told Reuters", "X, who …, said"),
 * "according to …", a document by a named body ("a report by …", "data from …"), or a quotation
 * whose speaker is named beside it in the same paragraph. The speaker decides the sourcing:
 *
 * - named (a capitalised name, title or institution that is not a sentence opener, weekday or
 *   month) → `attributed`;
 * - a pronoun or possessive ("he said", "his spokesman said") → `attributed` when a name stands
 *   in the sentence itself or the three before it: news practice names a speaker once and then
 *   refers back, and the reader knows who "he" is;
 * - a definite description ("the report says", "the president added") → `attributed` when the
 *   same noun appeared with a name in the ten sentences before, else `vague`;
 * - an unnamed group or person ("officials said", "a senior source told Reuters", "many experts
 *   believe", "say economists") → `vague`; so are hedges with no speaker ("reportedly", "is said
 *   to", "it is understood that", "is expected to").
 */

export interface Attribution extends Span {
  sourcing: 'attributed' | 'vague';
}
type SpeakerKind = Attribution['sourcing'];

const VERBS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'states', 'stated',
  'announce', 'announces', 'announced', 'declare', 'declares', 'declared', 'confirm', 'confirms', 'confirmed', 'write', 'writes',
  'wrote', 'written', 'tweets', 'tweeted', 'retweeted', 'claims', 'claimed', 'warn', 'warns', 'warned',
  'insist', 'insists', 'insisted', 'insisting', 'notes', 'noted', 'argue', 'argues', 'argued', 'testified', 'testifies',
  'reveal', 'reveals', 'revealed', 'admit', 'admits', 'admitted', 'acknowledge', 'acknowledges', 'acknowledged', 'explain',
  'explains', 'explained', 'estimates', 'estimated', 'reports', 'reported', 'conclude', 'concludes',
  'concluded', 'suggest', 'suggests', 'suggested', 'pledges', 'pledged', 'condemn', 'condemns', 'condemned', 'accuse',
  'accuses', 'accused', 'describe', 'describes', 'described', 'deny', 'denies', 'denied', 'predict', 'predicts', 'predicted',
  'projects', 'projected', 'urge', 'urges', 'urged', 'vows', 'vowed', 'promises', 'promised',
  'assert', 'asserts', 'asserted', 'maintain', 'maintains', 'maintained', 'contend', 'contends', 'contended', 'concedes', 'conceded', 'recalls', 'recalled', 'replies', 'replied', 'responded', 'hail', 'hails', 'hailed', 'divulged', 'disclosed', 'blame', 'blames', 'blamed', 'challenged', 'criticised', 'criticized', 'praised', 'dismissed', 'expect', 'expects', 'expected', 'believe', 'believes',
  'believed', 'fears', 'feared', 'reads', 'told', 'emphasised', 'emphasized', 'stressed', 'observed', 'agreed', 'agree',
  'agrees', 'announcing', 'adding', 'noting', 'warning', 'arguing', 'explaining', 'concerned', 'worry', 'worries', 'worried',
  'allege', 'alleges', 'alleged', 'finds', 'found', 'shows', 'showed', 'think', 'thinks', 'thought', 'calls', 'called', 'ranks', 'ranked', 'defended', 'pointed', 'asking', 'asked', 'assessed', 'assesses', 'examined', 'recommended', 'recommends',
  'indicate', 'indicates', 'indicated', 'opines', 'opined', 'reporting', 'claiming', 'points', 'labeled', 'labelled',
  'estimate', 'speculate', 'speculates', 'speculated',
];
/** Verbs that report a finding or belief only when a clause follows them ("found that"). */
const NEEDS_THAT = new Set(['estimate', 'speculate', 'speculates', 'speculated', 'finds', 'found', 'shows', 'showed', 'think', 'thinks', 'thought', 'believe', 'believes', 'believed', 'fears', 'feared', 'expect', 'expects', 'expected', 'indicate', 'indicates', 'indicated']);
/** Verbs that report words only before a quotation or a "that" clause: "asked for the phone", "declared a caliphate" are acts. */
const NEEDS_WORDS = new Set(['asked', 'asks', 'asking', 'declare', 'declares', 'declared']);
/** "called" reports speech only as "called for" or before a quotation ("called it “a disgrace”"). */
const NEEDS_QUOTE_OR_FOR = new Set(['calls', 'called']);
/** Verbs that are also plural nouns ("news reports", "his notes"): not verbs after a determiner. */
const ALSO_NOUNS = new Set(['added', 'alleged', 'states', 'notes', 'reports', 'claims', 'calls', 'estimates', 'tweets', 'shows', 'fears', 'promises', 'pledges', 'vows', 'replies', 'recalls', 'ranks', 'worries', 'blame', 'thought', 'concerned', 'says', 'finds', 'reads', 'warns']);
const DETERMINER = /(?:^|\s)(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|whose|no|any|some|every|each|many|such|new|news|of|in|on|for|with|and|by|to)\s+$/iu;
/** Reporting verbs that may come before their speaker ("…,” said Martin Indyk"). */
const INVERTS = new Set(['said', 'says', 'say', 'added', 'adds', 'wrote', 'writes', 'asked', 'asks', 'noted', 'notes', 'explained', 'insisted', 'warned', 'warns', 'declared', 'stated', 'argued', 'argues', 'concluded', 'tweeted', 'recalled', 'replied', 'continued', 'admitted', 'acknowledged', 'conceded', 'claimed', 'claims']);
const VERB = new RegExp(`(?<![\\p{L}'’-])(?:${[...new Set(VERBS)].join('|')})(?![\\p{L}'’-])`, 'gu');

/** A verb right after a word that reads as a reporting verb makes that word a noun: "claims do not", "reports have". */
const NOUN_BEFORE_VERB = /^\s+(?:do|does|did|are|were|have|had|will|would|can|could|may|might|must|remain|remained|seem|seemed|appear|appeared|came|come|circulated|surfaced|emerged)\b/u;

/** What may stand between a subject and its reporting verb: auxiliaries and adverbs. */
const BETWEEN = /(?:\s+(?:has|have|had|is|are|was|were|been|be|will|would|also|long|first|later|then|once|again|previously|privately|publicly|not|never|repeatedly|earlier|initially|only|too|already|just|now|still|even|further|since|\p{Ll}{3,}ly))+\s*$/u;

/** Heads of unnamed groups and people: a source gestured at but not named. */
const GENERIC = new Set([
  'official', 'officials', 'source', 'sources', 'expert', 'experts', 'critic', 'critics', 'analyst', 'analysts', 'economist',
  'economists', 'observer', 'observers', 'insider', 'insiders', 'people', 'person', 'residents', 'resident', 'witness', 'witnesses',
  'diplomat', 'diplomats', 'politicians', 'supporters', 'fans', 'advocates', 'opponents', 'activists', 'scientists', 'researchers',
  'reports', 'studies', 'advertisers', 'commentators', 'pundits', 'authorities', 'investigators', 'aides', 'aide', 'officers',
  'others', 'some', 'many', 'most', 'several', 'few', 'those', 'someone', 'somebody', 'everyone', 'accusations', 'allegations',
  'rumours', 'rumors', 'poster', 'user', 'users', 'commenters', 'observers', 'onlookers', 'lawmakers', 'legislators', 'leaders',
  'executives', 'employees', 'workers', 'members', 'staff', 'spokesperson', 'scholars', 'academics', 'doctors', 'experts', 'media',
  'polls', 'surveys', 'estimates', 'figures', 'data', 'research', 'statistics', 'groups', 'parties', 'agencies', 'campaigners',
  'charities', 'families', 'relatives', 'neighbours', 'neighbors', 'locals', 'voters', 'citizens', 'protesters', 'demonstrators',
  'students', 'teachers', 'parents', 'patients', 'victims', 'survivors', 'businesses', 'companies', 'firms', 'investors',
  'traders', 'bankers', 'journalists', 'reporters', 'scientists', 'specialists', 'campaigners', 'mourners', 'rebels', 'militants',
  'pundit', 'pundits', 'commentator', 'blogger', 'bloggers', 'commanders', 'footage',
]);
/** Documents and figures that a name before them attributes: "Census data", "a Gallup poll". */
const NAMED_BY_QUALIFIER = new Set(['data', 'figures', 'statistics', 'estimates', 'estimate', 'poll', 'polls', 'survey', 'surveys', 'research', 'report', 'reports', 'study', 'studies', 'analysis', 'records']);
/** Bodies that speak for themselves: "the ministry said" names the ministry. */
const INSTITUTIONS = new Set(['ministry', 'government', 'police', 'army', 'military', 'navy', 'company', 'firm', 'agency', 'department', 'court', 'council', 'committee', 'commission', 'parliament', 'congress', 'senate', 'administration', 'embassy', 'office', 'bank', 'university', 'hospital', 'regulator', 'board', 'union', 'party', 'campaign', 'club', 'prosecutor', 'prosecutors', 'coroner', 'spokesman', 'spokeswoman']);
const INSTITUTION_WORD = [...INSTITUTIONS].join('|');

/** Words that open a group left unnamed ("many Tunisians", "a number of experts"). */
const QUANTIFIER = /^(?:many|some|several|most|few|numerous|various|other|a number of|a few|a group of|a handful of|one|an?|two|three|unnamed|anonymous|unidentified)\b/i;
const PRONOUN = new Set(['he', 'she', 'they', 'it']);
const POSSESSIVE = new Set(['his', 'her', 'their', 'its']);
/** Capitalised words that are not names: sentence openers, days, months. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'There', 'Here', 'In', 'On', 'At', 'But', 'And', 'Or', 'So', 'Yet',
  'Then', 'Now', 'Today', 'Yesterday', 'Tomorrow', 'When', 'While', 'As', 'After', 'Before', 'If', 'However', 'Meanwhile', 'Still',
  'Also', 'Many', 'Some', 'Most', 'Several', 'Few', 'Other', 'Others', 'Such', 'Both', 'All', 'Each', 'Every', 'No', 'We', 'I', 'You',
  'They', 'He', 'She', 'Our', 'Their', 'His', 'Her', 'My', 'Your', 'One', 'Last', 'Next', 'Earlier', 'Later', 'Already', 'Aside',
  'Among', 'For', 'From', 'With', 'By', 'To', 'Of', 'Asked', 'According', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
  'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Mr', 'Mrs', 'Ms', 'Dr', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Twenty',
  'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety', 'Hundreds', 'Thousands', 'Millions', 'Half', 'Nearly',
  'Almost', 'About', 'Around', 'Over', 'More', 'Less', 'Fewer', 'Only', 'Just',
]);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu;
const words = (s: string) => s.match(WORD) ?? [];
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
/** A capitalised word that is no common word, or a name that starts with figures ("1010data", "3M"). */
const isName = (w: string) => (isCapitalised(w) && !NOT_NAMES.has(w.replace(/[.'’]s?$/u, ''))) || /^\d+\p{L}/u.test(w);

/** Hedges that gesture at a source without a speaker. */
const HEDGE = /\b(?:reportedly|allegedly|purportedly|supposedly|apparently|(?:rumou?rs?|reports|speculation) (?:have |has |had )?(?:grown|spread|swirled|circulated|emerged|surfaced|mounted)|if (?:the )?reports (?:\p{L}+ ){0,3}?(?:are|were|prove) (?:accurate|true|correct)|(?:is|are|was|were|has been|have been|had been) (?:said|reported|believed|thought|understood|rumou?red|alleged|suspected|expected|estimated|feared) (?:to|of|that)|it(?:['’]s| is| was| has been) (?:\p{Ll}+ly |first |also |now |since )?(?:said|understood|believed|thought|known|reported|claimed|alleged|revealed|announced|rumou?red) that|(?:is|are) widely (?:believed|seen|expected|reported)|we are told|word is|sources close to|(?:amid|despite|in the wake of|following)\s+(?:\p{L}+\s+){0,2}?(?:accusations|allegations|rumou?rs|claims|reports)\b)/iu;

const PASSIVE_BETWEEN = /[(),]|\b(?:is|are|was|were|be|being|been)\b/u;
/** "a report by …", "data from …", "a statement from …": a document whose maker is named. */
const NAMED_DOCUMENT = new RegExp(String.raw`\b(?:report|reports|study|survey|poll|analysis|audit|review|statement|letter|filing|memo|paper|book|article|tweet|post|data|figures|numbers|statistics|estimates?|notes|records|documents?)\b[^.;:]{0,60}?\b(?:by|from)\s+(?:the\s+)?(?:[\p{L}]+\s+){0,2}?(?:\p{Lu}|(?:${INSTITUTION_WORD})\b)`, 'u');
/** "the ministry's statement", "the Obama administration’s first comments": words a named body put out. */
const POSSESSED_DOCUMENT = /(?<![\p{L}])\p{Lu}[\p{L}.-]*(?:\s+\p{Ll}+)?(?:’s|'s|s’|s')\s+(?:[\p{L}-]+\s+){0,2}?(?:comments|remarks|statement|report|study|survey|analysis|letter|speech|testimony|tweet|announcement|warning|findings|data|figures|estimates?|forecast|assessment)\b/u;

/** "Among its key findings", "in their report": a document of a body named just before. */
const OWN_DOCUMENT = /\b(?:its|their|his|her)\s+(?:\p{L}+\s+)?(?:findings|report|study|survey|analysis|statement|data|research|ruling|assessment)\b/u;
const ACCORDING = /\b(?:according to|as reported by|citing|in the words of|per(?=\s+(?:(?:the|a|an)\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:list|report|count|tally|tracker|data|survey|poll|analysis|estimates?|figures|filing|records|study)\b|\s+\p{Lu}))\s+([^,.;:“”"()]{1,80})/iu;
/** "a list compiled by FiveThirtyEight", "data from the Census Bureau": a source named after its document. */
const BY_NAME = /\b(?:by|from)\s+(?:the\s+)?\p{Lu}/u;
/** A participle after the source's noun ("a flyer posted online") starts its description, not its name. */
const DESCRIBED = /\s+(?:posted|published|released|compiled|issued|obtained|seen|shared|circulated|filed|cited|quoted|written|sent|signed|made)\b/u;

export interface SentenceContext {
  text: string;
  /** The sentences of the text, in order. */
  sentences: readonly Sentence[];
  index: number;
  /** Quoted stretches of the whole text, sorted (computed once, on demand). */
  quotes: () => readonly Span[];
}

/** The sourcing a sentence's own wording (or its quotation's speaker) gives it, with the words that show it. */
export function attributionOf(ctx: SentenceContext, depth = 0): Attribution | undefined {
  const sentence = ctx.sentences[ctx.index]!;
  const s = ctx.text.slice(sentence.start, sentence.end);
  const at = (start: number, end: number, sourcing: Attribution['sourcing']): Attribution => ({ start: sentence.start + start, end: sentence.start + end, sourcing });
  // An embedded post: its words are its author's, signed on the line below.
  const signed = postSignature(ctx.text, sentence.end);
  if (signed) return signed;
  const frame = speakerFrame(ctx, s, sentence.start);
  // "Local people reported a flash …, the Tuva government was quoted as saying by Interfax": the passive tag at the end frames the sentence.
  const passive = PASSIVE_REPORT.exec(s);
  const passiveNamed = passive && words(passive[1]!).some(isName) ? at(passive.index, passive.index + passive[0].length, 'attributed') : undefined;
  if (frame && passiveNamed && passiveNamed.start > frame.end) return passiveNamed;
  const according = ACCORDING.exec(s);
  const accordingKind = according ? accordingSource(ctx, according[1]!) : undefined;
  const accordingAt = according && accordingKind ? at(according.index, according.index + according[0].length, accordingKind) : undefined;
  // "Tawil's parents wrote to the president …, according to the Jewish Telegraphic Agency": a closing "according to" tag frames the sentence.
  if (frame && accordingAt && accordingAt.start > frame.end && /,\s*$/u.test(s.slice(0, according!.index)) && /^[\s.!?”"’)]*$/u.test(s.slice(according!.index + according![0].length))) return accordingAt;
  if (frame) return frame;
  if (accordingAt) return accordingAt;
  const named = NAMED_DOCUMENT.exec(s);
  // "Block ID numbers (such as 1), are being replaced by ID names": a passive verb's agent makes no document's author.
  const document = (named && !PASSIVE_BETWEEN.test(named[0]) ? named : null) ?? POSSESSED_DOCUMENT.exec(s);
  if (document) return at(document.index, document.index + document[0].length, 'attributed');
  const own = OWN_DOCUMENT.exec(s);
  if (own && !words(s.slice(0, own.index)).slice(1).some(isName) && hasNameBefore(ctx)) return at(own.index, own.index + own[0].length, 'attributed');
  // "the Al-Ahad website quoted Khalaf Tarmouz as saying": the outlet and its speaker, named.
  const quotedAs = QUOTED_AS_SAYING.exec(s);
  if (quotedAs && words(quotedAs[0]).some((w, i) => isName(w) && !(i === 0 && isCommonWord(ctx, w)))) return at(quotedAs.index, quotedAs.index + quotedAs[0].length, 'attributed');
  const quoted = quotationSpeaker(ctx, sentence);
  if (quoted) return quoted;
  // A sentence that is all quotation continues the quotation of the sentence before (He said: "… . …"),
  // or gives the words of the speaker it names ('Bassi said sales were up. “Which surprises me.”').
  if (/^[“"]/u.test(s) && ctx.index > 0 && depth < 2) {
    const previous = ctx.sentences[ctx.index - 1]!;
    const quoting = /[“"]/u.test(ctx.text.slice(previous.start, previous.end));
    const before = attributionOf({ ...ctx, index: ctx.index - 1 }, depth + 1);
    if (before && (quoting || (before.sourcing === 'attributed' && SPEECH_VERB.test(ctx.text.slice(before.start, before.end))))) return { ...before };
  }
  // "It was revealed on Monday by Education Minister Santia Bradshaw that …": the agent of a passive report.
  if (passiveNamed) return passiveNamed;
  const hedge = HEDGE.exec(s) ?? LINKED.exec(s);
  if (hedge) return at(hedge.index, hedge.index + hedge[0].length, 'vague');
  return undefined;
}
/**
 * The sourcing of what follows "according to": a named body ("the Office for National Statistics",
 * "data from the Census Bureau"), or an unnamed one ("one source", "industry data"). Without a
 * comma the phrase may run into the claim ("According to one source the order came from the U.S.
 * State Department"): an unnamed source in its first words decides before any later name.
 */
function accordingSource(ctx: SentenceContext, phrase: string): SpeakerKind | undefined {
  const ws = phrase.trim().split(/\s+/u).slice(0, 4);
  const generic = ws.findIndex((w) => GENERIC.has(w.toLowerCase()));
  if (generic >= 0 && !ws.some(isName)) return 'vague';
  return BY_NAME.test(phrase) ? 'attributed' : classifyPhrase(ctx, phrase.split(DESCRIBED)[0]!, true);
}

/** A report in the passive with its agent: "was announced by the Finance Ministry", "were confirmed on Friday by Dr Lee". */
const PASSIVE_REPORT = /\b(?:was|were|has been|have been|had been)\s+(?:revealed|announced|confirmed|reported|disclosed|stated|released|published|quoted as saying)\s+(?:[^.;,]{0,40}?\s)?by\s+((?:the\s+)?(?:\p{Ll}+\s+){0,2}?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)/u;
const QUOTED_AS_SAYING = /(?:\p{Lu}[\p{L}.'’-]*\s+){0,4}(?:[\p{L}-]+\s+){0,3}?quoted\s+[^.;]{1,80}?\s+as\s+(?:saying|telling|stating)\b/u;
/** A source given only as a link: "[source]", "as reported here". */
const LINKED = /\[(?:source|link)\]|\bas (?:reported|noted|shown|explained) here\b/iu;

/** The line that signs an embedded post: "— Drew Mikkelsen (@drewmikkelsen) January 6, 2020". */
export const TWEET_SIGNATURE = /^[—–-]\s*(?:[^\n()]{1,60}?\s*)?\(@\w{1,15}\)(?:\s+\p{L}+\.? \d{1,2}, \d{4}|\s+\d{1,2} \p{L}+ \d{4})?\s*$/u;

/** The author of the embedded post a sentence belongs to: the signature on the next line of text after its own. */
function postSignature(text: string, end: number): Attribution | undefined {
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) return undefined;
  const next = /^\s*([^\n]*)/u.exec(text.slice(lineEnd + 1, lineEnd + 200))!;
  if (!TWEET_SIGNATURE.test(next[1]!)) return undefined;
  const start = lineEnd + 1 + next[0].length - next[1]!.length;
  const name = /^[—–-]\s*/u.exec(next[1]!)![0].length;
  const handleEnd = next[1]!.indexOf(')') + 1;
  return { start: start + name, end: start + handleEnd, sourcing: 'attributed' };
}

/**
 * The reporting verbs of the sentence outside quotation marks, each with its speaker. A tag at the
 * end ("…, officials said.") frames the whole sentence and wins; else the first speaker found.
 */
function speakerFrame(ctx: SentenceContext, s: string, base: number): Attribution | undefined {
  const inQuote = quotedRanges(s);
  let first: Attribution | undefined;
  VERB.lastIndex = 0;
  for (let m = VERB.exec(s); m; m = VERB.exec(s)) {
    const verb = m[0].toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    if (inQuote.some(([a, b]) => a <= start && start < b)) continue;
    const after = s.slice(end);
    const before = s.slice(0, start);
    if (NEEDS_THAT.has(verb) && !/^\s+(?:that|this|it|how|the (?:\p{L}+ ){0,3}(?:was|is|were|are|had|has|would|will)|(?:[\p{L}'’-]+\s+){1,3}to)\b/u.test(after)) continue;
    if ((verb === 'wrote' || verb === 'writes') && /^\s+(?:a|an)\s/u.test(after)) continue;
    if (/^add/u.test(verb) && /^\s+(?:to|up)\b/u.test(after)) continue;
    // "That said, …" and "Having said that, …" turn the argument; "did not write" reports nothing.
    if (verb === 'said' && /^\s*,/u.test(after) && /(?:^|[.;:!?]\s+)(?:that|this|all that|with that)\s+$/iu.test(before)) continue;
    if (/\b(?:not|never)\s+$|n['’]t\s+$/u.test(before)) continue;
    if ((verb === 'pointed' || verb === 'points') && !/^\s+out\b/u.test(after)) continue;
    if (NEEDS_WORDS.has(verb) && !/^\s*[,:]?\s*(?:that\b|[“"])/u.test(after) && !/[”"’]\s*,?\s*$/u.test(before)) continue;
    // "The thaw worried Tasos Georgelis": a feeling caused in someone, not words said by the subject.
    if (/^worr/u.test(verb) && /^\s+(?:\p{Lu}|(?:him|her|them|me|us|many|some|officials|residents)\b)/u.test(after)) continue;
    // "Stella Kim reported from Seoul": where a reporter worked, a credit, not a source.
    if (verb === 'reported' && /^\s+from\b/u.test(after)) continue;
    // "is reporting that", "are claiming": a report in progress, its subject the speaker.
    const progressive = /\b(?:is|are|was|were|has been|have been)\s+$/u.exec(before);
    if (progressive && /ing$/u.test(verb)) {
      if (!/^\s*(?:that\b|[:,]?\s*[“"])/u.test(after)) continue;
      const kind = subjectKind(ctx, before.slice(0, progressive.index));
      if (kind) first ??= { ...speakerSpan(before.slice(0, progressive.index), after, start, end, undefined, base), sourcing: kind };
      continue;
    }
    // A participle reports speech after a comma (", saying that …"): its speaker is the clause's subject.
    if (verb.endsWith('ing')) {
      if (!/,\s*$/u.test(before)) continue;
      const subject = before.split(CLAUSE_BREAK).map((p) => clauseSubject(p)).find((p) => p !== '' && !/^(?:in|on|at|after|before|when|while|as|if|since|although|for|with|by|from|during)$/iu.test(p.split(' ')[0]!));
      const kind = subject === undefined ? undefined : classifyPhrase(ctx, subject, true);
      if (kind) first ??= { start: base + start, end: base + end, sourcing: kind };
      continue;
    }
    if (NEEDS_QUOTE_OR_FOR.has(verb) && !/^\s+(?:for\b|[^.;]{0,60}[“"])/u.test(after)) continue;
    if (ALSO_NOUNS.has(verb) && DETERMINER.test(before)) continue;
    // "The ISIS claims do not make clear …": a plural noun before its own verb.
    if (ALSO_NOUNS.has(verb) && NOUN_BEFORE_VERB.test(after)) continue;
    // "is said to", "were expected to": a passive hedge, not a speaker (HEDGE reads it).
    if (verb !== 'concerned' && verb !== 'worried' && /\b(?:is|are|was|were|been|be|being)\s+(?:(?:\p{Ll}+ly|first|also|already|later|since|now|just)\s+)?$/u.test(before)) continue;
    const inverted = INVERTS.has(verb) ? invertedSpeaker(before, after) : undefined;
    // After a quotation the speaker follows the verb; after a plain comma it may precede it ("X, a doctor, said").
    const afterQuote = /[”"’]\s*,?\s*$/u.test(before);
    const invertedKind = inverted !== undefined && (afterQuote || !inverted.split(/\s+/u).some((w) => CLAUSE_VERB.test(w))) ? classifyPhrase(ctx, inverted, false) : undefined;
    // "Garcia, 34, said the boats sank": a name and its appositive before the verb are its subject, whatever follows.
    const named = !afterQuote && APPOSITIVE_SUBJECT.test(before) ? subjectKind(ctx, before) : undefined;
    const useInverted = named === undefined && invertedKind !== undefined;
    const kind = named ?? (afterQuote ? invertedKind : (invertedKind ?? subjectKind(ctx, before)));
    if (!kind) continue;
    const found: Attribution = { ...speakerSpan(before, after, start, end, useInverted ? inverted : undefined, base), sourcing: kind };
    // A tag at the end after a comma or quotation (", officials said Thursday.", "…,” X told Reuters.") frames the sentence.
    const tag = useInverted || (/^(?:\s+[^,;:“”"]{0,30})?[\s.!?”"’)]*$/u.test(after) && /[,”"]\s*(?:\S+\s+){0,8}\S*\s*$/u.test(before));
    if (tag) return found;
    first ??= found;
  }
  return first;
}

/**
 * Where the source stands, to show the reader: the reporting verb with its speaker — the clause's
 * opening words before it ("A number of experts have challenged"), or the speaker after it in an
 * inverted tag ("said Martin Indyk") — else the verb alone.
 */
function speakerSpan(before: string, after: string, start: number, end: number, inverted: string | undefined, base: number): { start: number; end: number } {
  if (inverted !== undefined) {
    const at = after.indexOf(inverted);
    return { start: base + start, end: base + end + (at >= 0 ? at + inverted.length : 0) };
  }
  const trimmed = before.replace(/\s+$/u, '');
  const clause = (trimmed.split(CLAUSE_BREAK).at(-1) ?? '').replace(/^(?:and|but|then|while|as)\s+/iu, '');
  const count = clause.split(/\s+/u).filter(Boolean).length;
  if (count === 0) return appositiveSpan(trimmed, start, end, base);
  if (count > 6) {
    // A long clause: its subject's own words before the verb ("the London-based Syrian Observatory for Human Rights said").
    const subject = trailingNounPhrase(clause.replace(BETWEEN, ''));
    const size = subject.split(/\s+/u).length;
    // One word may be the tail of a name cut at its "and" ("… Prevention and Control"): the verb alone, then.
    const named = size >= 2 && size <= 9 && words(subject).some(isName);
    const at = named ? trimmed.lastIndexOf(subject) : -1;
    return at >= 0 ? { start: base + at, end: base + end } : { start: base + start, end: base + end };
  }
  return { start: base + trimmed.length - clause.length, end: base + end };
}

/**
 * "Daniel Morales, a freshman from Fort Pierce, Fla., said": the name before the appositive, shown
 * through to the verb (the first part of the chain that is a name), or the verb alone when that
 * would run long.
 */
function appositiveSpan(trimmed: string, start: number, end: number, base: number): { start: number; end: number } {
  const chain = trimmed.replace(/[,\s]+$/u, '');
  const parts = chain.split(CLAUSE_BREAK);
  const name = parts.find((part) => NAME_PHRASE.test(part.trim())) ?? (parts.length >= 2 ? parts.at(-2)! : undefined);
  const at = name === undefined ? -1 : chain.lastIndexOf(name.trim(), chain.length - (parts.at(-1)!.length + (name === parts.at(-1) ? 0 : 1)));
  if (at < 0 || chain.slice(at).split(/\s+/u).length > 16) return { start: base + start, end: base + end };
  return { start: base + at, end: base + end };
}
const NAME_PHRASE = /^(?:(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin)\s+){0,4}\p{Lu}[\p{L}.'’-]*$/u;

/** Start and end of the stretches of `s` inside quotation marks (a quote left open runs to the end). */
function quotedRanges(s: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    // A straight quote closes when it follows a word and nothing opened it here: the quotation began in an earlier sentence.
    const closes = c === '”' || (c === '"' && (open >= 0 || closesStraight(s, i)));
    if (!closes && (c === '“' || c === '"')) open = i;
    else if (closes && open >= 0) {
      out.push([open, i]);
      open = -1;
    } else if (closes) out.push([0, i]);
  }
  if (open >= 0) out.push([open, s.length]);
  return out;
}

/** Whether the straight quote at `i` ends a quotation: it follows a word or a mark and precedes a space, a mark or the end. */
function closesStraight(s: string, i: number): boolean {
  return i > 0 && !/\s/u.test(s[i - 1]!) && (i + 1 === s.length || /[\s,.;:!?)]/u.test(s[i + 1]!));
}

/** The speaker of an inverted tag (`,” said Martin Indyk`, `, say economists,`), or undefined. */
function invertedSpeaker(before: string, after: string): string | undefined {
  if (!/(?:,\s*[”"’]?|[”"’]\s*,|[?!.][”"’])\s*$/u.test(before)) return undefined;
  const m = /^\s+((?:[^\s,.;:!?“”"]+\s+){0,11}?[^\s,.;:!?“”"]+)\s*(?:[,;:.!?]|$)/u.exec(after);
  if (!m) return undefined;
  const speaker = m[1]!;
  if (/^(?:that|it|in|on|at|to|he|she|they|we|I)\b/u.test(speaker)) return undefined;
  return speaker;
}

/** The kind of the subject that ends `before` (the text before a reporting verb). */
function subjectKind(ctx: SentenceContext, before: string): SpeakerKind | undefined {
  let left = before.replace(BETWEEN, '').replace(/\s+$/u, '');
  // "The site surveyed 56,000 developers but noted…": a second verb shares the clause's subject.
  const coordinated = /^(.*?)\s+(?:and|but|then)$/su.exec(left);
  if (coordinated) return classifyPhrase(ctx, clauseSubject(coordinated[1]!.split(CLAUSE_BREAK).at(-1)!), true);
  // "People familiar with the plans told the Journal", "a source with knowledge of the talks said": unnamed however described.
  if (UNNAMED_INSIDERS.test(left)) return 'vague';
  // "X, who …, said" and "X, an economist who warned": the speaker stands before the relative clause.
  left = left.replace(/,?\s+who$/u, '');
  // "Three freshmen who were in the dormitory at the time said": the speaker stands before a relative clause without commas.
  const relative = /^(.*\S)\s+who\s+(?:[^,;:“”"]+)$/su.exec(left);
  if (relative && !CLAUSE_BREAK.test(left.slice(relative[1]!.length))) return classifyPhrase(ctx, clauseSubject(relative[1]!.split(CLAUSE_BREAK).at(-1)!), true);
  const segments = left.split(CLAUSE_BREAK);
  const last = segments.at(-1)!.trim();
  if (last === '' && segments.length >= 3) {
    // An appositive before the verb ("Hicks, a Navy veteran, said"): either part may name the speaker.
    // The subject speaks first; a relative clause ("the source, who said …,") names nobody.
    const appositive = segments.at(-2)!;
    return classifyPhrase(ctx, segments.at(-3)!, true) ?? (/^(?:who|which|that|whose)\b/iu.test(appositive) ? undefined : classifyPhrase(ctx, appositive, true));
  }
  // "Khoza, told the agency that …": a stray comma between a name and its verb.
  if (last === '' && segments.length === 2 && /^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*$/u.test(segments[0]!.trim())) return classifyPhrase(ctx, segments[0]!, true);
  if (last === '') return undefined;
  return classifyPhrase(ctx, clauseTail(last), true);
}

/** A sentence that opens with a name and an appositive before its verb: "Garcia, 34, said", "Ann Moss, a nurse, told". */
const APPOSITIVE_SUBJECT = /^\s*(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,\s+[^,;:“”"]{1,60},\s*$/u;
const UNNAMED_INSIDERS = /\b(?:people|persons?|sources?|someone|officials?|insiders?|aides?)\s+(?:(?:familiar|acquainted) with|close to|with (?:direct |first-hand |firsthand )?(?:knowledge of|access to)|briefed on|involved in)\b[^,;:“”"]*$/iu;

/** Commas, colons, dashes and quotation marks between clauses (not the comma of "56,000"). */
const CLAUSE_BREAK = /\s*[,;:](?!\d)\s*|\s*[(—–]\s*|\s+[“”"]|[“”"]\s+/u;

/** The words that open a clause, up to its first verb-like word: its subject, roughly. */
function clauseSubject(clause: string): string {
  const ws = clause.trim().split(/\s+/u);
  // An -ed word after an article is an adjective ("an unidentified poster"), not the clause's verb.
  const verbAt = ws.findIndex((w, i) => i > 0 && CLAUSE_VERB.test(w) && !/^(?:a|an|the|his|her|its|their|our|my|your|this|that)$/iu.test(ws[i - 1]!));
  return ws.slice(0, verbAt < 0 ? ws.length : verbAt).join(' ');
}
const CLAUSE_VERB = /^(?:\p{Ll}+ed|is|are|was|were|has|have|had|will|would|can|could|may|might|put|made|took|gave|got|went|came|did|does|do|set|kept|left|won|lost|ran|began|sent|paid)$/u;

/** The noun phrase that ends a clause: what follows the last subordinating word or verb-like word. */
function clauseTail(clause: string): string {
  const m = /^.*\b(?:that|and|but|because|while|when|as|if|after|before|since|although|said|says|told|wrote|whom|which|where)\s+/isu.exec(clause);
  return m ? clause.slice(m[0].length) : clause;
}

/**
 * Whether a phrase naming a speaker names one. `headLast`: the head noun is the phrase's last word
 * (a subject); else the phrase follows its verb and its head comes first ("said one official").
 */
function classifyPhrase(ctx: SentenceContext, text: string, headLast: boolean): SpeakerKind | undefined {
  const phrase = headLast ? trailingNounPhrase(text) : text;
  // The head stands before a prepositional tail: "Senator X of Kentucky", "prosecutors in Ohio".
  const core = phrase.trim().split(/\s+(?:of|in|at|for|from|with|on|to|by|aboard|inside)\s+/u)[0]!;
  const ws = words(core);
  if (ws.length === 0 || ws.length > 10) return undefined;
  const head = ws.at(-1)!;
  const lower = head.toLowerCase();
  if (PRONOUN.has(lower) && (headLast || ws.length === 1)) return hasNameBefore(ctx) ? 'attributed' : undefined;
  // A capitalised head after a name is the name's last word: "Coresight Research", "Pew Research".
  const inName = isCapitalised(head) && ws.length >= 2 && isName(ws.at(-2)!) && !(ws.length === 2 && isCommonWord(ctx, ws[0]!));
  // Figures from a named body are that body's: "Kantar Worldpanel data", "the Gallup poll" (its people stay unnamed: "Obama administration officials").
  if (NAMED_BY_QUALIFIER.has(lower) && ws.slice(0, -1).some((w, i) => isName(w) && !(i === 0 && isCommonWord(ctx, w)))) return 'attributed';
  // A generic head stays unnamed whatever names qualify it: "Obama administration officials".
  if (!inName && (GENERIC.has(lower) || GENERIC.has(lower.replace(/’s$|'s$/u, '')))) return 'vague';
  if (QUANTIFIER.test(core.trim()) && !words(phrase).slice(1).some(isName)) return 'vague';
  if (/^(?:many|some|several|most|numerous|various|a number of)\b/iu.test(core.trim())) return 'vague';
  if (words(phrase).some((w, i) => isName(w) && !(i === 0 && isCommonWord(ctx, w)))) return 'attributed';
  const determiner = ws[0]!.toLowerCase();
  if (POSSESSIVE.has(determiner)) return hasNameBefore(ctx) ? 'attributed' : undefined;
  if (determiner === 'the' || determiner === 'this') {
    // "The report says" names nothing unless a report was named before; "the president said" is the president named before.
    if (DOCUMENTS.has(lower)) return namedEarlier(ctx, DOCUMENT_WORD) ? 'attributed' : 'vague';
    if (INSTITUTIONS.has(lower)) return 'attributed';
    return hasNameBefore(ctx) ? 'attributed' : 'vague';
  }
  if (/^(?:a|an|one)$/u.test(determiner)) return 'vague';
  return undefined;
}

const PREPOSITION = /^(?:of|in|at|for|from|with|on|to|by|aboard|inside|near|across)$/u;
const STOP = /^(?:that|which|who|whom|whose|and|but|or|because|while|when|if|after|before|since|although|as|than|not|never|said|says|told|is|are|was|were|has|have|had|will|would|can|could|may|might|do|does|did|put|made|took|gave|got|went|came|\p{Ll}+ed)$/u;
const DETERMINERS = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|many|some|several|most|few|one|two|three|other)$/iu;

/**
 * The noun phrase just before a verb: walking back from the end over nouns, names and adjectives,
 * past a determiner, and past a preposition only when what follows it is a name ("officials in
 * Kabul", "Senator X of Kentucky"), so "policies Mr Mugabe's critics have blamed" gives "critics".
 */
function trailingNounPhrase(text: string): string {
  const ws = text.trim().split(/\s+/u);
  let i = ws.length - 1;
  let start = ws.length;
  while (i >= 0) {
    const w = ws[i]!.replace(/^[“”"‘(]+|[”"’),]+$/gu, '');
    const bare = w.toLowerCase();
    if (DETERMINERS.test(w) && !/^\p{Lu}/u.test(w.slice(1))) {
      start = i;
      if (!/^(?:many|some|several|most|few)$/iu.test(w) || i === 0 || !/^(?:a|the)$/iu.test(ws[i - 1]!)) break;
      i--;
      continue;
    }
    if (PREPOSITION.test(bare) && i > 0) {
      const tail = ws.slice(start);
      const headBefore = (ws[i - 1] ?? '').toLowerCase();
      if ((tail.length > 0 && tail.every((t) => /^\p{Lu}/u.test(t) || t === 'and')) || GENERIC.has(headBefore) || DOCUMENTS.has(headBefore) || INSTITUTIONS.has(headBefore) || /^\p{Lu}/u.test(ws[i - 1] ?? '')) {
        i--;
        continue;
      }
      break;
    }
    // "The embattled mother": an -ed word after a determiner describes the noun, it is no verb.
    if (STOP.test(w) && !/^\p{Lu}/u.test(w) && !(/ed$/u.test(w) && i > 0 && DETERMINERS.test(ws[i - 1]!))) break;
    start = i;
    i--;
  }
  return ws.slice(start).join(' ');
}

/** A capitalised word that the text also writes in lower case ("Statistics showed …") is a common word, not a name. */
function isCommonWord(ctx: SentenceContext, word: string): boolean {
  const lower = word.toLowerCase();
  if (lower === word || GENERIC.has(lower) || DOCUMENTS.has(lower)) return true;
  return lowerCaseWords(ctx.text).has(lower);
}

/** The words a text writes in lower case, for the last text read (claims of one text are judged together). */
let lowerCaseCache: { text: string; words: Set<string> } | undefined;
function lowerCaseWords(text: string): Set<string> {
  if (lowerCaseCache?.text !== text) lowerCaseCache = { text, words: new Set(text.match(/(?<![\p{L}])\p{Ll}+(?![\p{L}])/gu) ?? []) };
  return lowerCaseCache.words;
}

/** Whether a name stands in this sentence before its end or in the three sentences before it. */
function hasNameBefore(ctx: SentenceContext): boolean {
  for (let i = ctx.index; i >= Math.max(0, ctx.index - 3); i--) {
    const { start, end } = ctx.sentences[i]!;
    const ws = words(ctx.text.slice(start, end));
    if (ws.slice(1).some(isName) || (ws[0] !== undefined && isName(ws[0]) && ws.length > 1 && VERB_WORD.test(ws[1]!))) return true;
  }
  return false;
}
const VERB_WORD = /^(?:said|says|told|added|wrote|noted|insisted|claimed|warned|argued)$/u;

/** Nouns of documents, whose sourcing is the body that made them. */
const DOCUMENTS = new Set(['indictment', 'indictments', 'complaint', 'lawsuit', 'report', 'study', 'survey', 'poll', 'analysis', 'paper', 'statement', 'document', 'memo', 'letter', 'review', 'audit', 'research', 'findings', 'data', 'book', 'article', 'tweet', 'post', 'filing', 'ruling', 'assessment', 'figures', 'estimate', 'forecast', 'index', 'ranking', 'investigation', 'inquiry']);
const DOCUMENT_WORD = new RegExp(`(?<![\\p{L}])(?:${[...DOCUMENTS].join('|')})`, 'iu');

/** Whether a document was mentioned in one of the forty sentences before, in a sentence that also holds a name. */
function namedEarlier(ctx: SentenceContext, re: RegExp): boolean {
  for (let i = ctx.index - 1; i >= Math.max(0, ctx.index - 40); i--) {
    const { start, end } = ctx.sentences[i]!;
    const s = ctx.text.slice(start, end);
    if (re.test(s) && words(s).slice(1).some(isName)) return true;
  }
  return false;
}

/**
 * A sentence inside a quotation that runs past it ("…less than 100. If you look …,” Mr Obama
 * said): the speaker named just after the closing mark or just before the opening one.
 */
/** A verb of speech, which makes a quotation that follows its sentence the speaker's words. */
const SPEECH_VERB = /\b(?:said|says|told|tells|added|explained|recalled|insisted|argued|noted|warned)\b/u;

function quotationSpeaker(ctx: SentenceContext, sentence: Span): Attribution | undefined {
  const quotes = ctx.quotes();
  let lo = 0;
  for (let hi = quotes.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= sentence.start) lo = mid + 1;
    else hi = mid;
  }
  for (const q of quotes.slice(lo, lo + 4)) {
    if (q.start >= sentence.end) break;
    if (q.start >= sentence.start && q.end <= sentence.end) continue;
    const after = ctx.text.slice(q.end, q.end + 100);
    const tag = TAG_AFTER.exec(after);
    const before = ctx.text.slice(Math.max(0, q.start - 100), q.start);
    const lead = TAG_BEFORE.exec(before);
    const speaker = tag ? (tag[1] ?? tag[4]) : lead?.[1];
    if (!speaker) continue;
    const sentenceOf = quoteSentence(ctx, tag ? q.end : q.start - 1);
    const kind = classifyPhrase({ ...ctx, index: sentenceOf }, speaker, tag ? tag[1] !== undefined : true);
    if (kind) return { start: q.start, end: q.end, sourcing: kind };
  }
  return undefined;
}
const SPEAKER_WORDS = String.raw`(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+`;
/** `,” Mr Obama said` or `,” said Mr Obama` just after a quotation; `He said:` just before one. */
const TAG_AFTER = new RegExp(`^[,.!?]?\\s*(?:(${SPEAKER_WORDS})\\s+(${VERB.source})|(${VERB.source})\\s+(${SPEAKER_WORDS}))`, 'u');
const TAG_BEFORE = new RegExp(`(${SPEAKER_WORDS})\\s+(?:${VERB.source})(?:\\s+\\p{Ll}+){0,3}?\\s*[:,]\\s*$`, 'u');

function quoteSentence(ctx: SentenceContext, at: number): number {
  const i = sentenceAt(ctx.sentences, at);
  return i < 0 ? ctx.index : i;
}
