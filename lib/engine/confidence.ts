/**
 * Every mark carries a confidence: how likely a careful editor would agree with it, from 0 to 1.
 * A rule's own record (its pack's `confidence`, or a learned score) is where it starts; technique
 * marks are then scaled by how persuasive the whole text reads, so that a straight report, where
 * loaded-sounding words are most often plain description, keeps its marks for readers who ask.
 * By default the reader sees the confident marks only.
 */

/** Marks at or above this are shown by default (`annotate --marks confident`, the extension's default). */
export const CONFIDENT = 0.5;

export const isConfident = (mark: { confidence: number }): boolean => mark.confidence >= CONFIDENT;

/** What a technique keeps of its confidence on a page that reads as a plain report. */
const TONE_FLOOR = 0.35;
/** Up to this tone a page reads as a report: its technique marks keep TONE_FLOOR of their confidence. */
const TONE_PLAIN = 0.35;
/** From this tone on, a page argues as much as the opinion writing the rules were measured on: no discount. */
const TONE_FULL = 0.55;

/** A technique mark's confidence: the rule's own, scaled by the tone of the text it stands in. */
export function techniqueConfidence(own: number, tone: number): number {
  const argues = Math.min(1, Math.max(0, (tone - TONE_PLAIN) / (TONE_FULL - TONE_PLAIN)));
  return round(own * (TONE_FLOOR + (1 - TONE_FLOOR) * argues));
}

/** Two decimals: the reader sees words, the report a figure; more digits would claim false precision. */
export const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
