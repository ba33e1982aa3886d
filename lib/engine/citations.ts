/**
 * Citation markers: a footnote number is no figure of the text around it, and one glued to a full
 * stop ("… Iowa Starting Line.2 Warren said …") hides the sentence break. Blanked with spaces, so
 * every offset stays where it was: Wikipedia's "[12]", "[a]" and "[citation needed]", a numbered
 * source in parentheses that closes a sentence after a word in lower case ("… lean muscle mass (3).") and a superscript number glued to a
 * sentence's end before the next sentence.
 */
const MARKERS = [
  /\[(?:\d{1,3}|[a-z]|citation needed|clarification needed|when\?|who\?)(?:[,–-]\s?\d{1,3})*\]/giu,
  // After a word in lower case, closing a sentence: "(2)" after a name or before a comma is a count ("Warren (2) or Buttigieg (0)").
  /(?<=(?:^|\s)[\p{Ll}%-]+ ?)\(\d{1,2}(?:[,–-] ?\d{1,2})*\)(?=[.;:]?\s*$|[.;:]\s)/gmu,
  /(?<=\p{Ll}{2}[.,;:”"’])\d{1,2}(?= +\p{Lu})/gu,
];

/** The text with its citation markers replaced by spaces; the same string when there are none. */
export function blankCitations(text: string): string {
  let out = text;
  for (const marker of MARKERS) out = out.replace(marker, (m) => ' '.repeat(m.length));
  return out;
}
