/**
 * Is this key record usable right now, from this address? Pure function of the record, its usage,
 * the clock and the config, so the gateway and `sealgate keys list` agree on a key's status.
 */
import type { StoredKey } from '../store/key-store/types.js';
import { compileCidrs, type IpMatcher } from './cidr.js';

export type KeyStatus = 'active' | 'revoked' | 'expired' | 'disabled' | 'disabled_unused';

const DAY_MS = 86_400_000;

export function keyStatus(key: StoredKey, now: Date, disableUnusedAfterDays: number): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  if (key.disabledAt && !(key.enabledAt && key.enabledAt > key.disabledAt)) return 'disabled';
  if (disableUnusedAfterDays > 0) {
    const lastActivity = Math.max(Date.parse(key.createdAt), Date.parse(key.usage.lastUsedAt ?? '') || 0, Date.parse(key.enabledAt ?? '') || 0);
    if (now.getTime() - lastActivity > disableUnusedAfterDays * DAY_MS) return 'disabled_unused';
  }
  return 'active';
}

export const STATUS_MESSAGES: Record<Exclude<KeyStatus, 'active'>, string> = {
  revoked: 'This API key has been revoked.',
  expired: 'This API key has expired.',
  disabled: 'This API key has been disabled by an administrator.',
  disabled_unused: 'This API key was disabled automatically after a long time without use; an administrator can re-enable it with `sealgate keys enable <id>`.',
};

// Compiled CIDR matchers, keyed by the record's CIDR list itself: a changed record brings a new list.
const matchers = new WeakMap<readonly string[], IpMatcher>();

export function sourceAllowed(key: StoredKey, sourceIp: string | undefined): boolean {
  if (key.allowedCidrs.length === 0) return true;
  let match = matchers.get(key.allowedCidrs);
  if (!match) {
    match = compileCidrs(key.allowedCidrs);
    matchers.set(key.allowedCidrs, match);
  }
  return match(sourceIp);
}
