/**
 * The gateway's handle on the enclave worker: starts it, forwards ciphertext, streams sealed frames
 * back, and restarts the worker with fresh keys if it dies (in-flight requests fail with 503 and
 * clients re-attest because their key id is gone). Runs in the main thread: it never sees plaintext.
 */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SealGateConfig } from '../src/config/schema.js';
import type { Surface } from '../src/pipeline/types.js';
import type { AttestationResponse } from '../src/protocol/index.js';
import type { EnclaveIdentity, EnclaveRelease, EnclaveRequestMeta, EnclaveToHost, HostToEnclave } from './messages.js';
import type { EnclaveWorkerData } from './worker.js';

/** A failure the gateway turns into an OpenAI-format error as is (messages are fixed, text-free). */
export class EnclaveError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EnclaveError';
  }
}

export interface EnclaveResponse {
  status: number;
  stream: boolean;
  /** Bytes to write first (response nonce, and for non-streaming the whole sealed body). */
  head: Uint8Array;
  /** Sealed frames of a streamed response; throws EnclaveError if the enclave dies mid-stream. */
  frames: AsyncIterable<Uint8Array>;
  /** What the enclave released (verdicts, usage, digests), once the response is complete. */
  release: Promise<EnclaveRelease>;
}

export interface EnclaveHostOptions {
  config: SealGateConfig;
  /** Delay before restarting a dead worker (doubles on repeated crashes, up to 5 s). */
  restartDelayMs?: number;
  measurementRoot?: string;
}

interface PendingCall {
  resolve(message: EnclaveToHost): void;
  reject(error: Error): void;
}

interface PendingRequest {
  onHead(message: Extract<EnclaveToHost, { type: 'head' }>): void;
  onFrame(bytes: Uint8Array): void;
  onEnd(release: EnclaveRelease): void;
  fail(error: EnclaveError): void;
}

const PRESIGNED_MAX = 4096;

/** The gateway request id a receipt payload names (`rid`), if it parses. */
function receiptRequestId(payload: Uint8Array): string | undefined {
  try {
    const rid = (JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8')) as { rid?: unknown }).rid;
    return typeof rid === 'string' ? rid : undefined;
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

const UNAVAILABLE = () => new EnclaveError(503, 'enclave_unavailable', 'The confidential enclave restarted; retry after re-attesting.');

export class EnclaveHost extends EventEmitter {
  private worker: Worker | undefined;
  private identityValue: EnclaveIdentity | undefined;
  private readyPromise: Promise<EnclaveIdentity> | undefined;
  private nextId = 1;
  private readonly calls = new Map<number, PendingCall>();
  private readonly requests = new Map<number, PendingRequest>();
  private closed = false;
  private consecutiveCrashes = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  /** While set, `readyPromise` belongs to the restart loop and a failed spawn must not clear it. */
  private restarting = false;
  /** Final receipts the enclave signed after release, by their exact payload bytes (latin1), until asked for. */
  private readonly presigned = new Map<string, Uint8Array>();
  /** Gateway request ids whose enclave-signed receipt is on its way, and who waits for it. */
  private readonly receiptsDue = new Map<string, Array<() => void>>();
  /** How many times the worker has been (re)started: tests and /readyz read it. */
  generation = 0;

  constructor(private readonly options: EnclaveHostOptions) {
    super();
  }

  get identity(): EnclaveIdentity | undefined {
    return this.identityValue;
  }

  /** Starts the worker and resolves once it has measured itself and generated its keys. */
  start(): Promise<EnclaveIdentity> {
    if (this.closed) return Promise.reject(new Error('enclave host is closed'));
    this.readyPromise ??= this.spawn();
    return this.readyPromise;
  }

  private spawn(): Promise<EnclaveIdentity> {
    this.generation++;
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;
    const workerData: EnclaveWorkerData = { entry, config: this.options.config, measurementRoot: this.options.measurementRoot };
    const worker = new Worker(new URL(fromSource ? './boot.mjs' : './worker.js', import.meta.url), {
      workerData,
      // The enclave's stdout/stderr are not the gateway's logs: nothing it might print reaches them.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    this.worker = worker;
    return new Promise<EnclaveIdentity>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: EnclaveToHost) => {
        if (message.type === 'ready') {
          started = true;
          this.consecutiveCrashes = 0;
          this.restarting = false;
          const { type: _type, ...identity } = message;
          this.identityValue = identity;
          this.emit('ready', identity);
          resolve(identity);
          return;
        }
        if (message.type === 'startup_failed') {
          reject(new Error(message.message));
          return;
        }
        this.dispatch(message);
      });
      worker.on('error', () => {
        // The 'exit' handler does the cleanup; an error event without a listener would crash the gateway.
      });
      worker.on('exit', () => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.identityValue = undefined;
        this.failAll();
        if (!started) {
          // A failed first start lets a later start() try again; a failed restart is retried by the loop.
          if (!this.restarting) this.readyPromise = undefined;
          reject(new Error('enclave worker exited during startup'));
          return;
        }
        if (this.closed) return;
        this.emit('crash');
        this.scheduleRestart();
      });
    });
  }

  private scheduleRestart(): void {
    const base = this.options.restartDelayMs ?? 50;
    const delay = Math.min(5_000, base * 2 ** this.consecutiveCrashes++);
    this.restarting = true;
    // Requests arriving meanwhile wait on this promise (bounded by readyTimeoutMs).
    let release!: (identity: EnclaveIdentity) => void;
    let fail!: (error: Error) => void;
    this.readyPromise = new Promise<EnclaveIdentity>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
    this.readyPromise.catch(() => {});
    this.restartTimer = setTimeout(() => {
      this.spawn().then(release, (error: Error) => {
        fail(error);
        if (!this.closed) {
          this.emit('restart_failed');
          this.scheduleRestart();
        }
      });
    }, delay);
    this.restartTimer.unref();
  }

  /** Notes that the enclave will send this release's receipt (see EnclaveRelease.receiptFollows). */
  private expectReceipt(release: EnclaveRelease | undefined): void {
    const rid = release?.receiptFollows;
    if (!rid) return;
    delete release.receiptFollows;
    if (this.receiptsDue.size < PRESIGNED_MAX) this.receiptsDue.set(rid, []);
  }

  private keepReceipt(message: Extract<EnclaveToHost, { type: 'receipt' }>): void {
    // Bounded: receipts nobody asks for (audit off, or facts that changed) must not pile up.
    if (this.presigned.size >= PRESIGNED_MAX) this.presigned.delete(this.presigned.keys().next().value!);
    this.presigned.set(latin1(message.payload), message.signature);
    const waiters = this.receiptsDue.get(message.rid);
    this.receiptsDue.delete(message.rid);
    for (const wake of waiters ?? []) wake();
  }

  private failAll(): void {
    this.presigned.clear();
    for (const waiters of this.receiptsDue.values()) for (const wake of waiters) wake();
    this.receiptsDue.clear();
    for (const call of this.calls.values()) call.reject(UNAVAILABLE());
    this.calls.clear();
    for (const request of this.requests.values()) request.fail(UNAVAILABLE());
    this.requests.clear();
  }

  private dispatch(message: EnclaveToHost): void {
    if (message.type === 'receipt') return this.keepReceipt(message);
    if (!('id' in message)) return;
    const request = this.requests.get(message.id);
    if (request) {
      switch (message.type) {
        case 'head':
          if (message.release) {
            this.requests.delete(message.id);
            this.expectReceipt(message.release);
          }
          request.onHead(message);
          return;
        case 'frame':
          request.onFrame(message.bytes);
          return;
        case 'end':
          this.requests.delete(message.id);
          this.expectReceipt(message.release);
          if (message.bytes) request.onFrame(message.bytes);
          request.onEnd(message.release);
          return;
        case 'rejected':
          this.requests.delete(message.id);
          request.fail(new EnclaveError(message.status, message.code, message.message));
          return;
        case 'failed':
          this.requests.delete(message.id);
          request.fail(new EnclaveError(500, 'enclave_internal_error', 'The enclave failed while processing the request.'));
          return;
        default:
          return;
      }
    }
    const call = this.calls.get(message.id);
    if (call) {
      this.calls.delete(message.id);
      call.resolve(message);
    }
  }

  private async ensureWorker(): Promise<Worker> {
    // Hot path: a started, identified worker needs no readiness race (no timer, no extra promises).
    if (this.worker && this.identityValue && !this.closed) return this.worker;
    const ready = this.start();
    const timeoutMs = this.options.config.confidential.readyTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        ready,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(UNAVAILABLE()), timeoutMs);
        }),
      ]);
    } catch {
      throw UNAVAILABLE();
    } finally {
      clearTimeout(timer);
    }
    if (!this.worker) throw UNAVAILABLE();
    return this.worker;
  }

  private async call(message: HostToEnclave & { id: number }, transfer: ArrayBuffer[] = []): Promise<EnclaveToHost> {
    const worker = await this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.calls.set(message.id, { resolve, reject });
      worker.postMessage(message, transfer);
    });
  }

  /** A fresh attestation document for the client's challenge nonce. */
  async attest(nonce: string): Promise<AttestationResponse> {
    const reply = await this.call({ type: 'attest', id: this.nextId++, nonce });
    if (reply.type !== 'attested') throw UNAVAILABLE();
    return reply.response;
  }

  /**
   * Signs a receipt payload with the enclave's attested Ed25519 key (domain-separated as
   * `sealgate/1 receipt\0 || payload`; verify with `verifyReceiptSignature` from src/protocol).
   */
  async signReceipt(payload: Uint8Array): Promise<{ signature: Uint8Array; signingPublicKey: string; measurement: string }> {
    // Usually the enclave already signed exactly these bytes just after it released the request.
    const key = latin1(payload);
    if (!this.presigned.has(key)) {
      const due = this.receiptsDue.get(receiptRequestId(payload) ?? '');
      if (due) {
        // Bounded wait: should the receipt never come, sign the usual way below.
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          due.push(resolve);
          timer = setTimeout(resolve, 1_000);
        });
        clearTimeout(timer);
      }
    }
    const presigned = this.presigned.get(key);
    if (presigned && this.identityValue) {
      this.presigned.delete(key);
      return { signature: presigned, signingPublicKey: this.identityValue.signingPublicKey, measurement: this.identityValue.measurement };
    }
    const reply = await this.call({ type: 'sign', id: this.nextId++, payload });
    if (reply.type === 'sign_refused') {
      throw new EnclaveError(409, 'receipt_refused', 'The enclave signs only receipts that state the facts it released for the request.');
    }
    if (reply.type !== 'signed') throw UNAVAILABLE();
    return { signature: reply.signature, signingPublicKey: reply.signingPublicKey, measurement: reply.measurement };
  }

  /** Rotates the HPKE key now (the schedule does it on its own); the old key stays valid for the grace period. */
  async rotateKeys(): Promise<string> {
    const reply = await this.call({ type: 'rotate', id: this.nextId++ });
    if (reply.type !== 'rotated') throw UNAVAILABLE();
    return reply.keyId;
  }

  /**
   * Hands a sealed request to the enclave. Resolves when the response head is ready; rejects with
   * an EnclaveError when the enclave refuses the request (nothing was decrypted) or is unavailable.
   */
  async handle(request: {
    envelope: Uint8Array;
    tenant: string;
    route: string;
    surface: Surface;
    meta: EnclaveRequestMeta;
    signal?: AbortSignal;
  }): Promise<EnclaveResponse> {
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    const queue: Uint8Array[] = [];
    let wake: (() => void) | undefined;
    let done = false;
    let streamError: EnclaveError | undefined;
    let resolveRelease!: (release: EnclaveRelease) => void;
    let rejectRelease!: (error: Error) => void;
    const release = new Promise<EnclaveRelease>((resolve, reject) => {
      resolveRelease = resolve;
      rejectRelease = reject;
    });
    release.catch(() => {});
    const notify = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };

    async function* frames(): AsyncIterable<Uint8Array> {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (streamError) throw streamError;
        if (done) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }

    const onAbort = () => worker.postMessage({ type: 'cancel', id } satisfies HostToEnclave);
    request.signal?.addEventListener('abort', onAbort, { once: true });

    return new Promise<EnclaveResponse>((resolve, reject) => {
      let headSeen = false;
      this.requests.set(id, {
        onHead: (message) => {
          headSeen = true;
          resolve({ status: message.status, stream: message.stream, head: message.bytes, frames: frames(), release });
          if (message.release) {
            done = true;
            request.signal?.removeEventListener('abort', onAbort);
            resolveRelease(message.release);
          }
        },
        onFrame: (bytes) => {
          queue.push(bytes);
          notify();
        },
        onEnd: (value) => {
          done = true;
          request.signal?.removeEventListener('abort', onAbort);
          resolveRelease(value);
          notify();
        },
        fail: (error) => {
          request.signal?.removeEventListener('abort', onAbort);
          rejectRelease(error);
          if (!headSeen) reject(error);
          streamError = error;
          notify();
        },
      });
      // An exact-size copy we can transfer: the request Buffer may be a view into a larger pooled
      // ArrayBuffer, which structured cloning would copy whole (other requests' bytes included).
      const envelope = request.envelope.slice();
      worker.postMessage(
        {
          type: 'request',
          id,
          envelope,
          tenant: request.tenant,
          route: request.route,
          surface: request.surface,
          meta: request.meta,
        } satisfies HostToEnclave,
        [envelope.buffer as ArrayBuffer],
      );
    });
  }

  /** Simulates a crash (tests, chaos drills): the worker is killed and restarted with fresh keys. */
  async crash(): Promise<void> {
    await this.worker?.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'shutdown' } satisfies HostToEnclave);
    const timer = setTimeout(() => void worker.terminate(), 2_000);
    await exited;
    clearTimeout(timer);
    this.failAll();
  }
}

export function createEnclaveHost(options: EnclaveHostOptions): EnclaveHost {
  return new EnclaveHost(options);
}
