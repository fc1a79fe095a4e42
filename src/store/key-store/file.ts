/**
 * File-backed KeyStore (the default without Redis): `keys.json` holds the records (written by the
 * CLI), `keys.usage.json` next to it holds last use and source IPs (written by the gateway, batched).
 * Both are written atomically (temp file + rename) with mode 0600. The gateway notices changes the
 * CLI makes (new keys, revocations) within RELOAD_CHECK_MS without a restart.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyPatch, mergeUsage, type KeyPatch, type KeyRecord, type KeyStore, type KeyUsage, type StoredKey } from './types.js';

const RELOAD_CHECK_MS = 500;
const USAGE_FLUSH_MS = 2000;

interface KeysFile {
  version: 1;
  keys: KeyRecord[];
}

export class FileKeyStore implements KeyStore {
  private records = new Map<string, KeyRecord>();
  private usage = new Map<string, KeyUsage>();
  private loadedMtimeMs = -1;
  private lastCheck = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly usagePath: string;

  constructor(private readonly path: string) {
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
    this.reloadIfChanged(true);
    if (this.records.has(record.id)) throw new Error(`key id ${record.id} already exists`);
    this.records.set(record.id, record);
    this.writeKeys();
  }

  async update(id: string, patch: { [K in keyof KeyPatch]: KeyPatch[K] | null }): Promise<StoredKey | undefined> {
    this.reloadIfChanged(true);
    const record = this.records.get(id);
    if (!record) return undefined;
    const next = applyPatch(record, patch);
    this.records.set(id, next);
    this.writeKeys();
    return { ...next, usage: this.usage.get(id) ?? { lastSourceIps: [] } };
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
    // Merge with what other processes (other gateway instances on the same file) recorded.
    const onDisk = readJson<Record<string, KeyUsage>>(this.usagePath) ?? {};
    for (const [id, theirs] of Object.entries(onDisk)) {
      const ours = this.usage.get(id);
      if (!ours || (theirs.lastUsedAt ?? '') > (ours.lastUsedAt ?? '')) this.usage.set(id, theirs);
    }
    atomicWrite(this.usagePath, Object.fromEntries(this.usage));
  }

  private reloadIfChanged(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastCheck < RELOAD_CHECK_MS) return;
    this.lastCheck = now;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.path).mtimeMs;
    } catch {
      mtimeMs = 0; // no file yet: no keys
    }
    if (mtimeMs === this.loadedMtimeMs) return;
    const file = mtimeMs ? readJson<KeysFile>(this.path) : undefined;
    if (file && (file.version !== 1 || !Array.isArray(file.keys))) throw new Error(`${this.path}: not a SealGate keys file`);
    this.records = new Map((file?.keys ?? []).map((r) => [r.id, r]));
    this.loadedMtimeMs = mtimeMs;
  }

  private writeKeys(): void {
    const file: KeysFile = { version: 1, keys: [...this.records.values()] };
    atomicWrite(this.path, file);
    this.loadedMtimeMs = statSync(this.path).mtimeMs;
  }
}

function readJson<T>(path: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`${path}: invalid JSON`);
  }
}

function atomicWrite(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, path);
}
