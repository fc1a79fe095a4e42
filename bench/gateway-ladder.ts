/**
 * Latency ladder of the gateway's path (`nice npx tsx bench/gateway-ladder.ts`): the sequential probe of
 * bench/gateway.ts (one keep-alive connection, the same non-streamed chat body, high-resolution timer)
 * against rungs that each add one layer, every rung its own process behind one fast upstream:
 *
 *   direct           client → fast upstream
 *   floor            bench/lib/floor-proxy.ts: node:http in and out, bodies piped, nothing parsed
 *   fetch-node-http  node:http server: body read + JSON.parse, SealGate's node:http transport (src/upstream/node-fetch.ts)
 *                    without the openai SDK, JSON.stringify, one res.end
 *   sdk-node-http    node:http server: body read + JSON.parse, SealGate's upstream client (openai SDK over
 *                    our node:http fetch, src/upstream/openai-compatible.ts), JSON.stringify, one res.end
 *   sdk-express      the same inside express 5 with express.json()
 *   sdk-express-lean-body   the same with SealGate's own JSON body reader (src/gateway/middleware/json-body.ts)
 *   sdk-express-proto       the same on a server whose requests/responses are born with express's prototypes (src/gateway/express-server-options.ts)
 *   sealgate-bare    SealGate, guardrails and audit off (access control, body, validation, pipeline, log, metrics)
 *   passthrough      SealGate, guardrails off (bench config: + audit trail and receipts)
 *   sealgate         SealGate, default config (+ guardrails)
 *
 * Slices of LADDER_SLICE requests (default 400) alternate over the targets in a rotating order, LADDER_ROUNDS
 * rounds (default 8), so that drift on the shared host falls on every rung; each rung's p50 is the median
 * of its slice p50s, and each step is the median over rounds of (rung − rung below) in the same round.
 * LADDER_TRACE=1 also runs the SealGate rungs with SEALGATE_STAGE_TRACE (src/observability/stage-trace.ts)
 * and prints their median wall-clock increments between stages (µs) for the last 500 requests.
 * LADDER_UPSTREAM_DELAY_MS=50 times requests to a model the fast upstream answers after that many ms (the bench's
 * model-50ms scenario: the gateway sits idle while the model works, so what runs after the answer runs cold);
 * the warm-up (LADDER_WARMUP requests, default 1000) stays on the instant model. After the steps, a table of
 * p10/p25/p50/p75/p90 over all timed requests of each rung (a shift of the whole distribution, or a tail).
 * LADDER_STREAM=1 sends streamed chat completions to direct, floor and the SealGate rungs (the bare rungs speak JSON
 * only). LADDER_TRACE_WINDOWS=1 adds the trace's measured windows (src/observability/stage-trace.ts `traceWindow`: the
 * upstream write, the answer's res.end) with the gateway's CPU time and involuntary context switches inside them
 * (their syscalls inflate the surrounding steps: read the steps from a run without it).
 * LADDER_ONLY=direct,floor,… limits the rungs; LADDER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p' adds node flags to the
 * SealGate rungs. Not a test; writes nothing in the repository.
 *
 * `--provider-cpu`: instead of the ladder, the CPU per non-streamed upstream call in this process, the
 * openai SDK's `post()` against DeadlineOpenAI's `postJson()` (src/upstream/openai-compatible.ts), 10
 * alternating slices of 1000 calls to the fast upstream.
 *
 * `--cold-check`: instead of the ladder, a fixed workload (JSON, HMAC, UUID, URL parse) timed right after a 50 ms
 * sleep, right after 50 ms of busy spinning on a tiny loop, and back to back (median of 150 rounds each): whether
 * code runs slower after a wait on this host, and whether keeping the CPU busy prevents it.
 *
 * `--cold-detectors`: instead of the ladder, each default guardrail detector (and the whole guard stage's scan of
 * both texts) on the bench's prompt and answer, warm (back to back) and cold (right after a 48 MB sweep that evicts
 * the CPU caches, the state a lone request finds them in on a shared host), median of 200 each, µs.
 *
 * Internal: `--serve=fetch-node-http|sdk-node-http|sdk-express|sdk-express-lean-body|sdk-express-proto --port=N --upstream=URL` runs one of the bare rungs.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { expressServerOptions } from '../src/gateway/express-server-options.js';
import { FAST_UPSTREAM_MODEL, slowModel } from './lib/fast-upstream.js';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { freePort, startProcess, TS_NODE_ARGS, waitForHttp, type Spawned } from './lib/processes.js';
import { createOpenAICompatibleProvider, DeadlineOpenAI } from '../src/upstream/openai-compatible.js';
import { createNodeTransport } from '../src/upstream/node-fetch.js';
import { jsonBody } from '../src/gateway/middleware/json-body.js';
import { traceMark, traceRequestStart } from '../src/observability/stage-trace.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_KEY = 'sg-dev-local-only-key';
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

// ---- the two bare rungs (child processes) --------------------------------------------------------

async function serveBare(kind: string, port: number, upstream: string): Promise<void> {
  const provider = createOpenAICompatibleProvider({ name: 'bench', baseUrl: upstream, models: [FAST_UPSTREAM_MODEL] });
  const transport = createNodeTransport();
  const headers = { authorization: 'Bearer sealgate-no-key', 'content-type': 'application/json', accept: 'application/json' };
  const call = async (body: Record<string, unknown>, signal: AbortSignal): Promise<unknown> => {
    if (kind !== 'fetch-node-http') {
      const result = await provider.call({ surface: 'chat.completions', body, signal, timeoutMs: 30_000 });
      if (result.kind !== 'json') throw new Error('expected JSON');
      return result.body;
    }
    // The same node:http transport without the openai SDK around it.
    const response = await transport.fetchWithDeadline(`${upstream}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(body), signal }, 30_000);
    if (!response.ok) throw new Error(`upstream ${response.status}`);
    return response.json();
  };
  const answer = async (body: Record<string, unknown>, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    const json = JSON.stringify(await call(body, controller.signal));
    traceMark('JSON.stringify answer');
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
    res.end(json);
    traceMark('res.end returned');
  };
  const fail = (res: ServerResponse) => () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  };
  if (kind === 'sdk-node-http' || kind === 'fetch-node-http') {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST') return void res.writeHead(404).end();
      traceRequestStart();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        answer(body, res).catch(fail(res));
      });
    });
    server.keepAliveTimeout = 65_000;
    server.listen(port, '127.0.0.1');
    return;
  }
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use((_req, _res, next) => {
    traceRequestStart();
    next();
  });
  app.use(kind === 'sdk-express' ? express.json({ limit: '1mb' }) : jsonBody({ limit: 1 << 20, shouldParse: () => true }));
  app.post('/v1/chat/completions', async (req, res) => {
    await answer(req.body as Record<string, unknown>, res);
  });
  const server = kind === 'sdk-express-proto' ? createServer(expressServerOptions(app), app) : createServer(app);
  server.keepAliveTimeout = 65_000;
  server.listen(port, '127.0.0.1');
}

// ---- the ladder (parent process) -----------------------------------------------------------------

interface Rung {
  name: string;
  port: number;
  agent: Agent;
  traceFile?: string;
}

const DELAY_MS = Number(process.env.LADDER_UPSTREAM_DELAY_MS ?? 0);
const MODEL = DELAY_MS > 0 ? slowModel(DELAY_MS) : FAST_UPSTREAM_MODEL;
/** LADDER_STREAM=1: streamed chat completions (the bare `--serve` rungs speak JSON only and are left out). */
const STREAM = process.env.LADDER_STREAM === '1';
/** LADDER_TRACE_WINDOWS=1: the traced rungs also measure their windows (SEALGATE_STAGE_TRACE_WINDOWS). */
const TRACE_WINDOWS_ENV = process.env.LADDER_TRACE_WINDOWS === '1' ? { SEALGATE_STAGE_TRACE_WINDOWS: '1' } : {};
const payloadFor = (model: string): string =>
  JSON.stringify({ model, ...(STREAM ? { stream: true } : {}), messages: [{ role: 'user', content: 'Say hello to the benchmark, please.' }] });
const PAYLOAD = payloadFor(MODEL);
const WARM_PAYLOAD = payloadFor(FAST_UPSTREAM_MODEL);

/** bench/gateway.ts's `once`: one POST on the rung's keep-alive agent, whole body read as text. */
function once(r: Rung, payload = PAYLOAD): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port: r.port,
        path: '/v1/chat/completions',
        method: 'POST',
        agent: r.agent,
        headers: { authorization: `Bearer ${DEV_KEY}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => (res.statusCode === 200 && text.includes('benchmark') ? resolve(performance.now() - t0) : reject(new Error(`${r.name}: HTTP ${res.statusCode} ${text.slice(0, 200)}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Every timed request per rung, for the percentile table. */
const samples = new Map<string, number[]>();

async function slice(r: Rung, n: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await once(r));
  let all = samples.get(r.name);
  if (!all) samples.set(r.name, (all = []));
  all.push(...xs);
  return median(xs);
}

async function main(): Promise<void> {
  const rounds = Number(process.env.LADDER_ROUNDS ?? 8);
  const sliceN = Number(process.env.LADDER_SLICE ?? 400);
  const trace = process.env.LADDER_TRACE === '1';
  const only = process.env.LADDER_ONLY?.split(',');
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-ladder-'));
  const processes: Spawned[] = [];
  const tsNode = TS_NODE_ARGS;
  try {
    const upPort = await freePort();
    processes.push(startProcess(process.execPath, [...tsNode, join(ROOT, 'bench/lib/fast-upstream.ts'), `--port=${upPort}`], { cwd: ROOT }));
    const upstreamUrl = `http://127.0.0.1:${upPort}/v1`;
    await waitForHttp(`${upstreamUrl}/models`);
    const rungs: Rung[] = [{ name: 'direct', port: upPort, agent: new Agent({ keepAlive: true, maxSockets: 1 }) }];
    const add = async (name: string, start: (port: number, traceFile: string) => Spawned): Promise<void> => {
      if (only && !only.includes(name)) return;
      const port = await freePort();
      const traceFile = join(dir, `trace-${name}.json`);
      processes.push(start(port, traceFile));
      rungs.push({ name, port, agent: new Agent({ keepAlive: true, maxSockets: 1 }), traceFile });
    };
    await add('floor', (port) => startProcess(process.execPath, [...tsNode, join(ROOT, 'bench/lib/floor-proxy.ts'), `--port=${port}`, `--upstream=http://127.0.0.1:${upPort}`], { cwd: ROOT }));
    for (const kind of STREAM ? [] : ['fetch-node-http', 'sdk-node-http', 'sdk-express', 'sdk-express-lean-body', 'sdk-express-proto'])
      await add(kind, (port, traceFile) =>
        startProcess(process.execPath, [...tsNode, join(ROOT, 'bench/gateway-ladder.ts'), `--serve=${kind}`, `--port=${port}`, `--upstream=${upstreamUrl}`], {
          cwd: ROOT,
          env: trace ? { SEALGATE_STAGE_TRACE: traceFile, ...TRACE_WINDOWS_ENV } : {},
        }));
    const sealgate = (extra: Record<string, unknown>, guardrails: boolean) => (port: number, traceFile: string) => {
      const config = writeBenchGatewayConfig({ dir, port, upstreamUrl, models: [...new Set([FAST_UPSTREAM_MODEL, MODEL])], logLevel: 'info', guardrails, extra });
      const env = { ...BENCH_GATEWAY_ENV, ...(trace ? { SEALGATE_STAGE_TRACE: traceFile, ...TRACE_WINDOWS_ENV } : {}) };
      const nodeArgs = process.env.LADDER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      return startProcess(process.execPath, [...nodeArgs, join(ROOT, 'bin/sealgate.mjs'), 'serve', '--config', config], { cwd: dir, env });
    };
    await add('sealgate-bare', sealgate({ audit: { enabled: false } }, false));
    await add('passthrough', sealgate({}, false));
    await add('sealgate', sealgate({}, true));
    for (const r of rungs.slice(1)) await waitForHttp(`http://127.0.0.1:${r.port}/healthz`);
    // Warm-up: the JIT and the keep-alive connections (bench/gateway.ts warms with 300).
    const warmup = Number(process.env.LADDER_WARMUP ?? 1000);
    for (const r of rungs) for (let i = 0; i < warmup; i++) await once(r, WARM_PAYLOAD);
    if (DELAY_MS > 0) for (const r of rungs) for (let i = 0; i < 20; i++) await once(r);

    const p50s = new Map<string, number[]>(rungs.map((r) => [r.name, []]));
    for (let round = 0; round < rounds; round++) {
      const order = rungs.map((_, i) => rungs[(i + round) % rungs.length]!);
      if (round % 2 === 1) order.reverse();
      for (const r of order) p50s.get(r.name)!.push(await slice(r, sliceN));
      process.stdout.write(`round ${round}: ${rungs.map((r) => `${r.name} ${p50s.get(r.name)![round]!.toFixed(3)}`).join(', ')}\n`);
    }
    process.stdout.write(`\nrung            p50 ms   step over the rung below (median of paired rounds, µs)\n`);
    rungs.forEach((r, i) => {
      const mine = p50s.get(r.name)!;
      const below = i > 0 ? p50s.get(rungs[i - 1]!.name)! : undefined;
      const step = below ? `${(median(mine.map((x, k) => x - below[k]!)) * 1000).toFixed(0).padStart(6)}  (${rungs[i - 1]!.name})` : '';
      process.stdout.write(`${r.name.padEnd(15)} ${median(mine).toFixed(3)}   ${step}\n`);
    });
    process.stdout.write(`\nrung            p10     p25     p50     p75     p90 (ms, all timed requests)\n`);
    for (const r of rungs) {
      const xs = [...(samples.get(r.name) ?? [])].sort((a, b) => a - b);
      const at = (q: number): string => (xs[Math.floor(q * (xs.length - 1))] ?? NaN).toFixed(3);
      process.stdout.write(`${r.name.padEnd(15)} ${[0.1, 0.25, 0.5, 0.75, 0.9].map(at).join(' ')}\n`);
    }
    if (trace) {
      // One more slice each so the trace files hold steady-state requests only.
      for (const r of rungs) if (r.traceFile) await slice(r, 500);
      await new Promise((res) => setTimeout(res, 200));
      for (const r of rungs) {
        if (!r.traceFile || r.name === 'floor') continue;
        try {
          const t = JSON.parse(readFileSync(r.traceFile, 'utf8')) as {
            requests: number;
            rows: { step: string; n: number; medianMicros: number }[];
            windows?: { window: string; n: number; medianWallMicros: number; medianCpuMicros: number; meanInvoluntarySwitches: number }[];
          };
          process.stdout.write(`\n${r.name}: wall-clock µs between stages (median of the last 500 of ${t.requests} requests)\n`);
          for (const row of t.rows) process.stdout.write(`  ${String(row.medianMicros).padStart(7)}  ${row.step}${row.n < 500 ? ` (n=${row.n})` : ''}\n`);
          for (const w of t.windows ?? [])
            process.stdout.write(`  window ${w.window}: wall ${w.medianWallMicros} µs, CPU ${w.medianCpuMicros} µs (medians), involuntary context switches ${w.meanInvoluntarySwitches} a request (n=${w.n})\n`);
        } catch {
          process.stdout.write(`\n${r.name}: no trace file\n`);
        }
      }
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function providerCpu(): Promise<void> {
  const port = await freePort();
  const upstream = startProcess(process.execPath, [...TS_NODE_ARGS, join(ROOT, 'bench/lib/fast-upstream.ts'), `--port=${port}`], { cwd: ROOT });
  try {
    const base = `http://127.0.0.1:${port}/v1`;
    await waitForHttp(`${base}/models`);
    const transport = createNodeTransport();
    const client = new DeadlineOpenAI({ apiKey: 'k', baseURL: base, maxRetries: 0, fetch: transport.fetch }, transport);
    const body = JSON.parse(PAYLOAD) as Record<string, unknown>;
    const ways: [string, () => Promise<unknown>][] = [
      ['post', () => client.post('/chat/completions', { body, signal: new AbortController().signal, timeout: 30_000 })],
      ['postJson', () => client.postJson('/chat/completions', body, new AbortController().signal, 30_000)],
    ];
    for (const [, call] of ways) for (let i = 0; i < 2000; i++) await call();
    const cpu = new Map<string, number[]>(ways.map(([name]) => [name, []]));
    for (let round = 0; round < 10; round++) {
      for (const [name, call] of round % 2 ? [...ways].reverse() : ways) {
        const before = process.cpuUsage();
        for (let i = 0; i < 1000; i++) await call();
        const used = process.cpuUsage(before);
        cpu.get(name)!.push((used.user + used.system) / 1000);
      }
    }
    const [post, lean] = [median(cpu.get('post')!), median(cpu.get('postJson')!)];
    process.stdout.write(`CPU µs per call (median of 10 alternating slices of 1000): post ${post.toFixed(1)}, postJson ${lean.toFixed(1)}, ratio ${(lean / post).toFixed(3)}\n`);
  } finally {
    await upstream.stop();
  }
}

async function coldCheck(): Promise<void> {
  const body = JSON.stringify({ id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hello from the benchmark upstream.' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } });
  const key = Buffer.alloc(32, 1);
  const work = (): number => {
    let n = 0;
    for (let i = 0; i < 10; i++) {
      n += JSON.stringify(JSON.parse(body)).length;
      n += createHmac('sha256', key).update(body).digest('base64url').length;
      n += randomUUID().length + new URL(`http://127.0.0.1:8080/v1/chat?x=${i}`).pathname.length;
    }
    return n;
  };
  const timed = (): number => {
    const t = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - t) / 1000;
  };
  for (let i = 0; i < 3000; i++) work();
  const r = { 'after a 50 ms sleep': [] as number[], 'after 50 ms of spinning': [] as number[], 'back to back': [] as number[] };
  for (let k = 0; k < 150; k++) {
    await new Promise((res) => setTimeout(res, 50));
    r['after a 50 ms sleep'].push(timed());
    r['back to back'].push(timed());
    const end = performance.now() + 50;
    while (performance.now() < end);
    r['after 50 ms of spinning'].push(timed());
  }
  process.stdout.write(`fixed workload, µs (median of 150): ${Object.entries(r).map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(', ')}\n`);
}

async function coldDetectors(): Promise<void> {
  const { createGuardrails } = await import('../src/pipeline/guard.js');
  const { validateConfig } = await import('../src/config/loader.js');
  const guardrails = await createGuardrails(validateConfig({}));
  const texts = ['Say hello to the benchmark, please.', 'Hello from the benchmark upstream.'];
  const sweep = new Uint8Array(48 << 20);
  let sink = 0;
  const evict = (): void => {
    for (let i = 0; i < sweep.length; i += 64) sink += sweep[i]!++;
  };
  const timed = (fn: () => unknown): number => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1000;
  };
  const runs: Array<[string, () => unknown]> = guardrails.scanner.detectors.map((d) => [d.name, () => texts.map((t) => d.detect(t, { stage: 'input', role: 'user', memo: new Map() }))]);
  // All of them on one scan's memo, as the guard stage runs them (the classifiers share views and the language guess).
  const scanBoth = (): unknown =>
    texts.map((t) => {
      const memo = new Map<string, unknown>();
      return guardrails.scanner.detectors.map((d) => d.detect(t, { stage: 'input', role: 'user', memo }));
    });
  runs.push(['all detectors', scanBoth]);
  for (const [name, fn] of runs) {
    for (let i = 0; i < 2000; i++) fn();
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < 200; i++) {
      warm.push(timed(fn));
      evict();
      cold.push(timed(fn));
    }
    process.stdout.write(`${name.padEnd(14)} both texts, µs (median of 200): warm ${median(warm).toFixed(1)}, cold ${median(cold).toFixed(1)}\n`);
  }
  if (sink < 0) process.stdout.write('\n');
  await guardrails.close();
}

const serve = arg('serve');
if (serve) await serveBare(serve, Number(arg('port')), arg('upstream')!);
else if (process.argv.includes('--provider-cpu')) await providerCpu();
else if (process.argv.includes('--cold-check')) await coldCheck();
else if (process.argv.includes('--cold-detectors')) await coldDetectors();
else await main();
