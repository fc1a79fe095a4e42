/**
 * The long-text scan pool: worker threads that run the configured detectors over texts of at least
 * `guardrails.offload.minChars` characters, so one long text (a 1 MB message scans for ~0.5 s) no
 * longer holds the event loop every other request, `/healthz` and streams in flight share. The
 * Scanner sends such a text here and awaits it; texts below the threshold never come here.
 *
 * The workers build the same detectors from the same config (registry name + options, in order), so
 * their findings are those of the in-thread scan by construction (test/unit/guardrails/offload-equivalence).
 * Workers start on the first long text (a gateway that never sees one pays no memory for them), take
 * the text by copy, and are unref'd. A worker that dies fails the scans it held (the guard's failOpen
 * decides) and is replaced by the next long text. In confidential mode the pool is created by the
 * enclave's own thread (enclave-sim/pipeline-factory.ts builds the guardrails there), so its workers
 * are the enclave's children: text goes from the enclave thread to them and back, never through the
 * main thread. See docs/gateway.md "Long texts".
 */
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../../guardrails/core/types.js';
import type { DetectorSpec, FromScanWorker, ScanContext, ScanWorkerData, ToScanWorker } from './scan-worker.js';

export type { DetectorSpec } from './scan-worker.js';

export interface OffloadOptions {
  /** Texts of at least this many UTF-16 code units are scanned in a worker. */
  minChars: number;
  /** Worker threads at most (started as long texts arrive). */
  workers: number;
}

export interface DetectorLists {
  /** Findings per detector that ran, in detector order. */
  lists: Finding[][];
  /** Which of them answered asynchronously (merged after the synchronous ones, as Scanner.scanNow does). */
  async: boolean[];
}

interface Pending {
  resolve(value: DetectorLists): void;
  reject(error: Error): void;
}

class ScanWorker {
  readonly pending = new Map<number, Pending>();
  /** Texts sent to this worker and not yet answered (counted from the call, before the worker is ready). */
  load = 0;
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private failure: Error | undefined;

  constructor(detectors: readonly DetectorSpec[], onGone: (w: ScanWorker) => void) {
    // From TypeScript sources a `.ts` worker needs the source loader registered inside it: the generic boot file does that.
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(fromSource ? './scan-worker.ts' : './scan-worker.js', import.meta.url).href;
    const workerData: ScanWorkerData = { entry, detectors: [...detectors] };
    this.worker = new Worker(fromSource ? new URL('../../../enclave-sim/boot.mjs', import.meta.url) : new URL(entry), { workerData });
    this.worker.unref();
    let started: () => void;
    let startFailed: (e: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      startFailed = reject;
    });
    this.ready.catch(() => {}); // observed through scan()
    const fail = (error: Error) => {
      if (this.failure) return;
      this.failure = error;
      startFailed(error);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      onGone(this);
      void this.worker.terminate();
    };
    this.worker.on('message', (message: FromScanWorker) => {
      if (message.type === 'ready') started();
      else if (message.type === 'init_failed') fail(new Error(`scan worker failed to start: ${message.message}`));
      else {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'result') p?.resolve({ lists: message.lists, async: message.async });
        else p?.reject(new Error(`scan worker: ${message.message}`));
      }
    });
    // A worker's uncaught error can quote text (a detector's exception): only its kind goes on.
    this.worker.on('error', (error) => fail(new Error(`scan worker crashed (${error.name})`)));
    this.worker.on('exit', (code) => fail(new Error(`scan worker exited (${code})`)));
  }

  async scan(id: number, text: string, ctx: ScanContext, only: string[] | undefined): Promise<DetectorLists> {
    this.load++;
    try {
      await this.ready;
      if (this.failure) throw this.failure;
      return await new Promise<DetectorLists>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.worker.postMessage({ id, text, ctx, only } satisfies ToScanWorker);
      });
    } finally {
      this.load--;
    }
  }

  async close(): Promise<void> {
    this.failure ??= new Error('scan pool closed');
    await this.worker.terminate();
  }
}

export class ScanPool {
  private readonly workers: ScanWorker[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly detectors: readonly DetectorSpec[],
    readonly options: OffloadOptions,
  ) {}

  /** Runs the detectors (or `only` these, by name) over `text` in the least busy worker. */
  detect(text: string, ctx: ScanContext, only?: ReadonlySet<string>): Promise<DetectorLists> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    let worker: ScanWorker | undefined;
    for (const w of this.workers) if (!worker || w.load < worker.load) worker = w;
    if (!worker || (worker.load > 0 && this.workers.length < this.options.workers)) {
      worker = new ScanWorker(this.detectors, (gone) => {
        const i = this.workers.indexOf(gone);
        if (i >= 0) this.workers.splice(i, 1);
      });
      this.workers.push(worker);
    }
    const { stage, lang, tenant, role } = ctx;
    return worker.scan(this.nextId++, text, { stage, lang, tenant, role }, only ? [...only] : undefined);
  }

  /** Workers currently running (for tests and `sealgate doctor`-style checks). */
  get size(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.close()));
  }
}
