import { parentPort } from 'node:worker_threads';
import { defaultAnnotator } from '../lib/rules/default-packs';
import { decodeText } from './decode';
import { parseHtmlFile } from './parse-html';
import { type FileJob, WORKER_READY } from './file-runner';
import type { FileReport } from './text-report';

/**
 * The work of `annotate` for one file at a time, in a worker thread so that the command can stop
 * a page that takes too long (a pathological table, runaway nesting) and go on with the next
 * file. Says `ready` once loaded; then receives `{file, bytes, asText}` and answers with the
 * file's report.
 */

const annotator = defaultAnnotator();

function annotate({ file, bytes, asText }: FileJob): Promise<FileReport> | FileReport {
  if (asText) {
    const text = decodeText(bytes);
    return { file, ...annotator.annotatePage({ title: '', text }, []) };
  }
  return parseHtmlFile(bytes).then((page) => ({ file, ...annotator.annotatePage(page.article, page.comments) }));
}

parentPort?.on('message', async (job: FileJob) => {
  let report: FileReport;
  try {
    report = await annotate(job);
  } catch (error) {
    report = { file: job.file, error: describeFailure(error) };
  }
  parentPort?.postMessage(report);
});

/** Loading the engine takes a moment; the time budget of the first file starts after it. */
parentPort?.postMessage(WORKER_READY);

function describeFailure(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'the page is nested too deeply to read';
  return error instanceof Error ? error.message : String(error);
}
