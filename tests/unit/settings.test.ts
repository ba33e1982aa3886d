import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, SettingsStore, isSiteEnabled, parseSettings } from '../../lib/settings';

describe('stored settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('start from the defaults: everything on', async () => {
    const { settings, problem } = await new SettingsStore(fakeBrowser.storage.local).read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problem).toBeNull();
    expect(isSiteEnabled(settings, 'example.org')).toBe(true);
  });

  it('persist what was written, so a restarted worker reads them back', async () => {
    const first = new SettingsStore(fakeBrowser.storage.local);
    await first.update((s) => ({ ...s, disabledSites: ['example.org'], disabledCategories: ['name-calling'] }));
    const restarted = new SettingsStore(fakeBrowser.storage.local);
    const { settings } = await restarted.read();
    expect(settings.disabledSites).toEqual(['example.org']);
    expect(settings.disabledCategories).toEqual(['name-calling']);
    expect(isSiteEnabled(settings, 'example.org')).toBe(false);
    expect(isSiteEnabled(settings, 'other.org')).toBe(true);
  });

  it('migrate version 1 (one mixed "off" list) to the current version', () => {
    const result = parseSettings({ version: 1, enabled: true, off: ['example.org', 'doubt', 'comment-spam'] });
    expect(result).toEqual({
      settings: { version: SETTINGS_VERSION, enabled: true, disabledSites: ['example.org'], disabledCategories: ['doubt', 'comment-spam'], marks: 'confident', quietRules: [] },
    });
  });

  it('migrate version 3 (before "Not useful") to no quieted rules', () => {
    const v3 = { version: 3, enabled: true, disabledSites: [], disabledCategories: ['doubt'], marks: 'all' };
    expect(parseSettings(v3)).toEqual({ settings: { ...v3, version: SETTINGS_VERSION, quietRules: [] } });
  });

  it.each([
    ['not an object', 'yes please', /not an object/],
    ['an unknown category', { ...DEFAULT_SETTINGS, disabledCategories: ['memes'] }, /disabledCategories/],
    ['a wrong type', { ...DEFAULT_SETTINGS, enabled: 'sometimes' }, /enabled/],
    ['an unknown field', { ...DEFAULT_SETTINGS, colour: 'red' }, /colour/],
    ['a version with no migration', { version: 0 }, /version 0/],
    ['a quieted rule that is no rule id', { ...DEFAULT_SETTINGS, quietRules: ['<script>'] }, /quietRules\.0: is not a rule id/],
    ['quieted rules that are not a list', { ...DEFAULT_SETTINGS, quietRules: 'name-calling.labels' }, /quietRules/],
  ])('reject %s, saying what is wrong', (_what, raw, message) => {
    const result = parseSettings(raw);
    expect('problem' in result && result.problem).toMatch(message);
  });

  it('replace a corrupt value by the last good one, and report it', async () => {
    const report = vi.fn();
    const store = new SettingsStore(fakeBrowser.storage.local, report);
    await store.update((s) => ({ ...s, disabledSites: ['example.org'] }));
    await fakeBrowser.storage.local.set({ settings: { version: SETTINGS_VERSION, enabled: 42 } });
    const { settings, problem } = await store.read();
    expect(settings.disabledSites).toEqual(['example.org']);
    expect(problem).toMatch(/last good/);
    expect(report).toHaveBeenCalledOnce();
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(settings);
  });

  it('fall back to the defaults when no good value was ever stored', async () => {
    await fakeBrowser.storage.local.set({ settings: ['garbage'] });
    const { settings, problem } = await new SettingsStore(fakeBrowser.storage.local, () => {}).read();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problem).toMatch(/defaults/);
  });

  it('refuse to write an invalid value and keep the stored one', async () => {
    const store = new SettingsStore(fakeBrowser.storage.local);
    await store.update((s) => ({ ...s, enabled: false }));
    await expect(store.update((s) => ({ ...s, disabledCategories: ['nonsense' as never] }))).rejects.toThrow();
    expect((await store.read()).settings.enabled).toBe(false);
  });

  it('keep every one of many changes made at once: each reads what the one before stored', async () => {
    const store = new SettingsStore(fakeBrowser.storage.local);
    const categories = ['claim', 'doubt', 'name-calling', 'loaded-language'] as const;
    await Promise.all([
      ...categories.map((c) => store.update((s) => ({ ...s, disabledCategories: [...s.disabledCategories, c] }))),
      store.update((s) => ({ ...s, disabledSites: [...s.disabledSites, 'a.example'] })),
      store.update((s) => ({ ...s, disabledSites: [...s.disabledSites, 'b.example'] })),
    ]);
    const { settings } = await new SettingsStore(fakeBrowser.storage.local).read();
    expect(new Set(settings.disabledCategories)).toEqual(new Set(categories));
    expect(new Set(settings.disabledSites)).toEqual(new Set(['a.example', 'b.example']));
  });

  it('go on after a refused change: the next one still runs', async () => {
    const store = new SettingsStore(fakeBrowser.storage.local);
    const refused = store.update(() => ({ nonsense: true }) as never);
    const next = store.update((s) => ({ ...s, marks: 'all' }));
    await expect(refused).rejects.toThrow();
    expect((await next).marks).toBe('all');
  });

  it('keep saying the settings were reset until the reader dismisses it, across restarts', async () => {
    await fakeBrowser.storage.local.set({ settings: ['garbage'] });
    await new SettingsStore(fakeBrowser.storage.local, () => {}).read(); // someone else read first
    const later = new SettingsStore(fakeBrowser.storage.local, () => {});
    expect((await later.read()).problem).toMatch(/corrupt settings replaced by the defaults/);
    await later.update((s) => ({ ...s, enabled: false }));
    expect((await later.read()).problem).toMatch(/defaults/);
    await later.dismissProblem();
    expect((await new SettingsStore(fakeBrowser.storage.local).read()).problem).toBeNull();
  });
});
