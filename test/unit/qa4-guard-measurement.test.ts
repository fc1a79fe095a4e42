/**
 * The enclave measurement covers every source file the enclave worker (and its scan worker) loads.
 * Found by QA round 4: the code part hashed enclave-sim/, src/protocol, src/pipeline, src/upstream and
 * guardrails/ only, while the worker also runs src/audit (the digest stage reads every prompt and answer),
 * src/store (violation stores), src/observability and the TypeScript loader in bin/: any of them could be
 * edited to copy plaintext out and the attested measurement stayed the same.
 */
import { mkdtemp, cp, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { measureEnclave, measuredCodeFiles, repositoryRoot } from '../../enclave-sim/measurement.js';

/** Repository files (relative, '/') statically reachable from an entry, node_modules left out. */
async function importClosure(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(repositoryRoot, entry)],
    absWorkingDir: repositoryRoot,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
}

describe('enclave measurement covers the code the enclave runs', () => {
  it('every file the enclave worker, its scan worker and the worker bootstrap import is measured', async () => {
    const measured = new Set((await measuredCodeFiles()).map((f) => relative(repositoryRoot, f).split(sep).join('/')));
    const reachable = new Set<string>();
    for (const entry of ['enclave-sim/worker.ts', 'src/pipeline/guard/scan-worker.ts', 'enclave-sim/boot.mjs']) {
      for (const file of await importClosure(entry)) reachable.add(file);
    }
    // Sanity: the closure does reach past the old five directories.
    expect(reachable.has('src/audit/digest-stage.ts')).toBe(true);
    const unmeasured = [...reachable].filter((f) => !measured.has(f));
    expect(unmeasured).toEqual([]);
    // The source loader runs inside the worker (boot.mjs imports it from a .ts checkout).
    for (const loader of ['bin/register.mjs', 'bin/ts-hooks.mjs']) expect(measured.has(loader)).toBe(true);
  }, 60_000);

  it('an edit to the digest stage changes the measurement', async () => {
    const root = await mkdtemp(join(tmpdir(), 'qa4-measure-'));
    try {
      for (const dir of ['enclave-sim', 'src', 'guardrails', 'bin']) {
        await cp(join(repositoryRoot, dir), join(root, dir), { recursive: true, filter: (src) => !src.includes(`${sep}models${sep}`) || src.endsWith('.md') });
      }
      const opts = { root, modelDir: resolve(root, 'none'), policyConfig: {}, policyFiles: [] };
      const before = await measureEnclave(opts);
      const file = join(root, 'src/audit/digest-stage.ts');
      await writeFile(file, `${await readFile(file, 'utf8')}\n// exfiltrate plaintext here\n`);
      const after = await measureEnclave(opts);
      expect(after.parts.code).not.toBe(before.parts.code);
      expect(after.measurement).not.toBe(before.measurement);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
