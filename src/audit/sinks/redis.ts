/**
 * Redis Stream sink for several gateway instances: each batch is one MULTI/EXEC of `XADD key * c
 * <chain> l <line>` with an approximate MAXLEN cap, so a batch lands whole or not at all and a retry
 * never duplicates. Every instance writes its own chain (a new chain id per boot: nothing to resume
 * from a capped stream); verify groups entries by chain. The latest signed checkpoint per chain is
 * kept in the hash `<key>:head`.
 */
import { createClient } from 'redis';
import type { AuditSink, ChainTip, SinkItem } from './types.js';
import { isRotate } from './types.js';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisSinkOptions {
  url: string;
  stream: string;
  /** Approximate cap on the stream length (XADD MAXLEN ~). */
  maxLen: number;
  /** Fail writes after this many ms without an answer (so fail-closed and buffering react promptly). */
  timeoutMs?: number;
}

export class RedisSink implements AuditSink {
  readonly kind = 'redis';
  private chain = '';
  private readonly client: RedisClient;
  private connecting: Promise<unknown> | undefined;

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

  async open(chain: string): Promise<ChainTip | undefined> {
    this.chain = chain;
    await this.ensureConnected().catch(() => undefined); // a down Redis at boot is handled like any write failure
    return undefined;
  }

  async write(items: readonly SinkItem[]): Promise<void> {
    await this.ensureConnected();
    const multi = this.client.multi();
    let n = 0;
    for (const item of items) {
      if (isRotate(item)) continue;
      multi.xAdd(this.opts.stream, '*', { c: this.chain, l: item }, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: this.opts.maxLen } });
      n += 1;
    }
    if (n === 0) return;
    await withTimeout(multi.exec(), this.opts.timeoutMs ?? 2000, 'audit redis sink: XADD timed out');
  }

  async writeHead(checkpointLine: string): Promise<void> {
    await this.ensureConnected();
    await this.client.hSet(`${this.opts.stream}:head`, this.chain, checkpointLine);
  }

  async ping(): Promise<void> {
    await this.ensureConnected();
    await withTimeout(this.client.ping(), this.opts.timeoutMs ?? 2000, 'audit redis sink: PING timed out');
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
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
