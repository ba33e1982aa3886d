import type { CompiledRule } from '../rules/compile';
import type { TechniqueId } from './categories';
import { quotedSpans } from './quotes';
import { STOPWORDS } from './stopwords';
import { stem } from './stem';
import { type AnalysedText, sentenceAt } from './text';
import type { Span } from './types';

/**
 * The learned loaded-words lexicon (`npm run train -- lexicon`): per word stem, how likely the
 * word carries loaded language or a label where it stands; and the page's tone, how persuasive
 * the text reads as a whole. A straight report uses few loaded words and speaks in the third
 * person; an opinion piece that pushes uses many, and addresses the reader.
 */

export type LexiconRule = Extract<CompiledRule, { kind: 'lexicon' }>;

export interface LexiconSpan extends Span {
  category: TechniqueId;
  /** The likelihood of the strongest word of the span. */
  strength: number;
}

/** Words between two loaded words that still join them into one mark: "brutal, irrational and primitive". */
const BRIDGE = 2;
/**
 * Three evaluations stacked on one target ("brutal, irrational and primitive philosophy") load the
 * reader more than any one of them: such a run counts at least this strong, though only its first
 * word need be in the lexicon (the others are adjectives coordinated with it).
 */
const STACKED = 3;
const STACKED_STRENGTH = 0.5;

/**
 * Set phrases whose strong-sounding word names a plain thing: a genre ("a horror film", "a cult
 * classic"), a term of art ("a greedy algorithm", "a hate crime", "a panic attack"), an idiom ("a
 * rule of thumb", "a birthday bash"). Inside one, the word loads nobody.
 */
const PLAIN_TERMS =
  /\b(?:rules? of thumb|greedy (?:algorithms?|approach|search|heuristics?|strateg(?:y|ies))|cult (?:classics?|hits?|following|favou?rites?|films?|movies?|status)|birthday bash(?:es)?|(?:horror|slasher|monster|disaster|zombie) (?:films?|movies?|games?|genres?|fiction|tropes?|franchises?|series|novels?|writers?|authors?|fans?|flicks?|comed(?:y|ies)|classics?)|mock (?:horror|outrage|indignation)|killer (?:apps?|features?|whales?|bees?)|hate (?:crimes?|speech|groups?)|panic (?:attacks?|buttons?|rooms?|disorders?)|crash (?:courses?|tests?|diets?)|wicked sense of humou?r|black (?:holes?|boxes?)|dead (?:zones?|pixels?|links?|code)|ponzi schemers?|(?:celebrity |internet |online )?death hoax(?:es)?|(?:hoax|prank) (?:websites?|sites?|videos?|stories|story|calls?|callers?|e-?mails?|news|accounts?|tweets?|posts?|articles?)|(?:the |a |man)hunt for|freak(?:s|ed|ing)? out|(?:the|a|bomb|car bomb|gas|second|first|huge|massive) blasts?|boast(?:s|ed|ing)? (?:an?|the|some|more than|over|nearly|almost|about|around|its|their|his|her|\d[\d,.]*))\b/giu;

/** The stretches of text covered by set phrases of plain meaning (PLAIN_TERMS), in text order. */
export function plainTerms(text: string): { start: number; end: number }[] {
  return [...text.matchAll(PLAIN_TERMS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Marks runs of loaded words (each at least the rule's `minimum`) within a sentence. */
export function lexiconSpans(analysed: AnalysedText, rule: LexiconRule): LexiconSpan[] {
  const { tokens, text } = analysed;
  const out: LexiconSpan[] = [];
  const plain = plainTerms(text);
  let nextPlain = 0;
  for (const sentence of analysed.sentences) {
    let run: { first: number; last: number; strength: number; name: boolean; stacked: number } | null = null;
    const close = () => {
      if (!run) return;
      const last = headOf(text, tokens, run.last, sentence.endToken);
      out.push({
        start: tokens[run.first]!.start,
        end: tokens[last]!.end,
        category: run.name ? 'name-calling' : 'loaded-language',
        strength: run.stacked >= STACKED ? Math.max(run.strength, STACKED_STRENGTH) : run.strength,
      });
      run = null;
    };
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]!;
      // A capitalised word inside a sentence is most often a name, and names are not loaded words.
      if (i > sentence.firstToken && isCapitalised(text, token.start)) continue;
      // A piece of a hyphenated word carries the compound's sense, not its own: "blast-a-thon", "cutting-edge".
      if (inCompound(text, token)) continue;
      while (nextPlain < plain.length && plain[nextPlain]!.end <= token.start) nextPlain++;
      if (nextPlain < plain.length && plain[nextPlain]!.start <= token.start) continue;
      const loaded = rule.words.get(token.stem);
      const label = rule.names.get(token.stem);
      const p = Math.max(loaded ?? 0, label ?? 0);
      if (p < rule.minimum) {
        // An adjective coordinated with the run ("brutal, irrational and …") joins it without loading it.
        if (run && i - run.last <= 2 && coordinated(text, tokens, run.last, i) && ADJECTIVE.test(text.slice(token.start, token.end))) {
          run.last = i;
          run.stacked++;
        }
        continue;
      }
      if (run && i - run.last <= BRIDGE + 1 && bridgeable(text, tokens, run.last, i)) {
        if (coordinated(text, tokens, run.last, i)) run.stacked++;
        run.last = i;
        if (p > run.strength) {
          run.strength = p;
          run.name = (label ?? 0) > (loaded ?? 0);
        }
      } else {
        close();
        run = { first: i, last: i, strength: p, name: (label ?? 0) > (loaded ?? 0), stacked: 1 };
      }
    }
    close();
  }
  return out;
}

/** Whether a word (or phrase) is joined to a neighbouring word by a hyphen: then it is a piece of a compound. */
export function inCompound(text: string, token: { start: number; end: number }): boolean {
  return (text[token.end] === '-' && /\p{L}/u.test(text[token.end + 1] ?? '')) || (text[token.start - 1] === '-' && /\p{L}/u.test(text[token.start - 2] ?? ''));
}

/** Endings of English adjectives: a loaded adjective is marked with the noun it loads ("sketchy loans"). */
const ADJECTIVE = /(?:al|ous|ive|ic|ful|less|able|ible|ent|ant|ish|ary|y)$/i;
/** Endings of nouns that the adjective endings would take in: "primitive philosophy", "monopolistic policy". */
const NOUN = /(?:ment|ness|ity|ism|ion|ance|ence|phy|gy|cy|omy|try|rty|ory)$/i;

/**
 * The token a mark ends on: a loaded adjective takes the plain noun right after it ("ridiculous
 * approach", "primitive philosophy"), since the pair is what loads the reader; a name, a function
 * word or anything past a comma or quote mark is left out.
 */
function headOf(text: string, tokens: AnalysedText['tokens'], last: number, end: number): number {
  const next = last + 1;
  if (next >= end) return last;
  const word = text.slice(tokens[last]!.start, tokens[last]!.end);
  const following = tokens[next]!;
  if (!ADJECTIVE.test(word) || STOPWORDS.has(following.stem) || isCapitalised(text, following.start)) return last;
  if (!/^ +$/.test(text.slice(tokens[last]!.end, following.start))) return last;
  // An adverb or a second adjective is no head: "toxic and" stops, "brutally honest" is not extended.
  const head = text.slice(following.start, following.end);
  if (/ly$/i.test(word) || (ADJECTIVE.test(head) && !NOUN.test(head))) return last;
  return next;
}

/** A loaded-language mark that ends on an adjective, taken on to the noun it loads ("blatant ignorance"). */
export function withLoadedNoun(analysed: AnalysedText, span: Span): Span {
  const { text, tokens } = analysed;
  const sentence = analysed.sentences[sentenceAt(analysed.sentences, span.start)];
  if (!sentence) return span;
  let last = -1;
  for (let i = sentence.firstToken; i < sentence.endToken && tokens[i]!.end <= span.end; i++) last = i;
  if (last < 0 || tokens[last]!.end !== span.end) return span;
  const head = headOf(text, tokens, last, sentence.endToken);
  return head === last ? span : { start: span.start, end: tokens[head]!.end };
}

/** A loaded adjective takes the adverb that intensifies it ("viciously deliberate", "utterly shameful"). */
export function withIntensifier(analysed: AnalysedText, span: Span): Span {
  const { text, tokens } = analysed;
  const sentence = analysed.sentences[sentenceAt(analysed.sentences, span.start)];
  if (!sentence) return span;
  let first = -1;
  for (let i = sentence.firstToken; i < sentence.endToken; i++)
    if (tokens[i]!.start === span.start) {
      first = i;
      break;
    }
  if (first <= sentence.firstToken) return span;
  const before = tokens[first - 1]!;
  const adverb = text.slice(before.start, before.end);
  if (!/^\p{Ll}\p{L}{2,}ly$/u.test(adverb) || STOPWORDS.has(before.stem) || !/^ $/.test(text.slice(before.end, span.start))) return span;
  if (!ADJECTIVE.test(text.slice(span.start, tokens[first]!.end))) return span;
  return { start: before.start, end: span.end };
}

/** What a mark of this strength is worth: the precision of the highest calibration step it reaches. */
export function calibrated(rule: LexiconRule, strength: number): number {
  let p = rule.calibration[0]![1];
  for (const [at, precision] of rule.calibration) if (strength >= at) p = precision;
  return p;
}

/** Two words of a list: only a comma, "and" or "or" (or both) stands between them. */
function coordinated(text: string, tokens: AnalysedText['tokens'], last: number, next: number): boolean {
  return /^(?:,\s*|\s+)(?:(?:and|or)\s+)?$/u.test(text.slice(tokens[last]!.end, tokens[next]!.start)) && /[,]|\b(?:and|or)\b/u.test(text.slice(tokens[last]!.end, tokens[next]!.start));
}

/** Only function words, spaces and commas may stand between two loaded words of one mark: never a quote mark or a stop. */
function bridgeable(text: string, tokens: AnalysedText['tokens'], last: number, next: number): boolean {
  for (let k = last + 1; k < next; k++) if (!STOPWORDS.has(tokens[k]!.stem)) return false;
  return BRIDGE_TEXT.test(text.slice(tokens[last]!.end, tokens[next]!.start));
}
const BRIDGE_TEXT = /^[\s,\p{L}\p{N}'’-]*$/u;

function isCapitalised(text: string, at: number): boolean {
  const c = text[at]!;
  return c !== c.toLowerCase();
}

/** The page-level features of the tone model, in a fixed order. */
export const PAGE_TONE_FEATURES = ['loaded', 'strong', 'firstPerson', 'secondPerson', 'questions', 'exclamations', 'scareQuotes', 'reported'] as const;
export type ToneFeature = (typeof PAGE_TONE_FEATURES)[number];

const FIRST_PERSON = new Set(['i', 'me', 'my', 'we', 'our', 'us'].map(stem));
const SECOND_PERSON = new Set(['you', 'your', 'yourself'].map(stem));
/** One to three words between quote marks, not opening a sentence: ironic distance more often than a quotation. */
const SCARE_QUOTE = /[\p{L},] [“"‘'][\p{L}-]+(?: [\p{L}-]+){0,2}[”"’']/gu;
/**
 * A reporting verb or "according to": news writing hands its sentences to named speakers ("…, the
 * minister said"), so a page dense with them reads as a report, whatever its topic's vocabulary (a
 * report on an attack is full of words that load the reader in an opinion piece).
 */
const REPORTED = /\b(?:said|says|told|according to|added|announced|stated|reported)\b/iu;


const PLAIN_WORDS = 150;
const PLAIN_SENTENCES = 6;

/** The tone features of a text (`strengthOf`: a stem's likelihood of loading the reader, 0 when unknown): rates per 100 words (loaded words, voice, scare quotes) and per sentence (questions, exclamations, sentences handed to a speaker). */
export function toneFeatures(analysed: AnalysedText, strengthOf: (stem: string) => number): number[] {
  const { tokens, text } = analysed;
  const words = tokens.length;
  let loaded = 0;
  let strong = 0;
  let first = 0;
  let second = 0;
  // Quoted words are someone else's voice; the page's tone is the writer's.
  const quotes = quotedSpans(text);
  let quote = 0;
  for (const t of tokens) {
    while (quote < quotes.length && quotes[quote]!.end <= t.start) quote++;
    if (quote < quotes.length && quotes[quote]!.start <= t.start) continue;
    const p = strengthOf(t.stem);
    if (p >= 0.3) loaded += p;
    if (p >= 0.5) strong++;
    if (FIRST_PERSON.has(t.stem)) first++;
    else if (SECOND_PERSON.has(t.stem)) second++;
  }
  let questions = 0;
  let exclamations = 0;
  let reported = 0;
  for (const s of analysed.sentences) {
    const last = text[s.end - 1];
    if (last === '?') questions++;
    else if (last === '!') exclamations++;
    if (REPORTED.test(text.slice(s.start, s.end))) reported++;
  }
  // A short text is little evidence of a page's tone: rates are taken as if it had this many more
  // plain words and sentences, so one loaded word in a two-line text does not make it a tirade.
  const sentences = analysed.sentences.length + PLAIN_SENTENCES;
  const scare = text.match(SCARE_QUOTE)?.length ?? 0;
  const per100 = (n: number) => (100 * n) / (words + PLAIN_WORDS);
  return [per100(loaded), per100(strong), per100(first), per100(second), questions / sentences, exclamations / sentences, per100(scare), reported / sentences];
}

/** How persuasive the whole text reads, from 0 (a straight report) to 1 (it pushes throughout). */
export function pageTone(analysed: AnalysedText, rule: LexiconRule): number {
  const values = toneFeatures(analysed, (stem) => Math.max(rule.words.get(stem) ?? 0, rule.names.get(stem) ?? 0));
  let z = rule.tone.bias;
  PAGE_TONE_FEATURES.forEach((name, i) => (z += (rule.tone.weights[name] ?? 0) * values[i]!));
  return 1 / (1 + Math.exp(-z));
}
