import type { CompiledRule, Scope } from '../rules/compile';
import type { PhraseIndex } from './phrase-index';
import { type AnalysedText, analyse, sentenceAt } from './text';
import type { Span } from './types';

/**
 * The matching pass: one walk of the phrase trie over a text's tokens, then the regex rules (the
 * triggered ones only on sentences holding their trigger). Everything later reads these hits.
 */

/** A phrase of a phrase rule, of a scored rule's feature, or a word that triggers a regex rule. */
export type PhraseKey = { rule: CompiledRule; feature?: number; trigger?: true };

export type RegexRule = Extract<CompiledRule, { kind: 'regex' }>;

export interface Hit extends Span {
  rule: CompiledRule;
  sentence: number;
}

/** Spans of a scored rule's phrase features, per sentence. */
export type FeatureHits = Map<number, Map<CompiledRule, Map<number, Span>>>;

export interface TextHits {
  analysed: AnalysedText;
  hits: Hit[];
  features: FeatureHits;
}

export function collectHits(
  text: string,
  scope: Scope,
  phrases: PhraseIndex<PhraseKey>,
  regexRules: readonly RegexRule[],
): TextHits {
  const analysed = analyse(text);
  const { sentences, tokens } = analysed;
  const hits: Hit[] = [];
  const features: FeatureHits = new Map();
  const triggered = new Map<CompiledRule, number[]>();
  sentences.forEach((sentence, index) => {
    phrases.match(tokens, sentence.firstToken, sentence.endToken, (key, first, end) => {
      const { rule, feature } = key;
      if (!rule.reads[scope]) return;
      if (key.trigger) {
        const list = triggered.get(rule);
        if (!list) triggered.set(rule, [index]);
        else if (list.at(-1) !== index) list.push(index);
        return;
      }
      const span = { start: tokens[first]!.start, end: tokens[end - 1]!.end };
      if (feature === undefined) hits.push({ rule, sentence: index, ...span });
      else noteFeature(features, index, rule, feature, span);
    });
  });
  for (const rule of regexRules) {
    if (rule.trigger.length === 0) matchRegex(rule, text, 0, text.length, analysed, hits);
    else for (const index of triggered.get(rule) ?? []) matchRegex(rule, text, sentences[index]!.start, sentences[index]!.end, analysed, hits);
  }
  const kept = hits.filter((h) => !h.rule.unless || !h.rule.unless.test(sentenceText(analysed, h.sentence)));
  return { analysed, hits: kept, features };
}

export function sentenceText({ text, sentences }: AnalysedText, index: number): string {
  const s = sentences[index]!;
  return text.slice(s.start, s.end);
}

/** Runs a regex rule over `text[from, to)`, its span being the `cue` group or the whole match. */
function matchRegex(rule: RegexRule, text: string, from: number, to: number, analysed: AnalysedText, hits: Hit[]): void {
  const source = from === 0 && to === text.length ? text : text.slice(from, to);
  const { pattern } = rule;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[0].length === 0) pattern.lastIndex++;
    const [start, end] = m.indices?.groups?.cue ?? m.indices![0]!;
    const sentence = sentenceAt(analysed.sentences, start + from);
    if (sentence >= 0 && end > start) hits.push({ rule, sentence, start: start + from, end: end + from });
  }
}

function noteFeature(features: FeatureHits, sentence: number, rule: CompiledRule, feature: number, span: Span): void {
  let perRule = features.get(sentence);
  if (!perRule) features.set(sentence, (perRule = new Map()));
  let fired = perRule.get(rule);
  if (!fired) perRule.set(rule, (fired = new Map()));
  if (!fired.has(feature)) fired.set(feature, span);
}
