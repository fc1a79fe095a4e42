/**
 * The enclave signs, for the main thread, a receipt for a request id it never released when the payload
 * states no verdicts, digests or policy (requests refused before it opened them). Such a payload could
 * still name any measurement (found by QA round 6): the enclave's attested key vouched that a request
 * ran under code it is not. It now signs only its own measurement (or none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { utf8 } from '../../src/protocol/index.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway({ guardrails: { enabled: false } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

describe('enclave receipts for requests it never released', () => {
  it('refuses a payload naming another measurement; signs its own or none', async () => {
    const other = 'f'.repeat(64);
    expect(other).not.toBe(setup.measurement);
    const base = { v: 1, rid: 'req_qa6_refused_before_open', iat: Math.floor(Date.now() / 1000), ten: 'dev', st: 400, fin: true };
    await expect(setup.host.signReceipt(utf8(JSON.stringify({ ...base, m: other })))).rejects.toMatchObject({ code: 'receipt_refused' });
    await expect(setup.host.signReceipt(utf8(JSON.stringify({ ...base, m: setup.measurement })))).resolves.toMatchObject({ measurement: setup.measurement });
    await expect(setup.host.signReceipt(utf8(JSON.stringify(base)))).resolves.toBeDefined();
  });
});
