import { STOPWORDS } from './stopwords';
import { stem } from './stem';
import type { Span } from './types';

/**
 * An insult attacks a person. Some put-downs are adjectives, and they insult only when they
 * describe someone: "stupid people", "you're stupid", "stupid Americans" — not "a stupid markup"
 * or "a pathetic excuse for a card". And "ass" after an adjective and before a noun ("a lame ass
 * joke") only intensifies. Such cues, describing a thing, are no insult.
 */

/** Put-downs that are adjectives. (Superlatives stay insults: "the dumbest thing I have read" is aimed at its writer.) */
const DESCRIBING = new Set(['stupid', 'dumb', 'retarded', 'brainless', 'brain-dead', 'braindead', 'pathetic', 'ignorant', 'lame']);

/** Nouns for people (and their groups): an adjective put-down before one of them insults. */
const PEOPLE = new Set(
  (
    'people person man men woman women guy guys dude kid kids boy boys girl girls folk folks child children adult adults ' +
    'idiot idiots fool fools moron morons clown clowns loser losers jerk jerks troll trolls sheep sheeple liar liars ' +
    'voter voters fan fans user users owner owners buyer buyers seller sellers customer customers citizen citizens ' +
    'liberal liberals conservative conservatives leftist leftists rightist rightists politician politicians leader leaders ' +
    'journalist journalists reporter reporters writer writers author authors commenter commenters poster posters ' +
    'bitch bitches bastard bastards cow cows pig pigs animal animals creature creatures ass asses members crowd mob'
  ).split(' '),
);

/** The words after the cue, up to the first mark: "dumb history major conservatives" describes people. */
const NEXT_WORDS = /^((?:,?\s+[\p{L}'’-]+){1,5})/u;
/** After the cue, these say how it describes, not what: "stupid enough to", "ignorant daily". */
const PREDICATIVE = /^(?:enough|as|to|for|of|\p{Ll}+ly)$/u;
const INTENSIFIED = /\b(?:lame|bad|kick|big|smart|dumb|fat|sorry|cheap|crazy|weird|stupid|broke|tired|old)[- ]$/iu;

/** Whether the put-down at `span` describes a thing, not a person. */
export function describesAThing(text: string, span: Span): boolean {
  const cue = text.slice(span.start, span.end).toLowerCase();
  const after = (NEXT_WORDS.exec(text.slice(span.end, span.end + 60))?.[1] ?? '').replace(/,/gu, ' ').trim().split(/\s+/u).filter(Boolean);
  const next = after[0];
  if (cue === 'ass') return next !== undefined && /^\p{Ll}/u.test(next) && !PEOPLE.has(next) && INTENSIFIED.test(text.slice(Math.max(0, span.start - 12), span.start));
  if (!DESCRIBING.has(cue) || next === undefined || !/^\p{Ll}/u.test(next)) return false;
  if (PREDICATIVE.test(next) || STOPWORDS.has(stem(next.toLowerCase()))) return false;
  // The noun it describes, past other adjectives ("stupid incompetent and toxic PM"): a person or a name makes it an insult.
  for (const w of after) {
    if (w === 'and' || w === 'or') continue;
    if (!/^\p{Ll}/u.test(w) || PEOPLE.has(w.toLowerCase())) return false;
    if (STOPWORDS.has(stem(w.toLowerCase()))) break;
  }
  return true;
}
