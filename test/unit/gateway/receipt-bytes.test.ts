/**
 * The header receipt on a response's path is issued from its JSON in one buffer (src/audit/receipts.ts,
 * issueJson/issueJsonAsync): the token must be byte for byte the one `issue` builds through
 * receipt-token.ts (payload, label, signature), and verify. Random facts: ids, tenants and policy versions
 * with non-ASCII text (2-, 3- and 4-byte UTF-8), verdict lists, digests, statuses.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateAuditKey } from '../../../src/audit/keys.js';
import { ReceiptIssuer, type ReceiptFacts } from '../../../src/audit/receipts.js';
import { assembleReceipt, verifyReceipt } from '../../../src/protocol/receipt-token.js';
import { receiptSignedBytes } from '../../../src/protocol/receipt.js';
import { createEd25519Signer } from '../../../src/audit/ed25519-signer.js';

const keys = generateAuditKey();
const issuer = new ReceiptIssuer(keys.signingKey, keys.kid);
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const facts: fc.Arbitrary<ReceiptFacts> = fc.record(
  {
    requestId: text,
    tenantId: fc.option(text, { nil: undefined }),
    digests: fc.option(fc.record({ input: fc.option(text, { nil: undefined }), output: fc.option(text, { nil: undefined }) }), { nil: undefined }),
    policyVersion: fc.option(text, { nil: undefined }),
    verdicts: fc.array(
      fc.record({
        stage: fc.constantFrom('input' as const, 'output' as const),
        detector: text,
        category: text,
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        action: fc.constantFrom('flag' as const, 'redact' as const, 'block' as const),
      }),
      { maxLength: 4 },
    ),
    measurement: fc.option(text, { nil: undefined }),
    status: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
    final: fc.boolean(),
  },
  { requiredKeys: ['requestId', 'verdicts', 'final'] },
);

describe('receipt issued from its JSON in one buffer', () => {
  it('is the token issue() and assembleReceipt(receiptSignedBytes) make, and verifies', async () => {
    const sign = createEd25519Signer(keys.signingKey);
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        const now = Date.now();
        const json = JSON.stringify(issuer.payload(f, now));
        const bytes = Buffer.from(json, 'utf8');
        const reference = assembleReceipt(bytes, sign(receiptSignedBytes(bytes)));
        expect(issuer.issueJson(json)).toBe(reference);
        expect(await issuer.issueJsonAsync(json)).toBe(reference);
        if (Math.floor(Date.now() / 1000) === Math.floor(now / 1000)) expect(issuer.issue(f)).toBe(reference);
        expect(verifyReceipt(reference, keys.publicKeyRaw, { requestId: f.requestId }).valid).toBe(true);
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });
});
