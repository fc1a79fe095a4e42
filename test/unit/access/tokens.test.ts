import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenSigner, looksLikeToken } from '../../../src/auth/tokens.js';
import { intersectModels, limitsWithin, modelsWithin, tighterLimits } from '../../../src/auth/scope.js';

const SECRET = 'x'.repeat(32);
const claims = { sub: 'kabc', tid: 'acme', models: ['gpt-4o-mini'] as string[], limits: { requestsPerMinute: 10 } };

describe('short-lived tokens', () => {
  it('round-trips claims and looks like a JWT', () => {
    const signer = new TokenSigner(SECRET);
    const { token } = signer.sign(claims, 600);
    expect(token.split('.')).toHaveLength(3);
    expect(looksLikeToken(token)).toBe(true);
    const check = signer.verify(token);
    expect(check.ok && check.claims).toMatchObject({ sub: 'kabc', tid: 'acme', models: ['gpt-4o-mini'], limits: { requestsPerMinute: 10 } });
  });

  it('expires after its TTL', () => {
    const signer = new TokenSigner(SECRET);
    const now = Date.parse('2026-05-01T00:00:00Z');
    const { token } = signer.sign(claims, 60, now);
    expect(signer.verify(token, now + 59_000).ok).toBe(true);
    expect(signer.verify(token, now + 60_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a token signed with another secret, a tampered payload and alg:none', () => {
    const signer = new TokenSigner(SECRET);
    const other = new TokenSigner('y'.repeat(32));
    const { token } = other.sign(claims, 600);
    expect(signer.verify(token)).toEqual({ ok: false, reason: 'bad_signature' });

    const [header, payload, sig] = signer.sign(claims, 600).token.split('.');
    const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), models: '*' })).toString('base64url');
    expect(signer.verify(`${header}.${widened}.${sig}`)).toEqual({ ok: false, reason: 'bad_signature' });

    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(signer.verify(`${none}.${payload}.`)).toEqual({ ok: false, reason: 'malformed' });
    expect(signer.verify('garbage')).toEqual({ ok: false, reason: 'malformed' });
  });

  it('rejects a correctly signed token whose claims are malformed', () => {
    const signer = new TokenSigner(SECRET);
    const header = signer.sign(claims, 60).token.split('.')[0]!;
    const payload = Buffer.from(JSON.stringify({ iss: 'sealgate', sub: 'k' })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url');
    expect(signer.verify(`${header}.${payload}.${sig}`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses short secrets', () => {
    expect(() => new TokenSigner('short')).toThrow(/32 bytes/);
  });
});

describe('scopes never widen', () => {
  it('intersects model scopes', () => {
    expect(intersectModels('*', ['a', 'b'], ['b', 'c'])).toEqual(['b']);
    expect(intersectModels('*', undefined)).toBe('*');
    expect(modelsWithin(['a'], ['a', 'b'])).toBe(true);
    expect(modelsWithin(['a', 'z'], ['a', 'b'])).toBe(false);
    expect(modelsWithin('*', ['a'])).toBe(false);
    expect(modelsWithin(['a'], '*')).toBe(true);
  });

  it('takes the tighter limit on each axis and refuses higher requested limits', () => {
    expect(tighterLimits({ requestsPerMinute: 10, tokensPerMinute: 500 }, { requestsPerMinute: 5, concurrentRequests: 2 })).toEqual({
      requestsPerMinute: 5,
      tokensPerMinute: 500,
      concurrentRequests: 2,
    });
    expect(limitsWithin({ requestsPerMinute: 5 }, { requestsPerMinute: 10, tokensPerMinute: 100 })).toBe(true);
    expect(limitsWithin({ requestsPerMinute: 11 }, { requestsPerMinute: 10 })).toBe(false);
    expect(limitsWithin({ tokensPerMinute: 1e9 }, {})).toBe(true);
  });
});
