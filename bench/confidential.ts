/**
 * Confidential-mode benchmark (`npm run bench -- confidential`, or `tsx bench/confidential.ts`).
 * In ONE run, against ONE SealGate process (default config: auth, rate limits, guardrails, audit)
 * with confidential mode on, in front of the fast fake upstream (its own process):
 *
 *   plain         POST /v1/chat/completions with the global fetch, as an app's openai SDK sends it
 *                 (guardrails in the main thread)
 *   confidential  the same request through createConfidentialFetch as an app gets it (on Node its
 *                 own node:http transport) → /v1/confidential/chat/completions (client seals/opens,
 *                 enclave worker decrypts, guards, calls upstream, encrypts)
 *   confidentialViaFetch  the same, with the global fetch as the confidential client's transport
 *                 (probe only): the protocol's cost with plain's HTTP client
 *
 * Streaming and not, interleaved request by request (each confidential request follows a plain one)
 * so drift on the shared cores hits all alike. probe = sequential; load = N concurrent callers.
 * Also: protocol cost per KB (request seal+open, response frames seal+open) and HPKE setup, ours
 * (libsodium) vs @hpke/core. Writes bench/results/confidential.json. Goal: confidential ≤ 1.3× plain at p50.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
import { FAST_UPSTREAM_MODEL } from './lib/fast-upstream.js';
import { freePort, startProcess, TS_NODE_ARGS, type Spawned } from './lib/processes.js';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { latencySummary, round } from './lib/stats.js';
import { machineInfo } from './lib/machine.js';
import { createConfidentialFetch } from '../src/client/index.js';
import {
  ResponseOpener,
  ResponseSealer,
  exportResponseSecret,
  generateX25519KeyPair,
  keyIdFor,
  loadSodium,
  openRequest,
  parseEnvelope,
  sealRequest,
  utf8,
} from '../src/protocol/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results', 'confidential.json');
const DEV_KEY = 'sg-dev-local-only-key';

const SETTINGS = {
  warmupRequests: 300,
  warmupMaxSeconds: 3,
  probeRequests: Number(process.env.BENCH_PROBE_REQUESTS ?? 300),
  probeMaxSeconds: 12,
  concurrency: Number(process.env.BENCH_CONNECTIONS ?? 16),
  loadSeconds: Number(process.env.BENCH_SECONDS ?? 4),
};

type Mode = 'nonStreaming' | 'streaming';
type Path = 'plain' | 'confidential' | 'confidentialViaFetch';
/** One probe round: each confidential request follows a plain one (an idle enclave thread, as with sparse traffic). */
/** Load compares the two paths an app chooses between. */
type LoadPath = 'plain' | 'confidential';
const PROBE_ORDER: readonly Path[] = ['plain', 'confidential', 'plain', 'confidentialViaFetch'];

function body(mode: Mode): string {
  return JSON.stringify({
    model: FAST_UPSTREAM_MODEL,
    messages: [{ role: 'user', content: 'Say hello to the benchmark, please.' }],
    ...(mode === 'streaming' ? { stream: true } : {}),
  });
}

async function waitReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

/** Measures the protocol alone, in this process: what confidentiality costs per KB of content. */
async function protocolCost() {
  await loadSodium();
  const recipient = generateX25519KeyPair();
  const keyId = keyIdFor(recipient.publicKey);
  const perKb: Record<string, { requestSealOpenUsPerKb: number; responseSealOpenUsPerKb: number }> = {};
  for (const kb of [1, 16, 64]) {
    const plaintext = new Uint8Array(kb * 1024).fill(97);
    const iterations = Math.max(50, Math.round(2000 / kb));
    const binding = { tenant: 't', route: '/v1/chat/completions', model: 'm', timestampMs: Date.now(), requestId: 'bench_request_000001' };
    let t0 = performance.now();
    for (let i = 0; i < iterations; i++) {
      const sealed = sealRequest({ recipientPublicKey: recipient.publicKey, keyId, binding, plaintext });
      openRequest(parseEnvelope(sealed.body), recipient, binding).context.destroy();
    }
    const requestUs = ((performance.now() - t0) * 1000) / iterations;
    // Response: the same content as 1 KB frames (a stream), sealed by the enclave and opened by the client.
    const sealed = sealRequest({ recipientPublicKey: recipient.publicKey, keyId, binding, plaintext: utf8('{}') });
    const secret = exportResponseSecret(sealed.context);
    t0 = performance.now();
    for (let i = 0; i < iterations; i++) {
      const sealer = new ResponseSealer(secret.slice(), sealed.enc);
      const frames = [sealer.begin({ status: 200, kind: 'event-stream' })];
      for (let f = 0; f < kb; f++) frames.push(sealer.seal(new Uint8Array(1024).fill(98), f === kb - 1));
      const opener = new ResponseOpener(secret.slice(), sealed.enc);
      for (const frame of frames) opener.push(frame);
      opener.end();
    }
    const responseUs = ((performance.now() - t0) * 1000) / iterations;
    perKb[`${kb}KB`] = { requestSealOpenUsPerKb: round(requestUs / kb, 2), responseSealOpenUsPerKb: round(responseUs / kb, 2) };
  }

  // HPKE setup + seal + open + export of a 1 KB message: ours vs @hpke/core.
  const message = new Uint8Array(1024);
  const binding = { tenant: 't', route: '/v1/chat/completions', model: 'm', timestampMs: Date.now(), requestId: 'bench_request_000002' };
  let t0 = performance.now();
  const oursN = 500;
  for (let i = 0; i < oursN; i++) {
    const sealed = sealRequest({ recipientPublicKey: recipient.publicKey, keyId, binding, plaintext: message });
    const opened = openRequest(parseEnvelope(sealed.body), recipient, binding);
    exportResponseSecret(opened.context);
  }
  const oursMs = (performance.now() - t0) / oursN;
  const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
  const keys = await suite.kem.generateKeyPair();
  const info = new Uint8Array(16).buffer as ArrayBuffer;
  const aad = new Uint8Array(16).buffer as ArrayBuffer;
  const refN = 50;
  t0 = performance.now();
  for (let i = 0; i < refN; i++) {
    const sender = await suite.createSenderContext({ recipientPublicKey: keys.publicKey, info });
    const ct = await sender.seal(message.slice().buffer as ArrayBuffer, aad);
    const receiver = await suite.createRecipientContext({ recipientKey: keys, enc: sender.enc, info });
    await receiver.open(ct, aad);
    await receiver.export(new TextEncoder().encode('sealgate/1 response').buffer as ArrayBuffer, 32);
  }
  const refMs = (performance.now() - t0) / refN;
  return { perKb, hpkeRoundTripMs: { libsodium: round(oursMs, 4), hpkeCore: round(refMs, 4), speedup: round(refMs / oursMs, 1) } };
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-bench-conf-'));
  const processes: Spawned[] = [];
  try {
    const protocol = await protocolCost();
    const [upPort, sgPort] = await Promise.all([freePort(), freePort()]);
    processes.push(startProcess(process.execPath, [...TS_NODE_ARGS, join(ROOT, 'bench/lib/fast-upstream.ts'), `--port=${upPort}`], { cwd: ROOT }));
    const rootKeyFile = join(dir, 'enclave-root.json');
    const bin = join(ROOT, 'bin/sealgate.mjs');
    const init = startProcess(process.execPath, [bin, 'enclave', 'init', '--file', rootKeyFile], { cwd: dir });
    await new Promise((resolve) => init.child.once('exit', resolve));
    const rootPublicKey = (JSON.parse(readFileSync(rootKeyFile, 'utf8')) as { publicKey: string }).publicKey;
    const configFile = writeBenchGatewayConfig({
      dir,
      port: sgPort,
      upstreamUrl: `http://127.0.0.1:${upPort}/v1`,
      models: [FAST_UPSTREAM_MODEL],
      logLevel: 'warn',
      extra: { confidential: { enabled: true, rootKeyFile } },
    });
    // BENCH_GATEWAY_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the gateway under this exact load.
    const gatewayNodeArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
    processes.push(startProcess(process.execPath, [...gatewayNodeArgs, bin, 'serve', '--config', configFile], { cwd: dir, env: BENCH_GATEWAY_ENV }));
    const gatewayUrl = `http://127.0.0.1:${sgPort}`;
    await waitReady(`${gatewayUrl}/readyz`);
    const attestation = (await (
      await fetch(`${gatewayUrl}/v1/attestation?nonce=${'A'.repeat(43)}`, { headers: { authorization: `Bearer ${DEV_KEY}` } })
    ).json()) as { payload: string };
    const measurement = (JSON.parse(Buffer.from(attestation.payload, 'base64url').toString()) as { measurement: string }).measurement;

    const confidentialFetch = createConfidentialFetch({ gatewayUrl, rootPublicKey, allowedMeasurements: [measurement] });
    const confidentialViaFetch = createConfidentialFetch({ gatewayUrl, rootPublicKey, allowedMeasurements: [measurement], fetch: globalThis.fetch });
    const clients = { plain: fetch, confidential: confidentialFetch, confidentialViaFetch } satisfies Record<Path, typeof fetch>;
    const call = async (path: Path, mode: Mode): Promise<number> => {
      const init = { method: 'POST', headers: { authorization: `Bearer ${DEV_KEY}`, 'content-type': 'application/json' }, body: body(mode) };
      const t0 = performance.now();
      const response = await clients[path](`${gatewayUrl}/v1/chat/completions`, init);
      const text = await response.text();
      const elapsed = performance.now() - t0;
      if (response.status !== 200 || !text.includes('benchmark')) throw new Error(`${path} ${mode}: HTTP ${response.status}: ${text.slice(0, 200)}`);
      return elapsed;
    };

    const results: Record<string, unknown> = {};
    const comparisons: Record<string, unknown> = {};
    for (const mode of ['nonStreaming', 'streaming'] as const) {
      // Warm-up as in bench/gateway.ts: 300 interleaved pairs (at most 3 s), so the probe measures the
      // steady state and not JIT compilation (the enclave worker is its own isolate and is only warmed
      // by confidential requests, the main thread by both).
      const warmUntil = performance.now() + SETTINGS.warmupMaxSeconds * 1000;
      for (let i = 0; i < SETTINGS.warmupRequests && performance.now() < warmUntil; i++) {
        for (const path of PROBE_ORDER) await call(path, mode);
      }
      const samples: Record<Path, number[]> = { plain: [], confidential: [], confidentialViaFetch: [] };
      // Client CPU per request (sequential, so nothing else runs in this process meanwhile): what the
      // confidential client costs its caller, and what it takes from the gateway in the load phase below.
      const clientCpuUs: Record<Path, number> = { plain: 0, confidential: 0, confidentialViaFetch: 0 };
      const deadline = performance.now() + SETTINGS.probeMaxSeconds * 1000;
      while (samples.confidential.length < SETTINGS.probeRequests && performance.now() < deadline) {
        for (const path of PROBE_ORDER) {
          const cpu = process.cpuUsage();
          samples[path].push(await call(path, mode));
          const used = process.cpuUsage(cpu);
          clientCpuUs[path] += used.user + used.system;
        }
      }
      // Load in alternating 1 s windows (plain, confidential, confidential, plain …) so machine drift hits both.
      const loadSamples: Record<LoadPath, number[]> = { plain: [], confidential: [] };
      const loadSeconds: Record<LoadPath, number> = { plain: 0, confidential: 0 };
      const clientElu: Record<LoadPath, number[]> = { plain: [], confidential: [] };
      const window = async (path: LoadPath) => {
        const elu0 = performance.eventLoopUtilization();
        const started = performance.now();
        const end = started + 1000;
        await Promise.all(
          Array.from({ length: SETTINGS.concurrency }, async () => {
            while (performance.now() < end) loadSamples[path].push(await call(path, mode));
          }),
        );
        loadSeconds[path] += (performance.now() - started) / 1000;
        clientElu[path].push(performance.eventLoopUtilization(elu0).utilization);
      };
      for (let round = 0; round < SETTINGS.loadSeconds; round++) {
        const order: LoadPath[] = round % 2 === 0 ? ['plain', 'confidential'] : ['confidential', 'plain'];
        for (const path of order) await window(path);
      }
      const loadResult = (path: LoadPath) => ({
        requestsPerSec: round(loadSamples[path].length / loadSeconds[path], 1),
        ...latencySummary(loadSamples[path]),
        // Near 1 = the load generator itself (which also seals/opens for the confidential path) was the bottleneck.
        loadGeneratorEventLoopUtilization: round(clientElu[path].reduce((a, b) => a + b, 0) / clientElu[path].length, 2),
      });
      const loadPlain = loadResult('plain');
      const loadConfidential = loadResult('confidential');
      const probe = {
        plain: { ...latencySummary(samples.plain), clientCpuMsPerRequest: round(clientCpuUs.plain / samples.plain.length / 1000) },
        confidential: { ...latencySummary(samples.confidential), clientCpuMsPerRequest: round(clientCpuUs.confidential / samples.confidential.length / 1000) },
        confidentialViaFetch: {
          ...latencySummary(samples.confidentialViaFetch),
          clientCpuMsPerRequest: round(clientCpuUs.confidentialViaFetch / samples.confidentialViaFetch.length / 1000),
        },
      };
      results[mode] = { probe, load: { plain: loadPlain, confidential: loadConfidential } };
      comparisons[mode] = {
        probeP50Ratio: round(probe.confidential.p50Ms / probe.plain.p50Ms, 3),
        probeP99Ratio: round(probe.confidential.p99Ms / probe.plain.p99Ms, 3),
        loadP50Ratio: round(loadConfidential.p50Ms / loadPlain.p50Ms, 3),
        throughputRatio: round(loadConfidential.requestsPerSec / loadPlain.requestsPerSec, 3),
        addedP50Ms: round(probe.confidential.p50Ms - probe.plain.p50Ms),
        meetsGoal: probe.confidential.p50Ms <= 1.3 * probe.plain.p50Ms,
        viaFetch: {
          probeP50Ratio: round(probe.confidentialViaFetch.p50Ms / probe.plain.p50Ms, 3),
          addedP50Ms: round(probe.confidentialViaFetch.p50Ms - probe.plain.p50Ms),
        },
      };
    }

    const output = {
      benchmark: 'confidential',
      date: new Date().toISOString(),
      machine: await machineInfo(),
      settings: SETTINGS,
      goal: 'confidential p50 ≤ 1.3 × plain guardrailed p50 (probe, same run)',
      notes:
        'One SealGate process (default guardrails + audit + access) serves all paths; fast fake upstream in its own process; the load generator and the clients in this process. plain uses the global fetch (as the openai SDK does by default); confidential uses createConfidentialFetch as an app gets it (on Node, its node:http transport); confidentialViaFetch (probe only) gives the confidential client the global fetch too. Confidential latency includes client-side sealing/opening and the attestation is cached (fetched once). On 2 shared cores the load phase is CPU-bound, so the sealing client (clientCpuMsPerRequest) competes with the gateway it measures: throughput ratios understate a deployment where clients run elsewhere. Compare ratios within this run.',
      protocol,
      results,
      comparisons,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify({ protocol, comparisons }, null, 2)}\nwrote ${RESULTS}\n`);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
