/**
 * `sealgate keys create|list|revoke|disable|enable`: manage API keys in the configured key store
 * (the keys file, or Redis when `redisUrl` / REDIS_URL is set). A new key is printed once and only
 * its hash is stored.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import type { SealGateConfig } from '../config/schema.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { limitsSchema, TENANT_ID_PATTERN, type Limits, type ModelScope } from '../config/sections/access.js';
import { generateApiKey } from '../auth/api-keys.js';
import { parseCidr } from '../auth/cidr.js';
import { keyStatus } from '../auth/key-policy.js';
import { createKeyStore } from '../store/index.js';
import type { KeyRecord, KeyStore, StoredKey } from '../store/key-store/types.js';

export interface CreateKeyOptions {
  tenant: string;
  name?: string;
  /** Comma-separated or repeated; omitted = every model the tenant may use. */
  models?: string[];
  cidrs?: string[];
  /** `30d`, `12h`, `90m` or an ISO date/time. */
  expires?: string;
  limits?: Limits;
  /** The scope as stored, used instead of `models` (rotation copies it exactly, an empty list included). */
  modelScope?: ModelScope;
}

export class UsageError extends Error {}


export function parseExpiry(text: string, now = new Date()): Date {
  const relative = /^(\d+)\s*(m|h|d)$/i.exec(text.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[relative[2]!.toLowerCase() as 'm' | 'h' | 'd'];
    const at = new Date(now.getTime() + Number(relative[1]) * unit);
    // Past year 275760 a Date is invalid, and toISOString() then threw a RangeError (a stack trace, no message).
    if (Number.isNaN(at.getTime())) throw new UsageError(`--expires: "${text}" is too far in the future`);
    // 0d / 0h / 0m would store a key that is expired before anyone can use it.
    if (at.getTime() <= now.getTime()) throw new UsageError(`--expires: "${text}" is not in the future`);
    return at;
  }
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--expires: "${text}" is neither a duration (30d, 12h, 90m) nor a date`);
  if (at.getTime() <= now.getTime()) throw new UsageError(`--expires: ${at.toISOString()} is in the past`);
  return at;
}

/**
 * `--grace` of `keys rotate`: how long the old key keeps working, a whole number of minutes, hours or days
 * (`30m`, `24h`, `7d`), or `0` (with or without a unit) for immediately. Dates are not durations: refused.
 */
export function parseGrace(text: string, now = new Date()): Date {
  const m = /^(\d+)\s*(m|h|d)?$/i.exec(text.trim());
  if (!m || (m[2] === undefined && Number(m[1]) !== 0)) {
    throw new UsageError(`--grace: "${text}" is not a duration; use a whole number with m, h or d (30m, 24h, 7d), or 0 for immediately`);
  }
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'm').toLowerCase() as 'm' | 'h' | 'd'];
  const at = new Date(now.getTime() + Number(m[1]) * unit);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--grace: "${text}" is too far in the future`);
  return at;
}

/** The message for an id no key has (revoke, disable, enable, rotate). */
export const noSuchKey = (id: string) => `no key with id ${id} (\`sealgate keys list\` shows the ids)`;

/** A key the command cannot act on (unknown, revoked, expired): exit 1, where a bad flag (UsageError) is exit 2. */
export class KeyStateError extends Error {}

export async function createKey(store: KeyStore, opts: CreateKeyOptions, now = new Date()): Promise<{ key: string; record: KeyRecord }> {
  if (!TENANT_ID_PATTERN.test(opts.tenant)) throw new UsageError('--tenant: 1-64 of A-Z a-z 0-9 _ . -');
  const cidrs = (opts.cidrs ?? []).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  // An empty list means "anywhere" / "every model": a flag given with nothing in it (`--cidr "$NETS"`
  // with NETS unset, `--models ,`) must not silently become the widest key there is.
  if (opts.cidrs && opts.cidrs.length > 0 && cidrs.length === 0) throw new UsageError('--cidr: no network given (omit --cidr to allow any source)');
  for (const cidr of cidrs) {
    try {
      parseCidr(cidr);
    } catch (err) {
      throw new UsageError(`--cidr: ${(err as Error).message}`);
    }
  }
  const models = (opts.models ?? []).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean);
  if (opts.models && opts.models.length > 0 && models.length === 0) throw new UsageError('--models: no model given (omit --models to allow every model of the tenant)');
  const limits = opts.limits && Object.keys(opts.limits).length ? limitsSchema.parse(opts.limits) : undefined;
  const { id, key, hash } = generateApiKey();
  const record: KeyRecord = {
    id,
    tenantId: opts.tenant,
    hash,
    createdAt: now.toISOString(),
    allowedCidrs: cidrs,
    models: opts.modelScope ?? (models.length ? models : '*'),
  };
  if (opts.name) record.name = opts.name;
  if (opts.expires) record.expiresAt = parseExpiry(opts.expires, now).toISOString();
  if (limits) record.limits = limits;
  await store.create(record);
  return { key, record };
}

/**
 * Rotation: a new key with the same tenant, name, models, CIDRs and limits; the old key keeps working
 * for `grace` (default 24h) so clients can switch over, then expires.
 */
export async function rotateKey(store: KeyStore, id: string, grace = '24h', now = new Date()): Promise<{ key: string; record: KeyRecord; oldExpiresAt: string }> {
  // The flag first: a bad value is reported as such whatever the id (and before any key is read).
  const oldExpiresAt = parseGrace(grace, now).toISOString();
  const old = await store.get(id);
  if (!old) throw new KeyStateError(noSuchKey(id));
  if (old.revokedAt) throw new KeyStateError(`key ${id} is revoked; create a new one instead`);
  // Its lifetime cannot be carried over: the replacement got no expiry at all, a key without end made
  // from one that had ended.
  if (old.expiresAt && Date.parse(old.expiresAt) <= now.getTime()) throw new KeyStateError(`key ${id} has expired; create a new one (with --expires) instead`);
  const { key, record } = await createKey(
    store,
    { tenant: old.tenantId, name: old.name, modelScope: old.models, cidrs: old.allowedCidrs, limits: old.limits, expires: old.expiresAt },
    now,
  );
  // Never extend the old key's life: keep an earlier expiry if it had one.
  const keep = old.expiresAt && old.expiresAt < oldExpiresAt ? old.expiresAt : oldExpiresAt;
  await store.update(id, { expiresAt: keep });
  return { key, record, oldExpiresAt: keep };
}

export function describeKey(key: StoredKey, config: SealGateConfig, now = new Date()) {
  return {
    id: key.id,
    tenant: key.tenantId,
    name: key.name ?? null,
    status: keyStatus(key, now, config.access.disableUnusedAfterDays),
    created: key.createdAt,
    expires: key.expiresAt ?? null,
    lastUsed: key.usage.lastUsedAt ?? null,
    lastSourceIps: key.usage.lastSourceIps,
    models: key.models,
    cidrs: key.allowedCidrs,
    limits: key.limits ?? null,
  };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

const short = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : '-');

async function withStore<T>(configPath: string | undefined, fn: (store: KeyStore, config: SealGateConfig) => Promise<T>): Promise<T> {
  let config: SealGateConfig;
  try {
    config = loadConfig({ path: configPath }).config;
  } catch (err) {
    // A config that does not load is bad input (exit 2, as for scan, audit, policy check), not a key verdict.
    if (err instanceof ConfigError) fail(err.message, 2);
    throw err;
  }
  let store: KeyStore;
  try {
    store = await createKeyStore(config);
  } catch (err) {
    fail((err as Error).message);
  }
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** Exit 2 for bad arguments (as the other commands), 1 for anything else (no such key, store errors). */
function fail(message: string, code: 1 | 2 = 1): never {
  process.stderr.write(`sealgate keys: ${message}\n`);
  process.exit(code);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const positive = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${flag} expects a positive integer.`);
  return n;
};

export const registerKeys: RegisterCommand = (keys: Command) => {
  keys
    .option('-c, --config <file>', 'YAML or JSON config file (env SEALGATE_CONFIG; default ./sealgate.config.yaml if present)');
  const configPath = () => keys.opts<{ config?: string }>().config;

  keys
    .command('create')
    .description('Create a key and print it ONCE (only its hash is stored)')
    .requiredOption('-t, --tenant <tenant>', 'tenant the key belongs to')
    .option('-n, --name <name>', 'a label for humans')
    .option('-m, --models <models>', 'allowed models, comma-separated (repeatable); default: all the tenant may use', collect)
    .option('--cidr <cidr>', 'allowed source network, IPv4 or IPv6 (repeatable); default: anywhere', collect)
    .option('-e, --expires <when>', 'expiry: 30d, 12h, 90m or an ISO date')
    .option('--rpm <n>', 'requests per minute for this key', positive('--rpm'))
    .option('--tpm <n>', 'tokens per minute for this key', positive('--tpm'))
    .option('--concurrency <n>', 'concurrent requests for this key', positive('--concurrency'))
    .option('--json', 'print JSON')
    .action(async (flags: { tenant: string; name?: string; models?: string[]; cidr?: string[]; expires?: string; rpm?: number; tpm?: number; concurrency?: number; json?: boolean }) => {
      await withStore(configPath(), async (store, config) => {
        const limits: Limits = {};
        if (flags.rpm) limits.requestsPerMinute = flags.rpm;
        if (flags.tpm) limits.tokensPerMinute = flags.tpm;
        if (flags.concurrency) limits.concurrentRequests = flags.concurrency;
        let created;
        try {
          created = await createKey(store, { tenant: flags.tenant, name: flags.name, models: flags.models, cidrs: flags.cidr, expires: flags.expires, limits });
        } catch (err) {
          if (err instanceof UsageError) fail(err.message, 2);
          throw err;
        }
        const { key, record } = created;
        if (flags.json) {
          process.stdout.write(JSON.stringify({ key, ...describeKey({ ...record, usage: { lastSourceIps: [] } }, config) }, null, 2) + '\n');
          return;
        }
        process.stdout.write(`${key}\n`);
        process.stderr.write(
          `Created key ${record.id} for tenant ${record.tenantId}. Store it now: it is shown only once and cannot be recovered.\n` +
            (config.access.tenants[record.tenantId] ? '' : `Note: tenant "${record.tenantId}" is not listed in access.tenants, so default limits apply and every model is allowed.\n`),
        );
      });
    });

  keys
    .command('list')
    .description('List keys with status, last use and last source IPs (never the keys)')
    .option('-t, --tenant <tenant>', 'only this tenant')
    .option('--json', 'print JSON')
    .action(async (flags: { tenant?: string; json?: boolean }) => {
      await withStore(configPath(), async (store, config) => {
        const now = new Date();
        const rows = (await store.list())
          .filter((k) => !flags.tenant || k.tenantId === flags.tenant)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((k) => describeKey(k, config, now));
        if (flags.json) {
          process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        if (rows.length === 0) {
          // With --tenant, "No keys." read as an empty store (and, for a misspelt tenant, as "this tenant has no keys").
          process.stdout.write(
            flags.tenant
              ? `No keys for tenant ${flags.tenant}. Create one with \`sealgate keys create --tenant ${flags.tenant}\`.\n`
              : 'No keys. Create one with `sealgate keys create --tenant <tenant>`.\n',
          );
          return;
        }
        const header = ['ID', 'TENANT', 'NAME', 'STATUS', 'CREATED', 'EXPIRES', 'LAST USED', 'LAST SOURCE IPS', 'MODELS', 'CIDRS'];
        const body = rows.map((r) => [
          r.id,
          r.tenant,
          r.name ?? '-',
          r.status,
          short(r.created),
          short(r.expires),
          short(r.lastUsed),
          r.lastSourceIps.join(',') || '-',
          r.models === '*' ? '*' : r.models.join(','),
          r.cidrs.join(',') || '*',
        ]);
        process.stdout.write(table([header, ...body]) + '\n');
      });
    });

  // `refuse` checks the key first: `enable` of a revoked key printed "Enabled" and exited 0 while the key stayed
  // revoked, and a second `revoke` moved the recorded revocation time to now.
  const setter = (
    name: string,
    description: string,
    patch: () => Parameters<KeyStore['update']>[1],
    done: string,
    refuse: (key: StoredKey, now: Date) => { fail: string } | { note: string } | undefined,
  ) =>
    keys
      .command(`${name} <id>`)
      .description(description)
      .action(async (id: string) => {
        await withStore(configPath(), async (store) => {
          const key = await store.get(id);
          if (!key) fail(noSuchKey(id));
          const refused = refuse(key, new Date());
          if (refused && 'fail' in refused) fail(refused.fail);
          if (refused) {
            process.stdout.write(`${refused.note}\n`);
            return;
          }
          const updated = await store.update(id, patch());
          if (!updated) fail(noSuchKey(id));
          process.stdout.write(`${done} ${id}\n`);
        });
      });
  const revoked = (key: StoredKey) => (key.revokedAt ? { fail: `key ${key.id} is revoked (for good); create a new one instead` } : undefined);

  keys
    .command('rotate <id>')
    .description('Create a replacement key with the same settings; the old key expires after --grace')
    .option('-g, --grace <duration>', 'how long the old key keeps working: 24h, 30m, 7d, or 0 for immediately', '24h')
    .action(async (id: string, flags: { grace: string }) => {
      try {
        parseGrace(flags.grace);
      } catch (err) {
        if (err instanceof UsageError) fail(err.message, 2);
        throw err;
      }
      await withStore(configPath(), async (store) => {
        let rotated;
        try {
          rotated = await rotateKey(store, id, flags.grace);
        } catch (err) {
          if (err instanceof UsageError) fail(err.message, 2);
          if (err instanceof KeyStateError) fail(err.message);
          throw err;
        }
        process.stdout.write(`${rotated.key}\n`);
        process.stderr.write(
          `Created key ${rotated.record.id} replacing ${id} (tenant ${rotated.record.tenantId}); ${id} expires at ${rotated.oldExpiresAt}. The new key is shown only once.\n`,
        );
      });
    });

  setter('revoke', 'Revoke a key for good (its tokens stop working too)', () => ({ revokedAt: new Date().toISOString() }), 'Revoked', (key) =>
    key.revokedAt ? { note: `${key.id} was already revoked at ${key.revokedAt}` } : undefined,
  );
  setter('disable', 'Disable a key (reversible with `keys enable`)', () => ({ disabledAt: new Date().toISOString() }), 'Disabled', revoked);
  setter('enable', 'Re-enable a disabled key, or one disabled automatically for being unused', () => ({ enabledAt: new Date().toISOString() }), 'Enabled', (key, now) =>
    revoked(key) ??
    (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime() ? { fail: `key ${key.id} has expired (${key.expiresAt}); enabling does not extend it: create a new one` } : undefined),
  );
};
