/**
 * The enclave's measurement: SHA-256 over what decides how plaintext is handled. A real TEE measures
 * the loaded image in hardware; here the worker hashes, at start:
 *   code   — every source file of the enclave, the protocol, the pipeline, the upstream client and
 *            the guardrails library (the code that sees plaintext);
 *   models — every file under the guardrail model directory (weights, vocabularies, model cards);
 *   policy — the guardrails and upstream config sections (canonical JSON) plus every policy file:
 *            what is blocked or pseudonymized, and where the enclave may send plaintext (an operator
 *            who points the upstream at their own server changes the measurement).
 * Each part is a hash over sorted (path, content) pairs, so the same tree gives the same value on
 * every machine; the measurement hashes the three parts so an auditor can tell which one changed.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalJson, measurementOf } from '../src/protocol/index.js';
import { loadPolicySet } from '../guardrails/policy/loader.js';

export interface Measurement {
  measurement: string;
  parts: { code: string; models: string; policy: string };
}

/** Repository root, two levels up from this file in source and in dist alike. */
export const repositoryRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * Every directory holding code the enclave worker (or its scan worker) loads. Not only the obvious ones: the
 * input/output digest stage and its key (src/audit) read every plaintext, the repeat-offender stores
 * (src/store) get the end-user pseudonym, the stage trace (src/observability) runs on the request path, and
 * bin/register.mjs + bin/ts-hooks.mjs compile every source file the worker runs from TypeScript. Left out,
 * any of them could be edited to copy plaintext out with the measurement unchanged.
 * test/unit/qa4-guard-measurement.test.ts checks that the workers' import closure stays inside this set.
 */
const CODE_DIRS = ['enclave-sim', 'src/protocol', 'src/pipeline', 'src/upstream', 'src/audit', 'src/store', 'src/observability', 'guardrails'];
const CODE_FILES = ['bin/register.mjs', 'bin/ts-hooks.mjs'];
const CODE_FILE = /\.(?:ts|mts|cts|js|mjs|cjs|json)$/;
const SKIPPED = /(?:\.test\.ts$|(?:^|[/\\])(?:node_modules|models|train)(?:[/\\]|$))/;

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function hashFiles(root: string, files: string[]): Promise<string> {
  const hash = createHash('sha256');
  const relativePaths = files.map((f) => relative(root, f).split(sep).join('/')).sort();
  for (const path of relativePaths) {
    const content = await readFile(join(root, path));
    hash.update(`${path}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

/** The config the measurement covers: guardrails (what happens to text) and upstream (where it may go). */
export function policyConfigOf(config: { guardrails: unknown; upstream: unknown }): unknown {
  return { guardrails: config.guardrails, upstream: config.upstream };
}

/**
 * Every file of the policy bundle the enclave will run: the configured extra files (relative to the repository
 * root or absolute), and every file the policy loader reads (the baseline, default and tenant files and every
 * term list they name, wherever it lies), plus anything else in the policy directory. The directory and the
 * baseline are resolved as the guard resolves them, against the working directory: resolved against the
 * repository root, a gateway started elsewhere hashed the checkout's policies/ while it enforced its own, and a
 * term list outside the directory (`files: [../lists/banned.txt]`, allowed by `listDirs`) was never hashed, so either could be edited
 * with the measurement unchanged.
 */
export async function policyBundleFiles(config: {
  confidential: { policyFiles: readonly string[] };
  guardrails: { enabled?: boolean; policies: { dir?: string; baselineFile?: string; listDirs?: readonly string[] } };
}): Promise<string[]> {
  const files = new Set(config.confidential.policyFiles.map((f) => resolve(repositoryRoot, f)));
  const { dir, baselineFile, listDirs } = config.guardrails.policies;
  if (dir) for (const file of await listFiles(resolve(dir))) files.add(file);
  if (baselineFile) files.add(resolve(baselineFile));
  if (dir || baselineFile) {
    // A broken policy fails here as it would in the guard (the enclave does not start).
    for (const file of loadPolicySet({ dir, baselineFile, listDirs }).files) files.add(file);
  }
  return [...files];
}

/**
 * Model directories the guardrail detectors load besides `confidential.modelDir`: a detector's
 * `options.modelDir` (resolved against the working directory, as the detectors do). Their weights decide what
 * is blocked like the default ones.
 */
export function detectorModelDirs(config: { guardrails: { detectors: Record<string, { enabled?: boolean; options?: Record<string, unknown> }> } }): string[] {
  const dirs = new Set<string>();
  for (const detector of Object.values(config.guardrails.detectors)) {
    const dir = detector.options?.modelDir;
    if (typeof dir === 'string' && dir.length > 0) dirs.add(resolve(dir));
  }
  return [...dirs].sort();
}

/** The source files `measurementParts.code` covers (absolute paths). */
export async function measuredCodeFiles(root: string = repositoryRoot): Promise<string[]> {
  const inDirs = (await Promise.all(CODE_DIRS.map((d) => listFiles(join(root, d)))))
    .flat()
    .filter((f) => CODE_FILE.test(f) && !SKIPPED.test(relative(root, f)));
  // A checkout without them (a built dist that loads no TypeScript) hashes what it has.
  const single = (await Promise.all(CODE_FILES.map((f) => stat(join(root, f)).then((s) => (s.isFile() ? [join(root, f)] : []), () => [])))).flat();
  return [...new Set([...inDirs, ...single])];
}

export async function measureEnclave(opts: {
  root?: string;
  modelDir: string;
  /** Config that decides where plaintext goes and what is done to it (see `policyConfigOf`). */
  policyConfig: unknown;
  policyFiles: readonly string[];
  /** Further weight directories the detectors load (`detectorModelDirs`), absolute. */
  detectorModelDirs?: readonly string[];
}): Promise<Measurement> {
  const root = opts.root ?? repositoryRoot;
  const code = await hashFiles(root, await measuredCodeFiles(root));
  const modelRoot = resolve(root, opts.modelDir);
  let models = await hashFiles(modelRoot, await listFiles(modelRoot));
  if (opts.detectorModelDirs?.length) {
    const all = createHash('sha256').update(`models\0${models}\0`);
    for (const dir of opts.detectorModelDirs) all.update(`${dir}\0${await hashFiles(dir, await listFiles(dir))}\0`);
    models = all.digest('hex');
  }
  const policyHash = createHash('sha256').update(`config\0${canonicalJson(opts.policyConfig ?? {})}\0`);
  // Named by path relative to the root when inside it, so the value does not depend on the checkout location.
  const named = opts.policyFiles.map((file) => {
    const absolute = resolve(root, file);
    const rel = relative(root, absolute).split(sep).join('/');
    return { absolute, name: rel.startsWith('..') ? absolute : rel };
  });
  for (const { absolute, name } of named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const content = await readFile(absolute);
    policyHash.update(`${name}\0${content.length}\0`).update(content);
  }
  const parts = { code, models, policy: policyHash.digest('hex') };
  return { measurement: measurementOf(parts), parts };
}
