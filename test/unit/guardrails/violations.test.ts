/**
 * ViolationStore contract on memory and Redis, and the repeat-offender responses (warn, throttle,
 * suspend) it drives, with their verdicts.
 */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MemoryViolationStore, RedisViolationStore, type ViolationStore } from '../../../src/store/violations/index.js';
import { RepeatOffenders } from '../../../src/pipeline/guard/repeat-offenders.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import type { RequestContext } from '../../../src/pipeline/types.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

function contract(name: string, make: () => Promise<ViolationStore>, wait: (ms: number) => Promise<void>, now: () => number) {
  describe(`${name} violation store`, () => {
    it('counts consecutive violations (reset by a clean request) and violations in a sliding window', async () => {
      const store = await make();
      try {
        const s = `test:${randomUUID()}`;
        expect(await store.record(s, true, 300)).toEqual({ consecutive: 1, inWindow: 1 });
        expect(await store.record(s, true, 300)).toEqual({ consecutive: 2, inWindow: 2 });
        expect(await store.record(s, false, 300)).toEqual({ consecutive: 0, inWindow: 2 });
        expect(await store.record(s, true, 300)).toEqual({ consecutive: 1, inWindow: 3 });
        await wait(350);
        expect(await store.record(s, true, 300)).toEqual({ consecutive: 1, inWindow: 1 }); // the streak left the window
      } finally {
        await store.close();
      }
    });

    it('keeps a penalty until it expires, and gates throttled subjects to one request per interval', async () => {
      const store = await make();
      try {
        const s = `test:${randomUUID()}`;
        expect(await store.getPenalty(s)).toBeUndefined();
        await store.setPenalty(s, { kind: 'suspend', untilMs: now() + 200 });
        expect((await store.getPenalty(s))?.kind).toBe('suspend');
        expect(await store.takeSlot(s, 200)).toBe(true);
        expect(await store.takeSlot(s, 200)).toBe(false);
        await wait(250);
        expect(await store.takeSlot(s, 200)).toBe(true);
        expect(await store.getPenalty(s)).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
}

let clock = Date.now();
contract('memory', async () => new MemoryViolationStore(() => clock), async (ms) => void (clock += ms), () => clock);
describe.runIf(redisEnabled)('redis', () => {
  contract('redis', async () => RedisViolationStore.connect(requireRedisUrl()), (ms) => new Promise((resolve) => setTimeout(resolve, ms)), Date.now);
});

describe('repeat offenders', () => {
  const ctx = (endUser?: string): RequestContext => ({ requestId: 'r', tenantId: 'acme', keyId: 'k1', endUser, signal: new AbortController().signal, timings: {}, verdicts: [] });
  const config = guardrailsSection.parse({
    repeatOffenders: {
      rules: [
        { consecutive: 2, response: 'warn' },
        { inWindow: 3, response: 'throttle', durationSeconds: 60, throttleIntervalSeconds: 30 },
        { inWindow: 4, response: 'suspend', durationSeconds: 60 },
      ],
      keyRules: [],
    },
  }).repeatOffenders;

  it('warns, then throttles, then suspends an end user; every step is a verdict', async () => {
    let now = 1_000_000;
    const offenders = new RepeatOffenders(new MemoryViolationStore(() => now), config, () => now);
    const c = ctx('eve');
    await offenders.record(c, true);
    expect(c.verdicts).toEqual([]);
    await offenders.record(c, true);
    expect(c.verdicts.at(-1)).toMatchObject({ detector: 'repeat_offender', category: 'abuse.repeat_offender.warn', action: 'flag' });
    await offenders.record(c, true);
    expect(c.verdicts.at(-1)).toMatchObject({ category: 'abuse.repeat_offender.throttle', action: 'block' });

    expect(await offenders.gate(ctx('eve'))).toBeUndefined(); // first request in the interval passes
    const throttled = await offenders.gate(ctx('eve'));
    expect(throttled).toMatchObject({ kind: 'error', status: 429, error: { code: 'violation_throttled' }, headers: { 'retry-after': '30' } });
    now += 31_000;
    expect(await offenders.gate(ctx('eve'))).toBeUndefined();

    await offenders.record(c, true);
    const suspended = ctx('eve');
    expect(await offenders.gate(suspended)).toMatchObject({ status: 403, error: { code: 'user_suspended' } });
    expect(suspended.verdicts).toEqual([expect.objectContaining({ category: 'abuse.repeat_offender.suspended', action: 'block' })]);
    expect(await offenders.gate(ctx('bob'))).toBeUndefined();
    now += 61_000;
    expect(await offenders.gate(ctx('eve'))).toBeUndefined();
  });
});
