import { Worker } from 'node:worker_threads';
import type { ExportInput, ExportRenderer, RenderedExport } from './ExportFormat.js';
import type { ExportJob, ExportJobResult } from './exportWorker.js';
import type { OfficeFormat } from './officeFormats.js';

interface PendingJob {
  resolve: (rendered: RenderedExport) => void;
  reject: (error: Error) => void;
}

/**
 * Renders the office formats in one worker thread. The DOCX of a 20-page plan spends about 2 s laying
 * out pages for the contents' page numbers, and a PDF about 0.5 s: on the server's own thread that
 * would stall every co-editor's keystrokes on this instance for as long. The worker starts on the
 * first export and is replaced if it dies; jobs queue in it one after another.
 */
export class ExportWorkerPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, PendingJob>();
  private nextJobId = 1;
  private isClosed = false;

  renderer(format: OfficeFormat): ExportRenderer {
    return (input) => this.render(format, input);
  }

  render(format: OfficeFormat, input: ExportInput): Promise<RenderedExport> {
    if (this.isClosed) return Promise.reject(new Error('The export worker is closed'));
    const id = this.nextJobId++;
    const worker = this.worker ?? this.startWorker();
    return new Promise<RenderedExport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, format, input } satisfies ExportJob);
    });
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failPending(new Error('The server is shutting down'));
  }

  private startWorker(): Worker {
    const worker = createExportWorker();
    // An idle worker must not keep the process alive after the server closed.
    worker.unref();
    worker.on('message', (result: ExportJobResult) => {
      const job = this.pending.get(result.id);
      if (!job) return;
      this.pending.delete(result.id);
      if ('error' in result) job.reject(new Error(`Export failed in the worker: ${result.error}`));
      else job.resolve({ bytes: result.bytes, contentType: result.contentType, extension: result.extension });
    });
    worker.on('error', (error) => {
      if (this.worker === worker) this.worker = null;
      this.failPending(error);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failPending(new Error('The export worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failPending(error: Error): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    jobs.forEach((job) => job.reject(error));
  }
}

/**
 * From the build, the worker is dist/server/exportWorker.js next to the bundle. From the sources
 * (tests, `npm run serve`) it is TypeScript: on Node 20 `execArgv: ['--import', 'tsx']` registers
 * tsx too late for a worker's entry module, so a bootstrap registers it and then imports the entry.
 */
function createExportWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./exportWorker.js', import.meta.url));
  const entry = new URL('./exportWorker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
