import { parentPort } from 'node:worker_threads';
import type { ExportInput } from './ExportFormat.js';
import { officeRenderers } from './officeRenderers.js';
import type { OfficeFormat } from './officeFormats.js';

export interface ExportJob {
  id: number;
  format: OfficeFormat;
  input: ExportInput;
}

export type ExportJobResult =
  | { id: number; bytes: Uint8Array; contentType: string; extension: string }
  | { id: number; error: string };

// Entry point of the export worker thread (ExportWorkerPool): renders one job at a time.
parentPort?.on('message', (job: ExportJob) => {
  void officeRenderers[job.format](job.input).then(
    (rendered) => parentPort?.postMessage({ id: job.id, ...rendered } satisfies ExportJobResult, [rendered.bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort?.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ExportJobResult),
  );
});
