import { useState } from 'preact/hooks';

/** The sites where Plainsight stays off: remove one, or add one by its address or host name. */
export function SiteList({ sites, onChange }: { sites: readonly string[]; onChange: (host: string, enabled: boolean) => Promise<unknown> }) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const add = (event: Event) => {
    event.preventDefault();
    const host = hostOf(draft);
    setInvalid(host === null);
    if (host) void onChange(host, false).then(() => setDraft(''));
  };
  return (
    <div class="sites">
      {sites.length === 0 ? (
        <p class="empty">None: Plainsight runs on every site.</p>
      ) : (
        <ul class="site-list">
          {[...sites].sort().map((host) => (
            <li key={host}>
              <span class="host">{host}</span>
              <button type="button" name="remove-site" value={host} aria-label={`Switch Plainsight back on for ${host}`} onClick={() => void onChange(host, true)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label>
          Switch off on{' '}
          <input
            type="text"
            name="add-site"
            placeholder="news.example.com"
            value={draft}
            aria-invalid={invalid}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit">Add</button>
        {invalid && <span class="problem" role="alert"> Not a site address.</span>}
      </form>
    </div>
  );
}

/** `https://news.example.com/a/b` or `news.example.com` → `news.example.com`; null if neither. */
export function hostOf(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
    return /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/i.test(host) && host.length <= 253 && !host.startsWith('.') ? host : null;
  } catch {
    return null;
  }
}
