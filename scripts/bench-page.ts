import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { BUILDS, launchWithExtension } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { listingPage, wordpressPage } from '../tests/fixtures/layouts';
import { type Seed, readSeed } from '../tests/fixtures/seed';

/**
 * `npm run bench:page`: the built extension in real Chromium, timed on the seed page, a large page
 * (an article of about 20,000 words under 2,000 comments) and a page with no article. Prints, per
 * page: content-script start → highlights painted, the content script's total main-thread time
 * and its longest stretch, beside the floor (a bare TreeWalker walk over the same page's text).
 * Main-thread figures come from a Chromium performance trace. Firefox ESR, which gives no trace
 * through puppeteer, is timed by the content script's own marks. Prints figures; asserts nothing.
 */

const RUNS = Number(process.env.RUNS ?? 5);
const CONTENT_SCRIPT = '/content-scripts/content.js';

if (!existsSync(BUILDS.chromium)) {
  console.error('bench:page: no Chromium build in .output/chrome-mv3 (run `npm run build` first)');
  process.exit(1);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function largePage(seed: Seed): string {
  const paragraphs: string[] = [];
  const words = () => paragraphs.join(' ').split(/\s+/).length;
  for (let round = 1; words() < 20_000; round++)
    for (const p of seed.paragraphs) paragraphs.push(`${p} (Part ${round}.)`);
  const comments = Array.from({ length: 2_000 }, (_, i) => {
    const c = seed.comments[i % seed.comments.length]!;
    return `<div class="comment" id="c${i}"><div class="comment__header"><span class="comment__author">${escapeHtml(c.author || `Reader ${i}`)}</span>
<time class="comment__time" datetime="2021-03-02T10:00:00Z">${i} min ago</time></div><div class="comment__body"><p>${escapeHtml(c.text)} #${i}</p></div></div>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(seed.title)}</title>
<meta property="og:type" content="article"></head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${escapeHtml(seed.title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>
<section id="comments" class="comments"><h2>Comments</h2><div class="comments__list">${comments.join('\n')}</div></section></main></body></html>`;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url: string }[] }; name?: string };
}

/** Our script's top-level stretches on the page's main thread, in milliseconds. */
function contentScriptStretches(events: TraceEvent[]): number[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'EvaluateScript' && ours(x)));
  if (!main) return [];
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined && ours(e))
    .sort((a, b) => a.ts - b.ts);
  const top: TraceEvent[] = [];
  for (const e of mine) {
    const last = top.at(-1);
    if (last && e.ts < last.ts + last.dur!) continue; // nested in the previous stretch
    top.push(e);
  }
  return top.map((e) => e.dur! / 1000);
}

function ours(e: TraceEvent): boolean {
  const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
  return url.includes(CONTENT_SCRIPT);
}

async function measure(page: Page, url: string, expectPaint: boolean) {
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
  await page.goto(url, { waitUntil: 'load' });
  const deadline = Date.now() + 10_000;
  while (expectPaint && Date.now() < deadline) {
    const painted = await page.evaluate(() => performance.getEntriesByName('plainsight-painted').length > 0);
    if (painted) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 300));
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
  const stretches = contentScriptStretches(trace.traceEvents);
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('plainsight-')).map((m) => [m.name, m.startTime])),
  );
  const floor = await page.evaluate(() => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
      times.push(performance.now() - start + chars * 0);
    }
    return times.sort((a, b) => a - b)[2]!;
  });
  return {
    painted: marks['plainsight-painted'] !== undefined && marks['plainsight-start'] !== undefined ? marks['plainsight-painted']! - marks['plainsight-start']! : null,
    found: marks['plainsight-found'] !== undefined ? marks['plainsight-found']! - marks['plainsight-start']! : null,
    answered: marks['plainsight-answered'] !== undefined ? marks['plainsight-answered']! - marks['plainsight-start']! : null,
    mainThread: stretches.reduce((a, b) => a + b, 0),
    longest: Math.max(0, ...stretches),
    floor,
  };
}

async function marksOnly(page: Page, url: string, expectPaint: boolean) {
  await page.goto(url, { waitUntil: 'load' });
  const deadline = Date.now() + 10_000;
  while (expectPaint && Date.now() < deadline) {
    if (await page.evaluate(() => performance.getEntriesByName('plainsight-painted').length > 0)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('plainsight-')).map((m) => [m.name, m.startTime])),
  );
  const since = (name: string) => (marks[name] !== undefined && marks['plainsight-start'] !== undefined ? marks[name]! - marks['plainsight-start']! : null);
  return { found: since('plainsight-found'), answered: since('plainsight-answered'), painted: since('plainsight-painted') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} ms`);
const PAGES = [['seed', '/seed', true], ['large', '/large', true], ['no article', '/listing', false]] as const;

function pick<R>(runs: R[], f: (r: R) => number | null): number | null {
  const xs = runs.map(f).filter((x): x is number => x !== null);
  return xs.length ? median(xs) : null;
}

const seed = readSeed();
const server = await serveFixtures({ '/seed': wordpressPage(seed), '/large': largePage(seed), '/listing': listingPage() });
try {
  const browser = await launchWithExtension('chromium');
  try {
    const page = await browser.browser.newPage();
    await page.goto(`${server.origin}/seed`); // wakes the worker and compiles the packs once
    await new Promise((r) => setTimeout(r, 1500));
    console.log(`Chromium, built extension, ${RUNS} runs per page (median), worker already running\n`);
    console.log('page       found     answered   painted    main thread  longest    floor (TreeWalker)  main/floor');
    for (const [name, path, paints] of PAGES) {
      const runs: Awaited<ReturnType<typeof measure>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(page, `${server.origin}${path}`, paints));
      const main = pick(runs, (r) => r.mainThread)!;
      const floor = pick(runs, (r) => r.floor)!;
      console.log(
        `${name.padEnd(10)} ${fmt(pick(runs, (r) => r.found)).padEnd(9)} ${fmt(pick(runs, (r) => r.answered)).padEnd(10)} ${fmt(pick(runs, (r) => r.painted)).padEnd(10)} ${fmt(main).padEnd(12)} ${fmt(pick(runs, (r) => r.longest)).padEnd(10)} ${fmt(floor).padEnd(19)} ${(main / floor).toFixed(1)}×`,
      );
    }
    console.log('\ntargets: seed painted ≤ 50 ms; large: main thread ≤ 5× floor, longest ≤ 50 ms, painted ≤ 500 ms; no article: main thread ≤ 2 ms');
  } finally {
    await browser.close();
  }
  // Firefox gives no trace through puppeteer: only the content script's own marks, for comparison.
  const firefox = await launchWithExtension('firefox');
  try {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/seed`);
    await new Promise((r) => setTimeout(r, 1500));
    console.log(`\nFirefox ESR, built extension, ${RUNS} runs per page (median): content-script start → each step`);
    console.log('page       found     answered   painted');
    for (const [name, path, paints] of PAGES.filter(([, , p]) => p)) {
      const runs: Awaited<ReturnType<typeof marksOnly>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await marksOnly(page, `${server.origin}${path}`, paints));
      console.log(`${name.padEnd(10)} ${fmt(pick(runs, (r) => r.found)).padEnd(9)} ${fmt(pick(runs, (r) => r.answered)).padEnd(10)} ${fmt(pick(runs, (r) => r.painted))}`);
    }
  } finally {
    await firefox.close();
  }
} finally {
  await server.close();
}
