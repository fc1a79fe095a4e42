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
 * Every file of the policy bundle the enclave will run: the configured extra files, the policy
 * directory and the baseline file (paths relative to the repository root or absolute).
 */
export async function policyBundleFiles(config: {
  confidential: { policyFiles: readonly string[] };
  guardrails: { policies: { dir?: string; baselineFile?: string } };
}): Promise<string[]> {
  const files = new Set(config.confidential.policyFiles.map((f) => resolve(repositoryRoot, f)));
  const { dir, baselineFile } = config.guardrails.policies;
  if (dir) for (const file of await listFiles(resolve(repositoryRoot, dir))) files.add(file);
  if (baselineFile) files.add(resolve(repositoryRoot, baselineFile));
  return [...files];
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
}): Promise<Measurement> {
  const root = opts.root ?? repositoryRoot;
  const code = await hashFiles(root, await measuredCodeFiles(root));
  const modelRoot = resolve(root, opts.modelDir);
  const models = await hashFiles(modelRoot, await listFiles(modelRoot));
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
