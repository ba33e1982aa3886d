import { COMMENT_FLAGS } from '@/lib/engine/categories';
import type { FrameSummary } from '@/lib/messages';
import type { RevealItem } from './types';

/** The flagged reader comments: author, a short excerpt and the flags. */
export function CommentList({ frames, onReveal }: { frames: [number, FrameSummary][]; onReveal: RevealItem }) {
  const comments = frames.flatMap(([frameId, f]) => f.comments.map((c) => ({ ...c, frameId })));
  if (comments.length === 0) return <p class="empty">No comment flagged.</p>;
  return (
    <ul class="items">
      {comments.map((c) => (
        <li key={`${c.frameId}:${c.id}`}>
          <button type="button" class="item" onClick={() => onReveal(c.frameId, c.id)}>
            <span class="author">{c.author || 'Anonymous'}</span>{' '}
            {c.flags.map((f) => (
              <span key={f} class="chip flag">
                {COMMENT_FLAGS[f].label}
              </span>
            ))}
            <span class="excerpt">{c.excerpt}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
