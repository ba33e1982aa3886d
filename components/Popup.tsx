import { useEffect, useState } from 'preact/hooks';
import { withoutQuietRules } from '@/lib/background/summary';
import type { FrameSummary, PopupMessage, TabSummary } from '@/lib/messages';
import type { Settings, ToggleId } from '@/lib/settings';
import { CategoryToggles } from './CategoryToggles';
import { SettingsProblem, Switch } from './Controls';
import { ClaimList } from './ClaimList';
import { CommentList } from './CommentList';
import { PopupFooter } from './PopupFooter';
import { TechniqueList } from './TechniqueList';

export interface TabState {
  tab: TabSummary | null;
  settings: Settings;
  host: string;
  problem: string | null;
}

/** How the popup reaches the background worker; replies are checked by the caller. */
export type PopupSend = (message: PopupMessage) => Promise<unknown>;

/**
 * The toolbar popup for one tab: counts per family, the claims, the techniques by category and the
 * flagged comments, with toggles for the site and each category.
 */
export function Popup({ tabId, send, load }: { tabId: number; send: PopupSend; load: () => Promise<TabState> }) {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => load().then(setState, (e: unknown) => setError(String(e)));
  useEffect(() => void refresh(), [tabId]);

  if (error) return <main class="popup"><p role="alert">Plainsight could not reach its background worker: {error}</p></main>;
  if (!state) return <main class="popup" aria-busy="true"><p>Loading…</p></main>;

  const every = state.settings.marks === 'all';
  const allFrames = Object.entries(state.tab?.frames ?? {}).map(([id, f]) => [Number(id), f] as [number, FrameSummary]);
  // What the page shows: not the rules the reader called not useful, and only sure marks unless asked.
  const heard = allFrames.map(([id, f]) => [id, withoutQuietRules(f, state.settings.quietRules)] as [number, FrameSummary]);
  const frames = every ? heard : heard.map(([id, f]) => [id, confidentOnly(f)] as [number, FrameSummary]);
  const hidden = every ? 0 : markCount(heard) - markCount(frames);
  const found = frames.some(([, f]) => f.hasArticle || f.comments.length > 0);
  // Marks too many to list are still counted (see compactFrame).
  const count = (list: 'claims' | 'techniques' | 'comments') =>
    frames.reduce((n, [, f]) => n + f[list].length + (f.unlisted ? f.unlisted[list][every ? 'all' : 'confident'] : 0), 0);
  const change = (message: PopupMessage) => send(message).then(refresh, (e: unknown) => setError(String(e)));
  const reveal = (frameId: number, itemId: string) => void send({ type: 'reveal', tabId, frameId, itemId }).catch(() => undefined);
  const siteOn = !state.settings.disabledSites.includes(state.host);
  const top = state.tab?.frames['0'];
  const uncovered = top && !top.language.covered ? top.language : null;

  const claims = count('claims');
  const unsourced = frames.reduce((n, [, f]) => n + f.claims.filter((c) => c.sourcing !== 'attributed').length, 0);
  const off = !state.settings.enabled ? 'everywhere' : state.host && !siteOn ? 'site' : null;

  return (
    <main class="popup">
      <header>
        <h1>
          <img src="/icon/32.png" alt="" width={18} height={18} /> Plainsight
        </h1>
        <Switch name="enabled" label="Plainsight" checked={state.settings.enabled} onChange={(on) => change({ type: 'set-enabled', enabled: on })} />
        {state.host && (
          <Switch name="site" label="On this site" hint={state.host} checked={siteOn} onChange={(on) => change({ type: 'set-site', host: state.host, enabled: on })} />
        )}
      </header>
      <SettingsProblem problem={state.problem} change={change} />
      {!off && allFrames.flatMap(([id, f]) => notesOf(f).map((note) => <p key={`${id}:${note}`} role="status" class="note">{note}</p>))}
      {off ? (
        <p class="state" role="status">
          {off === 'everywhere'
            ? 'Plainsight is switched off: no page is marked. Switch it on above.'
            : `Switched off on ${state.host}: nothing on this site is marked. Switch “On this site” back on to see its marks.`}
        </p>
      ) : !found ? (
        <p class="state" role="status">
          No article or comment thread found on this page. Plainsight marks opinion pieces and news articles, and their reader comments.
        </p>
      ) : uncovered ? (
        <p class="state" role="status">
          {uncovered.code ? `This page is in another language (${uncovered.code}).` : 'This page is not in English.'} Plainsight reads English only, so it marks
          nothing here rather than guess.
        </p>
      ) : (
        <>
          <p class="counts" role="status" aria-label="Counts">
            {summaryLine(count('techniques'), count('comments'), claims, unsourced)}
          </p>
          <p class="marks-level">
            <label>
              <input type="checkbox" name="all-marks" checked={every} onChange={(e) => change({ type: 'set-marks', marks: (e.currentTarget as HTMLInputElement).checked ? 'all' : 'confident' })} />{' '}
              Show less certain marks too
            </label>
            {hidden > 0 && <span class="hidden-count"> ({hidden} hidden)</span>}
          </p>
          <details class="section" open>
            <summary>
              <h2>Persuasion techniques</h2> <span class="count">{count('techniques')}</span>
            </summary>
            <TechniqueList frames={frames} onReveal={reveal} />
          </details>
          <details class="section" open>
            <summary>
              <h2>Flagged comments</h2> <span class="count">{count('comments')}</span>
            </summary>
            <CommentList frames={frames} onReveal={reveal} />
          </details>
          <details class="section">
            <summary>
              <h2>Claims</h2> <span class="count">{claims}</span>
            </summary>
            <ClaimList frames={frames} onReveal={reveal} />
          </details>
        </>
      )}
      <details class="legend">
        <summary>What the marks mean</summary>
        <dl>
          <dt><span class="swatch technique">wavy amber</span></dt>
          <dd>A persuasion technique, on its cue words.</dd>
          <dt><span class="swatch claim">dotted blue</span></dt>
          <dd>A check-worthy claim with no named source (marked on its source, figure or last word; hover for the whole claim).</dd>
          <dt><span class="swatch claim-sourced">dotted grey</span></dt>
          <dd>A check-worthy claim that names its source.</dd>
          <dt><span class="swatch flag">double red</span></dt>
          <dd>A flagged reader comment; a ⚑ marker by its author names the flags.</dd>
          <dt><span class="chip sourcing-none">no source</span> <span class="chip sourcing-vague">vague source</span> <span class="chip sourcing-attributed">named source</span></dt>
          <dd>How a claim is sourced: nobody named, a source gestured at (“officials say”), or a named one.</dd>
        </dl>
      </details>
      <details class="settings">
        <summary>Categories</summary>
        <CategoryToggles
          settings={state.settings}
          onToggle={(category: ToggleId, enabled) => change({ type: 'set-category', category, enabled })}
          onRestore={(ruleId) => change({ type: 'set-rule-quiet', ruleId, quiet: false })}
        />
      </details>
      <PopupFooter tab={state.tab} settings={state.settings} />
    </main>
  );
}

/** The page in one sentence, in words: "7 persuasion techniques, 5 flagged comments and 8 claims (6 with no named source)." */
export function summaryLine(techniques: number, comments: number, claims: number, unsourced: number): string {
  const n = (k: number, one: string, many: string) => `${k === 0 ? 'no' : k} ${k === 1 ? one : many}`;
  const sourcing =
    claims === 0 ? '' : unsourced === 0 ? ' (each names its source)' : unsourced === claims ? (claims === 1 ? ' (it names no source)' : ' (none names a source)') : ` (${unsourced} with no named source)`;
  return `On this page: ${n(techniques, 'persuasion technique', 'persuasion techniques')}, ${n(comments, 'flagged comment', 'flagged comments')} and ${n(claims, 'claim', 'claims')}${sourcing}.`;
}

/** A frame's summary with only the marks shown by default. */
function confidentOnly(f: FrameSummary): FrameSummary {
  const sure = (item: { confident: boolean }) => item.confident;
  return { ...f, claims: f.claims.filter(sure), techniques: f.techniques.filter(sure), comments: f.comments.filter(sure) };
}

function markCount(frames: readonly [number, FrameSummary][]): number {
  return frames.reduce((n, [, f]) => n + f.claims.length + f.techniques.length + f.comments.length, 0);
}

/** What the reader should know about a frame's results: a text read in part, marks too many to list. */
function notesOf(f: FrameSummary): string[] {
  const u = f.unlisted;
  const more = u && [[u.claims.all, 'claims'], [u.techniques.all, 'techniques'], [u.comments.all, 'flagged comments']].filter(([n]) => Number(n) > 0);
  return [...(f.notes ?? []), ...(more && more.length > 0 ? [`Not listed, too many to keep: ${more.map(([n, what]) => `${n} more ${what}`).join(', ')}.`] : [])];
}
