import type { PageAnnotations } from '../lib/engine/annotator';
import { CLAIM_INFO, COMMENT_FLAGS, SOURCING_LABELS, TECHNIQUES } from '../lib/engine/categories';
import { quoteCue } from '../lib/engine/explain';
import type { Annotation, ClaimAnnotation, TechniqueAnnotation } from '../lib/engine/types';

/** One line of `annotate --format json`: a file's annotations, or why it could not be read. */
export type FileReport = ({ file: string } & PageAnnotations) | { file: string; error: string };

const RULE = '─'.repeat(72);

/** The readable report of `annotate --format text`: title, claims, techniques, flagged comments. */
export function formatTextReport(report: FileReport): string {
  const lines: string[] = [RULE, report.file, RULE];
  if ('error' in report) return [...lines, `error: ${report.error}`, '', ''].join('\n');

  const { article, comments } = report;
  if (!article) lines.push('No article found on this page.');
  else {
    if (article.title) lines.push(article.title, '');
    if (!report.language.covered)
      lines.push(`Not marked: the page is ${report.language.code ? `in another language (${report.language.code})` : 'not in English'}, and the rules read English only.`, '');
    const claims = article.annotations.filter((a): a is ClaimAnnotation => a.kind === 'claim');
    const techniques = article.annotations.filter((a): a is TechniqueAnnotation => a.kind === 'technique');
    lines.push(`${CLAIM_INFO.label}s (${claims.length})`);
    for (const c of claims) {
      lines.push(`  [${SOURCING_LABELS[c.sourcing]}] ${quoteCue(article.text.slice(c.start, c.end))}`);
      lines.push(`      ${c.explanation}`);
    }
    lines.push('', `Persuasion techniques (${techniques.length})`);
    for (const t of techniques) {
      lines.push(`  ${TECHNIQUES[t.category].label}: ${quoteCue(article.text.slice(t.start, t.end))}`);
      lines.push(`      ${t.explanation}`);
    }
  }

  const flagged = comments.filter((c) => c.flags.length > 0);
  lines.push('', `Comments (${comments.length}, ${flagged.length} flagged)`);
  for (const comment of comments) {
    const flags = [...new Set(comment.flags.map((f) => COMMENT_FLAGS[f.category].label))];
    lines.push(`  ${comment.author || '(anonymous)'}: ${quoteCue(comment.text)}`);
    lines.push(`      ${flags.length > 0 ? `flags: ${flags.join(', ')}` : 'no flag'}`);
    for (const f of comment.flags) lines.push(`      · ${f.explanation}`);
    for (const a of comment.annotations) lines.push(`      · ${describeInline(a, comment.text)}`);
  }
  return `${lines.join('\n')}\n\n`;
}

function describeInline(a: Annotation, text: string): string {
  const label = a.kind === 'claim' ? CLAIM_INFO.label : TECHNIQUES[a.category].label;
  return `${label}: ${quoteCue(text.slice(a.start, a.end))}`;
}
