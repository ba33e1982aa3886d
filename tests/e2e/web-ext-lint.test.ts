import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './browsers';

type Finding = { code: string; message: string; file?: string; line?: number; column?: number };

/** Mozilla's linter on the Firefox bundle: what addons.mozilla.org would refuse or question. */
describe('web-ext lint on the Firefox bundle', () => {
  it('reports no error and no warning (no eval, no remote code, a valid manifest for desktop and Android)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as { errors: Finding[]; warnings: Finding[] };
    const show = (f: Finding) => `${f.code}: ${f.message} (${f.file ?? ''}:${f.line ?? ''}:${f.column ?? ''})`;
    expect(report.errors.map(show)).toEqual([]);
    expect(report.warnings.map(show)).toEqual([]);
  }, 60_000);

  it("has no component that sets raw HTML (Preact's raw-HTML path is built to throw: see wxt.config.ts)", () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const sources = ['components', 'entrypoints', 'lib'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(sources.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(join(root, f), 'utf8')))).toEqual([]);
  });
});
