import type { CompiledRule } from '../rules/compile';
import { commentFeatures, commentWords } from './comment-features';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import type { Span } from './types';

/**
 * The learned comment classifier (`npm run train`, on OLID): the weights of a comment's distinct
 * words and word pieces, plus a shipped lexicon, give a probability; when it reaches the rule's
 * threshold and the word whose own weight is largest reaches `minCue`, that word is the cue the
 * reader is shown.
 */

export type ClassifierRule = Extract<CompiledRule, { kind: 'classifier' }>;

export function classifyComment(text: string, rule: ClassifierRule): Span | null {
  const words = commentWords(text);
  if (words.length === 0) return null;
  const own = new Float64Array(words.length);
  let sum = 0;
  let weighed = 0;
  let lexicon = false;
  commentFeatures(words, (table, key, at) => {
    let w = (table === 'word' ? rule.words : rule.pieces).get(key);
    if (table === 'word' && !lexicon && rule.lexicon.has(key)) {
      lexicon = true;
      w = (w ?? 0) + rule.lexiconWeight;
      weighed++;
    }
    if (w === undefined) return;
    weighed++;
    sum += w;
    // Pieces add to the score but never make a cue ("class" holds "ass"), nor do function words.
    if (table === 'word' && !STOPWORDS.has(stem(key))) own[at]! += w;
  });
  // As in training, the weights are scaled by 1/√(features that carry one): long comments do not outvote short ones.
  const score = rule.bias + (weighed > 0 ? sum / Math.sqrt(weighed) : 0);
  if (score < Math.log(rule.threshold / (1 - rule.threshold))) return null;
  let best = 0;
  for (let i = 1; i < words.length; i++) if (own[i]! > own[best]!) best = i;
  return own[best]! >= rule.minCue ? { start: words[best]!.start, end: words[best]!.end } : null;
}
