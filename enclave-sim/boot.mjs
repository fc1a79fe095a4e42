// Worker bootstrap for running from TypeScript sources: a `.ts` worker entry fails under tsx on
// Node 20, so register tsx's loader inside the worker, then import the real entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
