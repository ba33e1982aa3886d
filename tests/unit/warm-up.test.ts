import { describe, expect, it } from 'vitest';
import { warmUp } from '../../lib/background/warm-up';
import type { Annotator } from '../../lib/engine/annotator';
import { defaultAnnotator } from '../../lib/rules/default-packs';

/** The worker's warm-up: it runs the engine on the packs' own examples, one step per task, and stops. */
describe('warmUp', () => {
  it('annotates the packs’ examples in separate steps, as many rounds as asked, after a delay', () => {
    const real = defaultAnnotator();
    const calls: string[] = [];
    const annotator = {
      packs: real.packs,
      annotateArticle: (text: string) => (calls.push(`article ${text.length}`), []),
      annotateComments: (comments: readonly unknown[]) => (calls.push(`comments ${comments.length}`), []),
    } as unknown as Annotator;
    const queue: { work: () => void; ms: number }[] = [];
    warmUp(annotator, { rounds: 2, later: (work, ms) => queue.push({ work, ms }) });
    expect(calls).toEqual([]);
    expect(queue.map((q) => q.ms)).toEqual([250]);
    let steps = 0;
    while (queue.length > 0) {
      queue.shift()!.work();
      steps += 1;
      expect(queue.length).toBeLessThanOrEqual(1);
    }
    expect(calls).toHaveLength(4);
    expect(calls[0]).toMatch(/^article \d{4,}$/);
    expect(calls[1]).toMatch(/^comments \d{2,}$/);
    expect(steps).toBe(5);
  });
});
