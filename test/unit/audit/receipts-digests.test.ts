import { describe, expect, it } from 'vitest';
import { generateAuditKey, parseAuditKey, keysFromSeed } from '../../../src/audit/keys.js';
import { ReceiptIssuer } from '../../../src/audit/receipts.js';
import { decodeReceipt, verifyReceipt } from '../../../src/protocol/receipt-token.js';
import { verifyReceiptSignature } from '../../../src/protocol/receipt.js';
import { digestContent } from '../../../src/audit/digest.js';
import { createDigestStages, outputContent } from '../../../src/audit/digest-stage.js';
import type { RequestContext } from '../../../src/pipeline/types.js';
import { requestRecordBody, outcomeKind } from '../../../src/audit/build.js';
import { outcome } from './helpers.js';

function ctx(): RequestContext {
  return { requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] };
}

describe('receipts', () => {
  const keys = generateAuditKey();
  const issuer = new ReceiptIssuer(keys.signingKey, keys.kid);
  const facts = {
    requestId: 'req_abc',
    tenantId: 'acme',
    digests: { input: digestContent(keys, 'in'), output: digestContent(keys, 'out') },
    policyVersion: 'v3',
    verdicts: [{ stage: 'input' as const, detector: 'pii', category: 'pii.email', score: 0.91234567, action: 'redact' as const }],
    measurement: 'ab'.repeat(32),
    final: true,
  };

  it('binds request id, digests, policy version, verdicts and measurement; any change breaks it', () => {
    const token = issuer.issue(facts);
    expect(token).toMatch(/^sgr1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    const p = decodeReceipt(token);
    expect(p).toMatchObject({ rid: 'req_abc', ten: 'acme', pv: 'v3', m: facts.measurement, fin: true, kid: keys.kid });
    expect(p.vd).toEqual([{ st: 'input', det: 'pii', cat: 'pii.email', sc: 0.9123, act: 'redact' }]);
    expect(verifyReceipt(token, keys.publicKeyRaw, { requestId: 'req_abc', digests: { in: facts.digests.input, out: facts.digests.output }, policyVersion: 'v3', measurement: facts.measurement, final: true })).toMatchObject({ valid: true });
    for (const [expect_, reason] of [
      [{ digests: { in: digestContent(keys, 'other') } }, /input digest/],
      [{ digests: { out: digestContent(keys, 'other') } }, /output digest/],
      [{ measurement: 'cd'.repeat(32) }, /measurement/],
    ] as const) {
      expect(verifyReceipt(token, keys.publicKeyRaw, expect_)).toMatchObject({ valid: false, reason: expect.stringMatching(reason) });
    }
    const other = generateAuditKey();
    expect(verifyReceipt(token, other.publicKeyRaw)).toMatchObject({ valid: false, reason: expect.stringMatching(/unknown key id/) });
    // Signed with the same domain separation the enclave uses: the protocol's verifier accepts it too.
    const [, body, sig] = token.split('.');
    return expect(verifyReceiptSignature(Buffer.from(body!, 'base64url'), Buffer.from(sig!, 'base64url'), Buffer.from(keys.publicKeyRaw, 'base64url'))).resolves.toBe(true);
  });

  it('provisional (stream header) receipts fail a --final check', () => {
    const token = issuer.issue({ ...facts, final: false });
    expect(verifyReceipt(token, keys.publicKeyRaw, { final: true })).toMatchObject({ valid: false, reason: expect.stringMatching(/provisional/) });
    expect(verifyReceipt('not-a-token', keys.publicKeyRaw)).toMatchObject({ valid: false });
  });
});

describe('keys and digests', () => {
  it('loads the audit key from a seed (hex/base64/base64url) or PEM to the same key, and derives a stable digest key', () => {
    const k = generateAuditKey();
    const pem = k.signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    for (const text of [k.seed.toString('hex'), k.seed.toString('base64'), k.seed.toString('base64url'), pem]) {
      const again = parseAuditKey(text);
      expect(again.kid).toBe(k.kid);
      expect(again.digestKey.equals(k.digestKey)).toBe(true);
    }
    expect(() => parseAuditKey('too-short')).toThrow(/32 bytes/);
    expect(digestContent(k, 'same')).toBe(digestContent(keysFromSeed(k.seed), 'same'));
    expect(digestContent(k, 'same')).not.toBe(digestContent(generateAuditKey(), 'same'));
  });

  it('streamed and non-streamed answers with the same text get the same output digest', async () => {
    const keys = generateAuditKey();
    const stages = createDigestStages(keys);
    const plain = ctx();
    await stages.output.output!({ surface: 'chat.completions', body: {}, ctx: plain, response: { choices: [{ index: 0, message: { role: 'assistant', content: 'Hello world' } }] } });
    const streamed = ctx();
    async function* chunks() {
      yield { choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' } }] };
      yield { choices: [{ index: 0, delta: { content: ' world' } }] };
      yield { choices: [], usage: { prompt_tokens: 1 } };
    }
    for await (const _ of stages.output.outputStream!({ surface: 'chat.completions', body: {}, ctx: streamed, chunks: chunks() })) void _;
    expect(streamed.digests?.output).toBe(plain.digests?.output);
    expect(plain.digests?.output).toBe(digestContent(keys, 'Hello world'));
    expect(outputContent({ output: [{ content: [{ type: 'output_text', text: 'Hi' }] }] })).toBe('Hi');
    expect(outputContent({ data: [{ embedding: [0.1] }] })).toBeUndefined();
  });

  it('one-choice answers give the text the general per-choice join gives (the fast path is invisible)', () => {
    // The general rule (every choice, in index order, tool-call arguments appended, joined by U+0000), written out.
    const general = (choices: Array<Record<string, unknown>>): string => {
      const parts = new Map<number, string[]>();
      const add = (index: unknown, text: unknown) => {
        if (typeof text !== 'string' || text.length === 0) return;
        const i = typeof index === 'number' ? index : 0;
        parts.set(i, [...(parts.get(i) ?? []), text]);
      };
      for (const c of choices) {
        const msg = c.message as { content?: unknown; tool_calls?: Array<{ function?: { arguments?: unknown } }> } | undefined;
        const content = msg?.content;
        const text = Array.isArray(content) ? content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('') : content;
        add(c.index, msg ? (typeof text === 'string' ? text : undefined) : c.text);
        for (const call of msg?.tool_calls ?? []) add(c.index, call.function?.arguments);
      }
      return [...parts.entries()].sort(([a], [b]) => a - b).map(([, l]) => l.join('')).join('\u0000');
    };
    const contents = ['Hi there', '', null, undefined, 7, [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], []];
    const toolCalls = [undefined, null, [], [{ function: { arguments: '{"x":1}' } }], [{ function: {} }]];
    const messages = [undefined, null, 'str', ...contents.flatMap((content) => toolCalls.map((tool_calls) => ({ role: 'assistant', content, tool_calls })))];
    let checked = 0;
    for (const message of messages)
      for (const index of [0, 2, undefined])
        for (const text of [undefined, 'legacy']) {
          const choice = { index, message, text };
          expect(outputContent({ choices: [choice] })).toBe(general([choice]));
          expect(outputContent({ choices: [choice, { index: 1, message: { content: 'second' } }] })).toBe(general([choice, { index: 1, message: { content: 'second' } }]));
          checked++;
        }
    expect(checked).toBeGreaterThan(200);
  });
});

describe('record builder', () => {
  it('keeps identifiers, drops caller text from free-form fields, and classifies outcomes', () => {
    const keys = generateAuditKey();
    const body = JSON.parse(
      requestRecordBody(outcome(1, keys, { model: 'john.doe@example.com', requestId: 'has space', route: '/v1/x?email=a@b.c', sourceIp: 'not an ip' }), 'c', 0, 'A'.repeat(43)),
    );
    expect(body.model).toBe('[unrecognised]');
    expect(body.requestId).toBe('[unrecognised]');
    expect(body.route).toBe('/v1/x');
    expect(body.sourceIp).toBeUndefined();
    const unknownModel = JSON.parse(requestRecordBody(outcome(2, keys, { status: 404, errorCode: 'model_not_found', model: '13912345678' }), 'c', 0, 'A'.repeat(43)));
    expect(unknownModel.model).toBeUndefined();
    expect(outcomeKind({ status: 429, verdicts: [] })).toBe('rate_limited');
    expect(outcomeKind({ status: 200, verdicts: [{ stage: 'input', detector: 'pii', category: 'pii.x', score: 1, action: 'pseudonymize' }] })).toBe('transformed');
    expect(outcomeKind({ status: 200, verdicts: [{ stage: 'output', detector: 'tox', category: 'toxicity.x', score: 1, action: 'flag' }] })).toBe('flagged');
    expect(outcomeKind({ status: 400, errorCode: 'content_policy_violation', verdicts: [] })).toBe('blocked');
    expect(outcomeKind({ status: 502, verdicts: [] })).toBe('failed');
  });
});
