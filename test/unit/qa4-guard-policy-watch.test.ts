/**
 * Policy file watching survives a replaced policy directory (QA round 4). The store watched the directory,
 * and a directory watch follows the directory, not its path: after a deploy that renames a new directory onto
 * the path (or deletes it and creates it again), every later edit was ignored: the gateway kept the old
 * policies with no log line until SIGHUP or a restart.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyStore } from '../../guardrails/policy/index.js';

const roots: string[] = [];
const stores: PolicyStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'qa4-watch-'));
  roots.push(root);
  const dir = join(root, 'policies');
  mkdirSync(dir);
  writeFileSync(join(dir, 'acme.yaml'), 'version: v1\n');
  const store = PolicyStore.open({ dir }, { watchFiles: true, debounceMs: 20, recheckMs: 50 });
  stores.push(store);
  return { root, dir, store, label: () => store.current.forTenant('acme').label };
}
const until = (check: () => void) => vi.waitFor(check, { timeout: 5_000, interval: 25 });

describe('policy watch after the directory is replaced', () => {
  it('a directory renamed onto the path: later edits still reload', async () => {
    const { root, dir, label } = setup();
    const next = join(root, 'policies.new');
    mkdirSync(next);
    writeFileSync(join(next, 'acme.yaml'), 'version: v2\n');
    renameSync(dir, join(root, 'policies.old'));
    renameSync(next, dir);
    await until(() => expect(label()).toBe('v2'));
    writeFileSync(join(dir, 'acme.yaml'), 'version: v3\n');
    await until(() => expect(label()).toBe('v3'));
  });

  it('a directory deleted and created again: its files are loaded and watched', async () => {
    const { dir, label } = setup();
    rmSync(dir, { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(label()).toBe('v1'); // the reload of a missing directory is rejected: the old set stays
    mkdirSync(dir);
    writeFileSync(join(dir, 'acme.yaml'), 'version: v2\n');
    await until(() => expect(label()).toBe('v2'));
    writeFileSync(join(dir, 'acme.yaml'), 'version: v3\n');
    await until(() => expect(label()).toBe('v3'));
  });
});
