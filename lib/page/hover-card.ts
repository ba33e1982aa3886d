import { type OwnHost, createOwnHost } from './own-host';

/**
 * The small card shown over a highlight that is hovered or revealed: category, the quoted cue,
 * the sourcing of a claim, and the rule's explanation. It lives in a closed shadow root under one
 * `plainsight-card` element (see `createOwnHost`), so page styles and scripts cannot reach it, it
 * comes back if the page removes it, and removing it leaves no trace.
 */
export interface CardContent {
  label: string;
  cue: string;
  sourcing?: string;
  explanation: string;
}

export interface HoverCard {
  show(content: CardContent, anchor: DOMRect): void;
  hide(): void;
  destroy(): void;
}

const STYLE = `
:host { all: initial !important; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; box-sizing: border-box;
  padding: 8px 10px; border-radius: 6px; background: #1f2937; color: #f9fafb;
  font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }
.label { font-weight: 600; margin: 0 0 2px; }
.cue { font-style: italic; margin: 0 0 4px; color: #fde68a; }
.sourcing { display: inline-block; margin: 0 0 4px; padding: 0 6px; border-radius: 8px; background: #374151; }
.explanation { margin: 0; }
[hidden] { display: none; }
`;

export function createHoverCard(doc: Document): HoverCard {
  let host: OwnHost | null = null;
  let card: HTMLElement | null = null;

  const build = () => {
    host = createOwnHost(doc, 'plainsight-card', STYLE);
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    host.shadow.append(card);
  };

  return {
    show(content, anchor) {
      if (!card) build();
      host!.ensureAttached();
      const c = card!;
      c.replaceChildren(
        line(doc, 'label', content.label),
        line(doc, 'cue', content.cue),
        ...(content.sourcing ? [line(doc, 'sourcing', content.sourcing)] : []),
        line(doc, 'explanation', content.explanation),
      );
      c.hidden = false;
      const view = doc.defaultView!;
      const below = anchor.bottom + 6;
      const height = c.offsetHeight;
      const top = below + height > view.innerHeight ? Math.max(4, anchor.top - height - 6) : below;
      c.style.top = `${top}px`;
      c.style.left = `${Math.max(4, Math.min(anchor.left, view.innerWidth - c.offsetWidth - 4))}px`;
    },
    hide() {
      if (card) card.hidden = true;
    },
    /** Removes the card from the page; the next `show` builds it again. */
    destroy() {
      host?.remove();
      host = card = null;
    },
  };
}

function line(doc: Document, className: string, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}
