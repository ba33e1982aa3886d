import { describe, expect, it } from 'vitest';
import {
  binaryPRF,
  fixedSplit,
  labelledTallies,
  macroF1,
  mergeSpans,
  prfOf,
  spanTally,
  utf16Offsets,
} from '../../scripts/quality/metrics';

/** The benchmark's scoring on tiny hand-made cases, worked out by hand (SemEval-2020 Task 11). */

const span = (start: number, end: number, label = 'x') => ({ start, end, label });

describe('the partial-overlap span measure', () => {
  it.each([
    ['exact match', [span(0, 10)], [span(0, 10)], 1, 1],
    ['prediction inside gold', [span(2, 4)], [span(0, 10)], 1, 0.2],
    ['gold inside prediction', [span(0, 10)], [span(2, 4)], 0.2, 1],
    ['half overlap', [span(0, 10)], [span(5, 15)], 0.5, 0.5],
    ['disjoint', [span(0, 5)], [span(5, 10)], 0, 0],
    ['one prediction over two gold spans', [span(0, 10)], [span(0, 2), span(8, 10)], 0.4, 1],
    ['no prediction', [], [span(0, 10)], 0, 0],
  ] as const)('%s', (_name, predicted, gold, precision, recall) => {
    const r = prfOf(spanTally(predicted, gold));
    expect(r.precision).toBeCloseTo(precision);
    expect(r.recall).toBeCloseTo(recall);
  });

  it('merges overlapping predictions first, so no character counts twice', () => {
    // Two overlapping predictions [0,6) and [4,10) are one span [0,10), half of it gold.
    const r = prfOf(spanTally([span(0, 6), span(4, 10)], [span(0, 5)]));
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(1);
    expect(mergeSpans([span(4, 10), span(0, 6), span(12, 13)])).toEqual([
      { start: 0, end: 10 },
      { start: 12, end: 13 },
    ]);
  });

  it('with labels, a span earns only what spans of its own technique cover', () => {
    const tallies = labelledTallies([span(0, 10, 'doubt'), span(20, 30, 'slogans')], [span(0, 10, 'doubt'), span(20, 30, 'doubt')]);
    expect(prfOf(tallies.get('doubt')!)).toMatchObject({ precision: 1, recall: 0.5 });
    expect(prfOf(tallies.get('slogans')!).precision).toBe(0);
  });
});

describe('classification figures', () => {
  it('precision, recall and F1 of the positive class', () => {
    const r = binaryPRF([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(r).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('macro-F1 averages both classes', () => {
    // Positive: P 1, R 0.5, F1 2/3. Negative: P 2/3, R 1, F1 0.8.
    const m = macroF1([
      [true, true],
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(m.macro).toBeCloseTo((2 / 3 + 0.8) / 2);
  });
});

describe('data handling', () => {
  it('turns code-point offsets into UTF-16 ones past astral characters', () => {
    const text = 'a😀b';
    const at = utf16Offsets(text);
    expect(at).toEqual([0, 1, 3, 4]);
    expect(text.slice(at[2], at[3])).toBe('b');
  });

  it('splits data the same way every time, the held-out share as asked', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const a = fixedSplit(items, 0.2, 42);
    const b = fixedSplit(items, 0.2, 42);
    expect(a.heldOut).toEqual(b.heldOut);
    expect(a.heldOut).toHaveLength(20);
    expect(new Set([...a.heldOut, ...a.rest]).size).toBe(100);
    expect(fixedSplit(items, 0.2, 43).heldOut).not.toEqual(a.heldOut);
  });
});
