/**
 * Two claims of one instance id at the same time must not both get the chain (found by QA round 6).
 * The lock file was created empty ('wx') and its pid written after: a claim that read it in between saw
 * no owner, took it as stale and claimed the chain too. Three concurrent claims in one process all got
 * `gw` in 20 rounds of 20; across processes (cluster workers on one host, whose instance id defaults to
 * the host name) the window is the same. Two writers on one chain interleave records with the same
 * seqs, which verify reports as tampering.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimChain } from '../../../src/audit/sinks/file.js';

const register = fileURLToPath(new URL('../../../bin/register.mjs', import.meta.url));
const fileSink = new URL('../../../src/audit/sinks/file.ts', import.meta.url).href;

/** A process that waits until `startAt`, claims chains in `dir` and prints them (the claims stay held until it exits). */
function claimer(script: string, dir: string, startAt: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', register, script, dir, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`claimer exited ${code}: ${err}`))));
  });
}

describe('claimChain, concurrently', () => {
  it('three concurrent claims of one id in one process: one gets it, the others per-process ids', async () => {
    for (let round = 0; round < 10; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'sealgate-claim-'));
      try {
        const claims = await Promise.all([0, 1, 2].map(() => claimChain(dir, 'audit', 'gw')));
        const chains = claims.map((c) => c.chain);
        expect(new Set(chains).size, `round ${round}: ${chains.join(', ')}`).toBe(3);
        expect(chains.filter((c) => c === 'gw')).toHaveLength(1);
        await Promise.all(claims.map((c) => c.release()));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('processes racing for one instance id never get the same chain', async () => {
    const work = mkdtempSync(join(tmpdir(), 'sealgate-claim-'));
    const script = join(work, 'claim.mjs');
    // Each process claims 40 instance ids at once (40 races per process), lined up on a common start
    // time, and holds the claims for a while after printing them, as running gateways do.
    writeFileSync(
      script,
      `const { claimChain } = await import(${JSON.stringify(fileSink)});
const [dir, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {}
const claims = await Promise.all(Array.from({ length: 40 }, (_, i) => claimChain(dir, 'audit', 'gw' + i)));
console.log(claims.map((c) => c.chain).join(' '));
await new Promise((r) => setTimeout(r, 300));
`,
    );
    try {
      for (let round = 0; round < 1; round++) {
        const dir = join(work, `round${round}`);
        const startAt = Date.now() + 3000;
        const outputs = await Promise.all([0, 1, 2].map(() => claimer(script, dir, startAt)));
        const chains = outputs.flatMap((o) => o.split(' '));
        expect(chains).toHaveLength(120);
        const twice = chains.filter((c, i) => chains.indexOf(c) !== i);
        expect(twice, `round ${round}: chains claimed by two processes`).toEqual([]);
        // Each id went to exactly one process under its own name; the others got per-process ids.
        for (let i = 0; i < 40; i++) expect(chains.filter((c) => c === `gw${i}`)).toHaveLength(1);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  it('a stale lock (dead owner, or empty) is taken over; a live owner keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sealgate-claim-'));
    try {
      writeFileSync(join(dir, 'audit-stale.lock'), '2147483646');
      const stale = await claimChain(dir, 'audit', 'stale');
      expect(stale.chain).toBe('stale');
      writeFileSync(join(dir, 'audit-empty.lock'), '');
      expect((await claimChain(dir, 'audit', 'empty')).chain).toBe('empty');
      // A live process other than us (our parent) holds it: we get a per-process chain.
      writeFileSync(join(dir, 'audit-held.lock'), String(process.ppid));
      expect((await claimChain(dir, 'audit', 'held')).chain).toBe(`held.${process.pid}`);
      await stale.release();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
