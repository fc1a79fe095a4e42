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
  private cached: VerifiedAttestation | undefined;
  private pending: Promise<VerifiedAttestation> | undefined;

  constructor(private readonly options: AttestationCacheOptions) {}

  async get(authorization: string | null): Promise<VerifiedAttestation> {
    const now = (this.options.now ?? Date.now)();
    const margin = this.options.refreshMarginMs ?? 5_000;
    if (this.cached && now < this.cached.document.expiresAt - margin) return this.cached;
    this.pending ??= this.fetchAndVerify(authorization).finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
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
