/**
 * Worker-thread entry of the long-text scan pool (./offload.ts): builds the same detectors the gateway
 * built (same registry names, same options, same order), warms them up, then runs them over the long
 * texts it is sent. It answers each text with the findings of every detector as a list of its own
 * (and which answered asynchronously), so the Scanner can merge them in exactly the order its
 * in-thread path would. Error messages sent back are fixed strings naming the detector: a caught
 * error's message can quote its input.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DetectContext, Detector, Finding } from '../../../guardrails/core/types.js';
import { createDetector } from '../../../guardrails/registry.js';
import { warmUp } from './scanner.js';

export interface DetectorSpec {
  name: string;
  options: Record<string, unknown>;
}

export interface ScanWorkerData {
  entry: string;
  detectors: DetectorSpec[];
}

/** The scan context without `memo` (the worker makes a fresh one per text, as the Scanner does). */
export type ScanContext = Omit<DetectContext, 'memo'>;

export type ToScanWorker = { id: number; text: string; ctx: ScanContext; only?: string[] };
export type FromScanWorker =
  | { type: 'ready' }
  | { type: 'init_failed'; message: string }
  /** `lists[i]`: findings of the i-th detector that ran; `async[i]`: it answered with a promise. */
  | { type: 'result'; id: number; lists: Finding[][]; async: boolean[] }
  | { type: 'failed'; id: number; message: string };

async function scan(detectors: readonly Detector[], message: ToScanWorker): Promise<{ lists: Finding[][]; async: boolean[] }> {
  const ctx: DetectContext = { ...message.ctx, memo: new Map() };
  const only = message.only ? new Set(message.only) : undefined;
  const lists: Array<Finding[] | Promise<Finding[]>> = [];
  const names: string[] = [];
  for (const detector of detectors) {
    if (only && !only.has(detector.name)) continue;
    names.push(detector.name);
    try {
      lists.push(detector.detect(message.text, ctx));
    } catch {
      // Promises already started are not awaited now: their rejections must not end the worker.
      for (const l of lists) if (l instanceof Promise) l.catch(() => {});
      throw new Error(`detector ${detector.name} failed`);
    }
  }
  const async = lists.map((l) => l instanceof Promise);
  const settled = await Promise.all(lists.map((l, i) => (l instanceof Promise ? l.catch(() => Promise.reject(new Error(`detector ${names[i]} failed`))) : l)));
  return { lists: settled, async };
}

const port = parentPort;
if (port) {
  const data = workerData as ScanWorkerData;
  try {
    const detectors: Detector[] = [];
    for (const spec of data.detectors) detectors.push(await createDetector(spec.name, spec.options));
    await warmUp(detectors);
    port.on('message', (message: ToScanWorker) => {
      scan(detectors, message).then(
        ({ lists, async }) => port.postMessage({ type: 'result', id: message.id, lists, async } satisfies FromScanWorker),
        (error: Error) => port.postMessage({ type: 'failed', id: message.id, message: error.message } satisfies FromScanWorker),
      );
    });
    port.postMessage({ type: 'ready' } satisfies FromScanWorker);
  } catch (error) {
    // Factory errors are our own configuration messages (unknown detector, missing model file): no text.
    port.postMessage({ type: 'init_failed', message: (error as Error).message } satisfies FromScanWorker);
  }
}
