/**
 * Guards for the file arguments of the streaming CLIs (`scan`, `clean`): an output that is really
 * the input (same path written differently, a symlink, a hard link) would be truncated before it
 * is read, and an interrupted run must not leave a half-written output that looks complete.
 */
import { accessSync, constants, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/** Do two paths name the same file? By device and inode when both exist, else by resolved path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Throws when an output (`[flag, path]`, `-` and undefined skipped) is the input or another output.
 * Messages name the flags and paths only.
 */
export function assertDistinctOutputs(input: string, outputs: ReadonlyArray<readonly [flag: string, path: string | undefined]>): void {
  const given = outputs.filter((o): o is readonly [string, string] => o[1] !== undefined && o[1] !== '-');
  given.forEach(([flag, path], i) => {
    if (input !== '-' && sameFile(input, path)) throw new Error(`${flag} ${path} is the input file (it would be overwritten before it is read)`);
    for (const [otherFlag, other] of given.slice(i + 1)) {
      if (sameFile(path, other)) throw new Error(`${flag} and ${otherFlag} are the same file (${path})`);
    }
  });
}

/**
 * Throws when an input file (`-` is stdin) is missing or a directory, naming the flag: the stream's own errors
 * read "ENOENT: no such file or directory, open '…'" and "EISDIR: illegal operation on a directory, read".
 */
export function assertReadableInput(flag: string, path: string): void {
  if (path === '-') return;
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${flag} ${path}: no such file` : `${flag} ${path} cannot be read (${code ?? (error as Error).message})`);
  }
  if (stat.isDirectory()) throw new Error(`${flag} ${path} is a directory, not a file`);
}

/** Throws when a directory argument is missing or names a file, naming the flag (fs errors would name neither). */
export function assertDirectoryArgument(flag: string, path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${flag} ${path}: no such directory` : `${flag} ${path} cannot be read (${code ?? (error as Error).message})`);
  }
  if (!stat.isDirectory()) throw new Error(`${flag} ${path} is a file, not a directory`);
}

/**
 * Throws when a file written only at the end of a run (a report) could not be written then: its directory is
 * missing or not writable, or the path is a directory. Checked before the run, so hours of work are not lost to
 * a typo in the report path. Messages name the flag and path only.
 */
export function assertWritableLater(flag: string, path: string | undefined): void {
  if (path === undefined || path === '-') return;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new Error(`${flag} ${path} is a directory`);
  try {
    accessSync(stat ? path : dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw new Error(`${flag} ${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/**
 * Throws when `out` would overwrite a file read from `inputs` (files, or folders whose `ext` files
 * are read): the same file by any path, or an existing `ext` file inside an input folder.
 */
export function assertNotAnInput(flag: string, out: string, inputs: readonly string[], ext = '.jsonl'): void {
  if (out === '-') return;
  let outReal: string;
  try {
    outReal = realpathSync(out);
  } catch {
    return; // a new file overwrites nothing
  }
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) {
      if (sameFile(input, out)) throw new Error(`${flag} ${out} is the input file ${input} (it would be overwritten)`);
    } else if (outReal.endsWith(ext) && outReal.startsWith(`${realpathSync(input)}${sep}`)) {
      throw new Error(`${flag} ${out} is inside the suite folder ${input} (it would be overwritten)`);
    }
  }
}

/**
 * Until the returned function is called, SIGINT/SIGTERM remove `path` (a partial output) and exit
 * 130/143 with one line on stderr, instead of leaving a truncated file behind.
 */
export function removeOnInterrupt(command: string, path: string | undefined): () => void {
  if (!path || path === '-') return () => {};
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(path, { force: true });
    process.stderr.write(`\nsealgate ${command}: interrupted (${signal}); removed the partial output ${path}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
