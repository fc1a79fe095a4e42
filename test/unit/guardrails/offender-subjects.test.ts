/**
 * Repeat-offender subjects name the end user from the body's `user` field, which had no length
 * limit (the end-user header is capped at 256): every request, blocked or not, records its subject,
 * so requests with distinct 500 KB `user` values kept ~1 MB each in the in-memory violation store
 * (200 requests: gateway RSS 217 -> 420 MB; the store keeps up to 100,000 subjects) or in Redis
 * keys. A long id is now kept as its digest: bounded size, same user -> same subject. Every id is, since the id
 * is often personal data (an e-mail address) that the store would otherwise keep at rest.
 */
import { describe, expect, it } from 'vitest';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { subjectsOf } from '../../../src/pipeline/guard/repeat-offenders.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

const config = guardrailsSection.parse({}).repeatOffenders;
const ctx = (endUser?: string): RequestContext => ({ requestId: 'r', tenantId: 'acme', keyId: 'k1', signal: new AbortController().signal, timings: {}, verdicts: [], ...(endUser !== undefined ? { endUser } : {}) });

describe('repeat-offender subjects', () => {
  it('never keep the end-user id itself (apps use e-mail addresses and phone numbers): a digest, per tenant', () => {
    const [subject, key] = subjectsOf(ctx('alice@example.com'), config);
    expect(subject).toMatch(/^user#:acme:[A-Za-z0-9_-]{43}$/);
    expect(subject).not.toContain('alice');
    expect(key).toBe('key:k1');
    expect(subjectsOf(ctx('alice@example.com'), config)[0]).toBe(subject);
    expect(subjectsOf({ ...ctx('alice@example.com'), tenantId: 'other' }, config)[0]).not.toBe(subject);
  });

  it('bound a long one: a digest, the same for the same id, different for different ids', () => {
    const long = 'x'.repeat(500_000);
    const [subject] = subjectsOf(ctx(long), config);
    expect(subject!.length).toBeLessThan(128);
    expect(subjectsOf(ctx(long), config)[0]).toBe(subject);
    expect(subjectsOf(ctx(`${long}y`), config)[0]).not.toBe(subject);
    // Never the same subject as a short id that happens to spell the digest.
    expect(subjectsOf(ctx(subject!.slice('user:acme:'.length)), config)[0]).not.toBe(subject);
  });
});
