/**
 * Reading stored audit lines back, for verify and query: from JSONL files (a directory expands to
 * its audit files, in chain order) or from the Redis stream. Entries are yielded lazily so a
 * months-long log is never held in memory.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createClient } from 'redis';
import { parseAuditFileName } from './sinks/file.js';

export interface SourceEntry {
  /** The stored line (possibly sealed). */
  line: string;
  /** `file:line` or `stream-id`, for reports. */
  where: string;
  /** Chain id known from outside the record (file name, stream field). */
  chainHint?: string;
  /** True for a final line with no newline: a torn or truncated write. */
  torn?: boolean;
  /**
   * On the first line of a file: the seq its name says the file starts at. The writer names each file
   * after its first record and retention removes whole files, so a first record past it means lines
   * were cut from the start of the file.
   */
  fileFirstSeq?: number;
}

export interface AuditSource {
  entries(): AsyncIterable<SourceEntry>;
  /** Latest signed checkpoint line per chain, when the sink keeps one. */
  heads(): Promise<Map<string, string>>;
  /**
   * Where the head of this chain was looked for, when one should exist (a chain with a signed
   * checkpoint always has one); undefined when none is expected (its newest file was not given).
   */
  headLocation?(chain: string): string | undefined;
  /**
   * Why records missing at the start of a chain cannot have been removed by the writer's own
   * trimming (so they were deleted), or undefined when trimming can explain them. Asked once, before
   * the entries are read. Sources without it (files: retention's whole-file rule is checked per file).
   */
  startRemovalEvidence?(): Promise<string | undefined>;
  describe(): string;
}

/** Expand directories to audit files and order files by (chain, first sequence number). */
export async function resolveAuditFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const st = await stat(p).catch(() => {
      throw new Error(`no such file or directory: ${p}`);
    });
    if (st.isDirectory()) {
      for (const name of (await readdir(p)).sort()) if (parseAuditFileName(name)) files.push(join(p, name));
    } else {
      files.push(p);
    }
  }
  const keyed = files.map((f, i) => ({ f, i, parsed: parseAuditFileName(basename(f)) }));
  // Named files sort by chain then first seq; files with other names keep the order given.
  keyed.sort((a, b) => {
    if (a.parsed && b.parsed) return a.parsed.chain.localeCompare(b.parsed.chain) || a.parsed.firstSeq - b.parsed.firstSeq;
    return a.i - b.i;
  });
  return [...new Set(keyed.map((k) => k.f))];
}

export class FileSource implements AuditSource {
  constructor(
    private files: readonly string[],
    private readonly headPaths: readonly string[] = [],
    /** Per chain whose newest file was given: where it lies and its first seq (see `heads`). */
    private readonly newestGiven: ReadonlyArray<{ dir: string; prefix: string; chain: string; firstSeq: number }> = [],
  ) {}

  static async from(paths: readonly string[], headDir?: string): Promise<FileSource> {
    const files = await resolveAuditFiles(paths);
    // Newest given file per chain: the head is only meaningful when the chain's newest file is among them.
    const newestGiven = new Map<string, { dir: string; prefix: string; firstSeq: number }>();
    for (const f of files) {
      const parsed = parseAuditFileName(basename(f));
      if (!parsed) continue;
      const key = `${dirname(f)}\0${parsed.prefix}\0${parsed.chain}`;
      const seen = newestGiven.get(key);
      if (!seen || parsed.firstSeq > seen.firstSeq) newestGiven.set(key, { dir: dirname(f), prefix: parsed.prefix, firstSeq: parsed.firstSeq });
    }
    const heads: string[] = [];
    const newest: Array<{ dir: string; prefix: string; chain: string; firstSeq: number }> = [];
    for (const [key, given] of newestGiven) {
      const chain = key.split('\0')[2]!;
      const newerExists = (await readdir(given.dir)).some((name) => {
        const p = parseAuditFileName(name);
        return p && p.prefix === given.prefix && p.chain === chain && p.firstSeq > given.firstSeq;
      });
      if (!newerExists) {
        heads.push(join(headDir ?? given.dir, `${given.prefix}-${chain}.head.json`));
        newest.push({ ...given, chain });
      }
    }
    return new FileSource(files, heads, newest);
  }

  headLocation(chain: string): string | undefined {
    return this.headPaths.find((p) => basename(p).endsWith(`-${chain}.head.json`));
  }

  describe(): string {
    return `${this.files.length} ${this.files.length === 1 ? 'file' : 'files'}`;
  }

  async *entries(): AsyncIterable<SourceEntry> {
    for (const file of this.files) {
      const named = parseAuditFileName(basename(file));
      const chainHint = named?.chain;
      let fileFirstSeq = named?.firstSeq;
      // One snapshot of the file: its size now, its last byte at that size, and no byte past it. A
      // running writer appends meanwhile; reading to a later end could stop inside a batch that is
      // only partly written, and that line would pass for a whole (so, modified) record.
      const { size, endsWithNewline } = await fileEnd(file);
      if (size === 0) continue;
      const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8', start: 0, end: size - 1 }), crlfDelay: Infinity });
      let n = 0;
      let pending: SourceEntry | undefined;
      for await (const line of rl) {
        n += 1;
        if (pending) yield pending;
        pending = line.length === 0 ? undefined : { line, where: `${file}:${n}`, chainHint, fileFirstSeq };
        if (pending) fileFirstSeq = undefined;
      }
      if (pending) yield endsWithNewline ? pending : { ...pending, torn: true };
    }
  }

  async heads(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const p of this.headPaths) {
      const text = await readFile(p, 'utf8').catch(() => undefined);
      if (!text) continue;
      const chain = /-([A-Za-z0-9._]+)\.head\.json$/.exec(basename(p))?.[1];
      if (chain) out.set(chain, text.trim());
    }
    // A running writer may have rotated since the files were listed: the head just read can point
    // into a file opened after the listing. The writer opens a file before any head points into it,
    // so listing again now finds every file the heads can name; they are read too.
    const added: string[] = [];
    for (const given of this.newestGiven) {
      for (const name of await readdir(given.dir).catch(() => [] as string[])) {
        const p = parseAuditFileName(name);
        if (p && p.prefix === given.prefix && p.chain === given.chain && p.firstSeq > given.firstSeq) added.push(join(given.dir, name));
      }
    }
    if (added.length > 0) this.files = await resolveAuditFiles([...this.files, ...added]);
    return out;
  }
}

async function fileEnd(file: string): Promise<{ size: number; endsWithNewline: boolean }> {
  const h = await open(file, 'r');
  try {
    const { size } = await h.stat();
    if (size === 0) return { size, endsWithNewline: true };
    const b = Buffer.alloc(1);
    await h.read(b, 0, 1, size - 1);
    return { size, endsWithNewline: b[0] === 0x0a };
  } finally {
    await h.close();
  }
}

/**
 * A Redis connection for the audit CLI. node-redis's default reconnects forever: an unreachable Redis left
 * `audit verify --redis` (and query, recover) hanging with no output. A few quick tries, then one line naming host and
 * port (never the URL: it may carry a password).
 */
export async function connectAuditRedis(url: string): Promise<ReturnType<typeof createClient>> {
  const c = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: (retries, cause) => (retries >= 2 ? cause : 200) } });
  c.on('error', () => undefined);
  try {
    await c.connect();
  } catch (err) {
    const where = URL.canParse(url) ? `${new URL(url).hostname}:${new URL(url).port || '6379'}` : '(invalid URL)';
    throw new Error(`cannot connect to Redis at ${where}: ${(err as Error).message}`);
  }
  return c;
}

export class RedisStreamSource implements AuditSource {
  constructor(
    private readonly url: string,
    private readonly stream: string,
    private readonly pageSize = 1000,
    /** `maxLen`: the writer's audit.redis.maxLen; a stream shorter than it was never trimmed. */
    private readonly opts: { maxLen?: number } = {},
  ) {}

  /**
   * The writer removes entries only by `XADD … MAXLEN ~ maxLen`: the oldest of the whole stream,
   * never below maxLen entries, and never one by one. Redis keeps what tells them apart in XINFO
   * STREAM: `max-deleted-entry-id` is set by XDEL only (trimming leaves 0-0), and `entries-added`
   * counts every entry ever added. Someone with write access to Redis can still rewrite these
   * (XSETID, or the stream deleted and rebuilt): ship the stream off the host (docs/audit.md).
   */
  async startRemovalEvidence(): Promise<string | undefined> {
    const c = await this.client();
    let reply: unknown;
    try {
      reply = await c.sendCommand(['XINFO', 'STREAM', this.stream]);
    } catch (err) {
      if (/no such key/i.test((err as Error).message)) return `the stream ${this.stream} does not exist (MAXLEN trimming never removes a stream's newest entries)`;
      throw err;
    } finally {
      await c.close();
    }
    const info = new Map<string, unknown>();
    if (Array.isArray(reply)) for (let i = 0; i + 1 < reply.length; i += 2) info.set(String(reply[i]), reply[i + 1]);
    const maxDeleted = info.get('max-deleted-entry-id');
    if (typeof maxDeleted === 'string' && maxDeleted !== '0-0') {
      return `entries were deleted from the stream one by one (XDEL: Redis records max-deleted-entry-id ${maxDeleted}), which the writer never does; it only trims the oldest entries by MAXLEN`;
    }
    const length = Number(info.get('length'));
    const added = Number(info.get('entries-added'));
    const maxLen = this.opts.maxLen;
    if (maxLen !== undefined && Number.isFinite(length) && Number.isFinite(added) && length < maxLen && added > length) {
      return `the stream holds ${length} entries, fewer than audit.redis.maxLen (${maxLen}), which MAXLEN trimming never leaves, yet ${added - length} of the ${added} ever added are gone (XTRIM, or a writer with a smaller maxLen: verify with its config)`;
    }
    return undefined;
  }

  describe(): string {
    return `redis stream ${this.stream}`;
  }

  headLocation(chain: string): string {
    return `${this.stream}:head field ${chain}`;
  }

  private async client() {
    return connectAuditRedis(this.url);
  }

  async *entries(): AsyncIterable<SourceEntry> {
    const c = await this.client();
    try {
      let start = '-';
      for (;;) {
        const page = await c.xRange(this.stream, start, '+', { COUNT: this.pageSize });
        for (const msg of page) {
          const fields = msg.message as Record<string, string>;
          yield { line: fields.l ?? '', where: `${this.stream}#${msg.id}`, chainHint: fields.c };
        }
        if (page.length < this.pageSize) break;
        start = `(${page.at(-1)!.id}`;
      }
    } finally {
      await c.close();
    }
  }

  async heads(): Promise<Map<string, string>> {
    const c = await this.client();
    try {
      return new Map(Object.entries(await c.hGetAll(`${this.stream}:head`)));
    } finally {
      await c.close();
    }
  }
}
