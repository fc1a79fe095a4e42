/**
 * File-backed KeyStore (the default without Redis): `keys.json` holds the records (written by the
 * CLI), `keys.usage.json` next to it holds last use and source IPs (written by the gateway, batched).
 * Both are written atomically (temp file + rename) with mode 0600. The gateway notices changes the
 * CLI makes (new keys, revocations) within RELOAD_CHECK_MS without a restart.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyPatch, mergeUsage, type KeyPatch, type KeyRecord, type KeyStore, type KeyUsage, type StoredKey } from './types.js';

const RELOAD_CHECK_MS = 500;
/**
 * File timestamps come from a coarse clock (a few ms), so a write in the same tick as our last read
 * leaves the mtime unchanged (and a rename can reuse the old inode number): until our read is this
 * much later than the file's mtime, the file is read again and compared (git's "racily clean" rule).
 */
const RACY_WINDOW_MS = 1000;
const USAGE_FLUSH_MS = 2000;
/** How long a change waits for another process's change to the keys file, and when a lock left behind is taken over. */
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

interface KeysFile {
  version: 1;
  keys: KeyRecord[];
}

export class FileKeyStore implements KeyStore {
  private records = new Map<string, KeyRecord>();
  private usage = new Map<string, KeyUsage>();
  /** inode, size, mtime and ctime (ns) of the keys file as last read ('' = no file), its text, and when it was read. */
  private loadedSignature = '-';
  private loadedText: string | undefined;
  private loadedAtMs = 0;
  private lastCheck = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly usagePath: string;
  /** Set after a failed usage write until one succeeds: the failure is reported once, not every flush. */
  private usageWriteFailed = false;

  constructor(
    private readonly path: string,
    /** Where a failed usage write is reported (no key material: a path and an errno code). */
    private readonly onUsageWriteError: (message: string) => void = (message) => process.emitWarning(message, 'SealGateKeyStore'),
  ) {
    this.usagePath = path.replace(/(\.json)?$/, '.usage.json');
    this.reloadIfChanged(true);
    for (const [id, u] of Object.entries(readJson<Record<string, KeyUsage>>(this.usagePath) ?? {})) this.usage.set(id, u);
  }

  async get(id: string): Promise<StoredKey | undefined> {
    this.reloadIfChanged(false);
    // A miss may be a key created a moment ago by the CLI: look at the file now rather than in RELOAD_CHECK_MS.
    if (!this.records.has(id)) this.reloadIfChanged(true);
    const record = this.records.get(id);
    return record ? { ...record, usage: this.usage.get(id) ?? { lastSourceIps: [] } } : undefined;
  }

  async list(): Promise<StoredKey[]> {
    this.reloadIfChanged(true);
    return [...this.records.values()].map((r) => ({ ...r, usage: this.usage.get(r.id) ?? { lastSourceIps: [] } }));
  }

  async create(record: KeyRecord): Promise<void> {
    await this.locked(() => {
      this.reloadIfChanged(true);
      if (this.records.has(record.id)) throw new Error(`key id ${record.id} already exists`);
      this.records.set(record.id, record);
      this.writeKeys();
    });
  }

  async update(id: string, patch: { [K in keyof KeyPatch]: KeyPatch[K] | null }): Promise<StoredKey | undefined> {
    return this.locked(() => {
      this.reloadIfChanged(true);
      const record = this.records.get(id);
      if (!record) return undefined;
      const next = applyPatch(record, patch);
      this.records.set(id, next);
      this.writeKeys();
      return { ...next, usage: this.usage.get(id) ?? { lastSourceIps: [] } };
    });
  }

  /**
   * Runs a read-modify-write of the keys file holding `<keys file>.lock` (created exclusively), so two
   * `sealgate keys` commands at once (a provisioning script, a revoke beside a create) cannot both read the
   * same file and have the second write drop the first's change: a created key lost, or a revocation undone.
   * A lock older than LOCK_STALE_MS (a process that died holding it) is taken over.
   */
  private async locked<T>(change: () => T): Promise<T> {
    const lockPath = `${this.path}.lock`;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        const fd = openSync(lockPath, 'wx', 0o600);
        try {
          writeSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      if (lockAgeMs(lockPath) > LOCK_STALE_MS) {
        try {
          unlinkSync(lockPath);
        } catch {
          // another process took it over first
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${lockPath}: the keys file is locked by another process (remove the lock if no sealgate keys command is running)`);
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    }
    try {
      return change();
    } finally {
      try {
        unlinkSync(lockPath);
      } catch {
        // already gone (taken over as stale)
      }
    }
  }

  async recordUse(id: string, at: Date, sourceIp: string | undefined): Promise<void> {
    this.usage.set(id, mergeUsage(this.usage.get(id) ?? { lastSourceIps: [] }, at, sourceIp));
    this.flushTimer ??= setTimeout(() => this.flushUsage(), USAGE_FLUSH_MS).unref();
  }

  async close(): Promise<void> {
    if (this.flushTimer) this.flushUsage();
  }

  private flushUsage(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // This runs in a timer: a throw here is an uncaught exception that ends the gateway. Usage is
    // bookkeeping, and a keys directory the gateway cannot write (a read-only mounted secret, a full
    // disk) is an ordinary deployment: keep the usage in memory, say so once, try again next flush.
    try {
      // Merge with what other processes (other gateway instances on the same file) recorded.
      const onDisk = readJson<Record<string, KeyUsage>>(this.usagePath) ?? {};
      for (const [id, theirs] of Object.entries(onDisk)) {
        const ours = this.usage.get(id);
        if (!ours || (theirs.lastUsedAt ?? '') > (ours.lastUsedAt ?? '')) this.usage.set(id, theirs);
      }
      atomicWrite(this.usagePath, Object.fromEntries(this.usage));
      this.usageWriteFailed = false;
    } catch (err) {
      if (this.usageWriteFailed) return;
      this.usageWriteFailed = true;
      const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      this.onUsageWriteError(`cannot save key usage to ${this.usagePath} (${reason}); last use and source IPs are kept in memory only`);
    }
  }

  private reloadIfChanged(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastCheck < RELOAD_CHECK_MS) return;
    this.lastCheck = now;
    const signature = signatureOf(this.path);
    const racy = signature !== '' && this.loadedAtMs - mtimeMsOf(signature) < RACY_WINDOW_MS;
    if (signature === this.loadedSignature && !racy) return;
    const text = signature ? readText(this.path) : undefined;
    this.loadedAtMs = now;
    if (text === this.loadedText) {
      this.loadedSignature = signature;
      return;
    }
    const file = text === undefined ? undefined : parseJson<KeysFile>(this.path, text);
    if (file && (file.version !== 1 || !Array.isArray(file.keys))) throw new Error(`${this.path}: not a SealGate keys file`);
    this.records = new Map((file?.keys ?? []).map((r) => [r.id, r]));
    this.loadedSignature = signature;
    this.loadedText = text;
  }

  private writeKeys(): void {
    const file: KeysFile = { version: 1, keys: [...this.records.values()] };
    this.loadedText = atomicWrite(this.path, file);
    this.loadedSignature = signatureOf(this.path);
    this.loadedAtMs = Date.now();
  }
}

/** `ino:size:mtimeNs:ctimeNs` of the file, '' when it does not exist. */
function signatureOf(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return ''; // no file yet: no keys
  }
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0; // released meanwhile: try again
  }
}

const mtimeMsOf = (signature: string): number => Number(BigInt(signature.split(':')[2]!) / 1_000_000n);

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function parseJson<T>(path: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${path}: invalid JSON`);
  }
}

function readJson<T>(path: string): T | undefined {
  const text = readText(path);
  return text === undefined ? undefined : parseJson<T>(path, text);
}

/** Writes `value` as JSON by temp file + rename; returns the text written. */
function atomicWrite(path: string, value: unknown): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const text = JSON.stringify(value, null, 2) + '\n';
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
  return text;
}
