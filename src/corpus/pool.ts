/**
 * Runs batches of records through RecordCleaners: in the main thread (workers = 1), or spread over the
 * main thread plus workers − 1 worker threads. `run(batch)` resolves with the verdicts in batch order;
 * the caller keeps output order by awaiting batches in the order it submitted them.
 */
import { Worker } from 'node:worker_threads';
import type { CleanerOptionsInput } from './options.js';
import { createRecordCleaner, type RecordVerdict } from './record-cleaner.js';
import type { CleanWorkerData, FromCleanWorker, ToCleanWorker } from './worker.js';

export type Batch = string[][];

export interface CleanerPool {
  run(batch: Batch): Promise<RecordVerdict[]>;
  close(): Promise<void>;
}

export async function createCleanerPool(options: CleanerOptionsInput, workers: number): Promise<CleanerPool> {
  // The main thread is one of the N: it would otherwise sit idle waiting, and each extra thread pays
  // for loading its own sources and models.
  const started = await Promise.allSettled([
    createRecordCleaner(options).then((cleaner): CleanWorker => ({ run: (batch) => cleaner.cleanBatch(batch), terminate: async () => undefined })),
    ...Array.from({ length: Math.max(0, workers - 1) }, () => startWorker(options)),
  ]);
  const slots = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(slots.map((t) => t.terminate()));
    throw failed.reason;
  }
  const idle = [...slots];
  const waiting: ((w: CleanWorker) => void)[] = [];
  const acquire = () => new Promise<CleanWorker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const release = (w: CleanWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    async run(batch) {
      const worker = await acquire();
      try {
        return await worker.run(batch);
      } finally {
        release(worker);
      }
    },
    async close() {
      await Promise.all(slots.map((t) => t.terminate()));
    },
  };
}

interface CleanWorker {
  run(batch: Batch): Promise<RecordVerdict[]>;
  terminate(): Promise<unknown>;
}

function startWorker(options: CleanerOptionsInput): Promise<CleanWorker> {
  // From TypeScript sources a `.ts` worker needs the source loader registered inside it (stack-notes): the generic boot file does that.
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
  const workerData: CleanWorkerData = { entry, options };
  const worker = new Worker(fromSource ? new URL('../../enclave-sim/boot.mjs', import.meta.url) : new URL(entry), { workerData });
  const pending = new Map<number, { resolve: (v: RecordVerdict[]) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromCleanWorker) => {
      if (message.type === 'ready') {
        resolve({
          run(batch) {
            if (failure) return Promise.reject(failure);
            const id = nextId++;
            return new Promise((res, rej) => {
              pending.set(id, { resolve: res, reject: rej });
              worker.postMessage({ type: 'batch', id, batch } satisfies ToCleanWorker);
            });
          },
          terminate: () => worker.terminate(),
        });
      } else if (message.type === 'init_failed') {
        reject(new Error(message.message));
        void worker.terminate();
      } else if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.verdicts);
        pending.delete(message.id);
      } else {
        pending.get(message.id)?.reject(new Error(`clean worker: ${message.message}`));
        pending.delete(message.id);
      }
    });
    worker.on('error', (error) => {
      failAll(error);
      reject(error);
    });
    worker.on('exit', (code) => failAll(new Error(`clean worker exited (${code})`)));
  });
}
