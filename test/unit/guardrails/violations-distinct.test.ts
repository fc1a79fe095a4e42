/**
 * ViolationStore: the distinct members a subject (an API key) saw blocked within the window, used by
 * `distinctUsers` key rules, on memory and Redis; and a clean request of an unknown subject takes no
 * room in the memory store (fresh end-user ids cannot push other subjects' records and penalties out).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryViolationStore, RedisViolationStore, type ViolationStore } from '../../../src/store/violations/index.js';
import { redisEnabled, requireRedisUrl } from '../../redis-env.js';

function contract(name: string, make: () => Promise<ViolationStore>, wait: (ms: number) => Promise<void>) {
  describe(`${name} violation store: distinct members`, () => {
    it('counts each member once, a member-less violation as one, clean requests not at all; members leave with the window', async () => {
      const store = await make();
      try {
        const s = `key:${randomUUID()}`;
        expect(await store.record(s, true, 1000, 'user:t:a')).toEqual({ consecutive: 1, inWindow: 1, distinctUsers: 1 });
        expect(await store.record(s, true, 1000, 'user:t:a')).toEqual({ consecutive: 2, inWindow: 2, distinctUsers: 1 });
        expect(await store.record(s, false, 1000, 'user:t:b')).toEqual({ consecutive: 0, inWindow: 2, distinctUsers: 1 });
        expect(await store.record(s, true, 1000, 'user:t:b')).toMatchObject({ distinctUsers: 2 });
        expect(await store.record(s, true, 1000, null)).toMatchObject({ distinctUsers: 3 });
        expect(await store.record(s, true, 1000, null)).toMatchObject({ distinctUsers: 3 });
        // Without a member argument the counts are the plain ones (per-user subjects).
        expect(await store.record(`user:${randomUUID()}`, true, 1000)).toEqual({ consecutive: 1, inWindow: 1 });
        await wait(600);
        expect(await store.record(s, true, 1000, 'user:t:a')).toMatchObject({ distinctUsers: 3 }); // a refreshed
        await wait(600);
        // b and the member-less one left the window; a (refreshed 600 ms ago) did not.
        expect(await store.record(s, true, 1000, 'user:t:c')).toMatchObject({ inWindow: 2, distinctUsers: 2 });
      } finally {
        await store.close();
      }
    });
  });
}

let clock = Date.now();
contract('memory', async () => new MemoryViolationStore(() => clock), async (ms) => void (clock += ms));
describe.runIf(redisEnabled)('redis', () => {
  contract('redis', async () => RedisViolationStore.connect(requireRedisUrl()), (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
});

describe('memory violation store: clean requests of unknown subjects', () => {
  it('take no room, so they cannot evict a penalized subject', async () => {
    const store = new MemoryViolationStore();
    await store.record('user:t:eve', true, 60_000);
    await store.setPenalty('user:t:eve', { kind: 'suspend', untilMs: Date.now() + 60_000 });
    for (let i = 0; i < 100_001; i++) await store.record(`user:t:fresh-${i}`, false, 60_000);
    expect((await store.getPenalty('user:t:eve'))?.kind).toBe('suspend');
    expect((store as unknown as { subjects: Map<string, unknown> }).subjects.size).toBe(1);
  });
});
