/**
 * JSONL file sink (the default). Files are named `<prefix>-<chain>-<YYYYMMDD>-<firstSeq>.jsonl`, so
 * the chain order of files is their sequence order; the trail decides when to rotate (size, day) and
 * the first record of a new file links to the last record of the previous one. A restarted gateway
 * with the same instance id continues its chain in a new file. The latest signed checkpoint goes to
 * `<prefix>-<chain>.head.json` (in `headDir`, ideally another volume) so verify can spot truncation.
 */
import { access, link, open, readdir, readFile, rename, unlink, writeFile, mkdir, stat, type FileHandle } from 'node:fs/promises';
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AuditSink, ChainEnd, SinkItem } from './types.js';
import { isRotate, PartialWriteError } from './types.js';

export interface FileSinkOptions {
  dir: string;
  prefix: string;
  headDir?: string;
  /** Turns a stored line into its plaintext chain line (decrypts when sealed). */
  openLine: (line: string) => string;
}

export interface AuditFileName {
  prefix: string;
  chain: string;
  day: string;
  firstSeq: number;
}

const FILE_RE = /^(.+?)-([A-Za-z0-9._]+)-(\d{8})-(\d{12})\.jsonl$/;

export function parseAuditFileName(name: string): AuditFileName | null {
  const m = FILE_RE.exec(name);
  return m ? { prefix: m[1]!, chain: m[2]!, day: m[3]!, firstSeq: Number(m[4]) } : null;
}

export function auditFileName(prefix: string, chain: string, at: Date, firstSeq: number): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `${prefix}-${chain}-${day}-${String(firstSeq).padStart(12, '0')}.jsonl`;
}

export function headFileName(prefix: string, chain: string): string {
  return `${prefix}-${chain}.head.json`;
}

/** Chain ids end up in file names: keep them to a safe alphabet (no `-`, which separates name parts). */
export function fileSafeChain(chain: string): string {
  return chain.replace(/[^A-Za-z0-9._]/g, '_').slice(0, 64) || 'gateway';
}

export class FileSink implements AuditSink {
  readonly kind = 'file';
  private chain = '';
  private handle: FileHandle | undefined;
  private size = 0;
  private pendingRotate: { firstSeq: number; at: Date } | undefined;

  constructor(private readonly opts: FileSinkOptions) {}

  async open(chain: string): Promise<ChainEnd | undefined> {
    this.chain = chain;
    await mkdir(this.opts.dir, { recursive: true });
    if (this.opts.headDir) await mkdir(this.opts.headDir, { recursive: true });
    const files = (await readdir(this.opts.dir))
      .map((name) => ({ name, parsed: parseAuditFileName(name) }))
      .filter((f) => f.parsed && f.parsed.prefix === this.opts.prefix && f.parsed.chain === chain)
      .sort((a, b) => a.parsed!.firstSeq - b.parsed!.firstSeq);
    if (files.length === 0) return undefined;
    // The chain's lines from its last signed checkpoint on: newest file first, earlier files only
    // while no checkpoint was found (a crash right after a rotation leaves the checkpoint in the file before).
    let lines: string[] = [];
    for (let k = files.length - 1; k >= 0; k--) {
      const path = join(this.opts.dir, files[k]!.name);
      const fileLines = (k === files.length - 1 ? await this.cutTornLine(path) : await readFile(path, 'utf8')).split('\n').filter((l) => l.length > 0);
      lines = fileLines.concat(lines);
      if (fileLines.some((l) => this.isCheckpoint(l))) break;
    }
    return lines.length === 0 ? undefined : { lines };
  }

  private isCheckpoint(line: string): boolean {
    try {
      return (JSON.parse(this.opts.openLine(line)) as { kind?: unknown }).kind === 'checkpoint';
    } catch {
      return false;
    }
  }

  /** The file's text; a torn final line (crash mid-write, never acknowledged as written) is cut off so the file stays verifiable. */
  private async cutTornLine(path: string): Promise<string> {
    const handle = await open(path, 'r+');
    try {
      const buf = await handle.readFile();
      if (buf.length === 0 || buf[buf.length - 1] === 0x0a) return buf.toString('utf8');
      const keep = buf.lastIndexOf(0x0a) + 1;
      await handle.truncate(keep);
      return buf.subarray(0, keep).toString('utf8');
    } finally {
      await handle.close();
    }
  }

  async write(items: readonly SinkItem[]): Promise<void> {
    let chunk: string[] = [];
    let done = 0; // items durably written so far, reported on failure so a retry resumes after them
    try {
      for (const item of items) {
        if (isRotate(item)) {
          if (chunk.length) await this.appendLines(chunk);
          done += chunk.length;
          chunk = [];
          await this.closeFile();
          this.pendingRotate = { firstSeq: item.firstSeq, at: item.at };
          done += 1;
        } else {
          chunk.push(item);
        }
      }
      if (chunk.length) await this.appendLines(chunk);
    } catch (err) {
      throw new PartialWriteError(err, done);
    }
  }

  private async appendLines(lines: string[]): Promise<void> {
    if (!this.handle) {
      if (!this.pendingRotate) throw new Error('file sink: no segment started (trail must rotate first)');
      const path = join(this.opts.dir, auditFileName(this.opts.prefix, this.chain, this.pendingRotate.at, this.pendingRotate.firstSeq));
      this.handle = await open(path, 'a', 0o600);
      this.size = (await this.handle.stat()).size;
      this.pendingRotate = undefined;
    }
    const data = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    try {
      await this.handle.write(data, 0, data.length, null);
      this.size += data.length;
    } catch (err) {
      // Undo a partial append so a retry of the same lines does not duplicate records.
      await this.handle.truncate(this.size).catch(() => undefined);
      throw err;
    }
  }

  private async closeFile(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (h) {
      await h.sync().catch(() => undefined);
      await h.close();
    }
  }

  async writeHead(checkpointLine: string): Promise<void> {
    const dir = this.opts.headDir ?? this.opts.dir;
    const path = join(dir, headFileName(this.opts.prefix, this.chain));
    // Write-then-rename: a crash never leaves a half-written head.
    await writeFile(`${path}.tmp`, `${checkpointLine}\n`, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  async ping(): Promise<void> {
    await access(this.opts.dir, constants.W_OK);
  }

  async close(): Promise<void> {
    await this.closeFile();
  }

  /** For tests and status: the current file size in bytes. */
  currentSize(): number {
    return this.size;
  }
}

export async function fileExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The pid a lock file names (0 when empty or unreadable), or undefined when there is none. */
async function lockOwner(lockPath: string): Promise<number | undefined> {
  try {
    return Number((await readFile(lockPath, 'utf8')).trim()) || 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Takes `lockPath` for this process, atomically: the lock is a file holding our pid, put in place by
 * link(2) from a file already written, so no other process can ever read it empty (an empty lock,
 * created and then written, read as stale by a process starting at the same moment, and both wrote
 * one chain). A lock whose owner is dead (or that is empty, from a crash mid-write) is taken over by
 * one process at a time, under `<lock>.takeover` taken the same way.
 */
async function takeLock(lockPath: string): Promise<boolean> {
  const mine = `${lockPath}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(mine, String(process.pid), { mode: 0o600 });
  const place = async (path: string): Promise<boolean> => {
    try {
      await link(mine, path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  };
  try {
    if (await place(lockPath)) return true;
    const owner = await lockOwner(lockPath);
    // Ours from an earlier run of this pid (claimedHere says this process holds no such lock) is stale too.
    if (owner && owner !== process.pid && alive(owner)) return false;
    const takeover = `${lockPath}.takeover`;
    if (!(await place(takeover))) {
      // Another process is taking it over; a takeover lock left by a dead one is cleared for the next boot.
      const taker = await lockOwner(takeover);
      if (taker !== undefined && !(taker && alive(taker))) await unlink(takeover).catch(() => undefined);
      return false;
    }
    try {
      // Only the holder of the takeover lock removes a stale lock, and only the one it judged stale.
      if ((await lockOwner(lockPath)) === owner) await unlink(lockPath).catch(() => undefined);
      return await place(lockPath);
    } finally {
      await unlink(takeover).catch(() => undefined);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}

/** Chains claimed by this process (dir/prefix/chain), so two trails never write one chain. */
const claimedHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claim a chain id for writing in `dir`: the preferred id when free, else `<id>.<pid>[.<n>]`. Two
 * writers on one chain would interleave and break it, so a lock file with the owner's pid guards
 * each chain (a stale lock from a dead process is taken over). Returns the id and a release function.
 */
export async function claimChain(
  dir: string,
  prefix: string,
  preferred: string,
  opts: { skipPreferred?: boolean } = {},
): Promise<{ chain: string; release: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  for (let n = opts.skipPreferred ? 1 : 0; n < 100; n++) {
    const chain = n === 0 ? preferred : fileSafeChain(`${preferred}.${process.pid}${n > 1 ? `.${n}` : ''}`);
    const key = `${dir}/${prefix}/${chain}`;
    if (claimedHere.has(key)) continue;
    const lockPath = join(dir, `${prefix}-${chain}.lock`);
    // Reserved before the lock is tried: a concurrent claim in this process must not read our pid in the
    // lock as "ours from an earlier run" and take it over.
    claimedHere.add(key);
    let taken = false;
    try {
      taken = await takeLock(lockPath);
    } finally {
      if (!taken) claimedHere.delete(key);
    }
    if (!taken) continue;
    return {
      chain,
      release: async () => {
        claimedHere.delete(key);
        await unlink(lockPath).catch(() => undefined);
      },
    };
  }
  throw new Error(`audit: could not claim a chain id based on ${preferred} in ${dir}`);
}
