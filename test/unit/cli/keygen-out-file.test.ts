/**
 * `sealgate audit keygen --out <a file>` said "sealgate audit: EEXIST: file already exists, mkdir '…'": now one line
 * saying --out is a file and what keygen writes into a directory, exit 2, and the file is left as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeygen, type Output } from '../../../src/cli/audit.js';

describe('audit keygen --out <a file>', () => {
  it('is refused with a line naming --out, exit 2, the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keygen-out-file-'));
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'keep me\n');
    const out: string[] = [];
    const err: string[] = [];
    const io: Output = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
    expect(runKeygen({ out: file }, io)).toBe(2);
    expect(err.join('')).toBe(`sealgate audit: --out ${file} is a file, not a directory (keygen writes audit-signing.key and audit-signing.pub into it)\n`);
    expect(out).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });
});
