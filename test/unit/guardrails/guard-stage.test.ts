/** The guard stage's decisions that need no HTTP: failure handling, answers without an entry, scope. */
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../../guardrails/core/types.js';
import { loadPolicySet, type PolicyFileInput } from '../../../guardrails/policy/index.js';
import { createDetector } from '../../../guardrails/registry.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../../src/pipeline/guard.js';
import { RepeatOffenders } from '../../../src/pipeline/guard/repeat-offenders.js';
import { MemoryViolationStore } from '../../../src/store/violations/memory.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });
const chat = (...contents: string[]) => ({ model: 'm', messages: contents.map((content) => ({ role: 'user', content })) });

function stageWith(policy: PolicyFileInput, detectors: Detector[] = [], config: Record<string, unknown> = {}) {
  return createGuardStage({ config: guardrailsSection.parse(config), policies: { current: loadPolicySet({ defaultPolicy: policy }) }, scanner: new Scanner(detectors) });
}

/** A detector whose backend is down (e.g. a model server that stopped answering). */
const unavailable: Detector = {
  name: 'remote-classifier',
  detect: async () => {
    throw new Error('backend unavailable');
  },
};

describe('guard stage', () => {
  it('fails closed with 503 guardrail_unavailable when a detector fails, or open when configured', async () => {
    const closed = await stageWith({}, [unavailable]).input!({ surface: 'chat.completions', body: chat('hi'), ctx: ctx() });
    expect(closed).toMatchObject({ action: 'stop', result: { kind: 'error', status: 503, error: { code: 'guardrail_unavailable' } } });
    const open = await stageWith({}, [unavailable], { failOpen: true }).input!({ surface: 'chat.completions', body: chat('hi'), ctx: ctx() });
    expect(open).toEqual({ action: 'continue' });
  });

  it('blocks when the answer action has no knowledge-base entry (refusing is the safe side)', async () => {
    const stage = stageWith({ input: [{ category: 'rules.*', action: 'answer' }], rules: { keywords: [{ id: 'x', terms: ['tax advice'] }] } });
    const c = ctx();
    const decision = await stage.input!({ surface: 'chat.completions', body: chat('I need tax advice'), ctx: c });
    expect(decision).toMatchObject({ action: 'stop', result: { status: 400, error: { code: 'content_policy_violation' } } });
    expect(c.verdicts).toEqual([expect.objectContaining({ category: 'rules.x', action: 'answer' })]);
    expect(c.policyVersion).toMatch(/^default@/);
  });

  it('runs every detector only on the newest messages when input.lastMessages is set, PII still on all', async () => {
    const pii = await createDetector('pii');
    const policy: PolicyFileInput = {
      input: [{ category: 'rules.*', action: 'block' }, { category: 'pii.*', action: 'pseudonymize' }],
      rules: { keywords: [{ id: 'x', terms: ['forbidden'] }] },
    };
    const body = chat('forbidden long ago, call 13800138000', 'fine', 'also fine');
    expect(await stageWith(policy, [pii]).input!({ surface: 'chat.completions', body, ctx: ctx() })).toMatchObject({ action: 'stop' });
    const recentOnly = await stageWith(policy, [pii], { input: { lastMessages: 2 } }).input!({ surface: 'chat.completions', body, ctx: ctx() });
    expect(recentOnly.action).toBe('continue');
    expect(JSON.stringify(recentOnly)).not.toContain('13800138000'); // the old turn is still pseudonymized
  });

  it('leaves the body untouched (same object) when nothing is transformed', async () => {
    const decision = await stageWith({}).input!({ surface: 'chat.completions', body: chat('hello'), ctx: ctx() });
    expect(decision).toEqual({ action: 'continue' });
  });
});

describe('repeat-offender counting in the guard stage', () => {
  /** The memory store, with its record calls listed. */
  function countingStore() {
    const store = new MemoryViolationStore();
    const recorded: boolean[] = [];
    const record = store.record.bind(store);
    store.record = (subject, violated, windowMs) => {
      recorded.push(violated);
      return record(subject, violated, windowMs);
    };
    return { store, recorded };
  }
  const withOffenders = (policy: PolicyFileInput, store: MemoryViolationStore) => {
    const config = guardrailsSection.parse({});
    return createGuardStage({ config, policies: { current: loadPolicySet({ defaultPolicy: policy }) }, scanner: new Scanner([]), offenders: new RepeatOffenders(store, config.repeatOffenders) });
  };

  it('counts a request that goes on to the model in its deferred work, a refused one before the refusal', async () => {
    const policy: PolicyFileInput = { input: [{ category: 'rules.*', action: 'block' }], rules: { keywords: [{ id: 'x', terms: ['forbidden'] }] } };
    const { store, recorded } = countingStore();
    const stage = withOffenders(policy, store);
    const clean = await stage.input!({ surface: 'chat.completions', body: chat('hello'), ctx: ctx() });
    expect(clean.action).toBe('continue');
    expect(recorded).toEqual([]); // not on the way to the model
    if (clean.action === 'continue') clean.later?.();
    expect(recorded).toEqual([false]);
    const refused = await stage.input!({ surface: 'chat.completions', body: chat('forbidden'), ctx: ctx() });
    expect(refused.action).toBe('stop');
    expect(recorded).toEqual([false, true]);
  });
});
