import { TECHNIQUES, type TechniqueId } from '@/lib/engine/categories';
import type { FrameSummary } from '@/lib/messages';
import type { RevealItem } from './types';

/** The persuasion techniques of the page, grouped by category, each cue a button to reveal it. */
export function TechniqueList({ frames, onReveal }: { frames: [number, FrameSummary][]; onReveal: RevealItem }) {
  const groups = new Map<TechniqueId, { frameId: number; id: string; text: string; explanation: string }[]>();
  for (const [frameId, f] of frames)
    for (const t of f.techniques) {
      const list = groups.get(t.category) ?? [];
      list.push({ frameId, ...t });
      groups.set(t.category, list);
    }
  if (groups.size === 0) return <p class="empty">No persuasion technique found.</p>;
  return (
    <div>
      {[...groups].map(([category, list]) => (
        <details key={category}>
          <summary>
            {TECHNIQUES[category].label} <span class="count">{list.length}</span>
          </summary>
          <p class="description">{TECHNIQUES[category].description}</p>
          <ul class="items">
            {list.map((t) => (
              <li key={`${t.frameId}:${t.id}`}>
                <button type="button" class="item" title={t.explanation} onClick={() => onReveal(t.frameId, t.id)}>
                  “{unquoted(t.text)}”
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/** A cue without the quotation marks it may carry itself, so the list never shows “‘civil’”. */
export function unquoted(text: string): string {
  return text.replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '');
}
