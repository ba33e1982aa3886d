import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILDS, EXECUTABLES, launchWithExtension } from '../tests/e2e/browsers';
import { serveFixtures } from '../tests/e2e/server';
import { screenshotPage } from './page-screenshots';

/**
 * `npm run demo`: the sample article (rendered by scripts/render-sample.ts) served on 127.0.0.1
 * and opened in Chromium with the built extension loaded. With no display (no DISPLAY or
 * WAYLAND_DISPLAY), it says so and writes screenshots of the page and its popup instead.
 * `--how` only prints how to see the sample with the extension (the end of `npm start`).
 */

const SAMPLE = resolve('.output/samples/space-race.html');
const SHOTS = resolve('.output/demo');

function how(): string {
  return [
    '',
    'See the sample with the extension:',
    '  npm run demo          serves the sample on 127.0.0.1 and opens Chromium with Plainsight loaded',
    '                        (with no display, writes screenshots of the page and popup to .output/demo/)',
    `  or load ${BUILDS.chromium} unpacked in chrome://extensions (Developer mode),`,
    `  or ${join(BUILDS.firefox, 'manifest.json')} in about:debugging (Load Temporary Add-on),`,
    '  and open the sample over http: python3 -m http.server -b 127.0.0.1 -d .output/samples 8000, then',
    '  http://127.0.0.1:8000/space-race.html (a file:// page is read only with "Allow access to file URLs").',
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.includes('--how')) {
    console.log(how());
    return;
  }
  for (const needed of [SAMPLE, join(BUILDS.chromium, 'manifest.json')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run demo\`, which builds and renders it first`);
  }
  const server = await serveFixtures({ '/space-race.html': readFileSync(SAMPLE, 'utf8') });
  const url = `${server.origin}/space-race.html`;
  console.log(`Serving the sample at ${url}`);
  try {
    const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
    if (!display) console.log('No display here (DISPLAY and WAYLAND_DISPLAY are unset): writing screenshots instead of opening a window.');
    if (!display || !(await openChromium(url))) await screenshots(url);
  } finally {
    await server.close();
  }
}

/**
 * A visible Chromium with a fresh profile and the extension; the demo lasts as long as the window.
 * False when Chromium could not start (it exits at once with an error), so screenshots stand in.
 */
async function openChromium(url: string): Promise<boolean> {
  const profile = mkdtempSync(join(tmpdir(), 'plainsight-demo-'));
  console.log('Opening Chromium with Plainsight loaded; close its window (or press Ctrl-C) to end the demo.');
  const chromium = spawn(
    EXECUTABLES.chromium,
    [
      `--user-data-dir=${profile}`,
      `--load-extension=${BUILDS.chromium}`,
      `--disable-extensions-except=${BUILDS.chromium}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root with its sandbox on (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      url,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  chromium.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  process.once('SIGINT', () => chromium.kill('SIGTERM'));
  const code = await new Promise<number | null>((done) => {
    chromium.once('error', (error) => ((errors += String(error)), done(-1)));
    chromium.once('exit', (exitCode) => done(exitCode));
  });
  if (code === 0 || code === null) return true;
  console.error(`Chromium could not open a window (exit code ${code}):\n${errors.trim().split('\n').slice(-5).join('\n')}`);
  console.log('Writing screenshots instead.');
  return false;
}

async function screenshots(url: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const ext = await launchWithExtension('chromium');
  try {
    const { files, marks } = await screenshotPage(ext, url, SHOTS, 'space-race');
    const count = Object.values(marks).reduce((n, texts) => n + texts.length, 0);
    console.log(`${count} marks painted.\n  page:  ${files.page}\n  popup: ${files.popup}`);
  } finally {
    await ext.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
