import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI, { APIConnectionError, APIError, BadRequestError } from 'openai';
import { ask, containsBytes, sealedOnly, splitSealedAnswer, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { createConfidentialFetch } from '../../src/client/index.js';
import { fromBase64Url, verifyReceiptSignature, decodeAttestationPayload, sealRequest, utf8 } from '../../src/protocol/index.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway();
});
afterAll(async () => {
  await setup?.close();
});

const listen = (server: Server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** Where a redirect of a sealed request would send it: counts what arrives (it must stay at 0). */
function startSink(): { server: Server; ready: Promise<void>; url: string; hits: number } {
  const sink = {
    hits: 0,
    server: createServer((req, res) => {
      sink.hits++;
      req.resume();
      res.end('{}');
    }),
    get url() {
      return `http://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
    },
    ready: Promise.resolve(),
  };
  sink.ready = listen(sink.server);
  return sink;
}

describe('confidential mode round trips with the official openai SDK', () => {
  it('answers a non-streaming request; only ciphertext crosses the wire', async () => {
    const secret = `moonbeam-${Math.random().toString(36).slice(2)}`;
    const { openai } = setup.client();
    const answer = await openai.chat.completions.create(ask(`remember ${secret}`));
    expect(answer.choices[0]!.message.content).toContain(secret);
    // The upstream (inside the enclave's reach) saw the prompt; the client↔gateway wire never did.
    expect(setup.fake.requests.at(-1)!.raw).toContain(secret);
    const wire = setup.recorded.filter((r) => r.url.includes('/v1/confidential/'));
    expect(wire.length).toBeGreaterThan(0);
    for (const record of wire) {
      expect(containsBytes(record.requestBody!, secret)).toBe(false);
      expect(containsBytes(record.responseBody, secret)).toBe(false);
    }
  });

  it('streams: chunks decrypt in order and end with the authenticated final frame', async () => {
    const { openai } = setup.client();
    setup.fake.script({ kind: 'ok', text: 'one two three four five six', chunkDelayMs: 5 });
    const stream = await openai.chat.completions.create({ ...ask('one two three four five six'), stream: true });
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      chunks++;
    }
    expect(text).toBe('one two three four five six');
    expect(chunks).toBeGreaterThan(1);
  });

  it('serves embeddings and the Responses API too', async () => {
    const { openai } = setup.client();
    const embedding = await openai.embeddings.create({ model: 'fake-model', input: 'hello' });
    expect(embedding.data[0]!.embedding.length).toBeGreaterThan(0);
    const response = await openai.responses.create({ model: 'fake-model', input: 'say hi' });
    expect(response.output_text).toContain('say hi');
  });

  it('caches the attestation until it expires', async () => {
    const { openai } = setup.client();
    const before = setup.recorded.filter((r) => r.url.includes('/v1/attestation')).length;
    await openai.chat.completions.create(ask('What is the capital of France?'));
    await openai.chat.completions.create(ask('What is the capital of Spain?'));
    expect(setup.recorded.filter((r) => r.url.includes('/v1/attestation')).length - before).toBe(1);
  });

  it('passes upstream errors back sealed, with their status', async () => {
    const { openai } = setup.client();
    setup.fake.script({ kind: 'status', status: 400, message: 'bad parameter upstream', code: 'invalid_value' });
    const error = await openai.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe('invalid_value');
  });

  it('lets the enclave sign receipts with its attested key', async () => {
    const { fetch: confidentialFetch } = setup.client();
    const attested = await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`);
    const payload = utf8('{"rid":"req_1"}');
    const signed = await setup.host.signReceipt(payload);
    expect(signed.signingPublicKey).toBe(attested.document.signingPublicKey);
    expect(await verifyReceiptSignature(payload, signed.signature, fromBase64Url(signed.signingPublicKey))).toBe(true);
    expect(await verifyReceiptSignature(utf8('{"rid":"req_2"}'), signed.signature, fromBase64Url(signed.signingPublicKey))).toBe(false);
  });
});

describe('the confidential fetch outside the SDK', () => {
  it('accepts a Request object, passes GETs through and refuses to send other bodies in clear', async () => {
    const { fetch: confidentialFetch } = setup.client();
    const headers = { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' };
    const response = await confidentialFetch(
      new Request(`${setup.gw.baseURL}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(ask('via a Request object')) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toContain('via a Request object');

    const models = await confidentialFetch(`${setup.gw.baseURL}/models`, { headers });
    expect(models.status).toBe(200);

    await expect(confidentialFetch(`${setup.gw.baseURL}/files`, { method: 'POST', headers, body: '{}' })).rejects.toMatchObject({ name: 'ProtocolError' });
    await expect(confidentialFetch(`${setup.gw.baseURL}/chat/completions`, { method: 'POST', headers, body: 'not json' })).rejects.toThrow(/JSON body/);
  });

  it('never follows a redirect with a sealed body', async () => {
    // A hop that answers the sealed POST with 307 (which tells a fetch to re-send the same body to
    // another origin), and the place it points to, which must receive nothing.
    const sink = startSink();
    const redirector = createServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${sink.url}/v1/confidential/chat/completions` }).end();
    });
    await Promise.all([sink.ready, listen(redirector)]);
    try {
      const redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
      const sealedInits: RequestInit[] = [];
      const { fetch: confidentialFetch } = setup.client({
        onRequest: (url, init) => {
          if (!url.includes('/v1/confidential/')) return { url, init };
          sealedInits.push(init);
          return { url: url.replace(setup.gw.url, redirectorUrl), init };
        },
      });
      const headers = { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' };
      await expect(
        confidentialFetch(`${setup.gw.baseURL}/chat/completions`, { method: 'POST', headers, body: JSON.stringify(ask('stay where I sent you')) }),
      ).rejects.toThrow();
      expect(sink.hits).toBe(0);
      // Not by luck of the transport (undici cannot re-send a body it has transferred): the sealed
      // request tells any fetch not to follow redirects.
      expect(sealedInits.map((init) => init.redirect)).toEqual(['error']);
    } finally {
      await Promise.all([sink.server, redirector].map(close));
    }
  });
});

describe('the default transport on Node (node:http, no fetch passed)', () => {
  const nodeClient = () => {
    const confidentialFetch = createConfidentialFetch({ gatewayUrl: setup.gw.url, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] });
    return new OpenAI({ apiKey: setup.gw.apiKey, baseURL: setup.gw.baseURL, maxRetries: 0, timeout: 20_000, fetch: confidentialFetch });
  };

  it('round-trips JSON and streams with the official SDK, and passes plain errors through', async () => {
    const openai = nodeClient();
    const answer = await openai.chat.completions.create(ask('over node http'));
    expect(answer.choices[0]!.message.content).toContain('over node http');

    setup.fake.script({ kind: 'ok', text: 'one two three four', chunkDelayMs: 5 });
    const stream = await openai.chat.completions.create({ ...ask('streamed'), stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('one two three four');

    // Refused by the gateway before the enclave (unknown model): a plain OpenAI error, not a crash.
    await expect(openai.chat.completions.create({ ...ask('x'), model: 'no-such-model' })).rejects.toMatchObject({ status: 404 });
  });

  it('survives a consumer that stops reading a stream early, and keeps serving', async () => {
    const openai = nodeClient();
    setup.fake.script({ kind: 'ok', text: 'alpha beta gamma delta epsilon zeta', chunkDelayMs: 20 });
    const stream = await openai.chat.completions.create({ ...ask('stop early'), stream: true });
    let seen = '';
    for await (const chunk of stream) {
      seen += chunk.choices[0]?.delta?.content ?? '';
      if (seen.length > 0) break;
    }
    expect(seen.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the rest of the stream arrives on a cancelled reader
    const answer = await openai.chat.completions.create(ask('still here'));
    expect(answer.choices[0]!.message.content).toContain('still here');
  });

  it('ends a stream with an error, not a hang, when it is aborted mid-answer', async () => {
    setup.fake.script({ kind: 'ok', text: 'one two three four five six seven eight', chunkDelayMs: 100 });
    const controller = new AbortController();
    const stream = await nodeClient().chat.completions.create({ ...ask('cut me off'), stream: true }, { signal: controller.signal });
    const reading = (async () => {
      for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) controller.abort();
    })();
    await expect(reading).rejects.toThrow();
  });

  it('aborts a sealed request in flight', async () => {
    setup.fake.script({ kind: 'ok', delayMs: 2_000 });
    const controller = new AbortController();
    const pending = nodeClient().chat.completions.create(ask('too slow'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('refuses to follow a redirect', async () => {
    const sink = startSink();
    // In front of the gateway: attestation passes through, the sealed POST is redirected.
    const front = createServer((req, res) => {
      if (req.method === 'GET') {
        void fetch(`${setup.gw.url}${req.url}`, { headers: { authorization: String(req.headers.authorization) } }).then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await r.arrayBuffer()));
        });
        return;
      }
      req.resume();
      res.writeHead(307, { location: `${sink.url}${req.url}` }).end();
    });
    await Promise.all([sink.ready, listen(front)]);
    try {
      const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
      const confidentialFetch = createConfidentialFetch({ gatewayUrl: frontUrl, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] });
      const headers = { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' };
      await expect(confidentialFetch(`${frontUrl}/v1/chat/completions`, { method: 'POST', headers, body: JSON.stringify(ask('stay here')) })).rejects.toThrow(/redirected/);
      expect(sink.hits).toBe(0);
    } finally {
      await Promise.all([sink.server, front].map(close));
    }
  });
});

describe('several tenants through one confidential fetch', () => {
  it('binds each request to the tenant of its own credential', async () => {
    const { createKey } = await import('../../src/cli/keys.js');
    const { createKeyStore } = await import('../../src/store/index.js');
    const store = await createKeyStore(setup.gw.config);
    const { key } = await createKey(store, { tenant: 'acme' });
    await store.close();
    const { fetch: confidentialFetch } = setup.client();
    const OpenAI = (await import('openai')).default;
    const as = (apiKey: string) => new OpenAI({ apiKey, baseURL: setup.gw.baseURL, maxRetries: 0, fetch: confidentialFetch });
    const dev = await as(setup.gw.apiKey).chat.completions.create(ask('hello from dev'));
    const acme = await as(key).chat.completions.create(ask('hello from acme'));
    expect(dev.choices[0]!.message.content).toContain('hello from dev');
    expect(acme.choices[0]!.message.content).toContain('hello from acme');
    expect((await confidentialFetch.attestation.get(`Bearer ${key}`)).tenant).toBe('acme');
    expect((await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`)).tenant).not.toBe('acme');
  });
});

describe('attestation checks before anything is encrypted', () => {
  const expectRefused = async (opts: Parameters<ConfidentialSetup['client']>[0], code: string) => {
    const sentBefore = setup.recorded.filter((r) => r.url.includes('/v1/confidential/')).length;
    const { openai } = setup.client(opts);
    const error = await openai.chat.completions.create(ask('never sent')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).cause).toMatchObject({ name: 'ProtocolError', code });
    expect(setup.recorded.filter((r) => r.url.includes('/v1/confidential/')).length).toBe(sentBefore);
  };

  it('refuses a document signed by another root (forged)', async () => {
    await expectRefused({ rootPublicKey: 'A'.repeat(43) }, 'attestation_signature');
  });

  it('refuses an enclave whose measurement is not allowed', async () => {
    await expectRefused({ allowedMeasurements: ['0'.repeat(64)] }, 'attestation_measurement');
  });

  it('refuses an expired document', async () => {
    await expectRefused({ now: () => Date.now() + 3_600_000 }, 'attestation_expired');
  });

  it('refuses a replayed document (nonce not ours)', async () => {
    let captured: Uint8Array | undefined;
    await setup.client({
      onResponseBytes: (url, bytes) => {
        if (url.includes('/v1/attestation')) captured = bytes;
        return bytes;
      },
    }).openai.chat.completions.create(ask('warm up'));
    await expectRefused({ onResponseBytes: (url, bytes) => (url.includes('/v1/attestation') ? captured! : bytes) }, 'attestation_nonce');
  });

  it('refuses a tampered document', async () => {
    await expectRefused(
      {
        onResponseBytes: (url, bytes) => {
          if (!url.includes('/v1/attestation')) return bytes;
          const body = JSON.parse(Buffer.from(bytes).toString()) as { payload: string };
          const document = decodeAttestationPayload(body.payload) as Record<string, unknown>;
          document.expiresAt = (document.expiresAt as number) + 86_400_000;
          body.payload = Buffer.from(JSON.stringify(document)).toString('base64url');
          return Buffer.from(JSON.stringify(body));
        },
      },
      'attestation_signature',
    );
  });

  it('GET /v1/attestation validates the nonce', async () => {
    const response = await fetch(`${setup.gw.url}/v1/attestation?nonce=short`, { headers: { authorization: `Bearer ${setup.gw.apiKey}` } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_nonce', param: 'nonce' } });
  });
});

describe('bad sealed requests are refused and nothing is decrypted', () => {
  const tamperRequest = (mutate: (body: Uint8Array) => Uint8Array, url?: (u: string) => string) => ({
    onRequest: (u: string, init: RequestInit) =>
      u.includes('/v1/confidential/') ? { url: url ? url(u) : u, init: { ...init, body: mutate(new Uint8Array(init.body as Uint8Array)) as Uint8Array<ArrayBuffer> } } : { url: u, init },
  });
  const expectGatewayError = async (opts: Parameters<ConfidentialSetup['client']>[0], status: number, code: string) => {
    const seenBefore = setup.fake.requests.length;
    const error = await setup.client(opts).openai.chat.completions.create(ask('secret prompt')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status, code });
    expect(setup.fake.requests.length).toBe(seenBefore);
  };

  it('tampered ciphertext', async () => {
    await expectGatewayError(tamperRequest((b) => (b[b.length - 3]! ^= 1, b)), 400, 'confidential_decryption_failed');
  });

  it('AAD mismatch: the envelope replayed on another route', async () => {
    await expectGatewayError(tamperRequest((b) => b, (u) => u.replace('/chat/completions', '/completions')), 400, 'confidential_decryption_failed');
  });

  it('wrong key id', async () => {
    // Key id is the 2nd field: version(1) kem(2) kdf(2) aead(2) len(2) keyId…
    await expectGatewayError(tamperRequest((b) => (b[9] = b[9] === 0x61 ? 0x62 : 0x61, b)), 400, 'confidential_key_unknown');
  });

  it('stale timestamp (a genuinely sealed old request)', async () => {
    const { fetch: confidentialFetch } = setup.client();
    const attested = await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`);
    const sealed = sealRequest({
      recipientPublicKey: attested.hpkePublicKey,
      keyId: attested.document.keyId,
      binding: { tenant: attested.tenant!, route: '/v1/chat/completions', model: 'fake-model', timestampMs: Date.now() - 120_000, requestId: 'stale_request_000001' },
      plaintext: utf8(JSON.stringify(ask('old'))),
    });
    const response = await fetch(`${setup.gw.url}/v1/confidential/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'message/sealgate-request' },
      body: sealed.body as Uint8Array<ArrayBuffer>,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'confidential_stale_timestamp' } });
  });

  it('replayed request', async () => {
    let first: { url: string; init: RequestInit } | undefined;
    await setup.client({ onRequest: (url, init) => (url.includes('/v1/confidential/') ? (first = { url, init }) : { url, init }) }).openai.chat.completions.create(ask('once'));
    const replay = await fetch(first!.url, first!.init);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: { code: 'confidential_replayed_request' } });
  });

  it('malformed envelope and wrong content type', async () => {
    const headers = { authorization: `Bearer ${setup.gw.apiKey}` };
    const sealedPost = (body: Uint8Array<ArrayBuffer>) =>
      fetch(`${setup.gw.url}/v1/confidential/chat/completions`, { method: 'POST', headers: { ...headers, 'content-type': 'message/sealgate-request' }, body });
    const garbage = await sealedPost(new Uint8Array([2, 0, 1]));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ error: { code: 'confidential_malformed_request', type: 'invalid_request_error' } });
    // A version-1 envelope (from a client before the protocol's version 2) is refused by version.
    const versionOne = await sealedPost(new Uint8Array([1, 0, 0x20, 0, 1, 0, 3]));
    expect(versionOne.status).toBe(400);
    expect(await versionOne.json()).toMatchObject({ error: { code: 'confidential_unsupported_version' } });
    const plain = await fetch(`${setup.gw.url}/v1/confidential/chat/completions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(ask('plaintext')),
    });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('an unauthenticated sealed request is refused before the enclave', async () => {
    const response = await fetch(`${setup.gw.url}/v1/confidential/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'message/sealgate-request', authorization: 'Bearer sk-wrong' },
      body: new Uint8Array(64),
    });
    expect(response.status).toBe(401);
  });
});

describe('tampered responses are detected by the client', () => {
  const streamOf = async (onResponseBytes: (url: string, bytes: Uint8Array) => Uint8Array) => {
    setup.fake.script({ kind: 'ok', text: 'alpha beta gamma delta' });
    try {
      const stream = await setup.client({ onResponseBytes }).openai.chat.completions.create({ ...ask('s'), stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    } catch (error) {
      // The client opens the first frame before handing the stream over: an edit there fails create().
      throw error instanceof APIConnectionError ? error.cause : error;
    }
  };
  it('an oversized non-streamed answer is refused at maxAnswerBytes, before it is buffered whole', async () => {
    // The client does not trust the gateway's main thread: 2 MiB of padding after a valid sealed answer.
    setup.fake.script({ kind: 'ok', text: 'alpha beta gamma delta' });
    const { fetch: confidentialFetch } = setup.client({
      maxAnswerBytes: 1024 * 1024,
      onResponseBytes: sealedOnly((bytes) => Buffer.concat([bytes, Buffer.alloc(2 * 1024 * 1024)])),
    });
    const refused = await confidentialFetch(`${setup.gw.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(ask('s')),
    });
    expect(refused.status).toBe(502);
    expect(await refused.json()).toMatchObject({ error: { type: 'confidential_answer_refused', code: 'answer_too_large' } });
  });

  it('truncation (final frame dropped)', async () => {
    const error = await streamOf(
      sealedOnly((bytes) => {
        const { head, frames: f } = splitSealedAnswer(bytes);
        return Buffer.concat([head, ...f.slice(0, -1)]);
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'stream_truncated' });
  });

  it('reordered frames', async () => {
    const error = await streamOf(
      sealedOnly((bytes) => {
        const { head, frames: f } = splitSealedAnswer(bytes);
        return Buffer.concat([head, f[1]!, f[0]!, ...f.slice(2)]);
      }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'decryption_failed' });
  });

  it('a flipped bit in a non-streamed answer', async () => {
    const error = await setup
      .client({ onResponseBytes: sealedOnly((bytes) => (bytes[bytes.length - 1]! ^= 1, bytes)) })
      .openai.chat.completions.create(ask('x'))
      .catch((e: unknown) => e);
    // The client's own non-retryable 502 (confidential-refused-answer-no-retry covers the retries).
    expect(error).toBeInstanceOf(APIError);
    expect(error).toMatchObject({ status: 502, type: 'confidential_answer_refused', code: 'decryption_failed' });
  });
});

describe('operator tooling', () => {
  it('`sealgate enclave measure` predicts the measurement the enclave attests', async () => {
    const { measureFromConfig } = await import('../../src/cli/enclave.js');
    let predicted = await measureFromConfig(setup.gw.config);
    if (predicted.measurement !== setup.host.identity!.measurement) {
      // A shared working tree can change under a running enclave: re-measure both, back to back.
      await setup.host.crash();
      await new Promise<void>((resolve) => setup.host.once('ready', () => resolve()));
      predicted = await measureFromConfig(setup.gw.config);
    }
    expect(predicted.parts).toEqual(setup.host.identity!.parts);
    expect(predicted.measurement).toBe(setup.host.identity!.measurement);
  });

  it('`sealgate attest` prints and verifies a document', async () => {
    const { attestGateway } = await import('../../src/cli/attest.js');
    const measurement = setup.host.identity!.measurement;
    const ok = await attestGateway({ url: setup.gw.url, apiKey: setup.gw.apiKey, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [measurement] });
    expect(ok).toMatchObject({ verified: true, document: { version: 1, measurement, protocol: 'sealgate/2' } });
    expect(ok.tenant).toBeTruthy();
    const pinnedElsewhere = await attestGateway({ url: setup.gw.url, apiKey: setup.gw.apiKey, rootPublicKey: setup.rootPublicKey, allowedMeasurements: ['f'.repeat(64)] });
    expect(pinnedElsewhere).toMatchObject({ verified: false, problem: { code: 'attestation_measurement' } });
    const unpinned = await attestGateway({ url: setup.gw.url, apiKey: setup.gw.apiKey });
    expect(unpinned).toMatchObject({ verified: false, problem: { code: 'no_root_key' } });
  });
});
