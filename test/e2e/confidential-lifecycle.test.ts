import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalServerError } from 'openai';
import { renameSync } from 'node:fs';
import { ask, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { startGateway } from '../fixtures/gateway.js';

describe('enclave crash and restart', () => {
  let setup: ConfidentialSetup;
  beforeAll(async () => {
    // A restart spawns a worker that loads the guardrail models: at load 20 (a full test run beside other work) it
    // took over 10 s once, and the re-attesting client was told 503.
    setup = await startConfidentialGateway({ confidential: { readyTimeoutMs: 25_000 } });
  });
  afterAll(async () => {
    await setup?.close();
  });

  it('fails an in-flight request with 503, restarts with fresh keys, and clients re-attest', async () => {
    const { openai } = setup.client();
    await openai.chat.completions.create(ask('warm up'));
    const before = { ...setup.host.identity! };
    const generation = setup.host.generation;

    setup.fake.script({ kind: 'ok', delayMs: 1_000 });
    const seen = setup.fake.requests.length;
    const pending = openai.chat.completions.create(ask('in flight')).catch((e: unknown) => e);
    // Crash once the enclave's upstream call is in flight (a fixed sleep raced a loaded host: the request
    // could reach the enclave only after the restart, and then succeed after re-attesting).
    for (let waited = 0; setup.fake.requests.length === seen && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(setup.fake.requests.length).toBe(seen + 1);
    await setup.host.crash();
    const error = await pending;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'enclave_unavailable' });

    // Same client, cached document now names a key that died with the worker: it re-attests on its own.
    const answer = await openai.chat.completions.create(ask('after restart'));
    expect(answer.choices[0]!.message.content).toContain('after restart');
    expect(setup.host.generation).toBe(generation + 1);
    expect(setup.host.identity!.keyId).not.toBe(before.keyId);
    expect(setup.host.identity!.signingPublicKey).not.toBe(before.signingPublicKey);
    expect(setup.host.identity!.measurement).toBe(before.measurement);
  }, 60_000);

  it('cuts a stream mid-way when the enclave dies; the client reports truncation, not a short answer', async () => {
    const { openai } = setup.client({ passthrough: true });
    setup.fake.script({ kind: 'ok', text: Array.from({ length: 400 }, (_, i) => `w${i}`).join(' '), chunkDelayMs: 50 });
    const stream = await openai.chat.completions.create({ ...ask('w0 w1 w2 w3 w4 w5 w6 w7'), stream: true });
    let received = 0;
    const error = await (async () => {
      for await (const _chunk of stream) {
        if (++received === 3) await setup.host.crash();
      }
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'stream_truncated' });
    const answer = await openai.chat.completions.create(ask('recovered'));
    expect(answer.choices[0]!.message.content).toContain('recovered');
  });

  it('reports the enclave in /readyz', async () => {
    const response = await fetch(`${setup.gw.url}/readyz`);
    expect({ status: response.status, body: await response.json() }).toMatchObject({ status: 200 });
  });
});

describe('key rotation', () => {
  it('keeps traffic flowing through rotations (old key accepted during grace)', async () => {
    const setup = await startConfidentialGateway();
    try {
      const { openai } = setup.client();
      await openai.chat.completions.create(ask('prime the attestation cache'));
      const keys = new Set([setup.host.identity!.keyId]);
      const requests = Array.from({ length: 12 }, (_, i) => openai.chat.completions.create(ask(`Tell me a fun fact about the number ${i}, please.`)));
      for (let i = 0; i < 3; i++) keys.add(await setup.host.rotateKeys());
      const answers = await Promise.all(requests);
      answers.forEach((answer, i) => expect(answer.choices[0]!.message.content).toContain(`number ${i}`));
      expect(keys.size).toBe(4);
      // Sealed to the old (cached) key after rotation: still accepted within the grace period.
      const late = await openai.chat.completions.create(ask('after restart'));
      expect(late.choices[0]!.message.content).toContain('after restart');
    } finally {
      await setup.close();
    }
  });

  it('without grace, a client holding a retired key re-attests and retries once, transparently', async () => {
    const setup = await startConfidentialGateway({ confidential: { keyGraceMs: 0 } });
    try {
      const { openai } = setup.client();
      await openai.chat.completions.create(ask('first'));
      const attestationsBefore = setup.recorded.filter((r) => r.url.includes('/v1/attestation')).length;
      await setup.host.rotateKeys();
      const answer = await openai.chat.completions.create(ask('after rotation'));
      expect(answer.choices[0]!.message.content).toContain('after rotation');
      expect(setup.recorded.filter((r) => r.url.includes('/v1/attestation')).length).toBe(attestationsBefore + 1);
    } finally {
      await setup.close();
    }
  });

  it('rotates on its schedule, and documents never outlive their key', async () => {
    const setup = await startConfidentialGateway({ confidential: { rotationIntervalMs: 1_000, keyGraceMs: 500 } });
    try {
      const { fetch: confidentialFetch } = setup.client();
      const first = await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`);
      expect(first.document.expiresAt).toBeLessThanOrEqual(first.document.issuedAt + 1_500);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      confidentialFetch.attestation.invalidate();
      const second = await confidentialFetch.attestation.get(`Bearer ${setup.gw.apiKey}`);
      expect(second.document.keyId).not.toBe(first.document.keyId);
    } finally {
      await setup.close();
    }
  });
});

describe('enclave restart failures', () => {
  it('keeps retrying a restart that fails (503 meanwhile) and recovers once it can start', async () => {
    const setup = await startConfidentialGateway({ confidential: { readyTimeoutMs: 300 } });
    try {
      const { openai } = setup.client();
      await openai.chat.completions.create(ask('warm up'));
      const keyFile = setup.gw.config.confidential.rootKeyFile;
      renameSync(keyFile, `${keyFile}.away`);
      const failedOnce = new Promise<void>((resolve) => setup.host.once('restart_failed', () => resolve()));
      await setup.host.crash();
      await failedOnce;
      const error = await openai.chat.completions.create(ask('during')).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 503, code: 'enclave_unavailable' });

      const ready = new Promise<void>((resolve) => setup.host.once('ready', () => resolve()));
      renameSync(`${keyFile}.away`, keyFile);
      await ready;
      const answer = await openai.chat.completions.create(ask('after restart'));
      expect(answer.choices[0]!.message.content).toContain('after restart');
    } finally {
      await setup.close();
    }
  });
});

describe('enclave startup', () => {
  it('refuses to start the gateway without a root key, saying how to create one', async () => {
    await expect(
      startGateway({ confidential: { enabled: true, rootKeyFile: '/nonexistent/sealgate-root.json' } }),
    ).rejects.toThrow(/root key file \/nonexistent\/sealgate-root.json is missing: run `sealgate enclave init`/);
  });

  it('refuses an oversized sealed body with 413 before the enclave sees it', async () => {
    const setup = await startConfidentialGateway({ confidential: { maxRequestBytes: 2048 } });
    try {
      const error = await setup.client().openai.chat.completions.create(ask('x'.repeat(4096))).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 413 });
      expect(setup.fake.requests).toHaveLength(0);
    } finally {
      await setup.close();
    }
  });

  it('answers 404 on the confidential routes when confidential mode is off', async () => {
    const gw = await startGateway();
    try {
      const headers = { authorization: `Bearer ${gw.apiKey}` };
      const attestation = await fetch(`${gw.baseURL}/attestation?nonce=${'A'.repeat(43)}`, { headers });
      expect(attestation.status).toBe(404);
      expect(await attestation.json()).toMatchObject({ error: { code: 'confidential_disabled' } });
      const sealed = await fetch(`${gw.baseURL}/confidential/chat/completions`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'message/sealgate-request' },
        body: new Uint8Array(80),
      });
      expect(sealed.status).toBe(404);
    } finally {
      await gw.close();
    }
  });
});
