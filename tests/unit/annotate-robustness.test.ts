/**
 * No page a browser can open makes `annotate` crash or hang: huge pages, huge tables, framesets,
 * unclosed or runaway markup, binary data. Each gives a result or an error line, and the next
 * file is still processed. The pages are generated here, never committed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'plainsight-robust-'));

const PARAGRAPH = `<p>${'The council met on Tuesday to discuss the budget, and several members objected to the cuts. '.repeat(4)}</p>\n`;
const ARTICLE = `<!doctype html><html><head><title>Budget night</title></head><body><article><h1>Budget night</h1>${PARAGRAPH.repeat(4)}</article></body></html>`;

const pages: Record<string, string | Uint8Array> = {
  tenMegabytes: `<html><body><article>${PARAGRAPH.repeat(Math.ceil(10_000_000 / PARAGRAPH.length))}</article></body></html>`,
  hugeTable: `<html><body><table>${Array.from({ length: 1000 }, (_, row) => `<tr>${Array.from({ length: 100 }, (_, cell) => `<td>${row}.${cell}</td>`).join('')}</tr>`).join('')}</table></body></html>`,
  frameset: '<html><head><title>Frames</title></head><frameset cols="30%,70%"><frame src="menu.html"><frame src="main.html"><noframes><p>No frames.</p></noframes></frameset></html>',
  unclosed: `<html><body>${'<div><span><p>unclosed text and more text, '.repeat(3000)}`,
  runawayNesting: `<html><body>${'<div>'.repeat(60_000)}deep`,
  binary: Uint8Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) % 256),
  empty: '',
  article: ARTICLE,
};

interface Line {
  file: string;
  error?: string;
  article?: { text: string } | null;
  comments?: unknown[];
}

describe('annotate on pathological pages', () => {
  let lines: Line[] = [];
  let code = 0;
  const files = Object.fromEntries(
    Object.entries(pages).map(([name, content]) => {
      const path = join(dir, `${name}.html`);
      writeFileSync(path, content);
      return [name, path];
    }),
  );

  beforeAll(async () => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'cli/annotate.ts', '--format', 'json', '--timeout', '2', ...Object.values(files)], {
        cwd: ROOT,
        maxBuffer: 256 * 1024 * 1024,
      });
      lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Line);
    } catch (error) {
      const e = error as { stdout: string; code: number };
      code = e.code;
      lines = e.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Line);
    }
  }, 120_000);

  it('prints one line per file, in order, each a result or an error', () => {
    expect(lines.map((line) => line.file)).toEqual(Object.values(files));
    for (const line of lines) expect(typeof line.error === 'string' || Array.isArray(line.comments)).toBe(true);
  });

  it('still reads the ordinary page after all the others', () => {
    const last = lines[lines.length - 1];
    expect(last?.article?.text).toContain('The council met on Tuesday');
  });

  it('gives empty results for a frameset and an empty file', () => {
    expect(lines[Object.keys(files).indexOf('frameset')]).toMatchObject({ article: null, comments: [] });
    expect(lines[Object.keys(files).indexOf('empty')]).toMatchObject({ article: null, comments: [] });
  });

  it('refuses binary data with an error line and exits non-zero at the end', () => {
    expect(lines[Object.keys(files).indexOf('binary')]?.error).toMatch(/binary/);
    expect(code).toBe(1);
  });

  it.each(['tenMegabytes', 'hugeTable', 'runawayNesting'])('answers for %s within the time budget', (name) => {
    const line = lines[Object.keys(files).indexOf(name)];
    if (line?.error !== undefined) expect(line.error).toMatch(/gave up after 2 s|too large|nested too deeply/);
    else expect(Array.isArray(line?.comments)).toBe(true);
  });
});
