import { useEffect, useState } from 'preact/hooks';
import type { FrameSummary, PopupMessage, TabSummary } from '@/lib/messages';
import type { Settings, ToggleId } from '@/lib/settings';
import { CategoryToggles } from './CategoryToggles';
import { ClaimList } from './ClaimList';
import { CommentList } from './CommentList';
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
  const frames = every ? allFrames : allFrames.map(([id, f]) => [id, confidentOnly(f)] as [number, FrameSummary]);
  const hidden = every ? 0 : markCount(allFrames) - markCount(frames);
  const found = frames.some(([, f]) => f.hasArticle || f.comments.length > 0);
  // Marks too many to list are still counted (see compactFrame).
  const count = (list: 'claims' | 'techniques' | 'comments') =>
    frames.reduce((n, [, f]) => n + f[list].length + (f.unlisted ? f.unlisted[list][every ? 'all' : 'confident'] : 0), 0);
  const change = (message: PopupMessage) => send(message).then(refresh, (e: unknown) => setError(String(e)));
  const reveal = (frameId: number, itemId: string) => void send({ type: 'reveal', tabId, frameId, itemId }).catch(() => undefined);
  const siteOn = !state.settings.disabledSites.includes(state.host);
  const top = state.tab?.frames['0'];
  const uncovered = top && !top.language.covered ? top.language : null;

  return (
    <main class="popup">
      <header>
        <h1>Plainsight</h1>
        <label>
          <input type="checkbox" name="enabled" checked={state.settings.enabled} onChange={(e) => change({ type: 'set-enabled', enabled: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          On
        </label>
        {state.host && (
          <label>
            <input type="checkbox" name="site" checked={siteOn} onChange={(e) => change({ type: 'set-site', host: state.host, enabled: (e.currentTarget as HTMLInputElement).checked })} />{' '}
            On for {state.host}
          </label>
        )}
      </header>
      {state.problem && (
        <p role="status" class="problem">
          Settings were reset: {state.problem}{' '}
          <button type="button" name="dismiss-problem" onClick={() => change({ type: 'dismiss-problem' })}>
            Dismiss
          </button>
        </p>
      )}
      {allFrames.flatMap(([id, f]) => notesOf(f).map((note) => <p key={`${id}:${note}`} role="status" class="note">{note}</p>))}
      {!found ? (
        <p class="nothing" role="status">No article found here.</p>
      ) : uncovered ? (
        <p class="nothing" role="status">
          {uncovered.code ? `This page is in another language (${uncovered.code}).` : 'This page is not in English.'} Plainsight reads English only, so it marks
          nothing here rather than guess.
        </p>
      ) : (
        <>
          <p class="counts" role="status" aria-label="Counts">
            <span>{count('claims')} claims</span> · <span>{count('techniques')} techniques</span> ·{' '}
            <span>{count('comments')} flagged comments</span>
          </p>
          <p class="marks-level">
            <label>
              <input type="checkbox" name="all-marks" checked={every} onChange={(e) => change({ type: 'set-marks', marks: (e.currentTarget as HTMLInputElement).checked ? 'all' : 'confident' })} />{' '}
              Show less certain marks too
            </label>
            {hidden > 0 && <span class="hidden-count"> ({hidden} hidden)</span>}
          </p>
          <section aria-labelledby="claims-heading">
            <h2 id="claims-heading">Claims</h2>
            <ClaimList frames={frames} onReveal={reveal} />
          </section>
          <section aria-labelledby="techniques-heading">
            <h2 id="techniques-heading">Persuasion techniques</h2>
            <TechniqueList frames={frames} onReveal={reveal} />
          </section>
          <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">Flagged comments</h2>
            <CommentList frames={frames} onReveal={reveal} />
          </section>
        </>
      )}
      <details class="settings">
        <summary>Categories</summary>
        <CategoryToggles settings={state.settings} onToggle={(category: ToggleId, enabled) => change({ type: 'set-category', category, enabled })} />
      </details>
    </main>
  );
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
