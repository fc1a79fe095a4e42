/**
 * The guard stage scans without a promise when every detector answers synchronously (Scanner.scanNow);
 * an asynchronous detector (a model backend) still has its findings awaited and decided, and a detector
 * that throws synchronously still fails the stage closed.
 */
import { describe, expect, it } from 'vitest';
import type { Detector, Finding } from '../../../guardrails/core/types.js';
import { loadPolicySet, type PolicyFileInput } from '../../../guardrails/policy/index.js';
import { createDetector } from '../../../guardrails/registry.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../../src/pipeline/guard.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });
const chat = (...contents: string[]) => ({ model: 'm', messages: contents.map((content) => ({ role: 'user', content })) });
const policy: PolicyFileInput = { input: [{ category: 'remote.flagged', action: 'block' }] };

function stageWith(detectors: Detector[]) {
  return createGuardStage({ config: guardrailsSection.parse({}), policies: { current: loadPolicySet({ defaultPolicy: policy }) }, scanner: new Scanner(detectors) });
}

/** A detector whose backend answers later (a model server): flags texts containing "forbidden". */
const remote: Detector = {
  name: 'remote',
  detect: async (text) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const at = text.indexOf('forbidden');
    return at < 0 ? [] : [{ detector: 'remote', category: 'remote.flagged', start: at, end: at + 9, score: 0.99 } satisfies Finding];
  },
};

const throwsNow: Detector = {
  name: 'broken',
  detect: () => {
    throw new Error('broken detector');
  },
};

describe('guard stage scanning', () => {
  it('awaits an asynchronous detector next to synchronous ones, and decides on its findings', async () => {
    const pii = await createDetector('pii', {});
    const stage = stageWith([pii, remote]);
    const c = ctx();
    const blocked = await stage.input!({ surface: 'chat.completions', body: chat('hello', 'this is forbidden'), ctx: c });
    expect(blocked).toMatchObject({ action: 'stop', result: { status: 400, error: { code: 'content_policy_violation' } } });
    expect(c.verdicts).toEqual([expect.objectContaining({ detector: 'remote', category: 'remote.flagged', action: 'block' })]);
    expect(await stage.input!({ surface: 'chat.completions', body: chat('hello there'), ctx: ctx() })).toMatchObject({ action: 'continue' });
  });

  it('scanNow returns findings without a promise for synchronous detectors, the same as scan', async () => {
    const pii = await createDetector('pii', {});
    const scanner = new Scanner([pii]);
    const p = loadPolicySet({ defaultPolicy: {} }).forTenant('t');
    const text = 'Call Alice Smith at +1 415 555 0100.';
    const now = scanner.scanNow(text, p, { stage: 'input', role: 'user' });
    expect(now).not.toBeInstanceOf(Promise);
    expect((now as Finding[]).length).toBeGreaterThan(0);
    expect(now).toEqual(await scanner.scan(text, p, { stage: 'input', role: 'user' }));
    expect(new Scanner([pii, remote]).scanNow('forbidden', p, { stage: 'input', role: 'user' })).toBeInstanceOf(Promise);
  });

  it('fails closed when a detector throws synchronously', async () => {
    const result = await stageWith([throwsNow]).input!({ surface: 'chat.completions', body: chat('hi'), ctx: ctx() });
    expect(result).toMatchObject({ action: 'stop', result: { kind: 'error', status: 503, error: { code: 'guardrail_unavailable' } } });
  });
});
