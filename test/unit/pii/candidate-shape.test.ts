import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('candidate objects (one hidden class, small-integer offsets)', () => {
  it('every built-in recognizer builds its candidates with the same class, start and end small integers', () => {
    const child = fileURLToPath(new URL('./candidate-shape.child.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', child], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { maps: Array<{ recognizers: string[]; count: number }>; boxed: string[] };
    expect(report.boxed).toEqual([]);
    expect(report.maps.length).toBe(1);
    // The texts reach every recognizer.
    expect(report.maps[0]!.recognizers.length).toBeGreaterThanOrEqual(22);
  }, 60_000);
});
