import { CLAIM_INFO, COMMENT_FLAGS, TECHNIQUES } from '@/lib/engine/categories';

/** What each mark on the page means; the per-page lists and toggles come with issue #3. */
export function Legend() {
  return (
    <main style={{ font: '13px/1.4 system-ui, sans-serif', width: '320px', padding: '8px' }}>
      <h1 style={{ fontSize: '15px', margin: '0 0 8px' }}>Plainsight</h1>
      <section aria-labelledby="claims">
        <h2 id="claims" style={{ fontSize: '13px' }}>{CLAIM_INFO.label}s</h2>
        <p>{CLAIM_INFO.description}</p>
      </section>
      <section aria-labelledby="techniques">
        <h2 id="techniques" style={{ fontSize: '13px' }}>Persuasion techniques</h2>
        <dl>
          {Object.entries(TECHNIQUES).map(([id, info]) => (
            <div key={id}>
              <dt style={{ fontWeight: 600 }}>{info.label}</dt>
              <dd style={{ margin: '0 0 4px 8px' }}>{info.description}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="flags">
        <h2 id="flags" style={{ fontSize: '13px' }}>Comment flags</h2>
        <dl>
          {Object.entries(COMMENT_FLAGS).map(([id, info]) => (
            <div key={id}>
              <dt style={{ fontWeight: 600 }}>{info.label}</dt>
              <dd style={{ margin: '0 0 4px 8px' }}>{info.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
