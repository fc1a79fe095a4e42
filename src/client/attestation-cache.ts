/**
 * Fetches, verifies and caches the enclave's attestation. One verified document is reused until
 * shortly before it expires; `invalidate()` forces a fresh one (key rotated, enclave restarted).
 */
import {
  ProtocolError,
  concatBytes,
  fromBase64Url,
  toBase64Url,
  verifyAttestation,
  loadSodium,
  randomBytes,
  type AttestationDocument,
} from '../protocol/index.js';

export interface VerifiedAttestation {
  document: AttestationDocument;
  hpkePublicKey: Uint8Array;
  /** Tenant the gateway authenticated for our credential (fed into the request AAD). */
  tenant: string | null;
}

export interface AttestationCacheOptions {
  gatewayUrl: string;
  rootPublicKey: Uint8Array;
  allowedMeasurements: readonly string[];
  fetch: typeof globalThis.fetch;
  /** Refresh this long before expiry, so a request is never sealed to a key about to retire. */
  refreshMarginMs?: number;
  now?: () => number;
}

/**
 * Credentials whose verified attestation is kept (oldest dropped first). The cache is per credential, and a
 * backend minting short-lived tokens per end user (POST /v1/tokens) presents a new one every few minutes:
 * unbounded, every token ever used stayed for the process's life.
 */
export const MAX_CACHED_CREDENTIALS = 1000;

export class AttestationCache {
  /** Per credential: the document is shared, but the tenant it names depends on who asks. */
  private readonly cached = new Map<string, VerifiedAttestation>();
  private readonly pending = new Map<string, Promise<VerifiedAttestation>>();

  constructor(private readonly options: AttestationCacheOptions) {}

  async get(authorization: string | null): Promise<VerifiedAttestation> {
    const slot = authorization ?? '';
    const now = (this.options.now ?? Date.now)();
    const margin = this.options.refreshMarginMs ?? 5_000;
    const cached = this.cached.get(slot);
    if (cached && now < cached.document.expiresAt - margin) return cached;
    let pending = this.pending.get(slot);
    if (!pending) {
      pending = this.fetchAndVerify(authorization).finally(() => this.pending.delete(slot));
      this.pending.set(slot, pending);
    }
    const verified = await pending;
    // Re-inserted so the Map's order is the order of use: the first entry is the least recently fetched.
    this.cached.delete(slot);
    if (this.cached.size >= MAX_CACHED_CREDENTIALS) this.cached.delete(this.cached.keys().next().value!);
    this.cached.set(slot, verified);
    return verified;
  }

  /** Credentials with a cached document (for tests and diagnostics). */
  get size(): number {
    return this.cached.size;
  }

  /** Forget every cached document (key rotated, enclave restarted): the next request re-attests. */
  invalidate(): void {
    this.cached.clear();
  }

  private async fetchAndVerify(authorization: string | null): Promise<VerifiedAttestation> {
    await loadSodium();
    const nonce = toBase64Url(randomBytes(32));
    const url = new URL(`${this.options.gatewayUrl.replace(/\/+$/, '')}/v1/attestation`);
    url.searchParams.set('nonce', nonce);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization) headers.authorization = authorization;
    const response = await this.options.fetch(url, { headers });
    if (!response.ok) {
      throw new ProtocolError('attestation_invalid', `attestation request failed with HTTP ${response.status}`);
    }
    const text = await readAttestationText(response);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProtocolError('attestation_invalid', 'attestation response is not JSON');
    }
    const document = await verifyAttestation(body, {
      rootPublicKey: this.options.rootPublicKey,
      allowedMeasurements: this.options.allowedMeasurements,
      nonce,
      nowMs: (this.options.now ?? Date.now)(),
    });
    const tenant = typeof (body as { tenant?: unknown }).tenant === 'string' ? (body as { tenant: string }).tenant : null;
    return { document, hpkePublicKey: fromBase64Url(document.hpkePublicKey), tenant };
  }
}

/**
 * An attestation answer is well under 2 KB. It comes from the gateway's main thread, which the client does
 * not trust: read whole (`response.json()`), an endless or huge body (64 MiB of JSON white space before a
 * valid document was accepted) was buffered without limit before a single check.
 */
export const MAX_ATTESTATION_BYTES = 64 * 1024;

/** The body as text, refused (and cancelled) past MAX_ATTESTATION_BYTES. */
export async function readAttestationText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_ATTESTATION_BYTES) {
      await reader.cancel().catch(() => {});
      throw new ProtocolError('attestation_invalid', `attestation response is over ${MAX_ATTESTATION_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : concatBytes(...chunks));
}
