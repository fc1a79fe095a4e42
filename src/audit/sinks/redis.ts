/**
 * Redis Stream sink for several gateway instances: each batch is appended by one Lua script (`XADD
 * key MAXLEN ~ n * c <chain> l <line>` per line), so a batch lands whole or not at all. Every
 * instance writes its own chain (a new chain id per boot: nothing to resume from a capped stream);
 * verify groups entries by chain. The latest signed checkpoint per chain is kept in the hash
 * `<key>:head`.
 *
 * Writer lock and crash recovery (docs/audit.md). A chain's writer holds `<key>:lock:<chain>` (SET
 * NX PX with a random token, renewed every third of its lifetime) and registers the chain in the
 * hash `<key>:open` (`{instance, from, sig}`: its instance id, a stream id at or before its last
 * signed checkpoint, and the audit key's signature over the chain id). Every append checks the token in the same script (fencing): a writer whose
 * lock was taken over can never append to the chain again. A clean shutdown unregisters the chain
 * after its closing checkpoint landed and deletes the lock. A crashed boot leaves its chain
 * registered with a lock that expires; the next boot of the same instance takes that lock and signs
 * the orphaned tail (recovery.ts, recoverOrphanedChains).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { AuditSink, ChainEnd, SinkItem } from './types.js';
import { isRotate } from './types.js';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisSinkOptions {
  url: string;
  stream: string;
  /** Approximate cap on the stream length (XADD MAXLEN ~). */
  maxLen: number;
  /** Fail writes after this many ms without an answer (so fail-closed and buffering react promptly). */
  timeoutMs?: number;
  /** The instance id the chain belongs to (its boots' chains are `<instance>.<boot>`): recovery takes over only its own instance's chains. */
  instance?: string;
  /** Writer lock lifetime; renewed every third of it. A crashed boot's chain can be recovered this long after its last renewal. */
  lockTtlMs?: number;
  /** Signs the chain id with the audit key (signChainRegistration): recovery only signs chains registered with a valid one. */
  signRegistration?: (chain: string) => string;
}

/** Error text of a write refused because the chain's lock belongs to someone else (or the chain was recovered). */
export const LOCK_LOST = 'SEALGATE_LOCK_LOST';

const APPEND = `
local cur = redis.call('GET', KEYS[2])
if cur ~= ARGV[1] then
  if cur then return redis.error_reply('${LOCK_LOST} the chain is locked by another writer') end
  local reg = redis.call('HEXISTS', KEYS[3], ARGV[5])
  if ARGV[2] == '1' and reg == 0 then return redis.error_reply('${LOCK_LOST} the chain was recovered by another boot') end
  redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
end
local ids = {}
for i = 8, #ARGV do
  ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], '*', 'c', ARGV[5], 'l', ARGV[i])
end
if #ids > 0 and redis.call('HEXISTS', KEYS[3], ARGV[5]) == 0 then
  redis.call('HSET', KEYS[3], ARGV[5], cjson.encode({instance = ARGV[6], from = ids[1], sig = ARGV[7]}))
end
return ids`;

const HEAD = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return redis.error_reply('${LOCK_LOST} head not written') end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
if ARGV[5] ~= '' then redis.call('HSET', KEYS[3], ARGV[2], cjson.encode({instance = ARGV[4], from = ARGV[5], sig = ARGV[6]})) end
return 1`;

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Release a lock we hold; with ARGV[3] = '1' the chain is also unregistered (nothing to recover). */
const RELEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == '1' then redis.call('HDEL', KEYS[2], ARGV[2]) end
redis.call('DEL', KEYS[1])
return 1`;

/** Recovery's last act on an orphaned chain: append its recovery checkpoint (when there is one), store it as the head, unregister, unlock. */
const SETTLE = `
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return redis.error_reply('${LOCK_LOST} recovery lock expired') end
local id = ''
if ARGV[4] ~= '' then
  id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'c', ARGV[3], 'l', ARGV[4])
  redis.call('HSET', KEYS[4], ARGV[3], ARGV[5])
end
redis.call('HDEL', KEYS[3], ARGV[3])
redis.call('DEL', KEYS[2])
return id`;

/** A chain registered in `<key>:open`: being written, or orphaned by a crashed boot. */
export interface OpenChain {
  chain: string;
  instance: string;
  /** A stream id at or before the chain's last signed checkpoint (or its first entry). */
  from: string;
  /** The audit key's signature over the chain id (empty when the writer had none). */
  sig: string;
}

export class RedisSink implements AuditSink {
  readonly kind = 'redis';
  private chain = '';
  private readonly client: RedisClient;
  private connecting: Promise<unknown> | undefined;
  private readonly token = randomBytes(16).toString('hex');
  /** The chain is registered in `<key>:open` (after its first append): a missing lock then means it expired, or the chain was recovered. */
  private registered = false;
  private renewTimer: NodeJS.Timeout | undefined;
  /** Stream id of the first entry of the last batch written (at or before the checkpoint a following writeHead stores). */
  private lastBatchFirstId = '';
  private readonly shas = new Map<string, string>();
  /** The audit key's signature over this chain's id, stored with its registration (see OpenChain.sig). */
  private registrationSig = '';

  constructor(private readonly opts: RedisSinkOptions) {
    this.client = createClient({
      url: opts.url,
      // Reject commands while disconnected instead of queueing them forever: the trail buffers and retries.
      disableOfflineQueue: true,
      socket: { connectTimeout: opts.timeoutMs ?? 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    });
    // Errors surface through rejected writes; the listener only keeps node-redis from throwing globally.
    this.client.on('error', () => undefined);
  }

  get lockTtlMs(): number {
    return this.opts.lockTtlMs ?? 15_000;
  }

  get instance(): string {
    return this.opts.instance ?? this.chain.replace(/\.[^.]*$/, '');
  }

  lockKey(chain: string): string {
    return `${this.opts.stream}:lock:${chain}`;
  }

  private get openKey(): string {
    return `${this.opts.stream}:open`;
  }

  private async ensureConnected(): Promise<void> {
    if (this.client.isReady) return;
    if (!this.client.isOpen) {
      this.connecting ??= this.client.connect().finally(() => {
        this.connecting = undefined;
      });
      await this.connecting;
    }
    if (!this.client.isReady) throw new Error('audit redis sink: not connected');
  }

  /** EVALSHA, loading the script on NOSCRIPT. */
  private async script(source: string, keys: string[], args: string[]): Promise<unknown> {
    let sha = this.shas.get(source);
    if (!sha) this.shas.set(source, (sha = createHash('sha1').update(source).digest('hex')));
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!/NOSCRIPT/.test((err as Error).message)) throw err;
      return this.client.eval(source, { keys, arguments: args });
    }
  }

  async open(chain: string): Promise<ChainEnd | undefined> {
    this.chain = chain;
    this.registrationSig = this.opts.signRegistration?.(chain) ?? '';
    await this.ensureConnected().catch(() => undefined); // a down Redis at boot is handled like any write failure
    return undefined;
  }

  async write(items: readonly SinkItem[]): Promise<void> {
    await this.ensureConnected();
    const lines: string[] = [];
    for (const item of items) if (!isRotate(item)) lines.push(item);
    if (lines.length === 0) return;
    const args = [this.token, this.registered ? '1' : '0', String(this.lockTtlMs), String(this.opts.maxLen), this.chain, this.instance, this.registrationSig, ...lines];
    const ids = (await withTimeout(
      this.script(APPEND, [this.opts.stream, this.lockKey(this.chain), this.openKey], args),
      this.opts.timeoutMs ?? 2000,
      'audit redis sink: XADD timed out',
    )) as string[];
    this.lastBatchFirstId = ids[0] ?? this.lastBatchFirstId;
    if (!this.registered) {
      this.registered = true;
      this.startRenewal();
    }
  }

  private startRenewal(): void {
    this.renewTimer = setInterval(() => {
      if (!this.client.isReady) return;
      // A lost lock shows on the next append (refused, LOCK_LOST): the trail reports the sink unhealthy.
      this.script(RENEW, [this.lockKey(this.chain)], [this.token, String(this.lockTtlMs)]).catch(() => undefined);
    }, Math.max(100, Math.floor(this.lockTtlMs / 3)));
    this.renewTimer.unref();
  }

  async writeHead(checkpointLine: string): Promise<void> {
    await this.ensureConnected();
    await this.script(HEAD, [`${this.opts.stream}:head`, this.lockKey(this.chain), this.openKey], [this.token, this.chain, checkpointLine, this.instance, this.lastBatchFirstId, this.registrationSig]);
  }

  async ping(): Promise<void> {
    await this.ensureConnected();
    await withTimeout(this.client.ping(), this.opts.timeoutMs ?? 2000, 'audit redis sink: PING timed out');
  }

  async close(clean = false): Promise<void> {
    if (this.renewTimer) clearInterval(this.renewTimer);
    if (this.registered && this.client.isReady) {
      // Unclean (records left unwritten): keep the chain registered so the next boot recovers what landed.
      await this.script(RELEASE, [this.lockKey(this.chain), this.openKey], [this.token, this.chain, clean ? '1' : '0']).catch(() => undefined);
    }
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }

  // --- recovery of other (crashed) chains: see recovery.ts ---

  /** Chains registered as open in the stream, with their instance. */
  async openChains(): Promise<OpenChain[]> {
    await this.ensureConnected();
    const out: OpenChain[] = [];
    for (const [chain, meta] of Object.entries(await this.client.hGetAll(this.openKey))) {
      try {
        const m = JSON.parse(meta) as { instance?: unknown; from?: unknown; sig?: unknown };
        if (typeof m.instance === 'string' && typeof m.from === 'string') out.push({ chain, instance: m.instance, from: m.from, sig: typeof m.sig === 'string' ? m.sig : '' });
      } catch {
        // Not ours to interpret; left alone.
      }
    }
    return out;
  }

  /** Take another chain's writer lock (SET NX PX); the token to settle it with, or undefined when it is held. */
  async lockChain(chain: string): Promise<string | undefined> {
    await this.ensureConnected();
    const token = randomBytes(16).toString('hex');
    const ok = await this.client.set(this.lockKey(chain), token, { condition: 'NX', expiration: { type: 'PX', value: this.lockTtlMs } });
    return ok === 'OK' ? token : undefined;
  }

  /** The stored lines of `chain` from stream id `from` on, in order. */
  async chainLines(chain: string, from: string, pageSize = 1000): Promise<string[]> {
    await this.ensureConnected();
    const lines: string[] = [];
    let start = from;
    for (;;) {
      const page = await this.client.xRange(this.opts.stream, start, '+', { COUNT: pageSize });
      for (const msg of page) {
        const fields = msg.message as Record<string, string>;
        if (fields.c === chain) lines.push(fields.l ?? '');
      }
      if (page.length < pageSize) return lines;
      start = `(${page.at(-1)!.id}`;
    }
  }

  /** Append the recovery checkpoint (stored form and plaintext head) if any, unregister the chain and release its lock: one script, fenced by the token. */
  async settleChain(chain: string, token: string, checkpoint?: { stored: string; head: string }): Promise<void> {
    await this.script(
      SETTLE,
      [this.opts.stream, this.lockKey(chain), this.openKey, `${this.opts.stream}:head`],
      [token, String(this.opts.maxLen), chain, checkpoint?.stored ?? '', checkpoint?.head ?? ''],
    );
  }

  /** Release a lock taken with lockChain without settling (recovery could not read the chain). */
  async unlockChain(chain: string, token: string): Promise<void> {
    await this.script(RELEASE, [this.lockKey(chain), this.openKey], [token, chain, '0']).catch(() => undefined);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}
