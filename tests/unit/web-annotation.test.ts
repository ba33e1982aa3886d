import { describe, expect, it } from 'vitest';
import type { FrameSummary } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { annotationFile, tabToAnnotations } from '../../lib/web-annotation';
import { collectionSchema } from '../fixtures/web-annotation-schema';

const FRAME: FrameSummary = {
  url: 'https://news.example/space',
  title: 'The new space race',
  hasArticle: true,
  language: { code: 'en', covered: true },
  claims: [
    { id: 'a0', text: 'the first deployment of the US Space Force was to Qatar', sourcing: 'none', confident: true },
    { id: 'a1', text: 'Russia and China announced a project', sourcing: 'attributed', confident: false },
  ],
  techniques: [{ id: 'a2', category: 'name-calling', text: 'disloyal partner', explanation: '“disloyal partner” labels the target.', confident: true }],
  comments: [{ id: 'c1', author: 'Just Me', excerpt: 'These space a$$holes never learn and they keep going on and on…', flags: ['insult'], confident: true }],
};
const THREAD: FrameSummary = { ...FRAME, url: 'https://comments.example/thread', title: '', hasArticle: false, claims: [], techniques: [] };

describe('the export as W3C Web Annotations', () => {
  let n = 0;
  const options = { now: new Date('2026-12-03T10:00:00Z'), newId: () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, version: '0.1.0' };

  it('is a valid Annotation Collection, one annotation per mark, each quoting the page it is on', () => {
    const out = collectionSchema.parse(JSON.parse(annotationFile(tabToAnnotations({ frames: { '0': FRAME, '3': THREAD } }, options), FRAME.url).json));
    expect(out.total).toBe(5);
    expect(out.first.items.map((a) => [a.target.source, a.motivation, a.body[0]!.value])).toEqual([
      [FRAME.url, 'assessing', 'Claim'],
      [FRAME.url, 'assessing', 'Claim'],
      [FRAME.url, 'classifying', 'Name calling'],
      [FRAME.url, 'moderating', 'Insult'],
      [THREAD.url, 'moderating', 'Insult'],
    ]);
    expect(new Set(out.first.items.map((a) => a.id)).size).toBe(5);
  });

  it('carries the quote, category, explanation, sourcing and comment author', () => {
    const [claim, , technique, comment] = tabToAnnotations({ frames: { '0': FRAME } }, options).first.items;
    expect(claim!.target.selector).toEqual({ type: 'TextQuoteSelector', exact: 'the first deployment of the US Space Force was to Qatar' });
    expect(claim!.body.map((b) => b.value)).toContain('sourcing: no source');
    expect(technique!.body.map((b) => [b.purpose, b.value])).toEqual([['classifying', 'Name calling'], ['describing', '“disloyal partner” labels the target.']]);
    // A cut excerpt quotes the beginning of the comment, without the ellipsis the summary added.
    expect(comment!.target.selector.exact).toBe('These space a$$holes never learn and they keep going on and on');
    expect(comment!.body.map((b) => b.value)).toEqual(['Insult', 'Comment by Just Me']);
  });

  it('exports what the reader sees: the sure marks by default, not the categories switched off', () => {
    const seen = tabToAnnotations({ frames: { '0': FRAME } }, { ...options, settings: { ...DEFAULT_SETTINGS, disabledCategories: ['name-calling'] } });
    expect(seen.first.items.map((a) => a.body[0]!.value)).toEqual(['Claim', 'Insult']);
    const every = tabToAnnotations({ frames: { '0': FRAME } }, { ...options, settings: { ...DEFAULT_SETTINGS, marks: 'all' } });
    expect(every.total).toBe(4);
  });

  it('names the file after the site', () => {
    expect(annotationFile(tabToAnnotations({ frames: {} }, options), 'https://news.example/a').name).toBe('plainsight-news.example.json');
  });
});
