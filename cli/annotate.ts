import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { FileRunner } from './file-runner';
import { isConfident } from '../lib/engine/confidence';
import { type FileReport, formatTextReport } from './text-report';

/**
 * `annotate`: the extension's engine and finders, from a terminal. One JSON object per file per
 * line (`--format json`) or a readable report; a file that fails gives an error entry and a
 * non-zero exit once the others are done. Each file is read in a worker thread with a time budget
 * (`--timeout`, seconds), so a pathological page gives an error line instead of a hang.
 */

const USAGE = 'usage: npm run --silent annotate -- [--format json|text] [--marks confident|all] [--text] [--timeout SECONDS] FILE...';

/** Per-file time budget: parse, find and annotate. */
const DEFAULT_TIMEOUT_SECONDS = 60;
/** Larger files are refused before they are read: no saved page a browser opens comes near this. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        marks: { type: 'string', default: 'confident' },
        text: { type: 'boolean', default: false },
        timeout: { type: 'string', default: String(DEFAULT_TIMEOUT_SECONDS) },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`annotate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals: files } = options;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.format !== 'json' && values.format !== 'text') {
    process.stderr.write(`annotate: --format must be "json" or "text", not "${values.format}"\n${USAGE}\n`);
    return 2;
  }
  if (values.marks !== 'confident' && values.marks !== 'all') {
    process.stderr.write(`annotate: --marks must be "confident" or "all", not "${values.marks}"\n${USAGE}\n`);
    return 2;
  }
  const keep = values.marks === 'all' ? (report: FileReport) => report : confidentOnly;
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) {
    process.stderr.write(`annotate: --timeout must be a positive number of seconds, not "${values.timeout}"\n${USAGE}\n`);
    return 2;
  }
  if (files.length === 0) {
    process.stderr.write(`annotate: no input file\n${USAGE}\n`);
    return 2;
  }

  const runner = new FileRunner(timeout * 1000);
  let failed = 0;
  try {
    for (const file of files) {
      let report: FileReport;
      try {
        report = await runner.run({ file, bytes: await readInput(file), asText: values.text });
      } catch (error) {
        report = { file, error: describeError(error) };
      }
      if ('error' in report) failed++;
      else report = keep(report);
      process.stdout.write(values.format === 'json' ? `${JSON.stringify(report)}\n` : formatTextReport(report));
    }
  } finally {
    await runner.close();
  }
  return failed > 0 ? 1 : 0;
}

/** The report with only the marks a reader sees by default (`--marks confident`). */
function confidentOnly(report: FileReport): FileReport {
  if ('error' in report) return report;
  return {
    ...report,
    article: report.article && { ...report.article, annotations: report.article.annotations.filter(isConfident) },
    comments: report.comments.map((c) => ({ ...c, flags: c.flags.filter(isConfident), annotations: c.annotations.filter(isConfident) })),
  };
}

/** The file's bytes in a buffer of their own (it is handed over to the worker). */
async function readInput(file: string): Promise<Uint8Array> {
  const { size } = await stat(file);
  if (size > MAX_FILE_BYTES) throw new Error(`the file is too large (${Math.round(size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`);
  return new Uint8Array(await readFile(file));
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory, not a file';
  if (e?.code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(error);
}

process.exitCode = await main(process.argv.slice(2));
