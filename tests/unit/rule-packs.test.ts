import { describe, expect, it } from 'vitest';
import { COMMENT_FLAG_IDS, TECHNIQUE_IDS } from '../../lib/engine/categories';
import { createAnnotator } from '../../lib/engine/annotator';
import { RulePackError, compileRulePack } from '../../lib/rules/compile';
import { DEFAULT_PACK_SOURCES, compileDefaultPacks } from '../../lib/rules/default-packs';
import { findNestedQuantifier } from '../../lib/rules/regex-safety';

const packs = compileDefaultPacks();
const annotator = createAnnotator(packs);
const rules = packs.flatMap((p) => p.rules);

const validRule = {
  id: 'loaded-language.test',
  category: 'loaded-language',
  kind: 'phrases',
  phrases: ['sitting idly'],
  explanation: '{cue} is loaded.',
  examples: { fire: ['Washington is sitting idly.'], quiet: ['Washington is busy.'] },
};

const { phrases: _phrases, ...withoutPhrases } = validRule;
const regexRule = (pattern: string) => ({ ...withoutPhrases, kind: 'regex', pattern });

function problemsOf(rule: Record<string, unknown>, family = 'techniques'): string[] {
  try {
    compileRulePack({ family, version: 1, rules: [rule] }, 'test-pack');
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return (error as RulePackError).problems;
  }
  return [];
}

describe('the shipped rule packs', () => {
  it('compile, one file per family', () => {
    expect(packs.map((p) => p.family)).toEqual(['claims', 'techniques', 'comments']);
    expect(Object.keys(DEFAULT_PACK_SOURCES)).toEqual(['claims', 'techniques', 'comments']);
  });

  it.each(TECHNIQUE_IDS.map((id) => [id]))('have rules for the technique %s', (id) => {
    expect(rules.filter((r) => r.category === id).length).toBeGreaterThan(0);
  });

  it.each(COMMENT_FLAG_IDS.map((id) => [id]))('have rules for the comment flag %s', (id) => {
    expect(rules.filter((r) => r.category === id).length).toBeGreaterThan(0);
  });

  it('explain marks in plain words, never by the model or data behind them', () => {
    const internal = rules.filter((r) => /\b(?:model|trained|corpus|dataset|ClaimBuster|OLID|PTC|annotated)\b/i.test(r.explanation));
    expect(internal.map((r) => `${r.id}: ${r.explanation}`)).toEqual([]);
  });

  it('have claim rules and both kinds of sourcing rules', () => {
    for (const category of ['claim', 'source-attributed', 'source-vague'])
      expect(rules.some((r) => r.category === category)).toBe(true);
  });

  it('hold no pattern that matches the empty string (it would mark nothing, at a cost)', () => {
    const patterns = rules.flatMap((rule) => [
      ...(rule.kind === 'regex' ? [rule.pattern] : []),
      ...(rule.kind === 'scored' ? rule.features.flatMap((f) => (f.pattern ? [f.pattern] : [])) : []),
      ...(rule.unless ? [rule.unless] : []),
    ]);
    expect(patterns.length).toBeGreaterThan(20);
    expect(patterns.filter((p) => new RegExp(p.source, p.flags.replace('g', '')).test('')).map((p) => p.source)).toEqual([]);
  });

  const examples = rules.flatMap((rule) => [
    ...rule.examples.fire.map((example) => [rule.id, 'fires on', example, true] as const),
    ...rule.examples.quiet.map((example) => [rule.id, 'stays quiet on', example, false] as const),
  ]);

  it.each(examples)('%s %s %j', (id, _verb, example, fires) => {
    expect(annotator.ruleFires(id, example)).toBe(fires);
  });
});

describe('the learned weights in the shipped packs', () => {
  it('stay within the bundle budget of 1.5 MB (minified JSON of all packs)', () => {
    const bytes = Object.values(DEFAULT_PACK_SOURCES).reduce((n: number, raw) => n + JSON.stringify(raw).length, 0);
    expect(bytes).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('include a learned tagger, a learned claim rule and a learned comment classifier', () => {
    expect(rules.filter((r) => r.kind === 'tagger').map((r) => r.id)).toEqual(['learned.technique-tagger']);
    expect(rules.filter((r) => r.kind === 'classifier').map((r) => r.id)).toEqual(['insult.learned-offensive']);
    expect(rules.some((r) => r.id === 'claim.learned-check-worthy')).toBe(true);
  });
});

describe('a malformed rule pack is rejected with the rule and the problem named', () => {
  it('accepts the valid base rule these cases break', () => {
    expect(problemsOf(validRule)).toEqual([]);
  });

  it.each([
    ['an unknown field', { ...validRule, colour: 'red' }, /rule "loaded-language.test".*unknown field "colour"/],
    ['an empty phrase', { ...validRule, phrases: ['  '] }, /rule "loaded-language.test": phrases.0: must not be empty/],
    ['no phrases', { ...validRule, phrases: [] }, /needs at least one phrase/],
    ['a phrase of punctuation only', { ...validRule, phrases: ['!!'] }, /phrase "!!" has no words/],
    ['an empty pattern', regexRule(''), /pattern: must not be empty/],
    ['an invalid pattern', regexRule('(unclosed'), /not a valid regular expression/],
    ['a nested quantifier', regexRule('(a+)+b'), /unsafe.*backtrack catastrophically/],
    ['a bounded group of repeats', regexRule('(?:\\w+\\s?){0,5}x'), /unsafe/],
    ['an unknown category', { ...validRule, category: 'propaganda' }, /rule "loaded-language.test": category/],
    ['a flag in the techniques pack', { ...validRule, category: 'insult' }, /category/],
    ['no quiet example', { ...validRule, examples: { fire: ['x y'], quiet: [] } }, /at least one example that must stay quiet/],
    ['no firing example', { ...validRule, examples: { fire: [], quiet: ['x'] } }, /at least one example that must fire/],
    ['an explanation that does not name the cue', { ...validRule, explanation: 'Loaded.' }, /must name the cue/],
    ['an unknown kind', { ...validRule, kind: 'neural' }, /kind/],
    ['a bad id', { ...validRule, id: 'Has Spaces' }, /lower-case words/],
  ])('%s', (_what, rule, message) => {
    const problems = problemsOf(rule);
    expect(problems.join('\n')).toMatch(message);
  });

  it('rejects duplicate ids within a pack', () => {
    expect(() => compileRulePack({ family: 'techniques', version: 1, rules: [validRule, validRule] }, 'p')).toThrow(
      /rule "loaded-language.test": duplicate id/,
    );
  });

  it('rejects the same id in two packs', () => {
    const pack = compileRulePack({ family: 'techniques', version: 1, rules: [validRule] }, 'p');
    expect(() => createAnnotator([pack, { ...pack, name: 'q' }])).toThrow(/id used by two packs/);
  });

  it('rejects a pack of unknown family or with no version', () => {
    expect(() => compileRulePack({ family: 'memes', version: 1, rules: [] }, 'p')).toThrow(/family/);
    expect(() => compileRulePack({ family: 'techniques', rules: [] }, 'p')).toThrow(/version/);
    expect(() => compileRulePack('not json at all', 'p')).toThrow(/rule pack "p" rejected/);
  });

  it('lists every problem of a pack at once', () => {
    const problems = problemsOf({ ...validRule, phrases: [], explanation: 'x', extra: 1 });
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the nested-quantifier check', () => {
  it.each(['(a+)+', '(a*)*', '(?:ab+){2,}', '(?<cue>x{1,3})+', '(?:\\w+\\s?){0,5}', '((a)+b)*'])('rejects %s', (source) => {
    expect(findNestedQuantifier(source)).not.toBeNull();
  });

  it.each([
    '\\b(?:as a result of|because)\\b',
    '(?<=^|\\s)(?<cue>[A-Z]\\p{L}{1,20}(?: [A-Z]\\p{L}{1,20})?)',
    '(?<![\\p{L}\\d])\\d[\\d,.]{0,20}',
    '[(+*]+(?:ab)?',
    '(?<ch>\\p{L})\\k<ch>{5,}',
    'a\\(b+\\)+',
  ])('accepts %s', (source) => {
    expect(findNestedQuantifier(source)).toBeNull();
  });
});
