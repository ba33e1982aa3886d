import { stem } from './stem';
import type { AnalysedText } from './text';

/**
 * What kind of page the text reads as. Plainsight reads news and opinion; a recipe, a tutorial, a
 * how-to or a shopping guide states quantities, steps, code and prices that no fact-checker would
 * check, and its plain words ("malicious links", "transplant shock") are no persuasion. A film,
 * game or book review, or a story, is the same for its strong words: "horror", "a hideous pig",
 * "the insanity of piloting a mech" describe what it shows and praise it, and push no view of
 * public life; a page reads so when many of its sentences speak of films, games, books or music,
 * and more of them than of public life. Such a page
 * talks to the reader about doing something — instructions, "you'll need", code, measures and
 * prices in many of its sentences — and seldom about public life (governments, courts, elections,
 * wars, officials). Both must hold before a page is taken for instructions: an opinion piece that
 * addresses its reader still argues about someone, and a report on a policy may quote a price.
 */

/** Verbs that open an instruction ("Add the rice", "Click the button", "Install it"). */
export const INSTRUCTION_VERBS = new Set(
  (
    'add allow arrange avoid bake beat boil bring buy call check choose chop click close combine configure cook copy cover create cut ' +
    'define dice download drain drizzle email ensure enter feed fill find fold follow fry garnish get go grill heat imagine import install ' +
    'join keep layer make measure melt mix open paste place plant pour preheat press prune put read register remove repeat replace roast ' +
    'run save season select serve set share sift sign simmer slice spoon sprinkle start stir store subscribe take toss transfer try ' +
    'turn type update use visit wait watch water whisk'
  ).split(' '),
);

/** What an instruction's verb goes on with: "Store the jar", "Use immediately", "Sign up" — not "Store sales fell". */
const INSTRUCTION_GOES_ON = new Set(
  'the a an your it them this that these those our us me up out in into on off over down immediately now here all each both well together gently until for with at back away more again being'.split(' '),
);

/** Words before an instruction's verb: "Then", "Simply", or a dateline ("April 17, 2015 -- Imagine being …"). */
const LEAD_IN = /^(?:(?:then|now|simply|just|please|first|next|finally|meanwhile|also|and),?|\p{Lu}\p{Ll}+\.? \d{1,2}, \d{4}\s*(?:--|—|–))\s+/iu;

/** An instruction to the reader on its own: "Store the jar …", "Then click on the button" (a colon introduces a statement). */
export function isInstruction(line: string): boolean {
  if (line.includes(':')) return false;
  const rest = line.replace(LEAD_IN, '');
  const [first, second] = rest.split(/\s+/);
  // After "Then", "Now" … the verb is in lower case; a sentence's own first word is capitalised.
  if (!first || !second || !(rest === line ? /^\p{Lu}\p{Ll}+$/u : /^\p{L}\p{Ll}+$/u).test(first)) return false;
  return INSTRUCTION_VERBS.has(first.toLowerCase()) && INSTRUCTION_GOES_ON.has(second.replace(/[^\p{L}]/gu, '').toLowerCase());
}

/** Words of public life, as stems: what news and opinion are about, and recipes and tutorials are not. */
const PUBLIC_LIFE = new Set(
  (
    'government minister ministry president presidential prime parliament parliamentary congress congressional senate senator ' +
    'lawmaker legislator legislation law bill court judge justice supreme police officer sheriff prosecutor election elected vote ' +
    'voter ballot campaign party democrat democratic republican liberal conservative politics political politician policy state ' +
    'nation national country citizen war military army troop soldier defense defence security intelligence sanction treaty ' +
    'diplomat diplomatic embassy foreign border immigration migrant refugee protest protester regime authority official agency ' +
    'federal administration council mayor governor tax budget economy economic inflation crisis union investigation inquiry scandal ' +
    'corruption terrorism terrorist attack kill violence crime criminal prison public leader opposition reform regulation regulator ' +
    'nato un eu kremlin pentagon'
  )
    .split(' ')
    .map(stem),
);

/** A sentence that talks the reader through doing something, shows code, or gives a measure or a price. */
const YOU_DO = /\byou(?:['’]ll| will| can| should| need| must| may| might| have to| want)\b|\b(?:if you|make sure)\b/i;
const CODE = /[{};]|\w\(\)|::|=>|\w_\w|\.\w+\(|^(?:>>>|\.\.\.)\s|\b(?:def|function|class)\s+\w+\s*\(|\w\s?==\s?\w|\w\[\w*\]|\w\s?=\s?[[(]/;
const MEASURE = /\b\d+(?:\.\d+)?\s?(?:GB|TB|MB|MHz|GHz|mm|cm|g|kg|ml|oz|lbs?|cups?|tablespoons?|tbsp|teaspoons?|tsp|inch(?:es)?|°[CF])\b/;

/**
 * Words of reporting: news of a product ("Apple unveiled its watch …, 9to5Mac reported", "available
 * in a 38mm or 42mm face") gives measures and prices as a guide does, but tells what was said and done.
 */
const REPORTED = /\b(?:said|says|told|reported|reports|reportedly|according to|announced|unveiled|revealed|confirmed|citing|sources?)\b/i;
/** A page that reports in this share of its sentences is news, however many measures it gives or films it names. */
const REPORTING_SHARE = 0.2;

/** A page reads as instructions from this share of its sentences on… */
const INSTRUCTING_SHARE = 0.2;
/** …when fewer than this share of them speak of public life. */
const PUBLIC_LIFE_SHARE = 0.1;
/** Fewer sentences than this say too little to judge the page by. */
const MIN_SENTENCES = 8;
/** The sentences read to judge: the opening of a long page shows its kind, and the cost stays bounded. */
const SAMPLE = 200;

/** What a page that is not news or opinion reads as: instructions (a recipe, a tutorial, a buying guide), or a review or story of films, games, books or music. */
export type PageKind = 'instructions' | 'arts';

/** A page reads as a review or a story from this share of its sentences on films, games, books or music… */
const ARTS_SHARE = 0.2;
/** …when they outnumber its sentences on public life by this much (a report on a film subsidy stays news). */
const ARTS_OVER_PUBLIC_LIFE = 1.5;

/** Words of the arts and entertainment, as stems: what reviews, plot summaries and stories are about. */
const ARTS = new Set(
  (
    'film movie cinema director directed actor actress starring cast plot scene sequel prequel trailer screenplay character villain ' +
    'episode season sitcom game gameplay gamer player console multiplayer novel chapter fiction album song band genre horror comedy ' +
    'thriller drama romance fantasy review reviewer critic soundtrack animation animated studio premiere oscar festival netflix hbo ' +
    'playstation xbox nintendo dvd blu-ray theater theatre musical protagonist heroine'
  )
    .split(' ')
    .map(stem),
);

/** What the page reads as, when it is not news or opinion; undefined for news, opinion and anything too short to judge. */
export function pageKindOf(analysed: AnalysedText): PageKind | undefined {
  const { text, tokens } = analysed;
  let judged = 0;
  let instructing = 0;
  let publicLife = 0;
  let arts = 0;
  let reported = 0;
  const has = (words: ReadonlySet<string>, sentence: AnalysedText['sentences'][number]) => {
    for (let t = sentence.firstToken; t < sentence.endToken; t++) if (words.has(tokens[t]!.stem)) return true;
    return false;
  };
  for (const sentence of analysed.sentences) {
    if (judged >= SAMPLE) break;
    if (sentence.endToken - sentence.firstToken < 4) continue;
    judged++;
    if (has(PUBLIC_LIFE, sentence)) publicLife++;
    if (has(ARTS, sentence)) arts++;
    const line = text.slice(sentence.start, sentence.end);
    if (REPORTED.test(line)) reported++;
    if (opensWithInstruction(line) || YOU_DO.test(line) || CODE.test(line) || MEASURE.test(line)) instructing++;
  }
  if (judged < MIN_SENTENCES) return undefined;
  if (instructing >= INSTRUCTING_SHARE * judged && publicLife < PUBLIC_LIFE_SHARE * judged && reported < REPORTING_SHARE * judged) return 'instructions';
  // Entertainment news ("Sources are reporting that the actor was found …") is news, not a review.
  if (arts >= ARTS_SHARE * judged && arts >= ARTS_OVER_PUBLIC_LIFE * publicLife && reported < REPORTING_SHARE * judged) return 'arts';
  return undefined;
}

/** Whether the text reads as instructions, a tutorial or a product guide rather than news or opinion. */
export const readsAsInstructions = (analysed: AnalysedText): boolean => pageKindOf(analysed) === 'instructions';

/** A sentence that opens with an instruction's verb, whatever follows ("Add rice and stir …"), and asks nothing. */
function opensWithInstruction(line: string): boolean {
  const rest = line.replace(LEAD_IN, '');
  const first = rest.split(/\s+/, 1)[0]!;
  return (rest === line ? /^\p{Lu}\p{Ll}+$/u : /^\p{L}\p{Ll}+$/u).test(first) && INSTRUCTION_VERBS.has(first.toLowerCase()) && !line.trimEnd().endsWith('?');
}

