/**
 * Snippet scoring as trafilatura's `tests/eval_common.py` counts it: a `with` snippet found in the
 * whitespace-normalised text is a true positive (else a false negative), a `without` snippet
 * found is a false positive (else a true negative); the counts add up over all pages.
 */

/** Whitespace-normalised, as eval_common's `norm`: runs of whitespace become one space, ends trimmed. */
export function norm(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** A page's counts; `text` null means the extractor gave nothing (every snippet absent). */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** The `with` snippets not found and the `without` snippets found, for the failure list. */
  missing: string[];
  present: string[];
}

export function countSnippets(withSnippets: readonly string[], withoutSnippets: readonly string[], text: string | null): SnippetCounts {
  const normalised = text === null ? null : norm(text);
  const missing = withSnippets.filter((snippet) => normalised === null || !normalised.includes(norm(snippet)));
  const present = withoutSnippets.filter((snippet) => normalised !== null && normalised.includes(norm(snippet)));
  return {
    tp: withSnippets.length - missing.length,
    fn: missing.length,
    fp: present.length,
    tn: withoutSnippets.length - present.length,
    missing,
    present,
  };
}

/** Counts summed over pages, with eval_common's scores (each 0 when its denominator is empty). */
export class ConfusionMatrix {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;

  add(counts: Pick<SnippetCounts, 'tp' | 'fp' | 'fn' | 'tn'>): void {
    this.tp += counts.tp;
    this.fp += counts.fp;
    this.fn += counts.fn;
    this.tn += counts.tn;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }

  get f1(): number {
    const denominator = 2 * this.tp + this.fp + this.fn;
    return denominator === 0 ? 0 : (2 * this.tp) / denominator;
  }
}
