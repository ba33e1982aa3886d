import { useEffect, useState } from 'preact/hooks';
import type { PopupMessage } from '@/lib/messages';
import type { Settings, ToggleId } from '@/lib/settings';
import { CategoryToggles } from './CategoryToggles';
import { SettingsProblem, Switch } from './Controls';
import type { PopupSend } from './Popup';
import { SiteList } from './SiteList';

export interface OptionsState {
  settings: Settings;
  problem: string | null;
}

/**
 * Every setting on one page (the browser's extension settings open it, and the popup's "All
 * settings…"): Plainsight on or off, which marks, which categories, the sites switched off. Each
 * change goes through the same messages as the popup, so open pages follow at once.
 */
export function OptionsPage({ send, load, subscribe }: { send: PopupSend; load: () => Promise<OptionsState>; subscribe?: (changed: () => void) => () => void }) {
  const [state, setState] = useState<OptionsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => load().then(setState, (e: unknown) => setError(String(e)));
  useEffect(() => {
    void refresh();
    return subscribe?.(() => void refresh());
  }, []);

  if (error) return <main class="options"><p role="alert">Plainsight could not reach its background worker: {error}</p></main>;
  if (!state) return <main class="options" aria-busy="true"><p>Loading…</p></main>;

  const change = (message: PopupMessage) => send(message).then(refresh, (e: unknown) => setError(String(e)));
  const { settings } = state;
  return (
    <main class="options">
      <header>
        <h1>
          <img src="/icon/32.png" alt="" width={24} height={24} /> Plainsight settings
        </h1>
        <Switch
          name="enabled"
          label="Plainsight"
          hint={settings.enabled ? undefined : 'off everywhere'}
          checked={settings.enabled}
          onChange={(on) => change({ type: 'set-enabled', enabled: on })}
        />
      </header>
      <SettingsProblem problem={state.problem} change={change} />
      <section aria-labelledby="marks-heading">
        <h2 id="marks-heading">Marks</h2>
        <p class="description">Every mark carries a confidence: how likely a careful editor agrees with it.</p>
        <label class="choice">
          <input type="radio" name="marks" value="confident" checked={settings.marks === 'confident'} onChange={() => change({ type: 'set-marks', marks: 'confident' })} /> Confident marks only
          <span class="hint">fewer marks, the ones a careful editor most often agrees with (the default)</span>
        </label>
        <label class="choice">
          <input type="radio" name="marks" value="all" checked={settings.marks === 'all'} onChange={() => change({ type: 'set-marks', marks: 'all' })} /> All marks
          <span class="hint">less certain ones too</span>
        </label>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Categories shown</h2>
        <p class="description">Unticked categories are not marked on any page, nor counted in the badge.</p>
        <CategoryToggles
          settings={settings}
          onToggle={(category: ToggleId, enabled) => change({ type: 'set-category', category, enabled })}
          onRestore={(ruleId) => change({ type: 'set-rule-quiet', ruleId, quiet: false })}
        />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites switched off</h2>
        <p class="description">Plainsight reads nothing on these sites. The popup’s “On this site” switch adds the site you are on.</p>
        <SiteList sites={settings.disabledSites} onChange={(host, enabled) => change({ type: 'set-site', host, enabled })} />
      </section>
    </main>
  );
}
