/**
 * Policy reload through a running gateway: file change and SIGHUP swap policies atomically while
 * requests are in flight (none lost, each sees the old or the new policy), and a broken file is
 * rejected while the previous policy keeps being enforced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

let fake: FakeUpstream;
let gw: TestGateway;
let dir: string;

const policyBanning = (term: string, version: string) => `
version: ${version}
input:
  - { category: "rules.*", action: block }
rules:
  keywords:
    - { id: banned, category: rules.banned_terms, terms: ["${term}"] }
`;

/** Writes atomically (temp file + rename), as deployment tools do. */
function writePolicy(text: string) {
  const tmp = join(dir, '.dev.yaml.tmp');
  writeFileSync(tmp, text);
  renameSync(tmp, join(dir, 'dev.yaml'));
}

async function ask(content: string) {
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content }] }),
  });
  await res.text();
  return { status: res.status, verdict: res.headers.get('x-sealgate-verdict') ?? '' };
}

const policyOf = (verdict: string) => /policy=(dev@[0-9a-f]+)/.exec(verdict)?.[1];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-reload-'));
  writePolicy(policyBanning('alpha-term', 'v1'));
  fake = await startFakeUpstream();
  gw = await startGateway({
    upstream: { providers: [fakeProvider(fake)] },
    guardrails: { detectors: { pii: { enabled: true } }, policies: { dir, watch: true, reloadOnSighup: true }, repeatOffenders: { enabled: false } },
  });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

describe('policy reload in a running gateway', () => {
  it('picks up a changed file and a SIGHUP, losing no request under load; each sees old or new', async () => {
    expect((await ask('say alpha-term')).status).toBe(400);
    const v1 = policyOf((await ask('hello')).verdict)!;

    let stop = false;
    const results: { status: number; policy?: string }[] = [];
    const workers = Array.from({ length: 6 }, async () => {
      while (!stop) {
        const r = await ask('hello there');
        results.push({ status: r.status, policy: policyOf(r.verdict) });
      }
    });

    writePolicy(policyBanning('beta-term', 'v2'));
    await waitFor(async () => (await ask('say beta-term')).status === 400);
    const v2 = policyOf((await ask('hello')).verdict)!;
    expect(v2).not.toBe(v1);
    expect((await ask('say alpha-term')).status).toBe(200);

    writeFileSync(join(dir, 'dev.yaml'), policyBanning('gamma-term', 'v3')); // in place, then SIGHUP
    process.kill(process.pid, 'SIGHUP');
    await waitFor(async () => (await ask('say gamma-term')).status === 400);

    stop = true;
    await Promise.all(workers);
    expect(results.length).toBeGreaterThan(20);
    expect(results.every((r) => r.status === 200)).toBe(true);
    const seen = new Set(results.map((r) => r.policy));
    expect([...seen].every((p) => p !== undefined)).toBe(true);
    expect(seen.has(v1) || seen.has(v2)).toBe(true);
  });

  it('rejects a broken file and keeps enforcing the previous policy', async () => {
    writePolicy(policyBanning('delta-term', 'v4'));
    await waitFor(async () => (await ask('say delta-term')).status === 400);
    const before = policyOf((await ask('hello')).verdict);

    writePolicy('input:\n  - { category: "rules.*", action: obliterate }\n');
    process.kill(process.pid, 'SIGHUP');
    await new Promise((r) => setTimeout(r, 300)); // give the watcher its chance too
    expect((await ask('say delta-term')).status).toBe(400);
    expect(policyOf((await ask('hello')).verdict)).toBe(before);
    expect(gw.running.gateway.deps.guardrails!.policies.stats.failures).toBeGreaterThan(0);

    // A tenant file loosening the baseline is rejected the same way.
    writeFileSync(join(dir, 'baseline.yaml'), 'input:\n  - { category: "rules.*", action: block }\n');
    writePolicy('input:\n  - { category: "rules.banned_terms", action: allow }\n');
    const result = gw.running.gateway.deps.guardrails!.policies.reload();
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('loosens the organisation baseline') });
    expect((await ask('say delta-term')).status).toBe(400);
  });
});
