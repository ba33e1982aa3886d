import { createAnnotator } from '../lib/engine/annotator';
import { TECHNIQUE_IDS } from '../lib/engine/categories';
import { compileDefaultPacks } from '../lib/rules/default-packs';
import { isConfident } from '../lib/engine/confidence';
import { DATA_DIR, MissingDataError, type PtcArticle, readClaimBuster, readOlid, readPtc, readSemEval2023, readYoutubeSpam } from './quality/data';
import { runEditorPages } from './quality/editor-pages';
import { runGuide } from './quality/guide';
import { type PRF, type Tally, addTally, binaryPRF, emptyTally, f1Of, labelledTallies, macroF1, prfOf, spanTally } from './quality/metrics';

/**
 * `npm run bench:quality`: the annotator's judgement measured on labelled data in `../shared/data`,
 * at both operating points (the confident marks a reader sees by default, and all marks): the
 * editor's real pages, PTC dev and SemEval-2023 English dev (persuasion technique spans),
 * ClaimBuster and OLID (fixed 20% slices held out from training), and the annotation guide's
 * examples on the seed. Prints figures. Arguments: section names (`editor`, `ptc`, `semeval`,
 * `claimbuster`, `olid`, `guide`) to run only those; `--pages` lists each editor page's false
 * positives; `--techniques` adds per-technique figures and `--rules` each rule's precision.
 */

const annotator = createAnnotator(compileDefaultPacks());
/** The two operating points: what the reader sees by default, and everything on request. */
const OPERATING_POINTS: [string, (mark: { confidence: number }) => boolean][] = [
  ['confident marks', isConfident],
  ['all marks', () => true],
];
const fmt = (x: number) => x.toFixed(3);
const row = (name: string, r: PRF, extra = '') =>
  console.log(`  ${name.padEnd(30)} P ${fmt(r.precision)}  R ${fmt(r.recall)}  F1 ${fmt(r.f1)}${extra ? `  ${extra}` : ''}`);

/** A span corpus (PTC or SemEval-2023) scored with SemEval-2020 Task 11's partial-overlap measure. */
function spanCorpus(name: string, articles: PtcArticle[], keep: (mark: { confidence: number }) => boolean): void {
  const spans = emptyTally();
  const labelled = emptyTally();
  const perTechnique = new Map<string, Tally>(TECHNIQUE_IDS.map((id) => [id, emptyTally()]));
  const perRule = new Map<string, Tally>();
  let goldCount = 0;
  let predictedCount = 0;
  let predictedChars = 0;
  let textChars = 0;
  for (const article of articles) {
    const techniques = annotator.annotateArticle(article.text).filter((a) => a.kind === 'technique' && keep(a));
    const predicted = techniques.map((a) => ({ start: a.start, end: a.end, label: a.category as string }));
    for (const ruleId of new Set(techniques.map((a) => a.ruleId))) {
      const own = predicted.filter((_, i) => techniques[i]!.ruleId === ruleId);
      const t = emptyTally();
      for (const [label, x] of labelledTallies(own, article.spans)) if (own.some((s) => s.label === label)) addTally(t, { ...x, gold: 0, goldEarned: 0 });
      const tally = perRule.get(ruleId) ?? emptyTally();
      addTally(tally, t);
      perRule.set(ruleId, tally);
    }
    goldCount += article.spans.length;
    predictedCount += predicted.length;
    predictedChars += predicted.reduce((n, s) => n + s.end - s.start, 0);
    textChars += article.text.length;
    addTally(spans, spanTally(predicted, article.spans));
    for (const [label, t] of labelledTallies(predicted, article.spans)) {
      addTally(labelled, t);
      addTally(perTechnique.get(label)!, t);
    }
  }
  console.log(`${name}: ${articles.length} articles, ${goldCount} gold spans, ${predictedCount} predicted (mean ${(predictedChars / Math.max(1, predictedCount)).toFixed(0)} chars; ${((100 * predictedChars) / textChars).toFixed(1)}% of text)`);
  row('span identification', prfOf(spans));
  row('span + technique', prfOf(labelled));
  if (!process.argv.includes('--techniques')) return;
  for (const [label, t] of perTechnique) row(`  ${label}`, prfOf(t), `gold ${t.gold}, predicted ${t.predicted}`);
  if (process.argv.includes('--rules')) {
    console.log('  precision of each rule (its spans against gold spans of its technique):');
    for (const [id, t] of [...perRule].sort()) console.log(`    ${id.padEnd(48)} P ${fmt(prfOf(t).precision)}  (${t.predicted} spans)`);
  }
}

function ptc(): void {
  const articles = readPtc('dev');
  for (const [name, keep] of OPERATING_POINTS) spanCorpus(`PTC dev, ${name}`, articles, keep);
}

function semeval(): void {
  const articles = readSemEval2023('dev');
  for (const [name, keep] of OPERATING_POINTS) spanCorpus(`SemEval-2023 English dev, ${name}`, articles, keep);
}

async function editorPages(): Promise<void> {
  for (const [name, keep] of OPERATING_POINTS) {
    const pages = await runEditorPages(annotator, keep);
    const claims = { tp: 0, fp: 0, fn: 0, sourcingRight: 0, sourcingJudged: 0 };
    const spans = emptyTally();
    const labelled = emptyTally();
    const flags = { tp: 0, fp: 0, fn: 0 };
    let words = 0;
    let marks = 0;
    let gold = 0;
    for (const p of pages) {
      for (const k of Object.keys(claims) as (keyof typeof claims)[]) claims[k] += p.claims[k];
      for (const k of Object.keys(flags) as (keyof typeof flags)[]) flags[k] += p.flags[k];
      addTally(spans, p.spans);
      addTally(labelled, p.labelled);
      words += p.words;
      marks += p.techniqueMarks;
      gold += p.goldTechniques;
    }
    const counted = (x: { tp: number; fp: number; fn: number }) => {
      const precision = x.tp + x.fp === 0 ? 0 : x.tp / (x.tp + x.fp);
      const recall = x.tp + x.fn === 0 ? 0 : x.tp / (x.tp + x.fn);
      return { precision, recall, f1: f1Of(precision, recall) };
    };
    console.log(`Editor pages, ${name}: ${pages.length} pages, ${words} words of article text`);
    row('claims', counted(claims), `(tp ${claims.tp}, fp ${claims.fp}, fn ${claims.fn})`);
    console.log(`  ${'sourcing right'.padEnd(30)} ${fmt(claims.sourcingRight / Math.max(1, claims.sourcingJudged))} of ${claims.sourcingJudged} found claims`);
    row('techniques, labels ignored', prfOf(spans));
    row('techniques, with labels', prfOf(labelled));
    console.log(`  ${'technique marks / 1,000 words'.padEnd(30)} ${((1000 * marks) / words).toFixed(1)} (labels: ${((1000 * gold) / words).toFixed(1)})`);
    row('comment flags', counted(flags), `(tp ${flags.tp}, fp ${flags.fp}, fn ${flags.fn})`);
    if (!process.argv.includes('--pages')) continue;
    for (const p of pages) {
      const lost = p.unplaced > 0 ? `, ${p.unplaced} gold quotes not in the text` : '';
      console.log(`  ${p.name}: ${p.words} words, ${p.techniqueMarks} technique marks (gold ${p.goldTechniques})${lost}`);
      for (const fp of p.falsePositives) console.log(`    false: ${fp}`);
      for (const s of p.missedSourcing) console.log(`    sourcing: ${s}`);
    }
  }
}

function claimBuster(): void {
  const { heldOut } = readClaimBuster();
  const pairs = heldOut.map(({ text, label }): [boolean, boolean] => [annotator.annotateArticle(text).some((a) => a.kind === 'claim'), label]);
  const r = binaryPRF(pairs);
  console.log(`ClaimBuster: held-out 20% slice, ${heldOut.length} sentences, ${pairs.filter(([, g]) => g).length} check-worthy`);
  row('check-worthy', r, `target F1 ≥ 0.83 (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
}

function olid(): void {
  const { heldOut } = readOlid();
  const judged = heldOut.map(({ text, label }): [boolean, boolean] => {
    const [c] = annotator.annotateComments([{ author: '', text }], null);
    return [c!.flags.some((f) => f.category === 'insult' || f.category === 'dehumanizing'), label];
  });
  const m = macroF1(judged);
  console.log(`OLID: held-out 20% slice, ${heldOut.length} tweets, ${judged.filter(([, g]) => g).length} offensive`);
  row('offensive (insult|dehumanizing)', m.positive);
  row('not offensive', m.negative);
  console.log(`  ${'macro-F1'.padEnd(30)} ${fmt(m.macro)}  target ≥ 0.80`);
}

function spam(): void {
  const rows = readYoutubeSpam();
  console.log(`YouTube spam collection: ${rows.length} comments, ${rows.filter((r) => r.label).length} spam (no rule is trained on it)`);
  for (const [name, keep] of OPERATING_POINTS) {
    const judged = rows.map(({ text, label }): [boolean, boolean] => {
      const [c] = annotator.annotateComments([{ author: '', text }], null);
      return [c!.flags.some((f) => f.category === 'spam' && keep(f)), label];
    });
    const r = binaryPRF(judged);
    row(`spam flags, ${name}`, r, `(tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
  }
}

function guide(): void {
  const results = runGuide(annotator);
  const found = results.filter((r) => r.ok).length;
  console.log(`Annotation guide examples on the seed: ${found}/${results.length} found`);
  for (const r of results.filter((x) => !x.ok)) console.log(`  missed: ${r.what}`);
}

try {
  const sections = { editor: editorPages, ptc, semeval, claimbuster: claimBuster, olid, spam, guide };
  const only = process.argv.slice(2).filter((a) => a in sections) as (keyof typeof sections)[];
  for (const name of only.length > 0 ? only : (Object.keys(sections) as (keyof typeof sections)[])) {
    await sections[name]();
    console.log('');
  }
} catch (error) {
  if (!(error instanceof MissingDataError)) throw error;
  console.error(`bench:quality: the benchmark data is absent (${error.message}). Put the shared data at ${DATA_DIR} (../shared/data beside the project).`);
  process.exit(1);
}
