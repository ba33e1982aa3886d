import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './browsers';

/** Mozilla's linter on the Firefox bundle: what addons.mozilla.org would refuse. */
describe('web-ext lint on the Firefox bundle', () => {
  it('reports no error (no eval, no remote code, a valid manifest)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', BUILDS.firefox, '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout) as { errors: { code: string; message: string; file?: string }[]; warnings: unknown[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  }, 60_000);
});
