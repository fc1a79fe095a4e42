import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands.js';

const run = promisify(execFile);
const bin = join(process.cwd(), 'bin/sealgate.mjs');
const sealgate = (...args: string[]) => run(process.execPath, [bin, ...args], { env: { ...process.env, SEALGATE_CONFIG: '' } });

describe('sealgate CLI help (real binary; commands load lazily)', () => {
  it('lists every command at the top level, and each command shows its own usage and options', async () => {
    const top = await sealgate('--help');
    for (const c of commands) expect(top.stdout).toContain(c.name);
    for (const c of commands) {
      const { stdout } = await sealgate(c.name, '--help');
      expect(stdout).toContain(`Usage: sealgate ${c.name}`);
      expect(stdout.replace(/\s+/g, ' ')).toContain(c.description.replace(/\s+/g, ' '));
      // The command's own definition was loaded: its options or subcommands are listed, not just -h.
      expect(stdout).toMatch(/(Commands:|Options:[\s\S]*--(?!help)[a-z])/);
    }
    const viaHelp = await sealgate('help', 'keys');
    expect(viaHelp.stdout).toMatch(/Usage: sealgate keys[\s\S]*create/);
  }, 120_000);

  it('refuses an unknown command with exit code 2 (a usage error, as in usage-exit-code.test.ts)', async () => {
    const err = await sealgate('no-such-command').catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toMatch(/unknown command 'no-such-command'/);
  }, 60_000);
});
