/**
 * Holds the live PolicySet and swaps it atomically on SIGHUP and on file change. A request reads
 * `store.current` once and keeps that reference, so it sees the old set or the new one, never a mix.
 * A reload that fails (broken YAML, bad regex, a tenant loosening the baseline …) keeps the old set
 * and logs the file and the reason — never the file's content.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadPolicySet, PolicyLoadError, type PolicySources } from './loader.js';
import type { PolicySet } from './policy.js';

/** The subset of a pino logger this needs (guardrails/ does not import src/). */
export interface PolicyLogger {
  info(obj: object, msg?: string): void;
  warn?(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A load's warnings, one log line each (file paths and rule ids only, never rule content). */
function logWarnings(set: PolicySet, logger: PolicyLogger | undefined): void {
  for (const warning of set.warnings) (logger?.warn ?? logger?.info)?.call(logger, { warning }, 'policy warning');
}

export type ReloadResult = { ok: true; hash: string; changed: boolean } | { ok: false; file: string; reason: string };

export interface PolicyStoreOptions {
  logger?: PolicyLogger;
  /** Reload when a file in the policy directory (or the baseline file) changes. */
  watchFiles?: boolean;
  /** Reload on SIGHUP. */
  reloadOnSighup?: boolean;
  /** Coalesces bursts of file events (editors write in several steps). */
  debounceMs?: number;
  /**
   * How often a watched directory is checked for having been replaced (another directory renamed onto its path,
   * or deleted and created again, as deploy tools do). A directory watch follows the directory, not its path.
   */
  recheckMs?: number;
}

interface Watched {
  /** Undefined while the directory is missing (or could not be watched). */
  watcher?: FSWatcher;
  /** `dev:ino` of the directory the watcher follows; undefined when missing. */
  identity?: string;
}

function identityOf(dir: string): string | undefined {
  try {
    const stat = statSync(dir);
    return stat.isDirectory() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}

export class PolicyStore {
  private set: PolicySet;
  private readonly watchers = new Map<string, Watched>();
  private recheckTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(set: PolicySet) => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly onSighup = () => void this.reload('sighup');
  private closed = false;
  /** Counts for /metrics and tests. */
  readonly stats = { reloads: 0, failures: 0 };

  private constructor(
    private readonly sources: PolicySources,
    private readonly options: PolicyStoreOptions,
    initial: PolicySet,
  ) {
    this.set = initial;
  }

  /** Loads the policies (throws PolicyLoadError on a broken file: never start with an unknown policy). */
  static open(sources: PolicySources, options: PolicyStoreOptions = {}): PolicyStore {
    const store = new PolicyStore(sources, options, loadPolicySet(sources));
    options.logger?.info({ policyHash: store.set.hash, tenants: store.set.tenants.length }, 'policies loaded');
    logWarnings(store.set, options.logger);
    if (options.reloadOnSighup) process.on('SIGHUP', store.onSighup);
    if (options.watchFiles) {
      store.startWatching();
      store.recheckTimer = setInterval(() => store.recheckWatched(), options.recheckMs ?? 2_000);
      store.recheckTimer.unref();
    }
    return store;
  }

  get current(): PolicySet {
    return this.set;
  }

  onReload(listener: (set: PolicySet) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reload(trigger: 'sighup' | 'file' | 'manual' = 'manual'): ReloadResult {
    let next: PolicySet;
    try {
      next = loadPolicySet(this.sources);
    } catch (error) {
      this.stats.failures++;
      const file = error instanceof PolicyLoadError ? error.file : '<unknown>';
      const reason = error instanceof PolicyLoadError ? error.reason : (error as Error).message;
      this.options.logger?.error({ trigger, file, reason, keptPolicyHash: this.set.hash }, 'policy reload rejected; keeping the previous policies');
      // The failure may be a directory being replaced: watch whatever is at the paths now.
      if (this.options.watchFiles && !this.closed) this.startWatching();
      return { ok: false, file, reason };
    }
    const changed = next.hash !== this.set.hash;
    this.set = next; // the atomic swap
    this.stats.reloads++;
    this.options.logger?.info({ trigger, policyHash: next.hash, changed, tenants: next.tenants.length }, 'policies reloaded');
    if (changed) logWarnings(next, this.options.logger);
    if (this.options.watchFiles) this.startWatching(); // a new term file may live in a new directory
    if (changed) for (const listener of this.listeners) listener(next);
    return { ok: true, hash: next.hash, changed };
  }

  /**
   * Watches the directories of every file the live set was built from, plus the policy directory (new
   * tenant files). Directory watches, not file or recursive ones: editors and deploy tools replace
   * files by rename, which a file watch loses (and Node 20's recursive watch on Linux misses).
   */
  private startWatching(): void {
    const dirs = new Set<string>(this.set.files.map((f) => dirname(f)));
    if (this.sources.dir) dirs.add(resolve(this.sources.dir));
    if (this.sources.baselineFile) dirs.add(dirname(resolve(this.sources.baselineFile)));
    for (const dir of dirs) {
      const identity = identityOf(dir);
      const watched = this.watchers.get(dir);
      if (watched && watched.identity === identity && (watched.watcher || identity === undefined)) continue;
      // New, replaced (a directory renamed onto the path: the old watch follows the old directory and would
      // never fire again), gone or back.
      watched?.watcher?.close();
      const entry: Watched = { identity };
      this.watchers.set(dir, entry);
      if (identity === undefined) continue;
      try {
        entry.watcher = watch(dir, { persistent: false }, () => this.scheduleReload());
        entry.watcher.on('error', (error) => this.options.logger?.error({ dir, reason: error.message }, 'policy watcher failed'));
      } catch (error) {
        this.options.logger?.error({ dir, reason: (error as Error).message }, 'cannot watch policy directory; SIGHUP still reloads');
      }
    }
  }

  /** A watched path now holding another directory (or none, or one again): watch it anew and reload. */
  private recheckWatched(): void {
    if (this.closed) return;
    for (const [dir, watched] of this.watchers) {
      if (identityOf(dir) !== watched.identity) {
        this.startWatching();
        this.scheduleReload();
        return;
      }
    }
  }

  private scheduleReload(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.reload('file'), this.options.debounceMs ?? 100);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.recheckTimer);
    for (const { watcher } of this.watchers.values()) watcher?.close();
    this.watchers.clear();
    process.off('SIGHUP', this.onSighup);
  }
}
