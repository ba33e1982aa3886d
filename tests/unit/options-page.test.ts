// @vitest-environment happy-dom
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { OptionsPage, type OptionsState } from '../../components/OptionsPage';
import { hostOf } from '../../components/SiteList';
import type { PopupMessage } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';

/** The options page sends the popup's messages and shows what the worker stored. */
async function optionsPage(state: OptionsState) {
  const sent: PopupMessage[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  render(h(OptionsPage, { send: async (m: PopupMessage) => void sent.push(m), load: async () => state }), root);
  for (let i = 0; i < 20 && root.textContent?.includes('Loading'); i++) await new Promise((r) => setTimeout(r, 5));
  return { root, sent };
}

describe('the options page', () => {
  it('shows the marks level, every category and the sites switched off', async () => {
    const { root } = await optionsPage({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['b.example', 'a.example'], disabledCategories: ['claim'] }, problem: null });
    expect((root.querySelector('input[name="marks"][value="confident"]') as HTMLInputElement).checked).toBe(true);
    expect((root.querySelector('input[name="claim"]') as HTMLInputElement).checked).toBe(false);
    expect((root.querySelector('input[name="name-calling"]') as HTMLInputElement).checked).toBe(true);
    expect([...root.querySelectorAll('.site-list .host')].map((e) => e.textContent)).toEqual(['a.example', 'b.example']);
  });

  it('lists the marks called not useful and restores one', async () => {
    const { root, sent } = await optionsPage({ settings: { ...DEFAULT_SETTINGS, quietRules: ['name-calling.labels'] }, problem: null });
    (root.querySelector('button[name="restore-name-calling.labels"]') as HTMLButtonElement).click();
    expect(sent).toEqual([{ type: 'set-rule-quiet', ruleId: 'name-calling.labels', quiet: false }]);
  });

  it('sends set-site, set-category and set-marks', async () => {
    const { root, sent } = await optionsPage({ settings: { ...DEFAULT_SETTINGS, disabledSites: ['a.example'] }, problem: null });
    (root.querySelector('button[name="remove-site"]') as HTMLButtonElement).click();
    (root.querySelector('input[name="name-calling"]') as HTMLInputElement).click();
    (root.querySelector('input[name="marks"][value="all"]') as HTMLInputElement).click();
    const input = root.querySelector('input[name="add-site"]') as HTMLInputElement;
    input.value = 'https://news.example.com/opinion/1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(sent).toEqual([
      { type: 'set-site', host: 'a.example', enabled: true },
      { type: 'set-category', category: 'name-calling', enabled: false },
      { type: 'set-marks', marks: 'all' },
      { type: 'set-site', host: 'news.example.com', enabled: false },
    ]);
  });

  it.each([
    ['news.example.com', 'news.example.com'],
    [' https://News.Example.com/a?b ', 'news.example.com'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['', null],
    ['not a site', null],
  ])('reads %j as the host %j', (input, host) => expect(hostOf(input)).toBe(host));
});
