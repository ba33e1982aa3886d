import { afterEach, describe, expect, it, vi } from 'vitest';
import { confidenceWords, createHoverCard } from '../../lib/page/hover-card';
import { type LoadedPage, loadPage } from '../fixtures/dom';

/** The card as happy-dom builds it: its entries, its button, its live region. Where it stands is tested in tests/e2e. */

let loaded: LoadedPage | undefined;
afterEach(async () => {
  await loaded?.close();
  loaded = undefined;
});

function setUp() {
  loaded = loadPage('<!doctype html><html><body><p>Some text.</p></body></html>');
  const doc = loaded.document;
  const view = doc.defaultView!;
  let root: ShadowRoot | undefined;
  const attach = view.HTMLElement.prototype.attachShadow;
  view.HTMLElement.prototype.attachShadow = function (init) {
    root = attach.call(this, init);
    return root;
  };
  const onQuiet = vi.fn();
  const onPointer = vi.fn();
  const card = createHoverCard(doc, { onQuiet, onPointer });
  return { doc, view, card, onQuiet, onPointer, root: () => root! };
}

const CLAIM = {
  label: 'Claim',
  cue: '“Experts agree”',
  claim: '“Experts agree that the station will cost $4 billion”',
  sourcing: 'Vague source — the source is only gestured at: look for who said it',
  explanation: 'States something a fact-checker could confirm.',
  confidence: 'Plainsight is sure',
  ruleId: 'claim.check-worthy',
};
const TECHNIQUE = { label: 'Persuasion technique: Appeal to authority', cue: '“Experts agree”', explanation: 'Asks you to accept it.', ruleId: 'appeal-to-authority.experts' };

describe('how sure, in words', () => {
  it.each([
    [1, 'sure'],
    [0.75, 'sure'],
    [0.74, 'fairly sure'],
    [0.5, 'fairly sure'],
    [0.49, 'less sure'],
    [0, 'less sure'],
  ])('%s is "%s"', (confidence, words) => expect(confidenceWords(confidence)).toBe(words));
});

describe('the card', () => {
  it('lists every entry with why it is there, in a closed root, and quiets the rule of the button pressed', () => {
    const { doc, view, card, root, onQuiet } = setUp();
    card.show([CLAIM, TECHNIQUE], new view.DOMRect(10, 10, 50, 16));
    expect(doc.querySelector('plainsight-card')!.shadowRoot).toBeNull();
    expect(card.shown).toBe(true);
    const text = root().querySelector('.card')!.textContent;
    for (const part of ['2 marks here', 'Claim', '“Experts agree”', 'Claim: “Experts agree that the station', 'look for who said it', 'Plainsight is sure', 'Appeal to authority'])
      expect(text).toContain(part);
    const buttons = [...root().querySelectorAll<HTMLButtonElement>('button.quiet')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Not useful', 'Not useful']);
    buttons[1]!.click();
    expect(onQuiet).toHaveBeenCalledWith('appeal-to-authority.experts');
    card.hide();
    expect(card.shown).toBe(false);
    card.destroy();
    expect(doc.querySelector('plainsight-card')).toBeNull();
  });

  it('says what the keyboard reached in a polite live region, and tells when the pointer is on it', async () => {
    const { view, card, root, onPointer } = setUp();
    card.announce('Mark 1 of 3: Claim.');
    const live = root().querySelector('[aria-live="polite"]')!;
    expect(live.getAttribute('role')).toBe('status');
    await vi.waitFor(() => expect(live.textContent).toBe('Mark 1 of 3: Claim.'));
    card.show([TECHNIQUE], new view.DOMRect(0, 0, 10, 10));
    const element = root().querySelector('.card')!;
    element.dispatchEvent(new (element.ownerDocument.defaultView!.Event)('pointerenter'));
    element.dispatchEvent(new (element.ownerDocument.defaultView!.Event)('pointerleave'));
    expect(onPointer.mock.calls).toEqual([[true], [false]]);
    expect(root().querySelector('.count')).toBeNull(); // one mark: no count
    card.destroy();
  });
});
