/** Replay protection holds across gateway instances when they share Redis (SET NX PX). */
import { describe, expect, it } from 'vitest';
import { redisEnabled, requireRedisUrl } from '../redis-env.js';
import { startConfidentialGateway } from './confidential-fixture.js';

describe.runIf(redisEnabled)('confidential replay cache on Redis', () => {
  it('a request accepted by one instance is refused as a replay by another', async () => {
    const redisUrl = requireRedisUrl();
    const a = await startConfidentialGateway({ redisUrl });
    const b = await startConfidentialGateway({ redisUrl });
    try {
      let captured: { url: string; init: RequestInit } | undefined;
      const { openai } = a.client({ onRequest: (url, init) => (url.includes('/v1/confidential/') ? (captured = { url, init }) : { url, init }) });
      await openai.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content: 'only once' }] });
      const replayed = await fetch(captured!.url.replace(a.gw.url, b.gw.url), captured!.init);
      expect(replayed.status).toBe(400);
      expect(await replayed.json()).toMatchObject({ error: { code: 'confidential_replayed_request' } });
      expect(b.fake.requests).toHaveLength(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
