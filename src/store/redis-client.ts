/**
 * One Redis connection per URL per process, shared by every Redis-backed store (rate limiter, key
 * store, replay cache, violation counter …). Stores call `acquireRedis(url)` and `release()` it on
 * close; the connection closes when its last user lets go. `runScript` runs a Lua script by SHA and
 * falls back to EVAL once after a Redis restart (NOSCRIPT).
 */
import { createHash } from 'node:crypto';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisHandle {
  client: RedisClient;
  release(): Promise<void>;
}

interface Shared {
  client: RedisClient;
  ready: Promise<unknown>;
  users: number;
}

const shared = new Map<string, Shared>();

/** Key prefix every store uses, so SealGate can share a Redis with other applications. */
export const REDIS_PREFIX = 'sealgate:';

export async function acquireRedis(url: string): Promise<RedisHandle> {
  let entry = shared.get(url);
  if (!entry) {
    let everConnected = false;
    const client = createClient({
      url,
      // Fail fast instead of queueing requests forever while Redis is down: callers turn errors into 503s.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2000,
        // At start-up, give up after a few tries so a wrong REDIS_URL stops the gateway with a clear
        // error; once connected, keep reconnecting (with backoff) through Redis restarts.
        reconnectStrategy: (retries, cause) =>
          everConnected ? Math.min(50 * 2 ** retries, 2000) : retries >= 3 ? cause : 200,
      },
    });
    client.once('ready', () => {
      everConnected = true;
    });
    // An 'error' listener is mandatory: without it a dropped connection crashes the process.
    client.on('error', () => {});
    const created: Shared = { client, ready: client.connect(), users: 0 };
    entry = created;
    shared.set(url, created);
    created.ready.catch(() => {
      if (shared.get(url) === created) shared.delete(url);
    });
  }
  entry.users += 1;
  const current = entry;
  try {
    await current.ready;
  } catch (err) {
    current.users -= 1;
    // Host and port only: the URL may carry a password.
    throw new Error(`cannot connect to Redis at ${safeHost(url)}: ${(err as Error).message}`);
  }
  let released = false;
  return {
    client: current.client,
    async release() {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        if (shared.get(url) === current) shared.delete(url);
        await current.client.close().catch(() => {});
      }
    },
  };
}

export interface LuaScript {
  source: string;
  sha: string;
}

export function defineLua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

export async function runScript(client: RedisClient, script: LuaScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  const tail = [String(keys.length), ...keys, ...args];
  try {
    return await client.sendCommand(['EVALSHA', script.sha, ...tail]);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
    return client.sendCommand(['EVAL', script.source, ...tail]);
  }
}

function safeHost(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}`;
  } catch {
    return '(invalid URL)';
  }
}
