import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultAnnotator } from '../lib/rules/default-packs';
import { decodeText } from './decode';
import { parseHtmlFile } from './parse-html';
import { type FileReport, formatTextReport } from './text-report';

/**
 * `annotate`: the extension's engine and finders, from a terminal. One JSON object per file per
 * line (`--format json`) or a readable report; a file that fails gives an error entry and a
 * non-zero exit once the others are done.
 */

const USAGE = 'usage: npm run --silent annotate -- [--format json|text] [--text] FILE...';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, text: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
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
  if (files.length === 0) {
    process.stderr.write(`annotate: no input file\n${USAGE}\n`);
    return 2;
  }

  const annotator = defaultAnnotator();
  let failed = 0;
  for (const file of files) {
    let report: FileReport;
    try {
      report = await annotateFile(file, values.text, annotator);
    } catch (error) {
      failed++;
      report = { file, error: describeError(error) };
    }
    process.stdout.write(values.format === 'json' ? `${JSON.stringify(report)}\n` : formatTextReport(report));
  }
  return failed > 0 ? 1 : 0;
}

async function annotateFile(
  file: string,
  asText: boolean,
  annotator: ReturnType<typeof defaultAnnotator>,
): Promise<FileReport> {
  const bytes = await readFile(file);
  if (asText) {
    const text = decodeText(bytes);
    return { file, article: { title: '', text, annotations: annotator.annotateArticle(text) }, comments: [] };
  }
  const page = await parseHtmlFile(bytes);
  return { file, ...annotator.annotatePage(page.article, page.comments) };
}

function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'is a directory, not a file';
  if (e?.code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(error);
}

process.exitCode = await main(process.argv.slice(2));
