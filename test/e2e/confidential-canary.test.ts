/**
 * The canary: a unique secret sent in confidential mode must appear nowhere outside the enclave —
 * not in the gateway's heap (v8 heap snapshot of this isolate), its logs, metrics, audit files or
 * error bodies. The client and the fake model run in their own worker threads so this isolate is
 * exactly the gateway's main thread; the canary is revealed to it only after the snapshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { initRootKey } from '../../enclave-sim/root-key.js';
import { capturingLogger, startGateway, type TestGateway } from '../fixtures/gateway.js';

const boot = new URL('../../enclave-sim/boot.mjs', import.meta.url);
const entry = new URL('./confidential-canary-worker.ts', import.meta.url).href;

function startWorker(data: Record<string, unknown>): { worker: Worker; next: () => Promise<Record<string, unknown>> } {
  const worker = new Worker(boot, { workerData: { entry, ...data } });
  const inbox: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  worker.on('message', (m: Record<string, unknown>) => {
    inbox.push(m);
    wake?.();
  });
  const next = async () => {
    while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return inbox.shift()!;
  };
  return { worker, next };
}

let dir: string;
let gw: TestGateway;
let upstream: ReturnType<typeof startWorker>;
let logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sealgate-canary-'));
  const rootKeyFile = join(dir, 'root.json');
  await initRootKey(rootKeyFile);
  upstream = startWorker({ role: 'upstream' });
  const { url } = (await upstream.next()) as { url: string };
  const capture = capturingLogger('trace');
  const logger = capture.logger;
  logLines = capture.lines;
  gw = await startGateway(
    {
      upstream: { providers: [{ name: 'fake', type: 'openai', baseUrl: url, models: ['fake-model'] }] },
      confidential: { enabled: true, rootKeyFile },
      audit: { file: { dir: join(dir, 'audit') } },
    },
    { logger },
  );
});

afterAll(async () => {
  await gw?.close();
  upstream?.worker.postMessage({ type: 'close' });
  await upstream?.worker.terminate();
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

describe('canary', () => {
  it('a confidential secret never reaches the main thread, logs, metrics, audit or error bodies', async () => {
    const host = gw.running.gateway.deps.confidential!.host;
    const client = startWorker({
      role: 'client',
      gatewayUrl: gw.url,
      apiKey: gw.apiKey,
      rootPublicKey: JSON.parse(readFileSync(join(dir, 'root.json'), 'utf8')).publicKey,
      measurement: host.identity!.measurement,
    });
    const report = await client.next();
    expect(report).toMatchObject({ type: 'done', echoed: true, failedAsExpected: true, errorBodiesWithCanary: 0, wireWithCanary: 0 });

    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    const snapshot = writeHeapSnapshot(join(dir, 'main-thread.heapsnapshot'));
    expect(statSync(snapshot).size).toBeGreaterThan(1_000_000);

    client.worker.postMessage({ type: 'reveal' });
    const { canary } = (await client.next()) as { canary: string };
    await client.worker.terminate();
    expect(canary).toMatch(/^CANARY[0-9a-f]{24}$/);

    const heap = readFileSync(snapshot);
    // Control: once revealed the canary IS in this heap, and the same search finds it in a snapshot.
    const control = readFileSync(writeHeapSnapshot(join(dir, 'control.heapsnapshot')));
    expect(control.includes(Buffer.from(canary.slice(6)))).toBe(true);
    expect(heap.includes(Buffer.from(canary.slice(6)))).toBe(false);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(canary.slice(6));
    expect(metrics).not.toContain(canary.slice(6));
    for (const file of filesUnder(join(dir, 'audit'))) expect(readFileSync(file).includes(Buffer.from(canary.slice(6)))).toBe(false);
  });
});
