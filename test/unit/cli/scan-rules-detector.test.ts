/**
 * `sealgate scan --detectors rules` ran the rules detector with no rules (a tenant's rules live in its policy,
 * which scan does not read), found nothing in every record and exited 0: a silent no-op (found by QA round 6).
 * Without rules in the config (guardrails.detectors.rules.options.rules) it is now refused with exit 2; with
 * them, they run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(process.cwd(), 'bin/sealgate.mjs');
const env = { ...process.env, SEALGATE_CONFIG: '' };

describe('sealgate scan --detectors rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-scan-rules-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, '{"text":"about project nightingale, ticket ACME-1234"}\n');

  it('without rules in the config: refused, exit 2, nothing scanned', () => {
    const config = join(dir, 'empty.yaml');
    writeFileSync(config, 'guardrails: { enabled: true }\n');
    const run = spawnSync(process.execPath, [bin, 'scan', '--in', input, '--detectors', 'rules', '-c', config], { encoding: 'utf8', env });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/sealgate scan: the rules detector has no rules/);
    expect(run.stdout).toBe('');
  }, 60_000);

  it("a configured rules entry without rules (the gateway's tenant rules) is left out, the rest runs", () => {
    const config = join(dir, 'tenant-rules.yaml');
    writeFileSync(config, 'guardrails:\n  detectors:\n    pii: { enabled: true }\n    rules: { enabled: true }\n');
    const phone = join(dir, 'phone.jsonl');
    writeFileSync(phone, '{"text":"call 13800138000"}\n');
    const run = spawnSync(process.execPath, [bin, 'scan', '--in', phone, '-c', config], { encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { findings: Array<{ type: string }> }).findings.map((f) => f.type)).toEqual(['PHONE_NUMBER']);
  }, 60_000);

  it('with rules in the config: they run', () => {
    const config = join(dir, 'rules.yaml');
    writeFileSync(
      config,
      'guardrails:\n  detectors:\n    rules: { enabled: true, options: { rules: { keywords: [{ id: banned, terms: ["project nightingale"] }], regexes: [{ id: ticket, pattern: "ACME-[0-9]{4}" }] } } }\n',
    );
    const run = spawnSync(process.execPath, [bin, 'scan', '--in', input, '-c', config], { encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
    const verdict = JSON.parse(run.stdout) as { findings: Array<{ category: string }> };
    expect(verdict.findings.map((f) => f.category).sort()).toEqual(['rules.banned', 'rules.ticket']);
  }, 60_000);
});
