/**
 * System calls per request on each proxy path (`node --import ./bin/register.mjs bench/gateway-syscalls.ts`):
 * the way to check whether a gateway change adds a write, a wake-up or a thread-pool hop to a request.
 * Starts the fast upstream, SealGate with the bench config (bench/lib/gateway-config.ts, guardrails on
 * and off) and the bare Node proxy (bench/lib/floor-proxy.ts), each its own process as bench/gateway.ts
 * starts them; warms each with sequential requests, then attaches `strace -f` to it for N sequential
 * requests on one keep-alive connection and prints each system call per request, split by thread (the
 * event loop's own, `main`, or any other: libuv's pool, V8's helpers) and by what the descriptor is
 * (socket, eventfd, file, /dev/null for the log line). Not a latency benchmark: strace slows every
 * call, so only the counts mean something. Needs strace and ptrace rights (root, or ptrace_scope 0).
 *
 *   SYSCALLS_N=400        requests traced per target and body type
 *   SYSCALLS_PORT=<p>     first of four consecutive ports (upstream, sealgate, passthrough, floor); default: free ports
 *   SYSCALLS_STREAM=0|1   only JSON (0) or only streamed (1) bodies; default both
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { FAST_UPSTREAM_MODEL } from './lib/fast-upstream.js';
import { freePort, startProcess, TS_NODE_ARGS, waitForHttp, type Spawned } from './lib/processes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.SYSCALLS_N ?? 400);
const WARMUP = 300;
const DEV_KEY = 'sg-dev-local-only-key';
const STREAMS = process.env.SYSCALLS_STREAM === undefined ? [false, true] : [process.env.SYSCALLS_STREAM === '1'];

const body = (stream: boolean) =>
  JSON.stringify({ model: FAST_UPSTREAM_MODEL, stream, messages: [{ role: 'user', content: 'Hello there, could you tell me how the weather is in Paris today?' }] });

function post(agent: Agent, port: number, payload: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/v1/chat/completions', method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${DEV_KEY}` } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`port ${port}: HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** strace's output for N requests to `port`, served by process `pid` (all its threads). */
async function trace(pid: number, port: number, stream: boolean, out: string): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const payload = body(stream);
  try {
    for (let i = 0; i < WARMUP; i++) await post(agent, port, payload);
    const strace = spawn('strace', ['-f', '-y', '-p', String(pid), '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let attached = false;
    await new Promise<void>((resolve, reject) => {
      strace.once('error', reject);
      strace.stderr.on('data', (c: Buffer) => {
        // strace reports each thread it attaches to; give it a moment after the first.
        if (!attached && /attached/i.test(c.toString())) {
          attached = true;
          setTimeout(resolve, 500);
        }
      });
      setTimeout(() => (attached ? undefined : reject(new Error('strace did not attach (is it installed, may we ptrace?)'))), 10_000);
    });
    for (let i = 0; i < N; i++) await post(agent, port, payload);
    await new Promise<void>((resolve) => {
      strace.once('exit', () => resolve());
      strace.kill('SIGINT');
    });
  } finally {
    agent.destroy();
  }
}

/** "main read:socket" → calls per request, from an `strace -f -y` log. */
function perRequest(log: string, pid: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of log.split('\n')) {
    // "<tid> name(args…" or "<tid> name(args <unfinished …>"; resumptions ("<… name resumed>") are not new calls.
    const m = /^(\d+)\s+(\w+)\((\d+<([^>]*)>)?/.exec(line);
    if (!m) continue;
    const [, tid, name, , fd] = m;
    const kind = fd === undefined ? '' : `:${fd.startsWith('socket:') ? 'socket' : fd.includes('eventfd') ? 'eventfd' : fd.includes('eventpoll') ? 'epoll' : fd === '/dev/null' ? 'devnull' : fd.startsWith('/') ? 'file' : fd.startsWith('pipe:') ? 'pipe' : 'other'}`;
    const key = `${Number(tid) === pid ? 'main' : 'other'} ${name}${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].map(([k, v]) => [k, v / N]));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-syscalls-'));
  const processes: Spawned[] = [];
  try {
    const first = process.env.SYSCALLS_PORT ? Number(process.env.SYSCALLS_PORT) : undefined;
    const [upPort, sgPort, ptPort, floorPort] = first ? [first, first + 1, first + 2, first + 3] : await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    processes.push(startProcess(process.execPath, [...TS_NODE_ARGS, join(ROOT, 'bench/lib/fast-upstream.ts'), `--port=${upPort}`], { cwd: ROOT }));
    const upstreamUrl = `http://127.0.0.1:${upPort}/v1`;
    const config = (port: number, guardrails: boolean) => writeBenchGatewayConfig({ dir, port, upstreamUrl, models: [FAST_UPSTREAM_MODEL], logLevel: 'info', guardrails });
    const bin = join(ROOT, 'bin/sealgate.mjs');
    const sealgate = startProcess(process.execPath, [bin, 'serve', '--config', config(sgPort, true)], { cwd: dir, env: BENCH_GATEWAY_ENV });
    const passthrough = startProcess(process.execPath, [bin, 'serve', '--config', config(ptPort, false)], { cwd: dir, env: BENCH_GATEWAY_ENV });
    const floor = startProcess(process.execPath, [...TS_NODE_ARGS, join(ROOT, 'bench/lib/floor-proxy.ts'), `--port=${floorPort}`, `--upstream=http://127.0.0.1:${upPort}`], { cwd: ROOT });
    processes.push(sealgate, passthrough, floor);
    await waitForHttp(`${upstreamUrl}/models`);
    await waitForHttp(`http://127.0.0.1:${sgPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${ptPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${floorPort}/v1/models`);
    const targets = [
      { name: 'floor', port: floorPort, pid: floor.child.pid! },
      { name: 'passthrough', port: ptPort, pid: passthrough.child.pid! },
      { name: 'sealgate', port: sgPort, pid: sealgate.child.pid! },
    ];
    for (const stream of STREAMS) {
      const columns = new Map<string, Map<string, number>>();
      for (const t of targets) {
        const out = join(dir, `${t.name}-${stream ? 'stream' : 'json'}.strace`);
        await trace(t.pid, t.port, stream, out);
        columns.set(t.name, perRequest(readFileSync(out, 'utf8'), t.pid));
      }
      const keys = [...new Set([...columns.values()].flatMap((c) => [...c.keys()]))]
        .filter((k) => [...columns.values()].some((c) => (c.get(k) ?? 0) >= 0.02))
        .sort((a, b) => Math.max(...[...columns.values()].map((c) => c.get(b) ?? 0)) - Math.max(...[...columns.values()].map((c) => c.get(a) ?? 0)));
      process.stdout.write(`\n${stream ? 'streamed' : 'JSON'}: system calls per request (${N} sequential requests each, strace -f)\n`);
      process.stdout.write(`${'thread call:descriptor'.padEnd(30)}${targets.map((t) => t.name.padStart(13)).join('')}\n`);
      for (const k of keys) process.stdout.write(`${k.padEnd(30)}${targets.map((t) => (columns.get(t.name)!.get(k) ?? 0).toFixed(2).padStart(13)).join('')}\n`);
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
