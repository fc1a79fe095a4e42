/**
 * Paired A/B of two gateways on one host (`npx tsx bench/gateway-ab.ts`): the way this repo checks a
 * gateway change that is smaller than the noise between two `npm run bench` runs. Both gateways run
 * the bench config (bench/lib/gateway-config.ts) behind one fast upstream; slices alternate A, B, B, A …
 * so drift on the shared host weighs on both, and the result is the median of the paired differences.
 *
 *   AB_A=<repo root>  AB_B=<repo root>   checkouts to compare (e.g. `git worktree add /tmp/base HEAD~1`;
 *                                        default: this checkout for both = an A/A run, the noise floor)
 *   AB_MODE=probe|load                   probe (default): sequential requests on one keep-alive connection,
 *                                        p50 per slice of 800; load: autocannon, 16 connections, 2 s slices
 *   AB_PAIRS=12                          number of A/B pairs
 *   AB_PROCS=1                           gateway processes per side; pair i uses process i mod AB_PROCS of each
 *                                        side. One process can sit some tens of µs above or below another of the
 *                                        same code for its whole life (JIT and heap layout): with 3, that offset
 *                                        is spread over the pairs instead of landing on one side. After a wait
 *                                        (AB_UPSTREAM_DELAY_MS) that offset grows: an A/A run read −159 µs (10/12)
 *                                        with 3, −45.5 µs (9/16) with AB_PROCS=AB_PAIRS=16 (one process per pair)
 *                                        (a loaded host may need BENCH_STARTUP_TIMEOUT_MS above its default 30000
 *                                        to start that many gateways)
 *   AB_STREAM=1                          streamed chat completions instead of non-streamed
 *   AB_UPSTREAM_DELAY_MS=50              the upstream answers after that many ms (bench/gateway.ts's model-50ms
 *                                        scenario: the gateway idles while the model works, so its post-answer path
 *                                        runs cold); probe slices are then AB_SLICE requests (default 100) and the
 *                                        warm-up runs on the instant model
 *   AB_SLICE=<n>                         probe requests per slice (default 800, or 100 with a delay)
 *   AB_TRACE=1                           each gateway also writes its stage trace (SEALGATE_STAGE_TRACE, one request at a
 *                                        time, as the probe sends them); at the end the median step times of the last
 *                                        500 requests of each side (median over its processes) are printed side by side,
 *                                        so a change's effect on one stage is read under the same load as the other side.
 *                                        Use with few processes (each needs 500 timed requests after its 1500 warm-up ones)
 *   AB_CONFIG_A / AB_CONFIG_B=<json>     extra top-level config for one side, e.g. switching a detector off:
 *                                        '{"guardrails":{"detectors":{"pii":{"enabled":false},"toxicity":{"enabled":true},"intent":{"enabled":true}}}}'
 *
 * Prints each pair, then the median p50 difference B − A (probe) or req/s ratio B / A (load), the
 * median gateway CPU per request ratio, and in how many pairs B was ahead. Not a test, writes nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { FAST_UPSTREAM_MODEL, slowModel } from './lib/fast-upstream.js';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { freePort, startProcess, TS_NODE_ARGS, waitForHttp, type Spawned } from './lib/processes.js';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const MODE = process.env.AB_MODE === 'load' ? 'load' : 'probe';
const PAIRS = Number(process.env.AB_PAIRS ?? 12);
const PROCS = Math.max(1, Number(process.env.AB_PROCS ?? 1));
const DEV_KEY = 'sg-dev-local-only-key';
const DELAY_MS = Number(process.env.AB_UPSTREAM_DELAY_MS ?? 0);
const MODEL = DELAY_MS > 0 ? slowModel(DELAY_MS) : FAST_UPSTREAM_MODEL;
const SLICE = Number(process.env.AB_SLICE ?? (DELAY_MS > 0 ? 100 : 800));
const bodyFor = (model: string): string =>
  JSON.stringify({ model, stream: process.env.AB_STREAM === '1', messages: [{ role: 'user', content: 'Hello there, could you tell me how the weather is in Paris today?' }] });
const BODY = bodyFor(MODEL);
const WARM_BODY = bodyFor(FAST_UPSTREAM_MODEL);

interface Gateway {
  port: number;
  pid: number;
  agent: Agent;
  traceFile?: string;
}

const TRACE = process.env.AB_TRACE === '1';

/** Each side's median step times (µs) over its processes' trace files: step → [A, B]. */
function printTraces(gateways: Record<'A' | 'B', Gateway[]>): void {
  const steps = new Map<string, { A: number[]; B: number[] }>();
  for (const side of ['A', 'B'] as const) {
    for (const g of gateways[side]) {
      let rows: { step: string; medianMicros: number }[];
      try {
        rows = (JSON.parse(readFileSync(g.traceFile!, 'utf8')) as { rows: { step: string; medianMicros: number }[] }).rows;
      } catch {
        continue; // fewer than 500 requests: no file
      }
      for (const row of rows) {
        let entry = steps.get(row.step);
        if (!entry) steps.set(row.step, (entry = { A: [], B: [] }));
        entry[side].push(row.medianMicros);
      }
    }
  }
  process.stdout.write(`\nstage trace, median µs of each side's processes (last 500 requests each): A, B, B − A\n`);
  for (const [step, { A, B }] of steps) {
    if (!A.length || !B.length) continue;
    const [a, b] = [median(A), median(B)];
    process.stdout.write(`  ${a.toFixed(1).padStart(8)} ${b.toFixed(1).padStart(8)} ${(b - a).toFixed(1).padStart(8)}  ${step}\n`);
  }
}

interface Slice {
  /** probe: p50 ms; load: requests/s. */
  value: number;
  cpuMicrosPerRequest: number;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000; // utime + stime, in 10 ms ticks
}

function post(g: Gateway, body = BODY): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      { host: '127.0.0.1', port: g.port, path: '/v1/chat/completions', method: 'POST', agent: g.agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_KEY}` } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function slice(g: Gateway, warmup = false): Promise<Slice> {
  const cpu0 = cpuMicros(g.pid);
  if (MODE === 'load') {
    const r = await autocannon({ url: `http://127.0.0.1:${g.port}/v1/chat/completions`, method: 'POST', body: BODY, headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_KEY}` }, connections: 16, duration: 2 });
    return { value: r.requests.average, cpuMicrosPerRequest: (cpuMicros(g.pid) - cpu0) / Math.max(1, r.requests.total) };
  }
  const n = warmup ? 1500 : SLICE;
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) latencies.push(await post(g, warmup ? WARM_BODY : BODY));
  return { value: median(latencies), cpuMicrosPerRequest: (cpuMicros(g.pid) - cpu0) / n };
}

async function main(): Promise<void> {
  const roots = { A: process.env.AB_A ?? HERE, B: process.env.AB_B ?? HERE };
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-ab-'));
  const processes: Spawned[] = [];
  try {
    const upstreamPort = await freePort();
    processes.push(startProcess(process.execPath, [...TS_NODE_ARGS, join(HERE, 'bench/lib/fast-upstream.ts'), `--port=${upstreamPort}`], { cwd: HERE }));
    const upstreamUrl = `http://127.0.0.1:${upstreamPort}/v1`;
    const gateways: Record<'A' | 'B', Gateway[]> = { A: [], B: [] };
    for (let p = 0; p < PROCS; p++) {
      for (const side of ['A', 'B'] as const) {
        const port = await freePort();
        const extra = process.env[`AB_CONFIG_${side}`];
        const config = writeBenchGatewayConfig({ dir, port, upstreamUrl, models: [...new Set([FAST_UPSTREAM_MODEL, MODEL])], logLevel: 'info', ...(extra ? { extra: JSON.parse(extra) as Record<string, unknown> } : {}) });
        const traceFile = TRACE ? join(dir, `trace-${side}-${p}.json`) : undefined;
        const env = traceFile ? { ...BENCH_GATEWAY_ENV, SEALGATE_STAGE_TRACE: traceFile } : BENCH_GATEWAY_ENV;
        const gateway = startProcess(process.execPath, [join(roots[side], 'bin/sealgate.mjs'), 'serve', '--config', config], { cwd: dir, env });
        processes.push(gateway);
        gateways[side].push({ port, pid: gateway.child.pid!, agent: new Agent({ keepAlive: true, maxSockets: 1 }), traceFile });
      }
    }
    const all = [...gateways.A, ...gateways.B];
    await waitForHttp(`${upstreamUrl}/models`);
    for (const g of all) await waitForHttp(`http://127.0.0.1:${g.port}/healthz`);
    for (const g of all) await slice(g, true);

    const deltas: number[] = [];
    const cpuRatios: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const order = i % 2 === 0 ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const r = {} as Record<'A' | 'B', Slice>;
      for (const side of order) r[side] = await slice(gateways[side][i % PROCS]!);
      deltas.push(MODE === 'load' ? r.B.value / r.A.value : r.B.value - r.A.value);
      cpuRatios.push(r.B.cpuMicrosPerRequest / r.A.cpuMicrosPerRequest);
      const unit = MODE === 'load' ? 'req/s' : 'ms p50';
      process.stdout.write(`pair ${i}: A ${r.A.value.toFixed(3)} ${unit}, ${r.A.cpuMicrosPerRequest.toFixed(0)} µs CPU | B ${r.B.value.toFixed(3)} ${unit}, ${r.B.cpuMicrosPerRequest.toFixed(0)} µs CPU\n`);
    }
    const ahead = deltas.filter((d) => (MODE === 'load' ? d > 1 : d < 0)).length;
    const headline = MODE === 'load' ? `median req/s ratio B/A ${median(deltas).toFixed(3)}` : `median p50 difference B − A ${(median(deltas) * 1000).toFixed(1)} µs`;
    process.stdout.write(`${headline}; median CPU per request B/A ${median(cpuRatios).toFixed(3)}; B ahead in ${ahead}/${PAIRS} pairs\n`);
    if (TRACE) {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last flush
      printTraces(gateways);
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
