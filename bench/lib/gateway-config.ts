/**
 * The SealGate config every benchmark starts its gateway with: loopback, one OpenAI-compatible upstream,
 * dev-mode access with the dev tenant's limits out of the benchmark's reach (rate limiting stays on the
 * path), file audit, memory stores. Written to `dir` as `sealgate-<port>.json`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Environment for a benchmarked gateway: memory stores, and only the config file we pass. */
export const BENCH_GATEWAY_ENV = { REDIS_URL: '', SEALGATE_CONFIG: '' } as const;

export interface BenchGatewayConfig {
  dir: string;
  port: number;
  upstreamUrl: string;
  models: readonly string[];
  logLevel: 'info' | 'warn';
  /** false = `guardrails.enabled: false` (the passthrough baseline). */
  guardrails?: boolean;
  /** Extra top-level sections (e.g. `confidential`). */
  extra?: Record<string, unknown>;
}

export function writeBenchGatewayConfig(c: BenchGatewayConfig): string {
  const file = join(c.dir, `sealgate-${c.port}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      server: { host: '127.0.0.1', port: c.port, logLevel: c.logLevel },
      upstream: { providers: [{ name: 'bench', type: 'openai', baseUrl: c.upstreamUrl, models: c.models }] },
      access: {
        devMode: true,
        keysFile: join(c.dir, 'keys.json'),
        tenants: { dev: { limits: { requestsPerMinute: 1e9, tokensPerMinute: 1e12, concurrentRequests: 10_000 } } },
      },
      ...(c.guardrails === false ? { guardrails: { enabled: false } } : {}),
      audit: { file: { dir: join(c.dir, `audit-${c.port}`) } },
      ...c.extra,
    }),
  );
  return file;
}
