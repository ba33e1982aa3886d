/**
 * Where Unicode's sentence rules break after a full stop that a careful reader would not: after a
 * title ("Sen. Warren"), an initial ("Michael R. Smith", "George H.W. Bush"), a dotted acronym
 * ("the U.N. Security Council") or a short form before a number ("Jan. 5"). `Intl.Segmenter` breaks
 * before any capital after ". ", so these lists say when to take the break back.
 */

/** Titles always followed by a name: the break after them is never a sentence end. */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Sen', 'Sens', 'Rep', 'Reps', 'Gov', 'Gen', 'Lt', 'Col', 'Capt', 'Cpt', 'Sgt', 'Maj',
  'Adm', 'Cmdr', 'Cpl', 'Pvt', 'Rev', 'Hon', 'Rt', 'Revd', 'Amb', 'Atty', 'Pres', 'Supt', 'Insp', 'Det', 'Fr', 'St', 'Mt', 'Ft', 'Messrs', 'Mme', 'Mlle',
  'vs', 'v', 'e.g', 'i.e', 'cf', 'viz', 'approx', 'ca',
]);

/** The titles written before a name ("St. Louis", "Gov. Walz"), for the code that widens names. */
export const NAME_TITLES: readonly string[] = [...TITLES].filter((t) => /^\p{Lu}/u.test(t));

/** Short forms that run on into a number ("No. 10", "Jan. 5", "Vol. 3"); before a word they may end a sentence. */
const BEFORE_NUMBER = new Set([
  'No', 'Nos', 'no', 'Vol', 'vol', 'pp', 'p', 'Art', 'art', 'Fig', 'fig', 'Ch', 'ch', 'Sec', 'sec', 'Ex', 'Op', 'Ed',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/**
 * Short forms that usually run on but can end a sentence: company and name suffixes, and (by shape)
 * initials and dotted acronyms. After these a break stands only before a word that opens sentences.
 */
const USUALLY_RUN_ON = new Set(['Inc', 'Corp', 'Co', 'Ltd', 'Jr', 'Sr', 'Bros', 'Ave', 'Blvd', 'Rd', 'Dept', 'Univ', 'Assn', 'Intl', 'Govt', 'et al', 'al', 'etc', 'Ph.D', 'a.m', 'p.m']);

/**
 * Capitalised words that open sentences far more often than they follow "U.S." or an initial inside
 * one: a break before them after an acronym ("in the U.S. The next day…") is a real sentence end.
 */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'This', 'That',
  'These', 'Those', 'There', 'Here', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For', 'If', 'When', 'While', 'As', 'After',
  'Before', 'Since', 'Although', 'Though', 'However', 'Meanwhile', 'What', 'Why', 'How', 'Who', 'Where', 'Which', 'Some', 'Many',
  'Most', 'One', 'No', 'Not', 'Still', 'Now', 'Then', 'Today', 'Yesterday', 'Last', 'Next', 'By', 'With', 'From', 'To', 'Under',
  'Over', 'Even', 'Only', 'Such', 'Both', 'All', 'Each', 'Every', 'Other', 'Others', 'Instead', 'Also', 'Indeed', 'Despite', 'During',
  'Among', 'Because', 'Unlike', 'Like', 'Until', 'Once', 'Asked', 'According', 'Officials', 'Critics', 'Experts',
]);

/** What follows a clock time inside a sentence: a time zone, a weekday, a month, "local". */
const AFTER_CLOCK = /^(?:\p{Lu}{1,3}T|ET|GMT|UTC|Z|local|Eastern|Pacific|Central|Mountain|Atlantic|Moscow|Beijing|Kyiv|Mon(?:day)?|Tue(?:s|sday)?|Wed(?:nesday)?|Thu(?:rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)$/u;

/** The word-like stretch (letters and inner full stops) that ends just before the final full stop of `before`. */
const LAST_WORD = /(?:^|[^\p{L}.])((?:\p{L}+\.)*\p{L}+(?: al)?)\.[\s\p{Pe}\p{Pf}"']*$/u;
const SPACED_ELLIPSIS = /\. \. \.[\s\p{Pe}\p{Pf}"']*$/u;
const FIRST_WORD = /^[\s\p{Ps}\p{Pi}"']*([\p{L}\p{N}]+)/u;

/**
 * Whether the break between `before` (a segment ending in a full stop) and `after` (the next
 * segment) is an abbreviation's full stop rather than a sentence end.
 */
export function runsOn(before: string, after: string): boolean {
  const next = FIRST_WORD.exec(after);
  if (!next) return false;
  const last = LAST_WORD.exec(before);
  // A spaced ellipsis (". . .") marks words left out, mostly inside a sentence.
  if (!last) return SPACED_ELLIPSIS.test(before) && !SENTENCE_OPENERS.has(next[1]!);
  const word = last[1]!;
  const first = next[1]!;
  const quoted = next[0].length > first.length && /[\p{Ps}\p{Pi}"']/u.test(next[0]);
  const c = first.charCodeAt(0);
  const digit = c >= 48 && c <= 57;
  // A parenthesis after an abbreviation goes on with the sentence: "at 10:51 a.m. (1451 GMT) from …".
  if (/^\s*\(/u.test(after) && (USUALLY_RUN_ON.has(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word))) return true;
  if (TITLES.has(word)) return !quoted;
  if (BEFORE_NUMBER.has(word)) return digit;
  if (quoted || SENTENCE_OPENERS.has(first)) return false;
  // "at 12:15 a.m. Monday", "at 9 p.m. ET" run on; "at 12:15 a.m. DeLeo said …" starts a sentence with a name.
  if (word === 'a.m' || word === 'p.m') return AFTER_CLOCK.test(first);
  if (USUALLY_RUN_ON.has(word)) return true;
  // An initial ("R.") or a dotted acronym ("U.S.", "H.W."): capitals, one letter between full stops.
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}
