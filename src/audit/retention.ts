/**
 * Retention: delete audit files older than N days. Per chain, only a prefix of the chain is removed
 * (oldest files first, stopping at the first file that is still young) and the newest file is never
 * removed, so what remains is one unbroken chain: verify reports it as starting at the first retained
 * seq, and every retained record is still covered by the signed checkpoints after it.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAuditFileName } from './sinks/file.js';

export interface RetentionOptions {
  dir: string;
  prefix?: string;
  days: number;
  now?: Date;
  /** Report what would be deleted without deleting. */
  dryRun?: boolean;
}

export interface RetentionResult {
  deleted: string[];
  kept: string[];
}

export async function applyRetention(opts: RetentionOptions): Promise<RetentionResult> {
  const cutoff = (opts.now ?? new Date()).getTime() - opts.days * 86_400_000;
  const byChain = new Map<string, Array<{ path: string; firstSeq: number; mtime: number }>>();
  for (const name of await readdir(opts.dir)) {
    const parsed = parseAuditFileName(name);
    if (!parsed || (opts.prefix && parsed.prefix !== opts.prefix)) continue;
    const path = join(opts.dir, name);
    const key = `${parsed.prefix}/${parsed.chain}`;
    const list = byChain.get(key) ?? [];
    list.push({ path, firstSeq: parsed.firstSeq, mtime: (await stat(path)).mtimeMs });
    byChain.set(key, list);
  }
  const result: RetentionResult = { deleted: [], kept: [] };
  for (const files of byChain.values()) {
    files.sort((a, b) => a.firstSeq - b.firstSeq);
    let deleting = true;
    files.forEach((f, i) => {
      // A file's mtime is its last write, so "older than N days" means all its records are.
      deleting = deleting && i < files.length - 1 && f.mtime < cutoff;
      (deleting ? result.deleted : result.kept).push(f.path);
    });
  }
  if (!opts.dryRun) for (const path of result.deleted) await unlink(path);
  return result;
}
