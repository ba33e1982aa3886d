import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOVER_DELAY_MS, HOVER_GRACE_MS, createHoverIntent } from '../../lib/page/hover-intent';

/** When the card opens and closes, on a fake clock. */

const anchor = () => ({ left: 0, top: 0, right: 0, bottom: 16 }) as DOMRect;

function setUp() {
  const shown: string[][] = [];
  const card = {
    visible: false,
    show(list: readonly string[]) {
      shown.push([...list]);
      this.visible = true;
    },
    hide() {
      this.visible = false;
    },
    get shown() {
      return this.visible;
    },
  };
  const intent = createHoverIntent<string>(globalThis as unknown as Window, card, (work) => work());
  return { intent, card, shown };
}

describe('the card under the pointer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only once the pointer has rested on the same marks, not while it drifts', () => {
    const { intent, card, shown } = setUp();
    const claim = ['claim'];
    const technique = ['technique'];
    intent.pointerAt(claim, anchor);
    vi.advanceTimersByTime(HOVER_DELAY_MS - 50);
    intent.pointerAt(technique, anchor); // drifted on: the wait starts again
    vi.advanceTimersByTime(HOVER_DELAY_MS - 50);
    expect(card.shown).toBe(false);
    intent.pointerAt(technique, anchor); // the same marks: the wait goes on
    vi.advanceTimersByTime(60);
    expect(shown).toEqual([['technique']]);
  });

  it('stays while the pointer crosses to the card and rests on it, and closes after it leaves', () => {
    const { intent, card, shown } = setUp();
    intent.showNow(['flag', 'technique'], anchor());
    intent.pointerAt([], anchor); // between the words and the card
    vi.advanceTimersByTime(HOVER_GRACE_MS - 100);
    intent.pointerAt(['other'], anchor); // crossing other marks on the way
    intent.onCard(true);
    vi.advanceTimersByTime(5_000);
    expect(card.shown).toBe(true);
    expect(shown).toEqual([['flag', 'technique']]);
    intent.onCard(false);
    vi.advanceTimersByTime(HOVER_GRACE_MS + 10);
    expect(card.shown).toBe(false);
  });

  it('keeps the card when the pointer comes back onto the same marks, and closes at once when asked', () => {
    const { intent, card } = setUp();
    const marks = ['claim'];
    intent.showNow(marks, anchor());
    intent.pointerAt([], anchor);
    intent.pointerAt(marks, anchor);
    vi.advanceTimersByTime(HOVER_GRACE_MS * 3);
    expect(card.shown).toBe(true);
    intent.close();
    expect(card.shown).toBe(false);
    intent.pointerAt(marks, anchor);
    intent.close(); // Escape before the card opened: it does not open
    vi.advanceTimersByTime(HOVER_DELAY_MS * 2);
    expect(card.shown).toBe(false);
  });
});
