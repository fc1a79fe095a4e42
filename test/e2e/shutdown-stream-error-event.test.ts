/**
 * A stream still running when the shutdown grace period ends is cut. It used to be cut bare, so the official
 * SDK reported a transport failure ("terminated", an APIConnectionError that looks like a network fault) in
 * the middle of the answer (found by QA round 5). It now ends with an OpenAI error event, code
 * `server_shutdown`, which the SDK raises as an APIError the app can tell apart and retry; a Responses stream
 * gets its `error` event.
 */
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../fixtures/gateway.js';

const SLOW = '[[delay: 200]] [[tokens: 200]]';

describe('a stream cut by the shutdown', () => {
  it('chat: the SDK raises an APIError with code server_shutdown after the chunks it already got', async () => {
    const gw = await startGateway({ guardrails: { enabled: false } });
    try {
      const stream = await gw.client({ maxRetries: 0 }).chat.completions.create({ model: 'sealgate-demo', stream: true, messages: [{ role: 'user', content: SLOW }] });
      let chunks = 0;
      let closing: Promise<void> | undefined;
      const err = await (async () => {
        for await (const chunk of stream) {
          chunks += chunk.choices.length > 0 ? 1 : 0;
          closing ??= gw.running.close(0); // grace 0: cut at once, while the stream runs
        }
      })().then(
        () => undefined,
        (e: unknown) => e,
      );
      await closing;
      expect(chunks).toBeGreaterThan(0);
      expect(err).toBeInstanceOf(OpenAI.APIError);
      expect(err).not.toBeInstanceOf(OpenAI.APIConnectionError);
      expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('server_shutdown');
    } finally {
      await gw.close();
    }
  });

  it('responses: the stream ends with an error event naming server_shutdown', async () => {
    const gw = await startGateway({ guardrails: { enabled: false } });
    try {
      const res = await fetch(`${gw.baseURL}/responses`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'sealgate-demo', stream: true, input: SLOW }),
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      await reader.read();
      const closing = gw.running.close(0);
      let text = '';
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      await closing;
      expect(text).toMatch(/event: error\ndata: \{[^\n]*"code":"server_shutdown"/);
    } finally {
      await gw.close();
    }
  });
});

describe('a request still waiting for the model when the grace period ends', () => {
  // Nothing had been sent, so the connection was closed bare: the SDK saw "Connection error." and a plain
  // HTTP client an empty reply. It now gets a 503 in OpenAI's error shape, code server_shutdown.
  it.each([
    ['non-streamed', false],
    ['streamed (before the first chunk)', true],
  ])('%s: 503 server_shutdown with Retry-After, in the OpenAI error shape', async (_name, stream) => {
    const gw = await startGateway({ guardrails: { enabled: false } });
    try {
      const pending = gw
        .client({ maxRetries: 0 })
        .chat.completions.create({ model: 'sealgate-demo', stream, messages: [{ role: 'user', content: '[[delay: 3000]] hello' }] })
        .then(() => undefined, (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 300));
      await gw.running.close(0);
      const err = (await pending) as InstanceType<typeof OpenAI.APIError>;
      expect(err).toBeInstanceOf(OpenAI.APIError);
      expect(err).not.toBeInstanceOf(OpenAI.APIConnectionError);
      expect(err.status).toBe(503);
      expect(err.code).toBe('server_shutdown');
      expect(err.type).toBe('server_error');
      expect(err.headers?.get('retry-after')).toBe('1');
      expect(err.headers?.get('x-request-id')).toBeTruthy();
    } finally {
      await gw.close();
    }
  });
});
