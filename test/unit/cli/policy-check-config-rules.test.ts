/**
 * The unreachable-rule warnings (a category nothing reports: `toxicty.*`) were computed by `sealgate policy check`
 * only: the gateway loaded the same policies at start-up and on reload without a word. And a policy rule acting on
 * a category of the config's own rule lists (`guardrails.detectors.rules.options.rules`, which `sealgate scan` runs
 * and the gateway does not) was called a typo. Now the warnings are part of every policy load (the gateway logs each
 * as `policy warning`), and a category only the config's lists report is named as such; the gateway says at
 * start-up that it does not run the config's rule lists.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturingLogger, startGateway } from '../../fixtures/gateway.js';

const POLICY = ['input:', '  - { category: "pii.*", action: pseudonymize }', '  - { category: "toxicty.*", action: block }', '  - { id: project, category: "acme.project", action: block }', ''].join('\n');
const CONFIG_RULES = { keywords: [{ id: 'project', category: 'acme.project', terms: ['project nightingale'] }] };

function setup(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sg-policy-config-rules-'));
  writeFileSync(join(dir, 'default.yaml'), POLICY);
  const config = join(dir, 'sealgate.config.json');
  writeFileSync(config, JSON.stringify({ guardrails: { policies: { dir, watch: false }, detectors: { pii: { enabled: true }, rules: { enabled: true, options: { rules: CONFIG_RULES } } } } }));
  return { dir, config };
}

describe("policy warnings: the gateway's start-up and the config's rule lists", () => {
  it('policy check -c names a category only the config rule lists report, and still calls a typo a typo', () => {
    const { dir, config } = setup();
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', '-c', config, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; warnings: string[] };
    expect(report.ok).toBe(true);
    const path = join(dir, 'default.yaml');
    expect(report.warnings).toContainEqual(expect.stringContaining(`${path}: input.1: category "toxicty.*" matches nothing a detector or a policy rule reports`));
    const project = report.warnings.find((w) => w.includes('input.2 (project)'));
    expect(project).toContain('category "acme.project" is reported only by the config\'s guardrails.detectors.rules.options.rules');
    expect(project).toContain('never applies in the gateway');
  }, 60_000);

  it('the gateway logs the same warnings at start-up, and that it does not run the config rule lists', async () => {
    const { dir } = setup();
    const { logger, lines } = capturingLogger('info');
    const gw = await startGateway(
      { server: { logLevel: 'info' }, audit: { enabled: false }, guardrails: { policies: { dir, watch: false }, detectors: { pii: { enabled: true }, rules: { enabled: true, options: { rules: CONFIG_RULES } } } } },
      { logger },
    );
    try {
      const warnings = lines.map((l) => JSON.parse(l) as { msg: string; warning?: string; setting?: string });
      const policyWarnings = warnings.filter((w) => w.msg === 'policy warning').map((w) => w.warning);
      expect(policyWarnings).toContainEqual(expect.stringContaining('category "toxicty.*" matches nothing'));
      expect(policyWarnings).toContainEqual(expect.stringContaining('category "acme.project" is reported only by the config'));
      expect(warnings.some((w) => w.setting === 'guardrails.detectors.rules.options.rules')).toBe(true);
    } finally {
      await gw.close();
    }
  }, 60_000);
});
