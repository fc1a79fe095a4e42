/** Worker-thread entry for `sealgate clean --workers N`: builds one RecordCleaner and cleans batches. */
import { parentPort, workerData } from 'node:worker_threads';
import type { CleanerOptionsInput } from './options.js';
import { createRecordCleaner, type RecordVerdict } from './record-cleaner.js';

export interface CleanWorkerData {
  entry: string;
  options: CleanerOptionsInput;
}
export type ToCleanWorker = { type: 'batch'; id: number; batch: string[][] };
export type FromCleanWorker =
  | { type: 'ready' }
  | { type: 'init_failed'; message: string }
  | { type: 'result'; id: number; verdicts: RecordVerdict[] }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  const data = workerData as CleanWorkerData;
  try {
    const cleaner = await createRecordCleaner(data.options);
    port.on('message', async (message: ToCleanWorker) => {
      try {
        const verdicts: RecordVerdict[] = await cleaner.cleanBatch(message.batch);
        port.postMessage({ type: 'result', id: message.id, verdicts } satisfies FromCleanWorker);
      } catch (error) {
        port.postMessage({ type: 'failed', id: message.id, message: (error as Error).message } satisfies FromCleanWorker);
      }
    });
    port.postMessage({ type: 'ready' } satisfies FromCleanWorker);
  } catch (error) {
    port.postMessage({ type: 'init_failed', message: (error as Error).message } satisfies FromCleanWorker);
  }
}
