/**
 * The audit trail through the real gateway: one record per request whatever its fate, receipts on
 * every response (header, GET /v1/receipts/{id}, verified with the published key), and the
 * property that no PII or secret canary — nor any 6+ character piece of one — reaches an audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';
import { FileSource } from '../../src/audit/sources.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { requestRecord } from '../../src/audit/record.js';
import { digestContent } from '../../src/audit/digest.js';
import { RECEIPT_HEADER, verifyReceipt } from '../../src/protocol/receipt-token.js';
import { openRecordLine } from '../../src/audit/seal.js';
import { assertNoCanary, auditFileLines, piiCanary } from '../fixtures/audit.js';

function auditLines(gw: TestGateway): string[] {
  return auditFileLines(gw.config.audit.file.dir);
}

async function post(gw: TestGateway, path: string, body: unknown, key = gw.apiKey) {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { res, text: await res.text() };
}

describe('audit through the gateway', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;

  beforeAll(async () => {
    fake = await startFakeUpstream();
    gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, audit: { checkpoint: { everyRecords: 5 } } });
  });
  afterAll(async () => {
    await gw.close().catch(() => undefined);
    await fake.close();
  });

  it('records every request (served, streamed, rejected, unknown model, unauthenticated) and verifies', async () => {
    const audit = gw.running.gateway.deps.audit!;
    const ok = await post(gw, '/chat/completions', { model: 'fake-model', messages: [{ role: 'user', content: 'hello there' }] });
    expect(ok.res.status).toBe(200);
    const streamed = await post(gw, '/chat/completions', { model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'stream me' }] });
    expect(streamed.res.status).toBe(200);
    const bad = await post(gw, '/chat/completions', { model: 'fake-model', messages: 'nope' });
    expect(bad.res.status).toBe(400);
    const unknown = await post(gw, '/chat/completions', { model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] });
    expect(unknown.res.status).toBe(404);
    const unauth = await post(gw, '/chat/completions', { model: 'fake-model', messages: [] }, 'sk-wrong');
    expect(unauth.res.status).toBe(401);
    await audit.trail.drain();

    const records = auditLines(gw)
      .map((l) => JSON.parse(l))
      .filter((r) => r.kind === 'request')
      .map((r) => requestRecord.parse(r));
    const byId = new Map(records.map((r) => [r.requestId, r]));
    const okRec = byId.get(ok.res.headers.get('x-request-id')!)!;
    expect(okRec).toMatchObject({ status: 200, outcome: 'allowed', route: '/v1/chat/completions', model: 'fake-model', provider: 'fake', stream: false });
    expect(okRec.tenantId).toBeTruthy();
    expect(okRec.usage?.promptTokens).toBeGreaterThan(0);
    expect(okRec.digests?.input).toBe(digestContent(audit.keys, JSON.stringify({ messages: [{ role: 'user', content: 'hello there' }] })));
    expect(okRec.digests?.output).toMatch(/^hmac-sha256:/);
    expect(okRec.timings.upstream).toBeGreaterThan(0);
    expect(byId.get(streamed.res.headers.get('x-request-id')!)).toMatchObject({ stream: true, status: 200 });
    // Same answer text streamed or not → same output digest (fake upstream echoes the prompt).
    expect(byId.get(bad.res.headers.get('x-request-id')!)).toMatchObject({ status: 400, outcome: 'rejected' });
    expect(byId.get(unknown.res.headers.get('x-request-id')!)).toMatchObject({ status: 404, outcome: 'rejected', errorCode: 'model_not_found' });
    expect(byId.get(unauth.res.headers.get('x-request-id')!)).toMatchObject({ status: 401, outcome: 'rejected' });

    const report = await verifyAudit(await FileSource.from([gw.config.audit.file.dir]), { publicKeys: new Map([[audit.keys.kid, audit.keys.publicKey]]) });
    expect(report.issues).toEqual([]);
  });

  it('puts a verifiable receipt on responses and serves the final one at GET /v1/receipts/{id}', async () => {
    const keys = (await (await fetch(`${gw.baseURL}/receipts/keys`, { headers: { authorization: `Bearer ${gw.apiKey}` } })).json()) as {
      data: Array<{ kid: string; public_key: string }>;
    };
    const publicKey = keys.data[0]!.public_key;

    const { res } = await post(gw, '/chat/completions', { model: 'fake-model', messages: [{ role: 'user', content: 'receipt please' }] });
    const rid = res.headers.get('x-request-id')!;
    const token = res.headers.get(RECEIPT_HEADER)!;
    const audit = gw.running.gateway.deps.audit!;
    const inputDigest = digestContent(audit.keys, JSON.stringify({ messages: [{ role: 'user', content: 'receipt please' }] }));
    const checked = verifyReceipt(token, publicKey, { requestId: rid, digests: { in: inputDigest }, final: true });
    expect(checked).toMatchObject({ valid: true });
    expect(checked.valid && checked.payload.dig?.out).toMatch(/^hmac-sha256:/);
    expect(verifyReceipt(token, publicKey, { requestId: 'req_other' })).toMatchObject({ valid: false, reason: expect.stringMatching(/not req_other/) });
    const tampered = token.replace(/\.([^.]+)\./, (_m, p: string) => `.${Buffer.from(Buffer.from(p, 'base64url').toString().replace(rid, `${rid}x`)).toString('base64url')}.`);
    expect(verifyReceipt(tampered, publicKey).valid).toBe(false);

    const fetched = await fetch(`${gw.baseURL}/receipts/${rid}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
    expect(fetched.status).toBe(200);
    expect(((await fetched.json()) as { receipt: string }).receipt).toBe(token);

    // Streams: the header receipt is provisional; the stored one binds the output digest.
    const streamed = await post(gw, '/chat/completions', { model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'stream receipt' }] });
    const sid = streamed.res.headers.get('x-request-id')!;
    const provisional = verifyReceipt(streamed.res.headers.get(RECEIPT_HEADER)!, publicKey, { requestId: sid });
    expect(provisional.valid && provisional.payload.fin).toBe(false);
    await audit.trail.drain();
    await new Promise((r) => setTimeout(r, 20));
    const final = (await (await fetch(`${gw.baseURL}/receipts/${sid}`, { headers: { authorization: `Bearer ${gw.apiKey}` } })).json()) as { receipt: string };
    const finalChecked = verifyReceipt(final.receipt, publicKey, { requestId: sid, final: true });
    expect(finalChecked.valid).toBe(true);
    expect(finalChecked.valid && finalChecked.payload.dig?.out).toMatch(/^hmac-sha256:/);
    expect(finalChecked.valid && finalChecked.payload.st).toBe(200);

    const missing = await fetch(`${gw.baseURL}/receipts/req_doesnotexist`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('receipt_not_found');
    const badId = await fetch(`${gw.baseURL}/receipts/${encodeURIComponent('bad id!')}`, { headers: { authorization: `Bearer ${gw.apiKey}` } });
    expect(badId.status).toBe(400);
  });

  it('puts a verifiable receipt on requests refused before any route ran (401, 400, 413, 404 model), with no verdict claimed', async () => {
    const keys = (await (await fetch(`${gw.baseURL}/receipts/keys`, { headers: { authorization: `Bearer ${gw.apiKey}` } })).json()) as {
      data: Array<{ public_key: string }>;
    };
    const publicKey = keys.data[0]!.public_key;
    const refused = [
      await fetch(`${gw.baseURL}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sg-wrong', 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${gw.baseURL}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' }, body: '{"model":' }),
      await fetch(`${gw.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] }),
      }),
      (await post(gw, '/chat/completions', { model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] })).res,
    ];
    expect(refused.map((r) => r.status)).toEqual([401, 400, 413, 404]);
    for (const res of refused) {
      const token = res.headers.get(RECEIPT_HEADER);
      expect(token, `receipt on ${res.status}`).toBeTruthy();
      const checked = verifyReceipt(token!, publicKey, { requestId: res.headers.get('x-request-id')! });
      expect(checked).toMatchObject({ valid: true });
      expect(checked.valid ? checked.payload.vd : null).toEqual([]);
      // The guardrails never ran: no verdict is claimed for these.
      expect(res.headers.get('x-sealgate-verdict')).toBeNull();
    }
    // Ops probes are not API responses and carry none.
    expect((await fetch(`${gw.url}/healthz`)).headers.get(RECEIPT_HEADER)).toBeNull();
  });
});

async function runCanaryProperty(encrypted: boolean): Promise<void> {
  const fake = await startFakeUpstream();
  const keyDir = mkdtempSync(join(tmpdir(), 'sealgate-audit-key-'));
  const keyFile = join(keyDir, 'audit-enc.key');
  writeFileSync(keyFile, randomBytes(32).toString('base64'));
  const gw = await startGateway({
    upstream: { providers: [fakeProvider(fake)] },
    audit: { checkpoint: { everyRecords: 3 }, ...(encrypted ? { encryption: { file: keyFile } } : {}) },
  });
  const seen: string[] = [];
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piiCanary, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('chat', 'chat-stream', 'responses', 'completions', 'embeddings', 'bad-body', 'unknown-model'),
        fc.lorem({ maxCount: 6 }),
        async (canaries, surface, filler) => {
          seen.push(...canaries);
          const prompt = `${filler} ${canaries.join(' and ')} ${filler}`;
          const headers = { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' };
          const send = (path: string, body: unknown) => fetch(`${gw.baseURL}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.text());
          if (surface === 'chat') await send('/chat/completions', { model: 'fake-model', messages: [{ role: 'user', content: prompt }], user: canaries[0] });
          if (surface === 'chat-stream') await send('/chat/completions', { model: 'fake-model', stream: true, messages: [{ role: 'system', content: canaries.at(-1) }, { role: 'user', content: prompt }] });
          if (surface === 'responses') await send('/responses', { model: 'fake-model', input: prompt });
          if (surface === 'completions') await send('/completions', { model: 'fake-model', prompt });
          if (surface === 'embeddings') await send('/embeddings', { model: 'fake-model', input: [prompt] });
          // Canaries where a careless logger would copy them: the model name and a malformed body.
          if (surface === 'bad-body') await send('/chat/completions', { model: canaries[0], messages: prompt });
          if (surface === 'unknown-model') await send('/chat/completions', { model: canaries[0], messages: [{ role: 'user', content: prompt }] });
        },
      ),
      { seed: encrypted ? 7 : 20261128, numRuns: 60 },
    );
    const audit = gw.running.gateway.deps.audit!;
    await audit.trail.drain();
    // The upstream did see the canaries (they were really in play).
    expect(fake.requests.some((r) => seen.some((c) => r.raw.includes(c)))).toBe(true);
    const lines = auditLines(gw);
    expect(lines.length).toBeGreaterThanOrEqual(60);
    if (encrypted) {
      expect(lines.every((l) => l.startsWith('{"sealed":"aes-256-gcm"'))).toBe(true);
      expect(audit.sealKey).toBeDefined();
    } else {
      assertNoCanary(lines, seen);
    }
    assertNoCanary(
      lines.map((l) => openRecordLine(l, audit.sealKey)),
      seen,
    );
  } finally {
    await gw.close();
    await fake.close();
    rmSync(keyDir, { recursive: true, force: true });
  }
}

describe('property: no canary reaches the audit trail', () => {
  it('random prompts seeded with PII and secrets, every surface, streamed or not (plain log)', async () => {
    await runCanaryProperty(false);
  });
  it('the same with the log encrypted at rest (checked after decryption)', async () => {
    await runCanaryProperty(true);
  });
});
