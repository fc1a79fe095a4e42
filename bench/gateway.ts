/**
 * Gateway benchmark (`npm run bench`, or `tsx bench/gateway.ts` alone). In ONE run, on loopback:
 *
 *   direct     client → fast fake upstream
 *   sealgate   client → SealGate (default config: auth, rate limits, guardrails, audit) → upstream
 *   sealgate-passthrough   the same with `guardrails.enabled: false` (the gateway's own cost)
 *   portkey    client → Portkey's open-source gateway (@portkey-ai/gateway) → upstream
 *   portkey-guardrails   the same with Portkey's local `default.*` guardrail hooks on input and output
 *                        (bench/lib/portkey-guardrails.ts): the like-for-like baseline for `sealgate`
 *
 * for non-streaming and streaming chat completions, with an upstream that answers at once (the
 * gateway's own cost dominates) and one with 50 ms of model latency (as in production). Each server
 * is its own process. Two measures:
 *   probe: sequential requests over one keep-alive connection, timed with performance.now()
 *          (sub-millisecond latency: what a gateway adds to one call);
 *   load:  autocannon with N connections for a fixed duration (req/s, p50/p99 under load).
 * Both are split into rounds interleaved across the targets, so that other work on a shared machine
 * weighs on every target alike (see measureAll).
 * Writes bench/results/gateway.json and the gateway section of docs/benchmarks.md (BENCH_NO_DOCS=1
 * skips the docs for trial runs) and prints the ratios against the goals
 * (≤ 1 ms added at p50, ≥ 80% of direct throughput, not slower than Portkey). The goal is judged against
 * plain `portkey`; `portkey-guardrails` is reported beside it as context.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import pino from 'pino';
import type { Request, Response } from 'express';
import { validateConfig } from '../src/config/loader.js';
import { createAccessControl } from '../src/gateway/middleware/access.js';
import { FileKeyStore } from '../src/store/key-store/file.js';
import { createKey } from '../src/cli/keys.js';
import { TokenSigner } from '../src/auth/tokens.js';
import { FAST_UPSTREAM_MODEL, slowModel } from './lib/fast-upstream.js';
import { freePort, startProcess, TS_NODE_ARGS, waitForHttp, type Spawned } from './lib/processes.js';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { latencySummary, round } from './lib/stats.js';
import { machineInfo, type MachineInfo } from './lib/machine.js';
import { closeIdleSockets } from './lib/keep-alive.js';
import { PORTKEY_GUARDRAILS_CONFIG, PORTKEY_GUARDRAILS_DESCRIPTION, provePortkeyGuardrails, type PortkeyGuardrailsProof } from './lib/portkey-guardrails.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results', 'gateway.json');
const DEV_KEY = 'sg-dev-local-only-key';

const SETTINGS = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
  loadSeconds: Number(process.env.BENCH_SECONDS ?? 5),
  warmupSeconds: 1,
  probeRequests: Number(process.env.BENCH_PROBE_REQUESTS ?? 1000),
  probeMaxSeconds: 4,
  /**
   * Sequential requests before the probe's clock starts (at most probeWarmupMaxSeconds). A Node
   * server needs a few hundred requests before its hot path is optimised: with 20, the first probe
   * after start-up measured JIT compilation (≈1.7 ms CPU/request for the gateway instead of ≈1.0).
   */
  probeWarmupRequests: Number(process.env.BENCH_PROBE_WARMUP ?? 300),
  probeWarmupMaxSeconds: 3,
  /** Probe and load are split into this many rounds, interleaved across targets (see measureAll). */
  rounds: Number(process.env.BENCH_ROUNDS ?? 5),
};

type Mode = 'nonStreaming' | 'streaming';
const MODES: Mode[] = ['nonStreaming', 'streaming'];

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** The serving process (gateway or upstream), for its CPU time per request. */
  pid?: number;
}

interface ProbeResult {
  n: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Streaming only: time to the first response byte. */
  ttfbP50Ms?: number;
  /** CPU time (all threads, user + system) of the serving process per probe request, when /proc is readable. */
  cpuMicrosPerRequest?: number;
}

interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** instant: the upstream answers at once (the gateway's own cost dominates); model-50ms: a model's latency in front. */
const SCENARIOS = [
  { name: 'instant', model: FAST_UPSTREAM_MODEL },
  { name: 'model-50ms', model: slowModel(50) },
] as const;
type ScenarioName = (typeof SCENARIOS)[number]['name'];
type TargetResults = Record<string, Record<Mode, { probe: ProbeResult; load: LoadResult }>>;

function body(mode: Mode, model: string = FAST_UPSTREAM_MODEL): string {
  return JSON.stringify({
    model,
    messages: [{ role: 'user', content: 'Say hello to the benchmark, please.' }],
    ...(mode === 'streaming' ? { stream: true } : {}),
  });
}


/** One request; resolves with total and first-byte times and the body text. */
function once(agent: Agent, target: Target, payload: string): Promise<{ totalMs: number; ttfbMs: number; status: number; text: string }> {
  const url = new URL(`${target.url}/chat/completions`);
  return new Promise((resolve, reject) => {
    // Name the target: a failed run must say whose connection broke.
    const fail = (err: Error): void => reject(new Error(`${target.name}: ${err.message}`, { cause: err }));
    const t0 = performance.now();
    let ttfb = 0;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (!ttfb) ttfb = performance.now() - t0;
          text += c;
        });
        res.on('end', () => resolve({ totalMs: performance.now() - t0, ttfbMs: ttfb, status: res.statusCode ?? 0, text }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

async function verify(target: Target): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const mode of MODES) {
      const r = await once(agent, target, body(mode));
      const ok = r.status === 200 && r.text.includes('benchmark') && (mode === 'nonStreaming' || r.text.includes('[DONE]'));
      if (!ok) throw new Error(`${target.name} ${mode}: unexpected answer (HTTP ${r.status}): ${r.text.slice(0, 300)}`);
    }
  } finally {
    agent.destroy();
  }
}

/** Warms the connection and the JIT (the same for every target), on the agent the probe rounds then use. */
async function warmProbe(agent: Agent, target: Target, payload: string): Promise<void> {
  const warmUntil = performance.now() + SETTINGS.probeWarmupMaxSeconds * 1000;
  for (let i = 0; i < SETTINGS.probeWarmupRequests && performance.now() < warmUntil; i++) await once(agent, target, payload);
}

interface ProbeSamples {
  totals: number[];
  ttfbs: number[];
  cpuMicros: number;
  cpuKnown: boolean;
}

/**
 * One probe round: up to `count` sequential requests (at most `maxMs`), appended to `into`.
 * Every round, for every target alike, starts on a fresh connection opened by one unmeasured request:
 * between rounds the agent idles ≈5-8 s, and Portkey closes idle connections at 6.0 s, so reusing the
 * old socket raced its close (a run at 13:40 stopped with `socket hang up`; see bench/lib/keep-alive.ts).
 */
async function probeRound(agent: Agent, target: Target, mode: Mode, payload: string, count: number, maxMs: number, into: ProbeSamples): Promise<void> {
  await closeIdleSockets(agent);
  const opened = await once(agent, target, payload);
  if (opened.status !== 200) throw new Error(`${target.name} ${mode}: HTTP ${opened.status} during probe`);
  const deadline = performance.now() + maxMs;
  const before = processCpuMicros(target.pid);
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const r = await once(agent, target, payload);
    if (r.status !== 200) throw new Error(`${target.name} ${mode}: HTTP ${r.status} during probe`);
    into.totals.push(r.totalMs);
    into.ttfbs.push(r.ttfbMs);
  }
  const after = processCpuMicros(target.pid);
  if (before === undefined || after === undefined) into.cpuKnown = false;
  else into.cpuMicros += after - before;
}

function probeSummary(mode: Mode, x: ProbeSamples): ProbeResult {
  return {
    ...latencySummary(x.totals),
    ...(mode === 'streaming' ? { ttfbP50Ms: latencySummary(x.ttfbs).p50Ms } : {}),
    ...(x.cpuKnown && x.totals.length ? { cpuMicrosPerRequest: Math.round(x.cpuMicros / x.totals.length) } : {}),
  };
}

/** User + system CPU of a process in microseconds (Linux /proc; clock ticks are 1/100 s), or undefined. */
function processCpuMicros(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}

function loadOptions(target: Target, mode: Mode, model: string) {
  return {
    url: `${target.url}/chat/completions`,
    method: 'POST' as const,
    headers: { ...target.headers, 'content-type': 'application/json' },
    body: body(mode, model),
    connections: SETTINGS.connections,
  };
}

/** Load rounds of one target, combined: req/s over the whole time; latencies weighted by each round's requests. */
function loadSummary(rounds: autocannon.Result[]): LoadResult {
  const total = rounds.reduce((n, r) => n + r.requests.total, 0);
  const seconds = rounds.reduce((n, r) => n + r.duration, 0);
  const weighted = (pick: (r: autocannon.Result) => number) => (total ? rounds.reduce((n, r) => n + pick(r) * r.requests.total, 0) / total : 0);
  return {
    requestsPerSec: round(total / seconds, 1),
    p50Ms: round(weighted((r) => r.latency.p50)),
    p99Ms: round(weighted((r) => r.latency.p99)),
    meanMs: round(weighted((r) => r.latency.average)),
    total,
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
    errors: rounds.reduce((n, r) => n + r.errors + r.timeouts, 0),
  };
}

/**
 * Every target of one scenario and body type, measured in interleaved rounds: warm-up for all, then
 * SETTINGS.rounds rounds in which each target (in a rotating order) gets its share of the probe and
 * of the load. On a machine shared with other work, load comes and goes; interleaving makes every
 * target see the same conditions, so the ratios between them mean something.
 */
async function measureAll(targets: Target[], mode: Mode, model: string): Promise<Record<string, { probe: ProbeResult; load: LoadResult }>> {
  const payload = body(mode, model);
  const agents = new Map(targets.map((t) => [t.name, new Agent({ keepAlive: true, maxSockets: 1 })]));
  const probes = new Map(targets.map((t) => [t.name, { totals: [], ttfbs: [], cpuMicros: 0, cpuKnown: true } as ProbeSamples]));
  const loads = new Map(targets.map((t) => [t.name, [] as autocannon.Result[]]));
  const rounds = Math.max(1, SETTINGS.rounds);
  try {
    for (const t of targets) {
      await warmProbe(agents.get(t.name)!, t, payload);
      await autocannon({ ...loadOptions(t, mode, model), duration: SETTINGS.warmupSeconds });
    }
    for (let r = 0; r < rounds; r++) {
      const order = targets.map((_, i) => targets[(i + r) % targets.length]!);
      for (const t of order) {
        await probeRound(agents.get(t.name)!, t, mode, payload, Math.ceil(SETTINGS.probeRequests / rounds), (SETTINGS.probeMaxSeconds * 1000) / rounds, probes.get(t.name)!);
        loads.get(t.name)!.push(await autocannon({ ...loadOptions(t, mode, model), duration: SETTINGS.loadSeconds / rounds }));
      }
    }
  } finally {
    for (const agent of agents.values()) agent.destroy();
  }
  return Object.fromEntries(targets.map((t) => [t.name, { probe: probeSummary(mode, probes.get(t.name)!), load: loadSummary(loads.get(t.name)!) }]));
}

/**
 * In-process cost of access control alone (authenticate + rate limit + release at finish), per
 * request, for each credential kind: the part of the gateway overhead this room owns.
 */
export async function measureAccessControl(dir: string): Promise<Record<string, number>> {
  const keysFile = join(dir, 'access-keys.json');
  const config = validateConfig({
    access: { keysFile, tenants: { acme: { limits: { requestsPerMinute: 1e9, tokensPerMinute: 1e12, concurrentRequests: 1000 } }, dev: { limits: { requestsPerMinute: 1e9, tokensPerMinute: 1e12 } } } },
  });
  const { key, record } = await createKey(new FileKeyStore(keysFile), { tenant: 'acme', cidrs: ['127.0.0.0/8'] });
  // A known signing secret lets the benchmark mint a token exactly as POST /v1/tokens would.
  const secret = randomBytes(32).toString('base64url');
  const previous = process.env[config.access.tokens.signingKeyEnv];
  process.env[config.access.tokens.signingKeyEnv] = secret;
  const access = await createAccessControl(config, pino({ level: 'silent' }));
  if (previous === undefined) delete process.env[config.access.tokens.signingKeyEnv];
  else process.env[config.access.tokens.signingKeyEnv] = previous;
  const { token } = new TokenSigner(secret).sign({ sub: record.id, tid: 'acme', models: '*', limits: { requestsPerMinute: 1e9 } }, 600);
  const bodyJson = { model: FAST_UPSTREAM_MODEL, messages: [{ role: 'user', content: 'hi' }], max_tokens: 64 };
  const requestFor = (credential: string) =>
    ({ method: 'POST', originalUrl: '/v1/chat/completions', path: '/v1/chat/completions', headers: { authorization: `Bearer ${credential}`, 'content-length': '120' }, rawHeaders: ['Authorization', `Bearer ${credential}`, 'Content-Length', '120'], body: bodyJson, ip: '127.0.0.1', socket: { remoteAddress: '127.0.0.1' } }) as unknown as Request;

  const results: Record<string, number> = {};
  for (const [label, credential] of [['devKeyMicros', 'sg-dev-local-only-key'], ['apiKeyMicros', key], ['tokenMicros', token]] as const) {
    const req = requestFor(credential);
    const noop = () => undefined;
    const once = async () => {
      const res = new EventEmitter() as unknown as Response & { locals: Record<string, unknown>; statusCode: number };
      res.locals = {};
      res.statusCode = 200;
      (res as unknown as { setHeader: () => void }).setHeader = noop;
      await access.authenticate(req, res, noop);
      await access.rateLimit(req, res, noop);
      res.emit('finish');
    };
    for (let i = 0; i < 2000; i++) await once();
    const n = 20_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await once();
    results[label] = round(((performance.now() - t0) * 1000) / n, 1);
  }
  await access.close();
  return results;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-bench-'));
  const processes: Spawned[] = [];
  try {
    const [upPort, sgPort, sgpPort, pkPort, pkgPort, floorPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    const tsNode = [process.execPath, ...TS_NODE_ARGS] as const;
    const env = BENCH_GATEWAY_ENV;

    processes.push(startProcess(tsNode[0], [...tsNode.slice(1), join(ROOT, 'bench/lib/fast-upstream.ts'), `--port=${upPort}`], { cwd: ROOT }));
    const upstreamUrl = `http://127.0.0.1:${upPort}/v1`;

    const sealgateConfig = (port: number, guardrails: boolean) =>
      writeBenchGatewayConfig({ dir, port, upstreamUrl, models: SCENARIOS.map((x) => x.model), logLevel: 'info', guardrails });
    const bin = join(ROOT, 'bin/sealgate.mjs');
    processes.push(startProcess(process.execPath, [bin, 'serve', '--config', sealgateConfig(sgPort, true)], { cwd: dir, env }));
    processes.push(startProcess(process.execPath, [bin, 'serve', '--config', sealgateConfig(sgpPort, false)], { cwd: dir, env }));
    const portkeyServer = (port: number) =>
      startProcess(process.execPath, [join(ROOT, 'node_modules/@portkey-ai/gateway/build/start-server.js'), `--port=${port}`, '--headless'], { cwd: ROOT });
    processes.push(portkeyServer(pkPort), portkeyServer(pkgPort));
    processes.push(startProcess(tsNode[0], [...tsNode.slice(1), join(ROOT, 'bench/lib/floor-proxy.ts'), `--port=${floorPort}`, `--upstream=http://127.0.0.1:${upPort}`], { cwd: ROOT }));

    await waitForHttp(`${upstreamUrl}/models`);
    await waitForHttp(`http://127.0.0.1:${sgPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${sgpPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${pkPort}/`);
    await waitForHttp(`http://127.0.0.1:${pkgPort}/`);
    await waitForHttp(`http://127.0.0.1:${floorPort}/v1/models`);

    const [upstreamProc, sealgateProc, passthroughProc, portkeyProc, portkeyGuardrailsProc, floorProc] = processes.map((p) => p.child.pid);
    const portkeyHeaders = { authorization: 'Bearer sk-bench', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': upstreamUrl };
    const targets: Target[] = [
      { name: 'direct', url: upstreamUrl, headers: { authorization: 'Bearer sk-bench' }, pid: upstreamProc },
      { name: 'sealgate', url: `http://127.0.0.1:${sgPort}/v1`, headers: { authorization: `Bearer ${DEV_KEY}` }, pid: sealgateProc },
      { name: 'sealgate-passthrough', url: `http://127.0.0.1:${sgpPort}/v1`, headers: { authorization: `Bearer ${DEV_KEY}` }, pid: passthroughProc },
      { name: 'portkey', url: `http://127.0.0.1:${pkPort}/v1`, headers: portkeyHeaders, pid: portkeyProc },
      {
        name: 'portkey-guardrails',
        url: `http://127.0.0.1:${pkgPort}/v1`,
        headers: { ...portkeyHeaders, 'x-portkey-config': PORTKEY_GUARDRAILS_CONFIG },
        pid: portkeyGuardrailsProc,
      },
      { name: 'node-proxy-floor', url: `http://127.0.0.1:${floorPort}/v1`, headers: { authorization: 'Bearer sk-bench' }, pid: floorProc },
    ];
    for (const target of targets) await verify(target);
    // Throws unless Portkey refuses a prompt its input regexes match (446) and runs every output check on answers.
    const portkeyGuardrails = await provePortkeyGuardrails(`http://127.0.0.1:${pkgPort}/v1`, portkeyHeaders, FAST_UPSTREAM_MODEL, 'benchmark');
    process.stdout.write(`portkey-guardrails: hooks proven (input deny ${portkeyGuardrails.inputDeniedStatus.nonStreaming}/${portkeyGuardrails.inputDeniedStatus.streaming}, ` +
      `${portkeyGuardrails.checksRun.input} input + ${portkeyGuardrails.checksRun.output} output checks run, output hooks check streams: ${portkeyGuardrails.outputHooksCheckStreams})\n`);

    const accessControl = await measureAccessControl(dir);
    const scenarios = {} as Record<ScenarioName, { model: string; targets: TargetResults; comparisons: Record<Mode, Comparison> }>;
    for (const scenario of SCENARIOS) {
      const results: TargetResults = {};
      for (const mode of MODES) {
        process.stdout.write(`gateway bench: ${scenario.name} ${mode}: ${targets.map((t) => t.name).join(', ')} in ${SETTINGS.rounds} interleaved rounds …\n`);
        const measured = await measureAll(targets, mode, scenario.model);
        for (const target of targets) {
          const { probe: p, load: l } = measured[target.name]!;
          if (l.non2xx || l.errors) process.stdout.write(`  WARNING: ${target.name}: ${l.non2xx} non-2xx, ${l.errors} errors under load\n`);
          (results[target.name] ??= {} as Record<Mode, { probe: ProbeResult; load: LoadResult }>)[mode] = { probe: p, load: l };
        }
      }
      scenarios[scenario.name] = { model: scenario.model, targets: results, comparisons: compareAll(results) };
    }

    const output = {
      benchmark: 'gateway',
      date: new Date().toISOString(),
      machine: await machineInfo(),
      settings: SETTINGS,
      notes:
        'Loopback only; every server is its own process. probe = sequential requests on one keep-alive connection (high-resolution timer); load = autocannon (whole-millisecond latencies, p50/p99 weighted across rounds). Probe and load are split into `rounds` rounds interleaved across targets. Shared 2-core machine: compare ratios within this run, not across runs.',
      scenarios,
      /** What the portkey-guardrails target's hooks check, and the start-up proof that they run. */
      portkeyGuardrails: { description: PORTKEY_GUARDRAILS_DESCRIPTION, proof: portkeyGuardrails },
      /** Microseconds per request for authenticate + rate limit + release, in-process (memory stores). */
      accessControl,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(output, null, 2) + '\n');
    for (const scenario of SCENARIOS) printSummary(scenario.name, scenarios[scenario.name].targets, scenarios[scenario.name].comparisons);
    process.stdout.write(`access control alone (in-process, µs/request): ${JSON.stringify(accessControl)}\n`);
    const withDocs = process.env.BENCH_NO_DOCS !== '1';
    if (withDocs) writeDocsSection(gatewayDocsSection(output));
    process.stdout.write(`\nwrote ${RESULTS}${withDocs ? ' and the gateway section of docs/benchmarks.md' : ''}\n`);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

function printSummary(scenario: string, results: TargetResults, comparisons: Record<Mode, Comparison>): void {
  const rows = [['scenario', 'target', 'mode', 'probe p50 ms', 'probe p99 ms', 'load req/s', 'load p50 ms', 'load p99 ms']];
  for (const mode of MODES)
    for (const [name, r] of Object.entries(results))
      rows.push([scenario, name, mode, String(r[mode].probe.p50Ms), String(r[mode].probe.p99Ms), String(r[mode].load.requestsPerSec), String(r[mode].load.p50Ms), String(r[mode].load.p99Ms)]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  process.stdout.write('\n' + rows.map((r) => r.map((x, c) => x.padEnd(widths[c]!)).join('  ')).join('\n') + '\n\n');
  for (const mode of MODES) {
    const c = comparisons[mode];
    for (const [label, x] of [['sealgate', c.sealgate], ['sealgate-passthrough', c.sealgatePassthrough]] as const)
      process.stdout.write(
        `${scenario} ${mode} ${label}: +${x.addedP50Ms} ms p50 over direct (goal ≤ 1), ${Math.round(x.throughputVsDirect * 100)}% of direct req/s (goal ≥ 80%), ` +
          `${x.throughputVsPortkey}× Portkey req/s, p50 ${signed(x.p50VsPortkeyMs)} ms vs Portkey (Portkey adds ${c.portkeyAddedP50Ms} ms; ` +
          `a bare Node proxy adds ${c.floorAddedP50Ms} ms, ${signed(x.p50AboveFloorMs)} ms above it)\n`,
      );
    const x = c.sealgate;
    process.stdout.write(
      `${scenario} ${mode} sealgate vs portkey-guardrails (both guarding input and output): ${x.throughputVsPortkeyGuardrails}× req/s, p50 ${signed(x.p50VsPortkeyGuardrailsMs)} ms ` +
        `(portkey-guardrails adds ${c.portkeyGuardrailsAddedP50Ms} ms over direct; its hooks cost Portkey ${signed(round(c.portkeyGuardrailsAddedP50Ms - c.portkeyAddedP50Ms))} ms p50)\n`,
    );
  }
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x}`;

interface Comparison {
  sealgate: Cmp;
  sealgatePassthrough: Cmp;
  portkeyAddedP50Ms: number;
  /** node-proxy-floor probe p50 − direct probe p50: one bare Node hop on this host. */
  floorAddedP50Ms: number;
  /** portkey-guardrails probe p50 − direct probe p50. */
  portkeyGuardrailsAddedP50Ms: number;
}

function compareAll(results: TargetResults): Record<Mode, Comparison> {
  const out = {} as Record<Mode, Comparison>;
  for (const mode of MODES) {
    const direct = results.direct![mode];
    const portkey = results.portkey![mode];
    const portkeyGuardrails = results['portkey-guardrails']![mode];
    const floor = results['node-proxy-floor']![mode];
    const compare = (name: string): Cmp => {
      const sg = results[name]![mode];
      const addedP50Ms = round(sg.probe.p50Ms - direct.probe.p50Ms);
      const throughputVsDirect = round(sg.load.requestsPerSec / direct.load.requestsPerSec);
      const throughputVsPortkey = round(sg.load.requestsPerSec / portkey.load.requestsPerSec);
      return {
        addedP50Ms,
        addedP99Ms: round(sg.probe.p99Ms - direct.probe.p99Ms),
        throughputVsDirect,
        throughputVsPortkey,
        p50VsPortkeyMs: round(sg.probe.p50Ms - portkey.probe.p50Ms),
        p50AboveFloorMs: round(sg.probe.p50Ms - floor.probe.p50Ms),
        throughputVsPortkeyGuardrails: round(sg.load.requestsPerSec / portkeyGuardrails.load.requestsPerSec),
        p50VsPortkeyGuardrailsMs: round(sg.probe.p50Ms - portkeyGuardrails.probe.p50Ms),
        goals: {
          addedP50AtMost1Ms: addedP50Ms <= 1,
          throughputAtLeast80PctOfDirect: throughputVsDirect >= 0.8,
          notSlowerThanPortkey: sg.probe.p50Ms <= portkey.probe.p50Ms && throughputVsPortkey >= 1,
        },
      };
    };
    out[mode] = {
      sealgate: compare('sealgate'),
      sealgatePassthrough: compare('sealgate-passthrough'),
      portkeyAddedP50Ms: round(portkey.probe.p50Ms - direct.probe.p50Ms),
      floorAddedP50Ms: round(floor.probe.p50Ms - direct.probe.p50Ms),
      portkeyGuardrailsAddedP50Ms: round(portkeyGuardrails.probe.p50Ms - direct.probe.p50Ms),
    };
  }
  return out;
}

/** The gateway section of docs/benchmarks.md (with its markers) for one run's output. */
export function gatewayDocsSection(output: {
  date: string;
  machine: MachineInfo;
  scenarios: Record<ScenarioName, { model: string; targets: TargetResults; comparisons: Record<Mode, Comparison> }>;
  portkeyGuardrails: { description: string; proof: PortkeyGuardrailsProof };
  accessControl: Record<string, number>;
}): string {
  const label = (mode: Mode) => (mode === 'streaming' ? 'stream' : 'json');
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const tables = SCENARIOS.map(({ name }) => {
    const { targets, comparisons } = output.scenarios[name];
    const rows = MODES.flatMap((mode) =>
      Object.entries(targets).map(([target, r]) => {
        const { probe: p, load: l } = r[mode];
        return `| ${target} | ${label(mode)} | ${p.p50Ms} | ${p.p99Ms} | ${p.cpuMicrosPerRequest ?? 'n/a'} | ${l.requestsPerSec} | ${l.p50Ms} | ${l.p99Ms} |`;
      }),
    );
    const ratios = MODES.flatMap((mode) =>
      ([['sealgate', comparisons[mode].sealgate], ['sealgate-passthrough', comparisons[mode].sealgatePassthrough]] as const).map(
        ([target, x]) =>
          `| ${target} | ${label(mode)} | +${x.addedP50Ms} (${mark(x.goals.addedP50AtMost1Ms)}) | ${Math.round(x.throughputVsDirect * 100)}% (${mark(x.goals.throughputAtLeast80PctOfDirect)}) | ${x.throughputVsPortkey}× req/s, ${x.p50VsPortkeyMs >= 0 ? '+' : ''}${x.p50VsPortkeyMs} ms p50 (${mark(x.goals.notSlowerThanPortkey)}) | +${comparisons[mode].portkeyAddedP50Ms} | +${comparisons[mode].floorAddedP50Ms} / ${signed(x.p50AboveFloorMs)} |`,
      ),
    );
    const likeForLike = MODES.map((mode) => {
      const c = comparisons[mode];
      const x = c.sealgate;
      const hooks = targets['portkey-guardrails']![mode];
      const plain = targets.portkey![mode];
      return `| ${label(mode)} | ${x.throughputVsPortkeyGuardrails}× req/s, ${signed(x.p50VsPortkeyGuardrailsMs)} ms p50 | ${x.throughputVsPortkey}× req/s, ${signed(x.p50VsPortkeyMs)} ms p50 | ${round(hooks.load.requestsPerSec / plain.load.requestsPerSec)}× req/s, ${signed(round(hooks.probe.p50Ms - plain.probe.p50Ms))} ms p50 |`;
    });
    const title = name === 'instant' ? 'Upstream answers at once (the gateway\'s own cost)' : 'Upstream with 50 ms model latency (a fast real model)';
    return `### ${title}

| target | body | probe p50 ms | probe p99 ms | server CPU µs/req | load req/s | load p50 ms | load p99 ms |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

| gateway | body | added p50 ms (goal ≤ 1) | throughput vs direct (goal ≥ 80%) | vs Portkey (goal: not slower) | Portkey added p50 ms | bare Node proxy added p50 ms / gateway above it |
|---|---|---|---|---|---|---|
${ratios.join('\n')}

| body | sealgate vs portkey-guardrails (both guard input and output) | sealgate vs portkey (no guardrails) | portkey-guardrails vs portkey (what its hooks cost Portkey) |
|---|---|---|---|
${likeForLike.join('\n')}`;
  });
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const instant = output.scenarios.instant;
  const slow = output.scenarios['model-50ms'];
  const portkeyVsDirect = (sc: typeof instant, mode: Mode) => sc.targets.portkey![mode].load.requestsPerSec / sc.targets.direct![mode].load.requestsPerSec;
  const throughputNote = `**Reading the throughput goal (≥ 80% of direct).** With an instant upstream, "direct" is a static server returning precomputed bytes (${instant.targets.direct!.nonStreaming.load.requestsPerSec} req/s JSON here) while every proxy parses, forwards and re-serialises on the same 2 cores as the load generator and the upstream: SealGate reaches ${pct(instant.comparisons.nonStreaming.sealgate.throughputVsDirect)} (JSON) / ${pct(instant.comparisons.streaming.sealgate.throughputVsDirect)} (stream) of it, Portkey ${pct(portkeyVsDirect(instant, 'nonStreaming'))} / ${pct(portkeyVsDirect(instant, 'streaming'))}. That scenario measures CPU per request, which the *server CPU µs/req* column states directly. With a model's latency in front (50 ms), the ratio the goal is about: SealGate ${pct(slow.comparisons.nonStreaming.sealgate.throughputVsDirect)} (JSON) / ${pct(slow.comparisons.streaming.sealgate.throughputVsDirect)} (stream) of direct, Portkey ${pct(portkeyVsDirect(slow, 'nonStreaming'))} / ${pct(portkeyVsDirect(slow, 'streaming'))}.`;
  const a = output.accessControl;
  const proof = output.portkeyGuardrails.proof;
  const guardNote = `**Like for like: what each side guards.** *sealgate* runs SealGate's default policy (policies/default.yaml) on every message of the prompt and on the answer, streamed or not (a streamed answer is scanned as it is generated, with a short holdback): PII recognisers (e-mail, phone, payment cards and other checksum-validated identifiers, national ids, passports, bank accounts, dates of birth, network addresses, person names, addresses, places, organisations; English and Chinese) pseudonymized before the model and sensitive ones redacted in the answer; secrets redacted; the prompt-injection, jailbreak and harmful-intent classifiers (block at 0.8) and the toxicity classifier (block at 0.9 on input, 0.8 on output); every request written to the audit trail (detections included) and answered with a signed receipt (\`x-sealgate-receipt\`), behind key auth and rate limits. *portkey-guardrails* runs the closest checks Portkey's gateway has locally, its built-in \`default.*\` plugins sent in \`x-portkey-config\` — ${output.portkeyGuardrails.description}: fixed regular expressions and word lists, no classifier, no names, addresses or checksums, no rewriting (a match refuses the request with HTTP ${proof.inputDeniedStatus.nonStreaming}), no auth, rate limits or audit. At start-up the bench proves the hooks run (else it stops): a prompt with an e-mail address is refused with ${proof.inputDeniedStatus.nonStreaming} (non-streamed) / ${proof.inputDeniedStatus.streaming} (streamed), and a benign request's response reports ${proof.checksRun.input} input and ${proof.checksRun.output} output checks run and passed. ${proof.outputHooksCheckStreams ? 'Portkey\'s output hooks also refused a streamed answer matching their deny list.' : `Portkey's output hooks do not see streamed answers: with the answer's own word added to the output deny list the non-streamed answer is refused (${proof.outputDeniedStatus.nonStreaming}) but the streamed one is sent (HTTP ${proof.outputDeniedStatus.streaming}), so in the *stream* rows portkey-guardrails checks the prompt only.`} Portkey also appends its \`hook_results\` to every non-streamed answer.`;
  return `<!-- GATEWAY:BEGIN -->
## Gateway overhead

Reproduce: \`npm run bench -- gateway\` (writes \`bench/results/gateway.json\` and this section).
Run ${output.date.slice(0, 16).replace('T', ' ')} UTC, Node ${output.machine.node}, ${output.machine.cpus} cores (${output.machine.cpuModel ?? 'unknown CPU'}) shared with other work (1-minute load average ${output.machine.loadavg1mAtEnd} at the end; host calibration ${output.machine.calibrationMs ?? '–'} ms CPU workload and ${output.machine.loopbackRoundTripUs ?? '–'} µs loopback round trip, bench/lib/machine.ts, lower = faster): compare ratios within the run, not absolute numbers across runs.

Loopback only, each server its own process, the same minimal fake upstream behind every path (precomputed chat completion / 8-chunk SSE stream):
**direct** (client → upstream), **sealgate** (default config: dev key auth, rate limiting, default guardrails, audit), **sealgate-passthrough** (\`guardrails.enabled: false\`), **portkey** (\`@portkey-ai/gateway\` ${portkeyVersion()}, \`x-portkey-provider: openai\` + custom host, no hooks), **portkey-guardrails** (the same with Portkey's local guardrail hooks on input and output, see *Like for like* below; the goal stays judged against plain portkey), **node-proxy-floor** (bench/lib/floor-proxy.ts: node:http in, node:http out over a keep-alive agent, bodies piped, nothing parsed — the least any Node proxy adds on this host, so the absolute *added p50* can be read against the host's floor).
*probe*: up to ${SETTINGS.probeRequests} sequential requests (at most ${SETTINGS.probeMaxSeconds} s) on one keep-alive connection, after ${SETTINGS.probeWarmupRequests} warm-up requests (at most ${SETTINGS.probeWarmupMaxSeconds} s), high-resolution timer: the latency a gateway adds to one call.
*load*: autocannon, ${SETTINGS.connections} connections, ${SETTINGS.loadSeconds} s after a ${SETTINGS.warmupSeconds} s warm-up (autocannon latencies are whole milliseconds; p50/p99 are the rounds' values weighted by their requests).
Both are split into ${SETTINGS.rounds} rounds interleaved across the ${Object.keys(instant.targets).length} targets (rotating order), so that load from other work on the shared machine falls on every target alike.
Client, gateway and upstream share the same 2 cores, so with an instant upstream "throughput vs direct" compares a proxy with a static server; the 50 ms scenario shows throughput when a model's latency dominates, as in production.

${tables.join('\n\n')}

${throughputNote}

${guardNote}

*server CPU µs/req*: CPU time of the serving process over the probe (all threads, garbage collector included; user + system, from /proc), per request. With 50 ms idle gaps every server spends more per request (cold caches), so compare within a scenario.

Access control alone (authenticate + rate limit + settle, in-process, memory stores): ${a.devKeyMicros} µs/request with the dev key, ${a.apiKeyMicros} µs with a stored key (hash check, CIDR, status), ${a.tokenMicros} µs with a token.
<!-- GATEWAY:END -->`;
}

/** Replaces the gateway section of docs/benchmarks.md (between its markers) with `section`. */
function writeDocsSection(section: string): void {
  const docs = join(ROOT, 'docs', 'benchmarks.md');
  let text = '';
  try {
    text = readFileSync(docs, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const begin = text.indexOf('<!-- GATEWAY:BEGIN -->');
  const end = text.indexOf('<!-- GATEWAY:END -->');
  text = begin >= 0 && end > begin ? text.slice(0, begin) + section + text.slice(end + '<!-- GATEWAY:END -->'.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(docs, text);
}

function portkeyVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules/@portkey-ai/gateway/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '(version unknown)';
  }
}

interface Cmp {
  addedP50Ms: number;
  addedP99Ms: number;
  throughputVsDirect: number;
  throughputVsPortkey: number;
  p50VsPortkeyMs: number;
  /** Probe p50 above the bare Node proxy's: what SealGate's own work costs beyond one Node hop. */
  p50AboveFloorMs: number;
  /** Against Portkey with its local guardrail hooks on input and output (context; the goal is judged against plain Portkey). */
  throughputVsPortkeyGuardrails: number;
  p50VsPortkeyGuardrailsMs: number;
  goals: { addedP50AtMost1Ms: boolean; throughputAtLeast80PctOfDirect: boolean; notSlowerThanPortkey: boolean };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
