/**
 * Retries with backoff before the first byte, fallback to the next provider, no retry once a stream
 * has started (a mid-stream reset reaches the client as an in-stream error), client disconnects
 * cancelling upstream work, and graceful shutdown that lets in-flight streams finish.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import OpenAI, { type APIError } from 'openai';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { CORE_ONLY, fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { readChatStream } from '../fixtures/streams.js';

let primary: FakeUpstream;
let secondary: FakeUpstream;
let gw: TestGateway;
let client: OpenAI;

beforeAll(async () => {
  primary = await startFakeUpstream();
  secondary = await startFakeUpstream();
  gw = await startGateway({ ...CORE_ONLY,
    upstream: {
      providers: [fakeProvider(primary, { name: 'primary' }), fakeProvider(secondary, { name: 'secondary' })],
      timeoutMs: 2_000,
      retries: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 200 },
    },
  });
  client = gw.client();
});

afterAll(async () => {
  await gw?.close();
  await primary?.close();
  await secondary?.close();
});

beforeEach(() => {
  primary.reset();
  secondary.reset();
});

const ask = (content = 'hello') => client.chat.completions.create({ model: 'fake-model', messages: [{ role: 'user', content }] });

describe('retries and fallback (before the first byte)', () => {
  it('retries 500 and connection resets on the same provider, then succeeds', async () => {
    primary.script({ kind: 'status', status: 500 }, { kind: 'reset' });
    const completion = await ask('third time lucky');
    expect(completion.choices[0]!.message.content).toBe('third time lucky');
    expect(primary.requests.map((r) => r.behaviour)).toEqual(['status', 'reset', 'ok']);
    expect(secondary.requests).toHaveLength(0);
  });

  it('honours a short Retry-After on 429', async () => {
    primary.script({ kind: 'status', status: 429, headers: { 'retry-after-ms': '150' } });
    const started = Date.now();
    await ask();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(primary.requests).toHaveLength(2);
  });

  it('falls back to the next provider when one keeps failing', async () => {
    primary.script({ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const completion = await ask('via secondary');
    expect(completion.choices[0]!.message.content).toBe('via secondary');
    expect(primary.requests).toHaveLength(3);
    expect(secondary.requests).toHaveLength(1);
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    expect(metrics).toMatch(/sealgate_upstream_errors_total\{provider="primary",kind="server_error"\} [3-9]/);
  });

  it('falls back at once on a Retry-After longer than the backoff ceiling', async () => {
    primary.script({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    await ask();
    expect(primary.requests).toHaveLength(1);
    expect(secondary.requests).toHaveLength(1);
  });

  it('retries a stream that fails before its first chunk', async () => {
    primary.script({ kind: 'reset' });
    const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'streamed fine' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('streamed fine');
    expect(primary.requests).toHaveLength(2);
  });
});

describe('after the first byte', () => {
  it('does not retry a mid-stream reset: the client gets what arrived, then an in-stream error', async () => {
    primary.script({ kind: 'reset_mid_stream', afterChunks: 3, text: 'one two three four five six' });
    const stream = await client.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] });
    const { text, error: err } = await readChatStream(stream);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as APIError).error).toMatchObject({ code: 'upstream_error' });
    expect(text).toBe('one two');
    expect(primary.requests).toHaveLength(1);
    expect(secondary.requests).toHaveLength(0);
  });

  it('stops the upstream stream when the client goes away', async () => {
    primary.script({ kind: 'ok', text: Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '), chunkDelayMs: 10 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] },
      { signal: controller.signal },
    );
    let seen = 0;
    await (async () => {
      for await (const _chunk of stream) if (++seen === 3) controller.abort();
    })().catch(() => undefined);
    // The gateway aborts its upstream request: the fake sees its response cut short by the gateway.
    await expect.poll(() => primary.requests[0]?.clientClosed, { timeout: 2_000 }).toBe(true);
    expect(primary.requests[0]!.completed).toBe(false);
    // Only the /metrics request itself is still in flight.
    await expect.poll(async () => (await (await fetch(`${gw.url}/metrics`)).text()).match(/sealgate_requests_in_flight (\d+)/)?.[1], { timeout: 2_000 }).toBe('1');
  });
});

describe('backpressure', () => {
  it('delivers a long stream in full to a client that reads slowly', async () => {
    const words = 30_000;
    primary.script({ kind: 'ok', text: Array.from({ length: words }, (_, i) => `w${i}`).join(' ') });
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${gw.baseURL}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' } }, (res) => {
        res.pause(); // let the gateway's socket buffers fill up first
        setTimeout(() => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve(text));
          res.resume();
        }, 300);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    });
    expect(received.endsWith('data: [DONE]\n\n')).toBe(true);
    const text = received
      .split('\n\n')
      .filter((e) => e.startsWith('data: {'))
      .map((e) => (JSON.parse(e.slice(6)) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '')
      .join('');
    expect(text.split(' ')).toHaveLength(words);
    expect(text.endsWith(`w${words - 1}`)).toBe(true);
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight streams, then refuses new connections', async () => {
    const fake = await startFakeUpstream();
    const gw2 = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } });
    try {
      fake.script({ kind: 'ok', text: 'slow stream still completes fully', chunkDelayMs: 40 });
      const c = gw2.client();
      const stream = await c.chat.completions.create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] });
      const collected = (async () => {
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
        return text;
      })();
      const closing = gw2.close(5_000);
      // While draining, /readyz would say so; new connections are refused once the listener is closed.
      expect(await collected).toBe('slow stream still completes fully');
      await closing;
      await expect(fetch(`${gw2.url}/healthz`)).rejects.toThrow();
    } finally {
      await fake.close();
    }
  });

  it('cuts streams that outlive the grace period', async () => {
    const fake = await startFakeUpstream();
    const gw2 = await startGateway({ ...CORE_ONLY, upstream: { providers: [fakeProvider(fake)] } });
    try {
      fake.script({ kind: 'ok', text: Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '), chunkDelayMs: 50 });
      // node:http rather than fetch: we want to observe the cut connection, not an SDK error.
      const cut = new Promise<{ complete: boolean; received: string }>((resolve, reject) => {
        const req = httpRequest(`${gw2.baseURL}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${gw2.apiKey}`, 'content-type': 'application/json' } }, (res) => {
          let received = '';
          res.on('data', (d: Buffer) => (received += d.toString()));
          res.on('close', () => resolve({ complete: res.complete, received }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'x' }] }));
      });
      await expect.poll(() => fake.requests.length).toBe(1);
      // 100 chunks × 50 ms would take 5 s; a 200 ms grace cuts it, and close() still resolves.
      await gw2.close(200);
      const { received } = await cut;
      // Ended by the gateway with an error event (shutdown-stream-error-event.test.ts), never as a finished answer.
      expect(received).not.toContain('[DONE]');
      expect(received).toContain('"code":"server_shutdown"');
    } finally {
      await fake.close();
    }
  });
});
