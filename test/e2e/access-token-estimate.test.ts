/**
 * The tokens-per-minute check estimates a request before the call from its body bytes / 4 (plus the
 * completion budget). It read the bytes from Content-Length, so a chunked or gzip-compressed body —
 * the same prompt, sent another way — was estimated at 0 prompt tokens (or at its compressed size)
 * and admitted although the bucket could not cover it. The estimate now counts the bytes the body
 * reader decoded.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { createKey } from '../../src/cli/keys.js';
import { FileKeyStore } from '../../src/store/key-store/file.js';

let fake: FakeUpstream;
let gw: TestGateway;
const LIMITS = { tokensPerMinute: 8000 };

beforeAll(async () => {
  fake = await startFakeUpstream();
  gw = await startGateway({
    ...CORE_ONLY,
    upstream: { providers: [fakeProvider(fake)] },
    access: { tenants: { plain: { limits: LIMITS }, chunked: { limits: LIMITS }, gzipped: { limits: LIMITS } } },
  });
});

afterAll(async () => {
  await gw?.close();
  await fake?.close();
});

// ~20 KB of prompt: ~5,000 estimated tokens, so two of them do not fit in 8,000 a minute.
const body = JSON.stringify({ model: 'fake-model', max_tokens: 10, messages: [{ role: 'user', content: 'lorem ipsum dolor sit amet '.repeat(750) }] });

async function post(apiKey: string, how: 'plain' | 'chunked' | 'gzipped') {
  const payload = how === 'plain' ? body : how === 'chunked' ? new Blob([body]).stream() : gzipSync(body);
  const res = await fetch(`${gw.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...(how === 'gzipped' ? { 'content-encoding': 'gzip' } : {}) },
    body: payload,
    ...(how === 'chunked' ? { duplex: 'half' } : {}),
  } as RequestInit);
  await res.text();
  return res.status;
}

describe('tokens-per-minute estimate', () => {
  it.each(['plain', 'chunked', 'gzipped'] as const)('a second large prompt sent %s while the first is in flight is refused', async (how) => {
    const { key } = await createKey(new FileKeyStore(gw.config.access.keysFile), { tenant: how });
    fake.script({ kind: 'ok', text: 'ok', delayMs: 400 });
    const first = post(key, 'plain');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await post(key, how)).toBe(429);
    expect(await first).toBe(200);
  });
});
