/**
 * What one long text does to everyone else on the gateway (`npx tsx bench/long-text-latency.ts`): while one
 * client POSTs a ~1 MB chat message (bench/lib/long-text.ts: synthetic chats, forms and logs with PII; EN,
 * ZH and mixed), a second client polls `/healthz` and a third sends small chat requests, each back to back
 * on its own keep-alive connection. Reported per gateway and language: the big request's status and total
 * time, and the worst / p99 / median latency of the small requests that ran while it was in flight.
 * Default guardrails (bench/lib/gateway-config.ts) behind the fast upstream. Not a test, writes nothing.
 *
 *   LT_ROOTS=<base>,<repo root>        checkouts to compare (default: this one), e.g. a `git worktree add` of the
 *                                      commit before a change, then `.`; rounds alternate A, B, B, A …
 *   LT_CONFIGS='{"guardrails":{"offload":{"workers":0}}}'
 *                                      or: extra top-level config per gateway (';'-separated), same checkout
 *   LT_ROUNDS=3                        big requests per gateway and language
 *   LT_BYTES=1000000                   size of the big message (UTF-8 bytes; the body stays under the 1 MiB limit)
 *   LT_LANGS=en,zh,mixed
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_UPSTREAM_MODEL } from './lib/fast-upstream.js';
import { BENCH_GATEWAY_ENV, writeBenchGatewayConfig } from './lib/gateway-config.js';
import { longText, type LongTextLang } from './lib/long-text.js';
import { freePort, startProcess, TS_NODE_ARGS, waitForHttp, type Spawned } from './lib/processes.js';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const DEV_KEY = 'sg-dev-local-only-key';
const ROUNDS = Number(process.env.LT_ROUNDS ?? 3);
const BYTES = Number(process.env.LT_BYTES ?? 1_000_000);
const LANGS = (process.env.LT_LANGS ?? 'en,zh,mixed').split(',') as LongTextLang[];
const SMALL = JSON.stringify({ model: FAST_UPSTREAM_MODEL, messages: [{ role: 'user', content: 'Hello there, could you tell me how the weather is in Paris today?' }] });

interface Gateway {
  label: string;
  port: number;
}

function call(port: number, agent: Agent, method: 'GET' | 'POST', path: string, body?: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { authorization: `Bearer ${DEV_KEY}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = request({ host: '127.0.0.1', port, path, method, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

interface Round {
  bigMs: number;
  bigStatus: number;
  health: number[];
  small: number[];
}

async function round(g: Gateway, body: string, agents: Agent[]): Promise<Round> {
  let done = false;
  const health: number[] = [];
  const small: number[] = [];
  const poll = async (list: number[], once: () => Promise<{ ms: number; status: number }>) => {
    while (!done) {
      const r = await once();
      if (r.status !== 200) throw new Error(`small request: status ${r.status}`);
      list.push(r.ms);
    }
  };
  const big = call(g.port, agents[0]!, 'POST', '/v1/chat/completions', body).finally(() => (done = true));
  const pollers = [poll(health, () => call(g.port, agents[1]!, 'GET', '/healthz')), poll(small, () => call(g.port, agents[2]!, 'POST', '/v1/chat/completions', SMALL))];
  const r = await big;
  await Promise.all(pollers);
  return { bigMs: r.ms, bigStatus: r.status, health, small };
}

function bodyFor(lang: LongTextLang): string {
  let bytes = BYTES;
  for (;;) {
    const body = JSON.stringify({ model: FAST_UPSTREAM_MODEL, messages: [{ role: 'user', content: longText(lang, bytes, 5) }] });
    if (Buffer.byteLength(body) < 1024 * 1024 - 1024) return body;
    bytes -= 20_000;
  }
}

async function main(): Promise<void> {
  const roots = (process.env.LT_ROOTS ?? HERE).split(',');
  const configs = process.env.LT_CONFIGS?.split(';');
  const sides = configs ? configs.map((c) => ({ root: roots[0]!, extra: JSON.parse(c) as Record<string, unknown>, label: c })) : roots.map((root) => ({ root, extra: {}, label: root }));
  const dir = mkdtempSync(join(tmpdir(), 'sealgate-lt-'));
  const processes: Spawned[] = [];
  try {
    const upstreamPort = await freePort();
    processes.push(startProcess(process.execPath, [...TS_NODE_ARGS, join(HERE, 'bench/lib/fast-upstream.ts'), `--port=${upstreamPort}`], { cwd: HERE }));
    const upstreamUrl = `http://127.0.0.1:${upstreamPort}/v1`;
    const gateways: Gateway[] = [];
    for (const side of sides) {
      const port = await freePort();
      const config = writeBenchGatewayConfig({ dir, port, upstreamUrl, models: [FAST_UPSTREAM_MODEL], logLevel: 'warn', extra: side.extra });
      processes.push(startProcess(process.execPath, [join(side.root, 'bin/sealgate.mjs'), 'serve', '--config', config], { cwd: dir, env: BENCH_GATEWAY_ENV }));
      gateways.push({ label: side.label, port });
    }
    await waitForHttp(`${upstreamUrl}/models`);
    for (const g of gateways) await waitForHttp(`http://127.0.0.1:${g.port}/healthz`);
    const agents = gateways.map(() => [0, 1, 2].map(() => new Agent({ keepAlive: true, maxSockets: 1 })));
    for (const [i, g] of gateways.entries()) for (let k = 0; k < 300; k++) await call(g.port, agents[i]![2]!, 'POST', '/v1/chat/completions', SMALL);

    for (const lang of LANGS) {
      const body = bodyFor(lang);
      // One unmeasured big request each: JIT warm-up, and the worker's start where there is one.
      for (const [i, g] of gateways.entries()) await round(g, body, agents[i]!);
      const results = gateways.map(() => [] as Round[]);
      for (let r = 0; r < ROUNDS; r++) {
        const order = gateways.map((_, i) => i);
        if (r % 2 === 1) order.reverse();
        for (const i of order) results[i]!.push(await round(gateways[i]!, body, agents[i]!));
      }
      process.stdout.write(`\n${lang}: big message ${(Buffer.byteLength(body) / 1e6).toFixed(2)} MB body, ${ROUNDS} rounds\n`);
      for (const [i, g] of gateways.entries()) {
        const rs = results[i]!;
        const health = rs.flatMap((r) => r.health);
        const small = rs.flatMap((r) => r.small);
        const fmt = (xs: number[]) => `worst ${Math.max(...xs).toFixed(1)} p99 ${quantile(xs, 0.99).toFixed(1)} p50 ${quantile(xs, 0.5).toFixed(2)} ms (n=${xs.length})`;
        process.stdout.write(
          `  ${g.label}\n    big: status ${rs.map((r) => r.bigStatus).join('/')}, total ${rs.map((r) => r.bigMs.toFixed(0)).join(' / ')} ms (median ${quantile(rs.map((r) => r.bigMs), 0.5).toFixed(0)})\n` +
            `    /healthz during it: ${fmt(health)}\n    small chat during it: ${fmt(small)}\n`,
        );
      }
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
