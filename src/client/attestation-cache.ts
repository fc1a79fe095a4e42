/**
 * Fetches, verifies and caches the enclave's attestation. One verified document is reused until
 * shortly before it expires; `invalidate()` forces a fresh one (key rotated, enclave restarted).
 */
import {
  ProtocolError,
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
    this.cached.set(slot, verified);
    return verified;
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
    let body: unknown;
    try {
      body = await response.json();
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
