import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BUILDS, EXECUTABLES, inClosedShadow, launchWithExtension } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';

/**
 * `npm run bench:hostile`: issue #14's freeze case in real Chromium. One paragraph of about 1 MB
 * that holds tens of thousands of marks, on a page that touches its DOM (a counter at 4 Hz, and a
 * ticker at 60 Hz), opened once with the built extension and once without, in the same run. Over
 * the same 8 seconds after the page has settled: frames rendered (requestAnimationFrame callbacks)
 * and the renderer's main-thread task time (DevTools `Performance.getMetrics`). The floor: with
 * the extension within 1.2× of without. The marks of so long a text are boxes on our overlay, not
 * registered ranges (lib/page/mark-overlay.ts): both are counted. `DETAIL=1` also prints the
 * script, layout and style time of each run, to see where the main thread goes. Prints figures;
 * asserts nothing.
 */

const SECONDS = Number(process.env.SECONDS ?? 8);
/** Pairs of runs (without, then with the extension) per page; the medians are compared. */
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const FLOOR = 1.2;
const SENTENCE = 'The minister kept sitting idly, out of sheer incompetence, while the talks went on for a week. ';

function densePage(hz: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The talks went on</title><meta property="og:type" content="article"></head>
<body><main><article><h1>The talks went on</h1><p>${SENTENCE.repeat(Math.ceil(1_000_000 / SENTENCE.length))}</p></article></main>
<script>const t = document.createElement('div'); document.body.prepend(t); let n = 0;
setInterval(() => { t.innerHTML = '<span>' + (++n) + '</span>'; }, ${Math.round(1000 / hz)});</script></body></html>`;
}

interface Sample {
  frames: number;
  taskMs: number;
  registered: number;
  /** Boxes drawn on our overlay, where the marks of a very long text go instead of the registry. */
  boxes: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianSample = (runs: Sample[]): Sample => ({
  frames: median(runs.map((r) => r.frames)),
  taskMs: median(runs.map((r) => r.taskMs)),
  registered: median(runs.map((r) => r.registered)),
  boxes: median(runs.map((r) => r.boxes)),
});

async function sample(browser: Browser, url: string, withExtension: boolean): Promise<Sample> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension) {
    await page.waitForFunction(() => performance.getEntriesByName('plainsight-painted').length > 0, { timeout: 120_000 });
  }
  await new Promise((r) => setTimeout(r, 2_000)); // let the first paint and any settling pass
  await page.bringToFront();
  const cdp = await page.createCDPSession();
  // Pages of one site share a renderer: what earlier runs left to collect is collected before this one is timed.
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((r) => setTimeout(r, 500));
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const taskTime = async () => (await metrics()).TaskDuration!;
  const all0 = process.env.DETAIL ? await metrics() : {};
  const before = await taskTime();
  // A string, so the bundler's helpers never reach the page.
  const frames = (await page.evaluate(`new Promise((resolve) => {
    let count = 0;
    const end = performance.now() + ${SECONDS * 1000};
    const tick = () => { count++; if (performance.now() < end) requestAnimationFrame(tick); else resolve(count); };
    requestAnimationFrame(tick);
  })`)) as number;
  const taskMs = ((await taskTime()) - before) * 1000;
  if (process.env.DETAIL) {
    const all1 = await metrics();
    console.log(withExtension ? 'with' : 'without', ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'].map((k) => `${k} ${((all1[k]! - all0[k]!) * 1000).toFixed(0)}`).join(' '));
  }
  const registered = await page.evaluate(() =>
    [...(CSS.highlights as unknown as Map<string, Set<unknown>>)].filter(([n]) => n.startsWith('plainsight-')).reduce((n, [, h]) => n + h.size, 0),
  );
  const boxes = (await inClosedShadow(page, 'plainsight-overlay', (root) => root.querySelectorAll('.mark').length)) ?? 0;
  await cdp.detach();
  await page.close();
  return { frames, taskMs, registered, boxes };
}

async function main(): Promise<void> {
  if (!existsSync(BUILDS.chromium)) {
    console.error('bench:hostile: no Chromium build in .output/chrome-mv3 (run `npm run build` first)');
    process.exit(1);
  }
  const server = await serveFixtures({ '/dense-4hz': densePage(4), '/dense-60hz': densePage(60) });
  const ext = await launchWithExtension('chromium');
  const plain = await puppeteer.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    pipe: true,
    userDataDir: mkdtempSync(join(tmpdir(), 'plainsight-plain-')),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    console.log(`Chromium, a 1 MB paragraph of marks under a page that touches its DOM, ${SECONDS} s after settling; median of ${ROUNDS} runs each way\n`);
    console.log('page        frames (with / without)   main-thread task ms (with / without)   ranges registered / boxes drawn');
    for (const path of ['/dense-4hz', '/dense-60hz']) {
      // The page's own main-thread time varies by a quarter from run to run: pairs taken in turn, medians compared.
      const withouts: Sample[] = [];
      const withs: Sample[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        withouts.push(await sample(plain, `${server.origin}${path}`, false));
        withs.push(await sample(ext.browser, `${server.origin}${path}`, true));
      }
      const without = medianSample(withouts);
      const withExt = medianSample(withs);
      const frameRatio = without.frames / Math.max(1, withExt.frames);
      const taskRatio = withExt.taskMs / Math.max(1, without.taskMs);
      console.log(
        `${path.slice(1).padEnd(11)} ${`${withExt.frames} / ${without.frames}`.padEnd(14)} (${frameRatio.toFixed(2)}×)     ` +
          `${`${withExt.taskMs.toFixed(0)} / ${without.taskMs.toFixed(0)}`.padEnd(16)} (${taskRatio.toFixed(2)}×)               ${withExt.registered} / ${withExt.boxes}`,
      );
    }
    console.log(`\nfloor: with the extension within ${FLOOR}× of without, for frames and for main-thread time`);
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
