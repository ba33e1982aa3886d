import type { Annotator } from '../engine/annotator';

/**
 * Runs the engine over the rule packs' own examples a few times after the worker starts. V8
 * optimises code only once it has run often, and each page's text is annotated once, so without
 * this the first pages a worker answers go through the engine in its slow, unoptimised tiers
 * (several times slower on the seed article). It starts a moment after the worker does, so the
 * page that woke the worker is answered first, and each step is a task of its own, so a page's
 * message never waits for more than one step.
 */
export function warmUp(annotator: Annotator, options: { rounds?: number; later?: (work: () => void, ms: number) => void } = {}): void {
  const { rounds = WARM_UP_ROUNDS, later = (work, ms) => setTimeout(work, ms) } = options;
  const texts = annotator.packs.flatMap((pack) =>
    pack.rules.flatMap((rule) => [...rule.examples.fire, ...rule.examples.quiet].map((e) => (typeof e === 'string' ? e : e.text))),
  );
  if (texts.length === 0) return;
  const article = texts.join('\n\n');
  const comments = texts.map((text) => ({ author: '', text }));
  const steps = [() => annotator.annotateArticle(article), () => annotator.annotateComments(comments, article)];
  const step = (i: number) => {
    if (i >= rounds * steps.length) return;
    steps[i % steps.length]!();
    later(() => step(i + 1), 0);
  };
  later(() => step(0), WARM_UP_DELAY_MS);
}

export const WARM_UP_ROUNDS = 8;
const WARM_UP_DELAY_MS = 250;
