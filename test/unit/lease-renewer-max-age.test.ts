/**
 * Leases are renewed while their request runs (b608643), but not forever: a code path that never released
 * its lease would otherwise hold a concurrency slot for the life of the process. After `maxAgeMs` a lease
 * is no longer renewed and expires by its TTL, as before renewal existed.
 */
import { describe, expect, it } from 'vitest';
import { LeaseRenewer, MAX_LEASE_AGE_MS } from '../../src/store/rate-limiter/lease-renewer.js';
import type { Lease } from '../../src/store/rate-limiter/types.js';

const lease = (id: string): Lease => ({ id, buckets: [{ id: `t:${id}`, concurrentRequests: 1 }], estimatedTokens: 0 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LeaseRenewer', () => {
  it('renews a lease until its maximum age, then drops it', async () => {
    let clock = 0;
    const renewed: string[][] = [];
    const renewer = new LeaseRenewer(10, (leases) => void renewed.push(leases.map((l) => l.id)), 1_000, () => clock);
    renewer.add(lease('old'));
    clock = 600;
    renewer.add(lease('young'));
    await sleep(35);
    expect(renewed.at(-1)).toEqual(['old', 'young']);
    clock = 1_200; // 'old' is 1.2 s old, past the 1 s maximum; 'young' 0.6 s
    await sleep(35);
    expect(renewed.at(-1)).toEqual(['young']);
    expect(renewer.size).toBe(1);
    clock = 2_000;
    const ticks = renewed.length;
    await sleep(35);
    expect(renewer.size).toBe(0);
    expect(renewed.length).toBe(ticks); // nothing left to renew: no call, the timer stops
    renewer.close();
  });

  it('defaults to six hours', () => {
    expect(MAX_LEASE_AGE_MS).toBe(6 * 60 * 60 * 1000);
  });
});
