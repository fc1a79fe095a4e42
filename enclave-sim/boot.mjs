// Worker bootstrap for running from TypeScript sources: a `.ts` worker entry needs the source loader
// (bin/ts-hooks.mjs) registered inside the worker, then the real entry is imported.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) await import('../bin/register.mjs');
await import(workerData.entry);
