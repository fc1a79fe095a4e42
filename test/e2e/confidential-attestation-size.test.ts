/**
 * The attestation answer comes from the gateway's main thread, which a confidential client does not
 * trust. The client (AttestationCache) and `sealgate attest` read it whole (`response.json()` /
 * `text()`), so a hostile main thread could make them buffer without end before a single check: the
 * real document after 8 MiB of JSON white space was read whole and accepted (found by the QA pass).
 * Now the body is refused past MAX_ATTESTATION_BYTES (64 KiB; a document is under 2 KB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttestationCache, MAX_ATTESTATION_BYTES, MAX_CACHED_CREDENTIALS } from '../../src/client/attestation-cache.js';
import { attestGateway } from '../../src/cli/attest.js';
import { fromBase64Url } from '../../src/protocol/index.js';
import { startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';

let setup: ConfidentialSetup;
beforeAll(async () => {
  // The bound test asks for ~1,000 attestations: above the dev tenant's default 600 requests a minute.
  setup = await startConfidentialGateway({ access: { tenants: { dev: { limits: { requestsPerMinute: 1_000_000, tokensPerMinute: 1_000_000_000, concurrentRequests: 10_000 } } } } });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

const PADDING_BYTES = 8 * 1024 * 1024;
const CHUNK = 64 * 1024;

/** A fetch that answers like the gateway, with `PADDING_BYTES` of spaces before its JSON; `pulled` counts what was read. */
function paddingFetch() {
  const state = { pulled: 0 };
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const real = await globalThis.fetch(input, init);
    const json = new Uint8Array(await real.arrayBuffer());
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent < PADDING_BYTES) {
          const n = Math.min(CHUNK, PADDING_BYTES - sent);
          sent += n;
          state.pulled += n;
          controller.enqueue(new Uint8Array(n).fill(0x20));
        } else {
          state.pulled += json.byteLength;
          controller.enqueue(json);
          controller.close();
        }
      },
    });
    return new Response(body, { status: real.status, headers: real.headers });
  }) as typeof globalThis.fetch;
  return { fetch, state };
}

describe('attestation answers are read up to a bound', () => {
  it('the client refuses an oversized attestation body without reading it all', async () => {
    const { fetch, state } = paddingFetch();
    const cache = new AttestationCache({
      gatewayUrl: setup.gw.url,
      rootPublicKey: fromBase64Url(setup.rootPublicKey),
      allowedMeasurements: [setup.measurement],
      fetch,
    });
    const error = await cache.get(`Bearer ${setup.gw.apiKey}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ProtocolError', code: 'attestation_invalid', message: expect.stringMatching(/over 65536 bytes/) });
    expect(state.pulled).toBeLessThanOrEqual(MAX_ATTESTATION_BYTES + 2 * CHUNK);
  });

  it('sealgate attest refuses it too', async () => {
    const { fetch, state } = paddingFetch();
    const error = await attestGateway({ url: setup.gw.url, apiKey: setup.gw.apiKey, rootPublicKey: setup.rootPublicKey, fetch }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'attestation_invalid' });
    expect(state.pulled).toBeLessThanOrEqual(MAX_ATTESTATION_BYTES + 2 * CHUNK);
  });

  it('keeps verified documents for a bounded number of credentials (per-user tokens come and go)', async () => {
    // Every credential is answered with the same gateway's document (its own key sent along).
    const fetch = ((input: string | URL | Request, init?: RequestInit) =>
      globalThis.fetch(input, { ...init, headers: { accept: 'application/json', authorization: `Bearer ${setup.gw.apiKey}` } })) as typeof globalThis.fetch;
    const cache = new AttestationCache({ gatewayUrl: setup.gw.url, rootPublicKey: fromBase64Url(setup.rootPublicKey), allowedMeasurements: [setup.measurement], fetch });
    for (let i = 0; i < MAX_CACHED_CREDENTIALS + 50; i++) await cache.get(`Bearer token-${i}`);
    expect(cache.size).toBe(MAX_CACHED_CREDENTIALS);
    // The newest stay cached: no new attestation request for them.
    let fetched = 0;
    const counting = new AttestationCache({ gatewayUrl: setup.gw.url, rootPublicKey: fromBase64Url(setup.rootPublicKey), allowedMeasurements: [setup.measurement], fetch: ((i: string | URL | Request, o?: RequestInit) => (fetched++, fetch(i, o))) as typeof globalThis.fetch });
    await counting.get('Bearer a');
    await counting.get('Bearer a');
    expect(fetched).toBe(1);
  }, 60_000);

  it('an ordinary attestation still verifies through both', async () => {
    const cache = new AttestationCache({ gatewayUrl: setup.gw.url, rootPublicKey: fromBase64Url(setup.rootPublicKey), allowedMeasurements: [setup.measurement], fetch: globalThis.fetch });
    expect((await cache.get(`Bearer ${setup.gw.apiKey}`)).document.measurement).toBe(setup.measurement);
    expect(await attestGateway({ url: setup.gw.url, apiKey: setup.gw.apiKey, rootPublicKey: setup.rootPublicKey, allowedMeasurements: [setup.measurement] })).toMatchObject({ verified: true });
  });
});
