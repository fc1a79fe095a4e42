/**
 * Confidential mode: the audit record is built from what the enclave releases (verdicts, digests,
 * usage), never from plaintext, and the final receipt is signed by the enclave's attested key and
 * binds its measurement. Property: random prompts seeded with PII and secret canaries leave no
 * canary, nor any 6+ character piece of one, in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { requestRecord } from '../../src/audit/record.js';
import { verifyReceipt } from '../../src/protocol/receipt-token.js';
import { FileSource } from '../../src/audit/sources.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { assertNoCanary, auditFileLines, piiCanary } from '../fixtures/audit.js';

function auditLines(setup: ConfidentialSetup): string[] {
  return auditFileLines(setup.gw.config.audit.file.dir);
}

describe('audit in confidential mode', () => {
  let setup: ConfidentialSetup;
  beforeAll(async () => {
    setup = await startConfidentialGateway();
  });
  afterAll(async () => {
    await setup.close();
  });

  it('records confidential requests from released verdicts and digests; the final receipt is enclave-signed', async () => {
    const { openai } = setup.client();
    const { response } = await openai.chat.completions
      .create({ model: 'fake-model', messages: [{ role: 'user', content: 'What is the capital of France?' }] })
      .withResponse();
    const rid = response.headers.get('x-request-id')!;
    const audit = setup.gw.running.gateway.deps.audit!;
    // The gateway's header receipt only says what it saw: request, tenant, the enclave it forwarded to.
    const header = verifyReceipt(response.headers.get('x-sealgate-receipt')!, audit.keys.publicKeyRaw, { requestId: rid, measurement: setup.measurement, final: false });
    expect(header).toMatchObject({ valid: true });
    expect(header.payload).toMatchObject({ fin: false, vd: [] });
    expect(header.payload?.dig).toBeUndefined();
    await audit.trail.drain();
    await new Promise((r) => setTimeout(r, 50)); // the enclave signs the final receipt asynchronously
    const rec = auditLines(setup)
      .map((l) => JSON.parse(l))
      .find((r) => r.kind === 'request' && r.requestId === rid);
    const parsed = requestRecord.parse(rec);
    expect(parsed).toMatchObject({ confidential: true, status: 200, measurement: setup.measurement });
    expect(parsed.digests?.input).toMatch(/^hmac-sha256:/);
    expect(parsed.digests?.output).toMatch(/^hmac-sha256:/);

    const got = await fetch(`${setup.gw.baseURL}/receipts/${rid}`, { headers: { authorization: `Bearer ${setup.gw.apiKey}` } });
    const { receipt } = (await got.json()) as { receipt: string };
    const enclaveKey = setup.host.identity!.signingPublicKey;
    const checked = verifyReceipt(receipt, enclaveKey, { requestId: rid, measurement: setup.measurement, final: true, digests: { in: parsed.digests!.input } });
    expect(checked).toMatchObject({ valid: true });
    // The gateway's own audit key did not sign it.
    expect(verifyReceipt(receipt, audit.keys.publicKeyRaw).valid).toBe(false);
    const keys = (await (await fetch(`${setup.gw.baseURL}/receipts/keys`, { headers: { authorization: `Bearer ${setup.gw.apiKey}` } })).json()) as {
      data: Array<{ signer: string; public_key: string }>;
    };
    expect(keys.data.find((k) => k.signer === 'enclave')?.public_key).toBe(enclaveKey);
  });

  it('a confidential stream gets a provisional header receipt and an enclave-signed final one with the output digest', async () => {
    const { openai } = setup.client({ passthrough: true });
    const { data, response } = await openai.chat.completions
      .create({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'Name three rivers in Europe.' }] })
      .withResponse();
    for await (const _chunk of data) void _chunk;
    const rid = response.headers.get('x-request-id')!;
    const audit = setup.gw.running.gateway.deps.audit!;
    const header = verifyReceipt(response.headers.get('x-sealgate-receipt')!, audit.keys.publicKeyRaw, { requestId: rid });
    expect(header.valid && header.payload.fin).toBe(false);
    let final: string | undefined;
    for (let i = 0; i < 50 && !final; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const body = (await (await fetch(`${setup.gw.baseURL}/receipts/${rid}`, { headers: { authorization: `Bearer ${setup.gw.apiKey}` } })).json()) as { receipt?: string };
      if (body.receipt && verifyReceipt(body.receipt, setup.host.identity!.signingPublicKey).valid) final = body.receipt;
    }
    const checked = verifyReceipt(final!, setup.host.identity!.signingPublicKey, { requestId: rid, measurement: setup.measurement, final: true });
    expect(checked.valid && checked.payload.dig?.out).toMatch(/^hmac-sha256:/);
  });

  it('property: no canary reaches the audit trail (confidential, streamed or not)', async () => {
    const { openai } = setup.client();
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(piiCanary, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.lorem({ maxCount: 5 }), async (canaries, stream, filler) => {
        seen.push(...canaries);
        const messages = [{ role: 'user' as const, content: `${filler} ${canaries.join(' / ')} ${filler}` }];
        if (stream) {
          const s = await openai.chat.completions.create({ model: 'fake-model', messages, stream: true }).catch(() => undefined);
          if (s) for await (const _chunk of s) void _chunk;
        } else {
          await openai.chat.completions.create({ model: 'fake-model', messages }).catch(() => undefined);
        }
      }),
      { seed: 424242, numRuns: 25 },
    );
    const audit = setup.gw.running.gateway.deps.audit!;
    await audit.trail.drain();
    const lines = auditLines(setup);
    expect(lines.filter((l) => l.includes('"confidential":true')).length).toBeGreaterThanOrEqual(25);
    // The canaries really went through the enclave to the upstream and back.
    expect(lines.filter((l) => l.includes('"confidential":true') && l.includes('"status":200')).length).toBeGreaterThanOrEqual(20);
    expect(setup.fake.requests.some((r) => seen.some((c) => r.raw.includes(c)) || seen.some((c) => r.raw.includes('<')))).toBe(true);
    assertNoCanary(lines, seen);
    const report = await verifyAudit(await FileSource.from([setup.gw.config.audit.file.dir]), { publicKeys: new Map([[audit.keys.kid, audit.keys.publicKey]]) });
    expect(report.issues).toEqual([]);
  });
});
