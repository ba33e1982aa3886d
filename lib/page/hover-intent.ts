/**
 * When the card opens and closes. Under the pointer it opens only once the pointer has rested on
 * the same marks for a moment, so drifting over text pops nothing; it stays while the pointer is on
 * it, and closes a moment after the pointer has left both the marks and the card, time enough to
 * move from the words onto the card. The caret, the keyboard and a focused marker open it at once.
 */
export interface HoverIntent<T> {
  /** The marks under the pointer now (empty when none) and where to open the card for them. */
  pointerAt(list: readonly T[], anchor: () => DOMRect): void;
  /** The pointer came onto the card (true) or left it (false). */
  onCard(inside: boolean): void;
  /** Opens the card for these marks at once. */
  showNow(list: readonly T[], anchor: DOMRect): void;
  /** Closes soon, unless the pointer comes onto the card or back onto the same marks. */
  leave(): void;
  /** Closes at once (Escape, marks repainted). */
  close(): void;
  /** Whether the pointer is on the card. */
  readonly pointerOnCard: boolean;
}

/** How long the pointer rests on marks before their card opens. */
export const HOVER_DELAY_MS = 250;
/** How long a card stays after the pointer has left its marks and the card. */
export const HOVER_GRACE_MS = 300;

export interface CardView<T> {
  show(list: readonly T[], anchor: DOMRect): void;
  hide(): void;
  readonly shown: boolean;
}

export function createHoverIntent<T>(view: Window, card: CardView<T>, guard: (work: () => void) => void): HoverIntent<T> {
  let showTimer = 0;
  let hideTimer = 0;
  /** The marks whose card is about to open, and those the card lists now. */
  let pending: readonly T[] = [];
  let listed: readonly T[] = [];
  let onCard = false;
  const same = (a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

  const cancelShow = () => {
    view.clearTimeout(showTimer);
    showTimer = 0;
    pending = [];
  };
  const cancelHide = () => {
    view.clearTimeout(hideTimer);
    hideTimer = 0;
  };
  const close = () => {
    cancelShow();
    cancelHide();
    listed = [];
    onCard = false;
    card.hide();
  };
  const leave = () => {
    cancelShow();
    if (hideTimer || onCard || !card.shown) return;
    hideTimer = view.setTimeout(() => guard(() => ((hideTimer = 0), onCard || close())), HOVER_GRACE_MS);
  };
  const showNow = (list: readonly T[], anchor: DOMRect) => {
    cancelShow();
    cancelHide();
    listed = list;
    card.show(list, anchor);
  };

  return {
    pointerAt(list, anchor) {
      // On the card, what lies under it does not count (Firefox's caret lookup may see through it).
      if (onCard && card.shown) return;
      if (list.length === 0) return leave();
      if (card.shown && same(list, listed)) return void (cancelShow(), cancelHide());
      if (showTimer && same(list, pending)) return;
      cancelShow();
      pending = list;
      const at = anchor();
      showTimer = view.setTimeout(() => guard(() => showNow(list, at)), HOVER_DELAY_MS);
    },
    onCard(inside) {
      onCard = inside;
      // Marks crossed on the way to the card do not replace it once the pointer is on it.
      if (inside) cancelShow(), cancelHide();
      else leave();
    },
    showNow,
    leave,
    close,
    get pointerOnCard() {
      return onCard;
    },
  };
}
