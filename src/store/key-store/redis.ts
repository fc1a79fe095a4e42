/**
 * Redis KeyStore (when `redisUrl` is set): shared by every gateway instance and the CLI.
 * `sealgate:key:<id>` = JSON record, `sealgate:keys` = set of ids, `sealgate:key-usage:<id>` =
 * JSON usage. Lookups are cached in-process for CACHE_MS (so a revocation reaches every instance
 * within that time) and usage writes are throttled per key, keeping Redis off the hot path.
 */
import { REDIS_PREFIX, acquireRedis, defineLua, runScript, type RedisHandle } from '../redis-client.js';
import { applyPatch, MAX_SOURCE_IPS, type KeyPatch, type KeyRecord, type KeyStore, type KeyUsage, type StoredKey } from './types.js';

const CACHE_MS = 1000;
/**
 * Lookups kept at most (oldest dropped first). Misses are cached too, and a key id is whatever an
 * unauthenticated client writes in its bearer key: without a bound every made-up id stayed for the
 * process's life (100,000 ids: +13 MB heap).
 */
export const MAX_CACHED_LOOKUPS = 10_000;
const USAGE_WRITE_EVERY_MS = 5000;
/** Compare-and-set rounds an update may lose to concurrent writers before it gives up. */
const MAX_UPDATE_ATTEMPTS = 100;

/**
 * Compare-and-set: writes ARGV[2] only while the record still is ARGV[1] (what the caller read).
 * 1 = written, 0 = changed meanwhile (read again), -1 = gone. The record's JSON is only compared,
 * never parsed in Lua (cjson would turn an empty allowedCidrs array into an object).
 */
const COMPARE_AND_SET = defineLua(`
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`);

/**
 * One key use, merged into the stored usage in one step (mergeUsage in Lua): ARGV[1] = ISO time, ARGV[2] =
 * source IP ('' = none), ARGV[3] = MAX_SOURCE_IPS. A GET, merge and SET from the gateway lost uses under
 * concurrency (two instances, or two requests from different IPs: the second SET dropped the first's IP).
 * The newest time wins (ISO strings of one format sort as times); an older use's IP goes after the newer
 * ones. The JSON is written by hand: cjson would write an empty list as `{}`.
 */
const RECORD_USE = defineLua(`
local raw = redis.call('GET', KEYS[1])
local last, ips = nil, {}
if raw then
  local ok, usage = pcall(cjson.decode, raw)
  if ok and type(usage) == 'table' then
    if type(usage.lastUsedAt) == 'string' then last = usage.lastUsedAt end
    if type(usage.lastSourceIps) == 'table' then ips = usage.lastSourceIps end
  end
end
local at, ip, max = ARGV[1], ARGV[2], tonumber(ARGV[3])
local newer = last == nil or at >= last
local out = {}
if ip ~= '' and newer then out[1] = ip end
for _, seen in ipairs(ips) do
  if #out >= max then break end
  if seen ~= ip and type(seen) == 'string' then out[#out + 1] = seen end
end
if ip ~= '' and not newer and #out < max then out[#out + 1] = ip end
local quoted = {}
for i, value in ipairs(out) do quoted[i] = cjson.encode(value) end
redis.call('SET', KEYS[1], '{"lastUsedAt":' .. cjson.encode(newer and at or last) .. ',"lastSourceIps":[' .. table.concat(quoted, ',') .. ']}')
return 1
`);

const recordKey = (id: string) => `${REDIS_PREFIX}key:${id}`;
const usageKey = (id: string) => `${REDIS_PREFIX}key-usage:${id}`;
const INDEX_KEY = `${REDIS_PREFIX}keys`;

export class RedisKeyStore implements KeyStore {
  private readonly cache = new Map<string, { at: number; value: StoredKey | undefined }>();
  private readonly lastUsageWrite = new Map<string, { at: number; ip: string | undefined }>();

  private constructor(private readonly redis: RedisHandle) {}

  static async connect(url: string): Promise<RedisKeyStore> {
    return new RedisKeyStore(await acquireRedis(url));
  }

  async get(id: string): Promise<StoredKey | undefined> {
    const cached = this.cache.get(id);
    const now = Date.now();
    if (cached && now - cached.at < CACHE_MS) return cached.value;
    const [record, usage] = await this.redis.client.mGet([recordKey(id), usageKey(id)]);
    const value = record ? { ...(JSON.parse(record) as KeyRecord), usage: parseUsage(usage) } : undefined;
    // Re-inserted so the Map's order is the order of lookups: the first entry is the oldest.
    this.cache.delete(id);
    if (this.cache.size >= MAX_CACHED_LOOKUPS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, { at: now, value });
    return value;
  }

  /** Lookups held in the in-process cache (for tests and diagnostics). */
  get cachedLookups(): number {
    return this.cache.size;
  }

  async list(): Promise<StoredKey[]> {
    const ids = (await this.redis.client.sMembers(INDEX_KEY)).sort();
    if (ids.length === 0) return [];
    const values = await this.redis.client.mGet(ids.flatMap((id) => [recordKey(id), usageKey(id)]));
    const out: StoredKey[] = [];
    for (let i = 0; i < ids.length; i++) {
      const record = values[2 * i];
      if (record) out.push({ ...(JSON.parse(record) as KeyRecord), usage: parseUsage(values[2 * i + 1]) });
    }
    return out;
  }

  async create(record: KeyRecord): Promise<void> {
    const created = await this.redis.client.set(recordKey(record.id), JSON.stringify(record), { condition: 'NX' });
    if (created === null) throw new Error(`key id ${record.id} already exists`);
    await this.redis.client.sAdd(INDEX_KEY, record.id);
    this.cache.delete(record.id);
  }

  /**
   * Atomic against every other writer (other instances, concurrent `sealgate keys` commands): the
   * patch is applied to the record as read and written only if the record is still unchanged, else
   * read again. A plain read-then-SET let a `keys rotate` (expiresAt) written just after a `keys
   * revoke` put back the record it had read before the revocation: the key was active again.
   */
  async update(id: string, patch: { [K in keyof KeyPatch]: KeyPatch[K] | null }): Promise<StoredKey | undefined> {
    this.cache.delete(id);
    try {
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        const [raw, usage] = await this.redis.client.mGet([recordKey(id), usageKey(id)]);
        if (!raw) return undefined;
        const next = applyPatch(JSON.parse(raw) as KeyRecord, patch);
        const written = await runScript(this.redis.client, COMPARE_AND_SET, [recordKey(id)], [raw, JSON.stringify(next)]);
        if (written === -1) return undefined;
        if (written === 1) return { ...next, usage: parseUsage(usage) };
        // Lost the race to another writer: back off a little (jittered) and apply the patch to its record.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 50)));
      }
      throw new Error(`key ${id}: update kept conflicting with concurrent writers; try again`);
    } finally {
      this.cache.delete(id);
    }
  }

  async recordUse(id: string, at: Date, sourceIp: string | undefined): Promise<void> {
    const last = this.lastUsageWrite.get(id);
    if (last && last.ip === sourceIp && at.getTime() - last.at < USAGE_WRITE_EVERY_MS) return;
    this.lastUsageWrite.set(id, { at: at.getTime(), ip: sourceIp });
    await runScript(this.redis.client, RECORD_USE, [usageKey(id)], [at.toISOString(), sourceIp ?? '', String(MAX_SOURCE_IPS)]);
  }

  async close(): Promise<void> {
    await this.redis.release();
  }
}

function parseUsage(raw: string | null | undefined): KeyUsage {
  return raw ? (JSON.parse(raw) as KeyUsage) : { lastSourceIps: [] };
}
