import { type OwnHost, createOwnHost } from './own-host';

/**
 * The small card shown over the marks at a point (hovered, under the caret, or reached by the
 * keyboard): one entry per mark, each saying why it is there — category, the quoted cue, for a
 * claim the whole claim and what to look for given its sourcing, the rule's explanation, how sure
 * Plainsight is — with a "Not useful" button that quiets the rule. It lives in a closed shadow root
 * under one `plainsight-card` element (see `createOwnHost`), so page styles and scripts cannot
 * reach it, it comes back if the page removes it, and removing it leaves no trace. The same root
 * holds a polite live region, so what the keyboard reaches is read out to screen readers.
 */
export interface CardContent {
  label: string;
  cue: string;
  /** A claim's whole sentence, when its mark covers only a few of its words. */
  claim?: string;
  /** A claim's sourcing and what the reader can do about it. */
  sourcing?: string;
  explanation: string;
  /** How sure Plainsight is, in words (see `confidenceWords`). */
  confidence?: string;
  /** The rule that made the mark: "Not useful" quiets it. */
  ruleId?: string;
}

export interface CardOptions {
  /** The reader pressed "Not useful" on an entry. */
  onQuiet?(ruleId: string): void;
  /** The pointer came onto the card (true) or left it (false): the card stays while it is on it. */
  onPointer?(inside: boolean): void;
}

export interface HoverCard {
  show(entries: readonly CardContent[], anchor: DOMRect): void;
  hide(): void;
  readonly shown: boolean;
  /** Says `text` to screen readers, without showing anything. */
  announce(text: string): void;
  destroy(): void;
}

/** A mark's confidence (0–1) as the card says it. */
export function confidenceWords(confidence: number): string {
  if (confidence >= 0.75) return 'sure';
  if (confidence >= 0.5) return 'fairly sure';
  return 'less sure';
}

const STYLE = `
:host { all: initial !important; }
.card { position: fixed; z-index: 2147483647; width: max-content; max-width: min(380px, calc(100vw - 8px));
  max-height: min(420px, calc(100vh - 8px)); overflow: auto; overscroll-behavior: contain;
  scrollbar-width: thin; scrollbar-color: #9ca3af transparent; box-sizing: border-box;
  padding: 8px 10px; border-radius: 6px; background: #1f2937; color: #f9fafb;
  font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgb(0 0 0 / 0.3); }
.count { margin: 0 0 4px; color: #d1d5db; font-size: 12px; }
.entry + .entry { margin-top: 8px; padding-top: 8px; border-top: 1px solid #4b5563; }
.head { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; margin: 0 0 2px; }
.label { font-weight: 600; }
.confidence { color: #d1d5db; font-size: 12px; white-space: nowrap; }
.cue { font-style: italic; margin: 0 0 4px; color: #fde68a; }
.claim { margin: 0 0 4px; }
.sourcing { margin: 0 0 4px; padding: 2px 6px; border-radius: 6px; background: #374151; }
.explanation { margin: 0 0 4px; }
button { font: 12px/1.4 system-ui, sans-serif; color: #f9fafb; background: transparent; cursor: pointer;
  border: 1px solid #6b7280; border-radius: 4px; padding: 1px 8px; }
button:hover { background: #374151; }
button:focus-visible { outline: 2px solid #93c5fd; outline-offset: 1px; }
.live { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
[hidden] { display: none; }
`;

export function createHoverCard(doc: Document, options: CardOptions = {}): HoverCard {
  let host: OwnHost | null = null;
  let card: HTMLElement | null = null;
  let live: HTMLElement | null = null;

  const build = () => {
    host = createOwnHost(doc, 'plainsight-card', STYLE);
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Plainsight: why this is marked');
    card.hidden = true;
    card.addEventListener('pointerenter', () => options.onPointer?.(true));
    card.addEventListener('pointerleave', () => options.onPointer?.(false));
    live = doc.createElement('div');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    host.shadow.append(card, live);
  };

  const entryOf = (content: CardContent): HTMLElement => {
    const entry = doc.createElement('section');
    entry.className = 'entry';
    const head = doc.createElement('p');
    head.className = 'head';
    head.append(span(doc, 'label', content.label));
    if (content.confidence) head.append(span(doc, 'confidence', content.confidence));
    entry.append(head, line(doc, 'cue', content.cue));
    if (content.claim) entry.append(line(doc, 'claim', `Claim: ${content.claim}`));
    if (content.sourcing) entry.append(line(doc, 'sourcing', content.sourcing));
    entry.append(line(doc, 'explanation', content.explanation));
    const ruleId = content.ruleId;
    if (ruleId && options.onQuiet) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'quiet';
      button.textContent = 'Not useful';
      button.title = 'Stop showing marks made by this rule (the popup can restore it)';
      button.setAttribute('aria-label', `Not useful: stop showing ${content.label} marks of this kind`);
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        options.onQuiet?.(ruleId);
      });
      entry.append(button);
    }
    return entry;
  };

  return {
    show(entries, anchor) {
      if (!card) build();
      host!.ensureAttached();
      const c = card!;
      if (entries.length === 0) return void (c.hidden = true);
      const count = entries.length > 1 ? [line(doc, 'count', `${entries.length} marks here`)] : [];
      c.replaceChildren(...count, ...entries.map(entryOf));
      c.hidden = false;
      const view = doc.defaultView!;
      // Below the marked words if the card fits there, else above; if neither, on the roomier side,
      // scrolling inside: the card never covers the words it is about.
      c.style.maxHeight = '';
      const height = c.offsetHeight;
      const below = anchor.bottom + 6;
      const roomBelow = view.innerHeight - below - 4;
      const roomAbove = anchor.top - 6 - 4;
      const under = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove);
      if (height > (under ? roomBelow : roomAbove)) c.style.maxHeight = `${Math.max(80, under ? roomBelow : roomAbove)}px`;
      c.style.top = `${under ? below : Math.max(4, anchor.top - 6 - Math.min(height, Math.max(80, roomAbove)))}px`;
      c.style.left = `${Math.max(4, Math.min(anchor.left, view.innerWidth - c.offsetWidth - 4))}px`;
    },
    hide() {
      if (card) card.hidden = true;
    },
    get shown() {
      return card !== null && !card.hidden;
    },
    announce(text) {
      if (!live) build();
      host!.ensureAttached();
      // A region whose text is replaced by the same text is not read again: empty it first.
      live!.textContent = '';
      doc.defaultView!.setTimeout(() => live && (live.textContent = text), 50);
    },
    /** Removes the card from the page; the next `show` builds it again. */
    destroy() {
      host?.remove();
      host = card = live = null;
    },
  };
}

function line(doc: Document, className: string, text: string): HTMLElement {
  const p = doc.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function span(doc: Document, className: string, text: string): HTMLElement {
  const s = doc.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
