import { SOURCING_LABELS } from '@/lib/engine/categories';
import type { FrameSummary } from '@/lib/messages';
import type { RevealItem } from './types';

/** The page's claims, each with a chip saying how it is sourced; a click shows it on the page. */
export function ClaimList({ frames, onReveal }: { frames: [number, FrameSummary][]; onReveal: RevealItem }) {
  const claims = frames.flatMap(([frameId, f]) => f.claims.map((c) => ({ ...c, frameId })));
  if (claims.length === 0) return <p class="empty">No check-worthy claim found.</p>;
  return (
    <ul class="items">
      {claims.map((c) => (
        <li key={`${c.frameId}:${c.id}`}>
          <button type="button" class="item" onClick={() => onReveal(c.frameId, c.id)}>
            <span class={`chip sourcing-${c.sourcing}`}>{SOURCING_LABELS[c.sourcing]}</span> {c.text}
          </button>
        </li>
      ))}
    </ul>
  );
}
