/**
 * A request with many texts (an embeddings input of 200,000 short strings is 1 MB; ~18 us each
 * through the three detectors) was scanned in one synchronous loop: a 400 KB body held the event
 * loop for ~3 s (/healthz on the same gateway answered after 3.2 s). The guard now lets the event
 * loop run between slices of scanning; the result is the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../../guardrails/policy/index.js';
import { createDetector } from '../../../guardrails/registry.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../../src/pipeline/guard.js';
import type { GuardStage } from '../../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

let stage: GuardStage;

beforeAll(async () => {
  const detectors = [await createDetector('pii'), await createDetector('toxicity'), await createDetector('intent')];
  stage = createGuardStage({ config: guardrailsSection.parse({ repeatOffenders: { enabled: false } }), policies: { current: loadPolicySet({}) }, scanner: new Scanner(detectors) });
});

const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

describe('guard stage: many texts in one request', () => {
  it('lets other work run while it scans, and still rewrites every text', async () => {
    const input = Array.from({ length: 20_000 }, (_, i) => (i === 19_999 ? 'call 13800138000' : `item ${i}`));
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const decision = await stage.input!({ surface: 'embeddings', body: { model: 'm', input }, ctx: ctx() });
    const ranBeforeTheEnd = otherWorkRan;
    expect(ranBeforeTheEnd).toBe(true);
    expect(decision.action).toBe('continue');
    const rewritten = (decision as { body?: { input: string[] } }).body!.input;
    expect(rewritten[0]).toBe('item 0');
    expect(rewritten[19_999]).toBe('call <PHONE_1>');
  });
});
