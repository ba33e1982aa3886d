// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Popup, type TabState, summaryLine } from '../../components/Popup';
import type { FrameSummary } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { flaggedCount } from '../../lib/background/summary';

/** What the reader reads in the popup, for one tab state. */

const FRAME: FrameSummary = {
  url: 'https://news.example/space',
  title: 'The new space race',
  hasArticle: true,
  language: { code: 'en', covered: true },
  claims: [
    { id: 'a0', text: 'the first deployment of the US Space Force was to Qatar', sourcing: 'none', confident: true },
    { id: 'a1', text: 'Russia and China announced a project', sourcing: 'attributed', confident: true },
  ],
  techniques: [
    { id: 'a2', category: 'loaded-language', text: '‘civil’', explanation: 'Scare quotes.', confident: true },
    { id: 'c1', category: 'name-calling', text: 'a$$holes', explanation: 'A profane label.', confident: true },
  ],
  comments: [{ id: 'c1', author: 'Just Me', excerpt: 'These space a$$holes…', flags: ['insult'], confident: true }],
};

async function popupText(state: Partial<TabState>): Promise<{ text: string; root: HTMLElement }> {
  const root = document.createElement('div');
  const full: TabState = { tab: { frames: { '0': FRAME } }, settings: DEFAULT_SETTINGS, host: 'news.example', problem: null, ...state };
  render(h(Popup, { tabId: 1, send: async () => ({ ok: true }), load: async () => full }), root);
  for (let i = 0; i < 20 && root.textContent?.includes('Loading'); i++) await new Promise((r) => setTimeout(r, 5));
  return { text: root.textContent ?? '', root };
}

describe('the popup', () => {
  it('opens with a summary in words, then techniques (those in comments too), comments and claims', async () => {
    const { text, root } = await popupText({});
    expect(text).toContain('On this page: 2 persuasion techniques, 1 flagged comment and 2 claims (1 with no named source).');
    const headings = [...root.querySelectorAll('h2')].map((e) => e.textContent);
    expect(headings).toEqual(['Persuasion techniques', 'Flagged comments', 'Claims']);
    expect(text).toContain('“a$$holes”');
  });

  it('never doubles a cue’s own quotation marks', async () => {
    const { text } = await popupText({});
    expect(text).toContain('“civil”');
    expect(text).not.toContain('“‘civil’”');
  });

  it('labels its two switches unambiguously and explains the marks', async () => {
    const { root, text } = await popupText({});
    const switches = [...root.querySelectorAll('input[role="switch"]')].map((e) => e.closest('label')?.textContent);
    expect(switches).toEqual(['Plainsight', 'On this sitenews.example']);
    expect(text).toContain('What the marks mean');
    expect(text).toContain('A check-worthy claim with no named source');
  });

  it('says so, and lists nothing, when the site is switched off', async () => {
    const { text, root } = await popupText({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } });
    expect(text).toContain('Switched off on news.example');
    expect(root.querySelectorAll('button.item')).toHaveLength(0);
  });

  it('lists the rules found not useful on a card, each with a Restore button that asks the worker to restore it', async () => {
    const sent: unknown[] = [];
    const root = document.createElement('div');
    const settings = { ...DEFAULT_SETTINGS, quietRules: ['name-calling.labels', 'insult.profanity'] };
    const state: TabState = { tab: { frames: { '0': FRAME } }, settings, host: 'news.example', problem: null };
    render(h(Popup, { tabId: 1, send: async (m: unknown) => (sent.push(m), { ok: true }), load: async () => state }), root);
    for (let i = 0; i < 20 && root.textContent?.includes('Loading'); i++) await new Promise((r) => setTimeout(r, 5));
    const items = [...root.querySelectorAll('.quieted li')].map((li) => li.textContent);
    expect(items).toEqual(['Name calling: labels Restore', 'Comment flag: Insult: profanity Restore']);
    root.querySelector<HTMLButtonElement>('button[name="restore-name-calling.labels"]')!.click();
    expect(sent).toContainEqual({ type: 'set-rule-quiet', ruleId: 'name-calling.labels', quiet: false });
    expect((await popupText({})).root.querySelector('.quieted')).toBeNull();
  });

  it('leaves out of its lists and counts the marks of a rule the reader called not useful', async () => {
    const frame: FrameSummary = {
      ...FRAME,
      techniques: FRAME.techniques.map((t, i) => ({ ...t, ruleId: i === 1 ? 'name-calling.labels' : 'loaded-language.scare-quotes' })),
      comments: FRAME.comments.map((c) => ({ ...c, ruleIds: ['insult.profanity'] })),
    };
    const settings = { ...DEFAULT_SETTINGS, quietRules: ['name-calling.labels', 'insult.profanity'] };
    const { text } = await popupText({ tab: { frames: { '0': frame } }, settings });
    expect(text).toContain('On this page: 1 persuasion technique, no flagged comments and 2 claims');
    expect(text).not.toContain('“a$$holes”');
    expect(flaggedCount([frame], 'confident', settings.quietRules)).toBe(1);
    expect(flaggedCount([frame], 'confident')).toBe(3);
  });

  it('says what it reads when no article was found', async () => {
    const { text } = await popupText({ tab: { frames: { '0': { ...FRAME, hasArticle: false, claims: [], techniques: [], comments: [] } } } });
    expect(text).toContain('No article or comment thread found on this page.');
  });

  it('counts in words, singular and plural', () => {
    expect(summaryLine(0, 0, 0, 0)).toBe('On this page: no persuasion techniques, no flagged comments and no claims.');
    expect(summaryLine(1, 2, 3, 0)).toBe('On this page: 1 persuasion technique, 2 flagged comments and 3 claims (each names its source).');
    expect(summaryLine(1, 2, 3, 3)).toBe('On this page: 1 persuasion technique, 2 flagged comments and 3 claims (none names a source).');
  });
});
