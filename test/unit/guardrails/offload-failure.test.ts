/**
 * A long text whose scan worker cannot run fails like any scanner failure: closed (503
 * guardrail_unavailable in the OpenAI error format) by default, through with failOpen. Short texts
 * never touch the pool. Nothing logged carries the text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Detector } from '../../../guardrails/core/types.js';
import { loadPolicySet } from '../../../guardrails/policy/index.js';
import { createDetector } from '../../../guardrails/registry.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../../src/pipeline/guard.js';
import { ScanPool } from '../../../src/pipeline/guard/offload.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

let pii: Detector;
const pools: ScanPool[] = [];

beforeAll(async () => {
  pii = await createDetector('pii');
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

function stageWith(failOpen: boolean, logged: unknown[]) {
  // The worker cannot build this detector: every long text's scan fails.
  const pool = new ScanPool([{ name: 'no-such-detector', options: {} }], { minChars: 1000, workers: 1 });
  pools.push(pool);
  const logger = { info: (o: object) => logged.push(o), warn: (o: object) => logged.push(o), error: (o: object) => logged.push(o) };
  const config = guardrailsSection.parse({ failOpen, repeatOffenders: { enabled: false } });
  return { pool, stage: createGuardStage({ config, policies: { current: loadPolicySet({}) }, scanner: new Scanner([pii], pool), logger }) };
}

const SECRET = 'call Wanda Okonkwo-Haddad on 13800138000 about it. ';

describe('long-text scan pool failures', () => {
  it('fail closed with 503 guardrail_unavailable and log no text', async () => {
    const logged: unknown[] = [];
    const { stage, pool } = stageWith(false, logged);
    const short = await stage.input!({ surface: 'chat.completions', body: { model: 'm', messages: [{ role: 'user', content: SECRET }] }, ctx: ctx() });
    expect(short.action).toBe('continue'); // in-thread: rewritten, the pool untouched
    expect(pool.size).toBe(0);
    const long = await stage.input!({ surface: 'chat.completions', body: { model: 'm', messages: [{ role: 'user', content: SECRET.repeat(40) }] }, ctx: ctx() });
    expect(long).toMatchObject({ action: 'stop', result: { kind: 'error', status: 503, error: { type: 'api_error', code: 'guardrail_unavailable' } } });
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('Okonkwo');
  }, 60_000);

  it('let the request through with failOpen', async () => {
    const { stage } = stageWith(true, []);
    const long = await stage.input!({ surface: 'chat.completions', body: { model: 'm', messages: [{ role: 'user', content: SECRET.repeat(40) }] }, ctx: ctx() });
    expect(long.action).toBe('continue');
  }, 60_000);
});
