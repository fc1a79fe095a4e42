/**
 * Attacks by the gateway's main thread, which relays sealed bytes but is not trusted with them
 * (docs/PROTOCOL.md §1): relabelling a sealed answer's HTTP status or kind, editing a sealed stream,
 * and replaying a captured sealed request past its own replay check. Each must be refused by the
 * client SDK or by the enclave, end to end through the gateway with a fake upstream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIConnectionError, APIError } from 'openai';
import { ask, sealedOnly, splitSealedAnswer, startConfidentialGateway, type ClientOptions, type ConfidentialSetup } from './confidential-fixture.js';
import type { ReplayCache } from '../../src/store/replay-cache/index.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway();
});
afterAll(async () => {
  await setup?.close();
});

/**
 * The protocol error behind whatever the SDK threw: the client's own 502 refusal of a sealed answer
 * (an APIError of type confidential_answer_refused, not retried), or a ProtocolError thrown mid-stream
 * or wrapped in APIConnectionError.
 */
function protocolCode(error: unknown): string | undefined {
  if (error instanceof APIError && error.status === 502 && error.type === 'confidential_answer_refused') return error.code ?? undefined;
  const cause = error instanceof APIConnectionError ? error.cause : error;
  return (cause as { name?: string; code?: string } | undefined)?.name === 'ProtocolError' ? (cause as { code: string }).code : undefined;
}

async function answer(opts: ClientOptions, content = 'x'): Promise<unknown> {
  return setup.client(opts).openai.chat.completions.create(ask(content)).catch((e: unknown) => e);
}

/** Streams a request to the end; returns the text read, or the error the stream (or create) threw. */
async function streamed(opts: ClientOptions): Promise<{ text: string; error?: unknown }> {
  let text = '';
  try {
    const stream = await setup.client(opts).openai.chat.completions.create({ ...ask('s'), stream: true });
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    return { text };
  } catch (error) {
    return { text, error };
  }
}

describe('the HTTP status and kind of a sealed answer are authenticated', () => {
  it('a sealed success relabelled as an error is refused, not surfaced as that error', async () => {
    const error = await answer({ onResponseStatus: sealedOnly(() => 400) });
    expect(protocolCode(error)).toBe('binding_mismatch');
  });

  it('a sealed error relabelled as a success is refused, not returned as a completion', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'bad parameter upstream', code: 'invalid_value' });
    const result = await answer({ onResponseStatus: sealedOnly(() => 200) });
    expect(protocolCode(result)).toBe('binding_mismatch');
  });

  it('a sealed error relabelled as another error status is refused', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'bad parameter upstream', code: 'invalid_value' });
    const result = await answer({ onResponseStatus: sealedOnly(() => 429) });
    expect(protocolCode(result)).toBe('binding_mismatch');
  });

  it('a streamed request: a sealed JSON error presented as a 200 stream is refused, not an empty answer', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'bad parameter upstream', code: 'invalid_value' });
    const { text, error } = await streamed({ onResponseStatus: sealedOnly(() => 200) });
    expect(text).toBe('');
    expect(protocolCode(error)).toBe('binding_mismatch');
  });

  it('a streamed request: a sealed stream relabelled as an error is refused', async () => {
    setup.fake.script({ kind: 'ok', text: 'alpha beta gamma delta' });
    const { error } = await streamed({ onResponseStatus: sealedOnly(() => 400) });
    expect(protocolCode(error)).toBe('binding_mismatch');
  });

  it('a streamed request still gets its genuine sealed error with the status the enclave chose', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'bad parameter upstream', code: 'invalid_value' });
    const { error } = await streamed({});
    expect(error).toMatchObject({ status: 400, code: 'invalid_value' });
  });
});

describe('a sealed stream edited in transit is refused (counter nonces, typed final frame)', () => {
  /** A stream of several sealed frames (chunks a few ms apart are sealed one frame each). */
  const edited = async (edit: (head: Buffer, frames: Buffer[]) => Buffer) => {
    setup.fake.script({ kind: 'ok', text: 'one two three four five', chunkDelayMs: 20 });
    let frameCount = 0;
    const result = await streamed({
      onResponseBytes: sealedOnly((bytes: Uint8Array): Uint8Array => {
        const { head, frames } = splitSealedAnswer(bytes);
        frameCount = frames.length;
        return edit(head, frames);
      }),
    });
    expect(frameCount).toBeGreaterThanOrEqual(3);
    return result;
  };

  it('unedited, the same stream reads whole', async () => {
    const { text, error } = await edited((head, frames) => Buffer.concat([head, ...frames]));
    expect(error).toBeUndefined();
    expect(text).toBe('one two three four five');
  });

  it('a data frame dropped', async () => {
    expect(protocolCode((await edited((head, f) => Buffer.concat([head, f[0]!, ...f.slice(2)]))).error)).toBe('decryption_failed');
  });

  it('a data frame duplicated', async () => {
    expect(protocolCode((await edited((head, f) => Buffer.concat([head, f[0]!, f[0]!, ...f.slice(1)]))).error)).toBe('decryption_failed');
  });

  it('frames reordered', async () => {
    expect(protocolCode((await edited((head, f) => Buffer.concat([head, f[1]!, f[0]!, ...f.slice(2)]))).error)).toBe('decryption_failed');
  });

  it('cut short at a frame boundary, the final frame gone', async () => {
    expect(protocolCode((await edited((head, f) => Buffer.concat([head, ...f.slice(0, -2)]))).error)).toBe('stream_truncated');
  });

  it('cut short inside a frame', async () => {
    expect(protocolCode((await edited((head, f) => Buffer.concat([head, f[0]!, f[1]!.subarray(0, 9)]))).error)).toBe('stream_truncated');
  });

  it('a data frame relabelled as the final frame (early end)', async () => {
    const { text, error } = await edited((head, f) => {
      const early = Buffer.from(f[1]!);
      early[0] = 0x01;
      return Buffer.concat([head, f[0]!, early]);
    });
    expect(protocolCode(error)).toBe('decryption_failed');
    expect(text).not.toBe('one two three four five');
  });
});

describe('the enclave refuses a replayed sealed request itself', () => {
  it('a captured ciphertext replayed by a main thread that skips its own replay check gets no second model call', async () => {
    let captured: { url: string; init: RequestInit } | undefined;
    const first = await setup
      .client({ onRequest: (url, init) => (url.includes('/v1/confidential/') ? (captured = { url, init }) : { url, init }) })
      .openai.chat.completions.create(ask('only once'));
    expect(first.choices[0]!.message.content).toContain('only once');
    const upstreamCalls = setup.fake.requests.length;

    // The compromised main thread: its replay cache waves everything through.
    const runtime = setup.gw.running.gateway.deps.confidential!;
    const honest = runtime.replay;
    const forgetful: ReplayCache = { claim: async () => true, close: async () => {} };
    runtime.replay = forgetful;
    try {
      const replay = await fetch(captured!.url, captured!.init);
      expect(replay.status).toBe(400);
      expect(await replay.json()).toMatchObject({ error: { code: 'confidential_replayed_request', type: 'invalid_request_error' } });
    } finally {
      runtime.replay = honest;
    }
    expect(setup.fake.requests.length).toBe(upstreamCalls);
  });

  it('the same, handed to the enclave directly (no gateway route at all)', async () => {
    let captured: Uint8Array | undefined;
    const { openai, fetch: confidentialFetch } = setup.client({
      onRequest: (url, init) => {
        if (url.includes('/v1/confidential/')) captured = new Uint8Array(init.body as Uint8Array).slice();
        return { url, init };
      },
    });
    await openai.chat.completions.create(ask('direct'));
    const upstreamCalls = setup.fake.requests.length;
    const tenant = (await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`)).tenant!;
    const replayed = setup.host.handle({
      envelope: captured!,
      tenant,
      route: '/v1/chat/completions',
      surface: 'chat.completions',
      meta: { gatewayRequestId: 'req_replay_direct', tenantId: tenant, keyId: 'k' },
    });
    await expect(replayed).rejects.toMatchObject({ status: 400, code: 'confidential_replayed_request' });
    expect(setup.fake.requests.length).toBe(upstreamCalls);
  });
});
