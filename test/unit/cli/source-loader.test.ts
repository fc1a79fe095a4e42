/**
 * bin/register.mjs + bin/ts-hooks.mjs load the TypeScript sources for `npm start`, the CLI, the enclave and
 * corpus workers and the benchmarks: './x.js' imports resolve to './x.ts', types are stripped by esbuild,
 * stack traces point into the .ts file, and named closures are left alone (no keepNames `__name` wrapper,
 * which costs a defineProperty each time a closure is created on a hot path).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const REGISTER = join(ROOT, 'bin/register.mjs');
const dir = mkdtempSync(join(tmpdir(), 'sealgate-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOT = `export function total(xs: readonly number[]): number {
  let sum = 0;
  const add = (x: number): void => { sum += x; };
  for (const x of xs) add(x);
  return sum;
}
`;
writeFileSync(join(dir, 'hot.ts'), HOT);
writeFileSync(
  join(dir, 'main.ts'),
  `import { total } from './hot.js';
interface Shape { n: number }
const shape: Shape = { n: total([1, 2, 3]) };
console.log(JSON.stringify({ n: shape.n, addName: ((): string => { const add = (): void => {}; return add.name; })() }));
if (process.argv.includes('--throw')) {
  throw new Error('thrown from main.ts');
}
`,
);

describe('source loader (bin/register.mjs)', () => {
  it('resolves NodeNext .js imports to .ts siblings and strips the types', () => {
    const out = execFileSync(process.execPath, ['--import', REGISTER, join(dir, 'main.ts')], { encoding: 'utf8' });
    // V8 still names `const add = () => …` by itself; keepNames is only needed for minified code.
    expect(JSON.parse(out)).toEqual({ n: 6, addName: 'add' });
  });

  it('maps stack traces to the .ts source line', () => {
    const run = spawnSync(process.execPath, ['--import', REGISTER, join(dir, 'main.ts'), '--throw'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('thrown from main.ts');
    expect(run.stderr).toMatch(/main\.ts:6:\d+/);
  });

  it('emits no keepNames wrapper around named closures (tsx always adds one)', async () => {
    const { load } = (await import(pathToFileURL(join(ROOT, 'bin/ts-hooks.mjs')).href)) as {
      load: (url: string, context: object, next: () => never) => Promise<{ format: string; source: string }>;
    };
    const loaded = await load(pathToFileURL(join(dir, 'hot.ts')).href, {}, () => {
      throw new Error('a .ts file must not reach the next loader');
    });
    expect(loaded.format).toBe('module');
    expect(loaded.source).toContain('const add = ');
    expect(loaded.source).not.toContain('__name');
    // The same transform with keepNames (tsx's setting) wraps it: what this test guards against.
    const withKeepNames = await transform(HOT, { loader: 'ts', format: 'esm', keepNames: true });
    expect(withKeepNames.code).toContain('__name');
  });
});
