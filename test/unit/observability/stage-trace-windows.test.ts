import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The stage trace reads SEALGATE_STAGE_TRACE when it loads, so each case runs a child process: 500 traced
 * requests with one measured window each, then the file the trace wrote.
 */
function runTraced(env: Record<string, string>, dir: string): void {
  const script = join(dir, 'driver.mts');
  writeFileSync(
    script,
    `import { traceMark, traceRequestStart, traceWindow } from ${JSON.stringify(join(ROOT, 'src/observability/stage-trace.ts'))};
const spin = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
for (let i = 0; i < 501; i++) {
  traceRequestStart();
  traceMark('a');
  const close = traceWindow('busy 0.2 ms');
  spin(0.2);
  close();
  traceMark('b');
}
`,
  );
  execFileSync(process.execPath, ['--import', join(ROOT, 'bin/register.mjs'), script], { env: { ...process.env, ...env }, stdio: 'pipe' });
}

describe('stage trace windows', () => {
  it('records wall time, CPU time and involuntary switches of a window, per flush', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-trace-'));
    try {
      const file = join(dir, 'trace.json');
      runTraced({ SEALGATE_STAGE_TRACE: file, SEALGATE_STAGE_TRACE_WINDOWS: '1' }, dir);
      const trace = JSON.parse(readFileSync(file, 'utf8')) as {
        requests: number;
        rows: { step: string; n: number }[];
        windows: { window: string; n: number; medianWallMicros: number; medianCpuMicros: number; meanInvoluntarySwitches: number }[];
      };
      expect(trace.requests).toBe(500);
      expect(trace.rows.map((r) => r.step)).toContain('a → b');
      expect(trace.windows).toHaveLength(1);
      const [window] = trace.windows;
      expect(window!.window).toBe('busy 0.2 ms');
      expect(window!.n).toBe(500);
      // A 0.2 ms spin: at least that much wall time, and CPU time of the same order (getrusage ticks are coarse on some kernels).
      expect(window!.medianWallMicros).toBeGreaterThanOrEqual(200);
      expect(window!.medianCpuMicros).toBeGreaterThanOrEqual(0);
      expect(window!.meanInvoluntarySwitches).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
