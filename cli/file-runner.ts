import { Worker } from 'node:worker_threads';
import type { FileReport } from './text-report';

/** One file for the worker to read. */
export interface FileJob {
  file: string;
  bytes: Uint8Array;
  asText: boolean;
}

/** How long loading the engine in a fresh worker may take. */
const STARTUP_MS = 120_000;

/** The worker's first message: modules loaded, rule packs compiled. */
export const WORKER_READY = 'ready';

/**
 * Node 20 does not run `--import tsx` in worker threads, so the worker registers tsx itself
 * before it loads the TypeScript module.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./annotate-worker.ts', import.meta.url).href)}); })`;

/**
 * Runs each file's parse, find and annotate in a worker thread with a time budget: a page that
 * takes longer (or exhausts the worker's memory) is stopped and reported as an error, and the
 * next file gets a fresh worker. Call `close()` when done.
 */
export class FileRunner {
  private worker: Promise<Worker> | null = null;

  constructor(
    private readonly budgetMs: number,
    private readonly memoryMb = 4096,
  ) {}

  async run(job: FileJob): Promise<FileReport> {
    let worker: Worker;
    try {
      worker = await this.ensureWorker();
    } catch (error) {
      this.worker = null;
      return { file: job.file, error: `the reader could not start: ${(error as Error).message}` };
    }
    return new Promise((resolve) => {
      const finish = (report: FileReport, broken: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (broken) this.discard(worker);
        resolve(report);
      };
      const onMessage = (report: FileReport): void => finish(report, false);
      const onError = (error: Error): void => {
        const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({ file: job.file, error: outOfMemory ? 'the page is too large to read (out of memory)' : error.message }, true);
      };
      const onExit = (): void => finish({ file: job.file, error: 'the reader stopped unexpectedly' }, true);
      const timer = setTimeout(
        () => finish({ file: job.file, error: `gave up after ${Math.round(this.budgetMs / 1000)} s: the page is too large or too complex to read` }, true),
        this.budgetMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await (await worker.catch(() => null))?.terminate();
  }

  /** A worker that has loaded the engine (its start-up is not charged to a file's budget). */
  private ensureWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    const started = new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, stackSizeMb: 16 },
      });
      const stop = (error: Error): void => {
        clearTimeout(timer);
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => stop(new Error(`no answer after ${STARTUP_MS / 1000} s`)), STARTUP_MS);
      worker.once('message', (message) => {
        if (message !== WORKER_READY) return stop(new Error(String(message)));
        clearTimeout(timer);
        // An idle worker that fails must not take the command down; the next job gets a new one.
        worker.on('error', () => undefined);
        worker.once('exit', () => {
          if (this.worker === started) this.worker = null;
        });
        resolve(worker);
      });
      worker.once('error', stop);
    });
    this.worker = started;
    return started;
  }

  private discard(worker: Worker): void {
    this.worker = null;
    void worker.terminate();
  }
}
