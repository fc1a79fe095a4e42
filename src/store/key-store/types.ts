/**
 * KeyStore: API key records. Only a hash of each key is ever stored; the key itself is shown once
 * by `sealgate keys create`. Usage (last use, last source IPs) is kept apart from the record so the
 * gateway can write it without racing an administrator's `keys create/revoke`.
 */
import type { Limits, ModelScope } from '../../config/sections/access.js';

export interface KeyRecord {
  /** Public key id (`k…`), part of the key itself; safe to log. */
  id: string;
  tenantId: string;
  /** Hex SHA-256 of the full key. The key has 256 bits of entropy, so a fast hash is enough. */
  hash: string;
  name?: string;
  createdAt: string;
  expiresAt?: string;
  /** Allowed source networks (IPv4 and IPv6 CIDRs); empty = anywhere. */
  allowedCidrs: string[];
  models: ModelScope;
  limits?: Limits;
  revokedAt?: string;
  /** Disabled by an administrator. */
  disabledAt?: string;
  /** Re-enabled by an administrator (restarts the unused-days clock). */
  enabledAt?: string;
}

export interface KeyUsage {
  lastUsedAt?: string;
  /** Most recent distinct source IPs, newest first. */
  lastSourceIps: string[];
}

export type StoredKey = KeyRecord & { usage: KeyUsage };

export type KeyPatch = Partial<Pick<KeyRecord, 'revokedAt' | 'disabledAt' | 'enabledAt' | 'expiresAt' | 'name'>>;

export interface KeyStore {
  get(id: string): Promise<StoredKey | undefined>;
  list(): Promise<StoredKey[]>;
  create(record: KeyRecord): Promise<void>;
  /** `null` values clear a field. */
  update(id: string, patch: { [K in keyof KeyPatch]: KeyPatch[K] | null }): Promise<StoredKey | undefined>;
  /** Cheap and fire-and-forget friendly: implementations batch or throttle writes. */
  recordUse(id: string, at: Date, sourceIp: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export const MAX_SOURCE_IPS = 5;

export function mergeUsage(usage: KeyUsage, at: Date, sourceIp: string | undefined): KeyUsage {
  const lastSourceIps = sourceIp
    ? [sourceIp, ...usage.lastSourceIps.filter((ip) => ip !== sourceIp)].slice(0, MAX_SOURCE_IPS)
    : usage.lastSourceIps;
  return { lastUsedAt: at.toISOString(), lastSourceIps };
}

export function applyPatch(record: KeyRecord, patch: { [K in keyof KeyPatch]: KeyPatch[K] | null }): KeyRecord {
  const next: KeyRecord = { ...record };
  for (const [field, value] of Object.entries(patch) as [keyof KeyPatch, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next;
}
