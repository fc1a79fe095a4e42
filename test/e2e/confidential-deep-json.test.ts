/**
 * Confidential mode: the enclave refuses a sealed body nested tens of thousands of levels deep with a
 * sealed 400 before its pipeline runs (its pipeline overflowed the stack walking it: a sealed 500
 * enclave_internal_error). The gateway's own depth check cannot see inside the ciphertext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfidentialFetch } from '../../src/client/index.js';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;

beforeAll(async () => {
  setup = await startConfidentialGateway();
});

afterAll(async () => {
  await setup?.close();
});

describe('confidential mode: deeply nested sealed bodies', () => {
  it('a sealed 400 from the enclave, nothing sent upstream; a normal body still works', async () => {
    const confidentialFetch = createConfidentialFetch({ gatewayUrl: setup.gw.url, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] });
    const send = (x: string) =>
      confidentialFetch(`${setup.gw.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${setup.gw.apiKey}`, 'content-type': 'application/json' },
        body: `{"model":"fake-model","messages":[{"role":"user","content":"hi","x":${x}}]}`,
      });
    setup.fake.reset();
    const deep = await send(`${'{"a":'.repeat(60000)}1${'}'.repeat(60000)}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
    const arrays = await send(`${'['.repeat(100000)}${']'.repeat(100000)}`);
    expect(arrays.status).toBe(400);
    await arrays.text();
    expect(setup.fake.requests).toHaveLength(0);
    const fine = await send('{"a":[1,{"b":2}]}');
    expect(fine.status).toBe(200);
    await fine.text();
  });
});
