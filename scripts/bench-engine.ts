import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnnotator } from '../lib/engine/annotator';
import { compileDefaultPacks } from '../lib/rules/default-packs';

/**
 * `npm run bench:engine`: how fast the whole engine reads text. The seed article and its comments
 * are repeated to about 100,000 words and annotated as one article, then as a comment thread;
 * the rule packs' compile time is measured cold and warm. Prints figures; asserts nothing.
 */

const SEED = fileURLToPath(new URL('../../shared/seed/space-race.txt', import.meta.url));
const TARGET_WORDS = 100_000;
const RUNS = 5;

if (!existsSync(SEED)) {
  console.error(`bench:engine: the seed article is missing: ${SEED} (../shared must sit beside the project)`);
  process.exit(1);
}

const seed = readFileSync(SEED, 'utf8');
const words = seed.split(/\s+/).filter(Boolean).length;
const copies = Math.ceil(TARGET_WORDS / words);
const article = Array.from({ length: copies }, () => seed).join('\n\n');
const paragraphs = seed.split(/\n{2,}/).filter((p) => p.trim());
const comments = Array.from({ length: copies }, (_, i) => paragraphs.map((text) => ({ author: `reader ${i}`, text }))).flat();
const commentChars = comments.reduce((n, c) => n + c.text.length, 0);

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const [, coldCompile] = time(() => createAnnotator(compileDefaultPacks()));
const warmCompiles = Array.from({ length: RUNS }, () => time(() => createAnnotator(compileDefaultPacks()))[1]);
const annotator = createAnnotator(compileDefaultPacks());
annotator.annotateArticle(seed); // first use builds lazy parts (the profanity matcher, the segmenter)

const articleRuns = Array.from({ length: RUNS }, () => time(() => annotator.annotateArticle(article)));
const commentRuns = Array.from({ length: RUNS }, () => time(() => annotator.annotateComments(comments, seed)));
const articleMs = median(articleRuns.map(([, ms]) => ms));
const commentMs = median(commentRuns.map(([, ms]) => ms));
const mbps = (chars: number, ms: number) => (chars / 1e6 / (ms / 1000)).toFixed(2);

console.log(`input: ${copies} copies of the seed, ${(copies * words).toLocaleString('en')} words`);
console.log(`  article text     ${(article.length / 1e6).toFixed(2)} MB (UTF-16 code units)`);
console.log(`  comment thread   ${comments.length.toLocaleString('en')} comments, ${(commentChars / 1e6).toFixed(2)} MB`);
console.log('');
console.log(`rule packs compile   cold ${coldCompile.toFixed(1)} ms, warm median ${median(warmCompiles).toFixed(1)} ms`);
console.log(
  `annotate article     median ${articleMs.toFixed(0)} ms → ${mbps(article.length, articleMs)} MB/s ` +
    `(${articleRuns[0]![0].length.toLocaleString('en')} annotations)`,
);
console.log(`annotate comments    median ${commentMs.toFixed(0)} ms → ${mbps(commentChars, commentMs)} MB/s`);
console.log(`floor: 1 MB/s for the whole engine, compile under 50 ms (median of ${RUNS} runs each)`);
