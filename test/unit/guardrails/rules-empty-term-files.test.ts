/**
 * A keyword list (or topic) whose term files hold no terms (an empty file, every line a comment: a list generator
 * that failed, a placeholder never filled) loaded and never fired, without a word. Lists with neither terms nor files
 * are refused at load (934acdb); an empty file may be meant (a placeholder), so it loads, but every load says so: a
 * warning naming the file and the rule, in `sealgate policy check` and the gateway's `policy warning` log line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../../guardrails/policy/index.js';

function policies(list: string, rules: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-empty-list-'));
  mkdirSync(join(dir, 'lists'));
  writeFileSync(join(dir, 'lists/banned.txt'), list);
  writeFileSync(join(dir, 'baseline.yaml'), 'input:\n  - { category: "rules.*", action: block }\n');
  writeFileSync(join(dir, 'acme.yaml'), `rules:\n${rules}`);
  return dir;
}

describe('term files without terms', () => {
  it('a keyword list whose only file holds no terms loads with a warning naming it', () => {
    const dir = policies('# to be filled\n\n   \n', '  keywords:\n    - { id: banned, files: [lists/banned.txt] }\n');
    const set = loadPolicySet({ dir });
    expect(set.forTenant('acme').ruleSet.termCount).toBe(0);
    expect(set.warnings).toEqual([`${join(dir, 'acme.yaml')}: keyword list "banned" has no terms (lists/banned.txt holds none): it never fires`]);
  });

  it('a topic with only an empty file warns; with classifier categories it does not', () => {
    const empty = policies('', '  topics:\n    - { id: t, files: [lists/banned.txt] }\n');
    expect(loadPolicySet({ dir: empty }).warnings).toEqual([`${join(empty, 'acme.yaml')}: topic "t" has no terms (lists/banned.txt holds none): it never fires`]);
    const classified = policies('', '  topics:\n    - { id: t, files: [lists/banned.txt], classifierCategories: ["intent.harmful.*"] }\n');
    expect(loadPolicySet({ dir: classified }).warnings).toEqual([]);
  });

  it('a list with terms inline or in another file does not warn', () => {
    const dir = policies('', '  keywords:\n    - { id: banned, terms: [nightingale], files: [lists/banned.txt] }\n');
    expect(loadPolicySet({ dir }).warnings).toEqual([]);
  });

  it('sealgate policy check prints the warning and exits 0', () => {
    const dir = policies('# nothing yet\n', '  keywords:\n    - { id: banned, files: [lists/banned.txt] }\n');
    const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/sealgate.mjs'), 'policy', 'check', '--dir', dir], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SEALGATE_CONFIG: '' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: .*acme\.yaml: keyword list "banned" has no terms \(lists\/banned\.txt holds none\): it never fires/);
  }, 60_000);
});
