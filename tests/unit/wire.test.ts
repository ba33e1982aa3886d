import { describe, expect, it } from 'vitest';
import { annotateReplySchema, parseMessage } from '../../lib/messages';
import { defaultAnnotator } from '../../lib/rules/default-packs';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { decodeResult, encodeResult } from '../../lib/wire';
import { readSeed } from '../fixtures/seed';

/** The background's answer in columns: it must unpack to exactly what the engine said, and refuse what does not add up. */

const seed = readSeed();
const annotator = defaultAnnotator();
const article = seed.paragraphs.join('\n\n');
const page = annotator.annotatePage({ title: seed.title, text: article }, seed.comments);

describe('the answer to a page', () => {
  it('unpacks to the engine’s marks, in order, for the article and every comment', () => {
    const decoded = decodeResult(encodeResult(page));
    expect(decoded.article).toEqual(page.article!.annotations);
    expect(decoded.comments).toEqual(page.comments.map((c) => ({ flags: c.flags, annotations: c.annotations })));
    expect(decoded.comments.some((c) => c.flags.some((f) => f.category === 'insult'))).toBe(true);
  });

  it('carries no text of the page and shares repeated labels and explanations', () => {
    const twice = annotator.annotatePage(null, [...seed.comments, ...seed.comments]);
    const wire = encodeResult(twice);
    expect(JSON.stringify(wire)).not.toContain(seed.comments[0]!.text);
    const marks = wire.comments.starts.length;
    expect(marks).toBeGreaterThan(0);
    expect(wire.notes.length).toBeLessThanOrEqual(marks / 2);
    expect(wire.labels.length).toBeLessThanOrEqual(marks / 2);
  });

  it('is refused, with the reason, when its columns do not add up', () => {
    const good = encodeResult(page);
    const reply = (result: unknown) => parseMessage(annotateReplySchema(), { ok: true, active: true, settings: DEFAULT_SETTINGS, result });
    expect(reply(good).ok).toBe(true);
    const cases: [string, unknown, RegExp][] = [
      ['a column cut short', { ...good, article: { ...good.article!, ends: good.article!.ends.slice(1) } }, /columns differ in length/],
      ['a label that does not exist', { ...good, labels: [] }, /has no label/],
      ['an explanation that does not exist', { ...good, notes: [] }, /has no explanation/],
      ['a mark of a comment that was not sent', { ...good, commentCount: 0 }, /belongs to no comment/],
      ['a span that ends before it starts', { ...good, article: { ...good.article!, ends: good.article!.starts.map(() => 0), starts: good.article!.starts.map(() => 5) } }, /ends before it starts/],
      ['a negative offset', { ...good, article: { ...good.article!, starts: [-1, ...good.article!.starts.slice(1)] } }, /article\.starts: expected an array of non-negative integers/],
      ['an unknown category', { ...good, labels: [{ kind: 'technique', category: 'hypnosis', ruleId: 'x' }, ...good.labels] }, /labels\.0\.category/],
    ];
    for (const [what, result, message] of cases) {
      const parsed = reply(result);
      expect(parsed.ok, what).toBe(false);
      expect(!parsed.ok && parsed.error, what).toMatch(message);
    }
  });
});
