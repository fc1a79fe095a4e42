/** Helpers for benchmarks that start servers as separate processes on loopback. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Node flags that run a .ts helper (upstream, floor proxy, ladder rungs) the way `npm start` runs the gateway (bin/register.mjs). */
export const TS_NODE_ARGS: readonly string[] = ['--import', fileURLToPath(new URL('../../bin/register.mjs', import.meta.url))];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a process with stdout discarded (its request logs must not cost the load generator anything). */
export function startProcess(command: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Spawned {
  const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code && code !== 0 && signal === null) process.stderr.write(`${command} ${args.join(' ')} exited with ${code}\n${stderr}\n`);
  });
  return {
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

// BENCH_STARTUP_TIMEOUT_MS: a loaded 2-core host starting many gateways at once (gateway-ab with AB_PROCS=16)
// needs longer than 30 s to bring them all up.
const DEFAULT_STARTUP_TIMEOUT_MS = Number(process.env.BENCH_STARTUP_TIMEOUT_MS ?? 30_000);

/** Polls `url` until it answers (any HTTP status) or the deadline passes. */
export async function waitForHttp(url: string, timeoutMs = DEFAULT_STARTUP_TIMEOUT_MS, init?: RequestInit): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms: ${String(lastError)}`);
}
