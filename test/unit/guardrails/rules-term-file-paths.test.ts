/**
 * A policy's term lists (`files:` of keyword lists, topics and the allow-list) are read only from inside the
 * directory of the policy file naming them (subdirectories included), or from a directory the operator lists
 * in `guardrails.policies.listDirs`. A tenant file naming `../../etc/passwd`, an absolute path, or a symlink
 * leading out of the directory loaded it as terms (and `/dev/zero` would hang the load). Now each is a load
 * error naming the file, the rule and the path as written, in `sealgate policy check` and at start-up alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet, PolicyLoadError } from '../../../guardrails/policy/index.js';
import { compileRuleSet } from '../../../guardrails/rules/index.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-term-paths-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** root/policies/acme.yaml with `rules`, root/outside.txt, root/policies/lists/inside.txt. */
function tree(rules: string): { root: string; policies: string } {
  const root = scratch();
  const policies = join(root, 'policies');
  mkdirSync(join(policies, 'lists'), { recursive: true });
  writeFileSync(join(root, 'outside.txt'), 'outside term\n');
  writeFileSync(join(policies, 'lists/inside.txt'), 'inside term\n');
  writeFileSync(join(policies, 'acme.yaml'), `rules:\n${rules}`);
  return { root, policies };
}

function loadError(run: () => unknown): PolicyLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyLoadError);
    return error as PolicyLoadError;
  }
  throw new Error('loaded');
}

describe('term files outside the policy directory', () => {
  it('a relative path climbing out of the directory is refused, naming the rule and the path', () => {
    const { policies } = tree('  keywords:\n    - { id: k, files: [../outside.txt] }\n');
    const error = loadError(() => loadPolicySet({ dir: policies }));
    expect(error.file).toBe(join(policies, 'acme.yaml'));
    expect(error.reason).toMatch(/keyword list "k": term file "\.\.\/outside\.txt" lies outside the policy file's directory/);
    expect(error.reason).toMatch(/guardrails\.policies\.listDirs/);
  });

  it('an absolute path is refused (topics and the allow-list too)', () => {
    const outside = join(scratch(), 'abs.txt');
    writeFileSync(outside, 'abs term\n');
    const topic = tree(`  topics:\n    - { id: t, files: ["${outside}"] }\n`);
    expect(loadError(() => loadPolicySet({ dir: topic.policies })).reason).toMatch(/topic "t": term file ".*abs\.txt" lies outside/);
    const allow = tree(`  allow: { files: ["${outside}"] }\n`);
    expect(loadError(() => loadPolicySet({ dir: allow.policies })).reason).toMatch(/allow-list: term file ".*abs\.txt" lies outside/);
    const passwd = tree('  keywords:\n    - { id: k, files: [../../../../../../../../etc/passwd] }\n');
    expect(loadError(() => loadPolicySet({ dir: passwd.policies })).reason).toMatch(/term file "(\.\.\/)+etc\/passwd" lies outside/);
  });

  it('a symlink inside the directory leading out of it is refused', () => {
    const { root, policies } = tree('  keywords:\n    - { id: k, files: [lists/link.txt] }\n');
    symlinkSync(join(root, 'outside.txt'), join(policies, 'lists/link.txt'));
    expect(loadError(() => loadPolicySet({ dir: policies })).reason).toMatch(/keyword list "k": term file "lists\/link\.txt" lies outside/);
  });

  it('a file inside the directory (a subdirectory, a symlink within it) loads', () => {
    const { policies } = tree('  keywords:\n    - { id: k, files: [lists/inside.txt, lists/alias.txt] }\n');
    symlinkSync(join(policies, 'lists/inside.txt'), join(policies, 'lists/alias.txt'));
    const set = loadPolicySet({ dir: policies });
    expect(set.forTenant('acme').ruleSet.termCount).toBe(1);
  });

  it('something other than a regular file is refused', () => {
    const { policies } = tree('  keywords:\n    - { id: k, files: [lists] }\n');
    expect(loadError(() => loadPolicySet({ dir: policies })).reason).toMatch(/keyword list "k": term file "lists" is not a regular file/);
  });

  it('a directory the operator lists in listDirs is allowed', () => {
    const { root, policies } = tree('  keywords:\n    - { id: k, files: [../outside.txt] }\n');
    const set = loadPolicySet({ dir: policies, listDirs: [root] });
    expect(set.forTenant('acme').ruleSet.termCount).toBe(1);
    expect(set.files).toContain(join(root, 'outside.txt'));
  });

  it("a baseline elsewhere reads lists next to it (its own directory), not beyond", () => {
    const { policies } = tree('  keywords:\n    - { id: k, terms: [x] }\n');
    const org = scratch();
    mkdirSync(join(org, 'lists'));
    writeFileSync(join(org, 'lists/org.txt'), 'org term\n');
    writeFileSync(join(org, 'baseline.yaml'), 'rules:\n  keywords:\n    - { id: org, files: [lists/org.txt] }\n');
    expect(loadPolicySet({ dir: policies, baselineFile: join(org, 'baseline.yaml') }).forTenant('acme').ruleSet.termCount).toBe(2);
    writeFileSync(join(org, 'baseline.yaml'), `rules:\n  keywords:\n    - { id: org, files: ["${join(policies, 'lists/inside.txt')}"] }\n`);
    const error = loadError(() => loadPolicySet({ dir: policies, baselineFile: join(org, 'baseline.yaml') }));
    expect(error.file).toBe(join(org, 'baseline.yaml'));
  });

  it('the library refuses the same when given roots', () => {
    const { root, policies } = tree('  keywords: []\n');
    expect(() => compileRuleSet({ keywords: [{ id: 'k', files: ['../outside.txt'] }] }, { baseDir: policies, termFileRoots: [policies] })).toThrow(
      /keyword list "k": term file "\.\.\/outside\.txt" lies outside/,
    );
    expect(compileRuleSet({ keywords: [{ id: 'k', files: ['../outside.txt'] }] }, { baseDir: policies, termFileRoots: [policies, root] }).termCount).toBe(1);
  });
});

describe('sealgate policy check', () => {
  const bin = join(process.cwd(), 'bin/sealgate.mjs');
  const env = { ...process.env, SEALGATE_CONFIG: '' };

  it('exits 1 naming the file, the rule and the path; a config listing the directory lets it load', () => {
    const { root, policies } = tree('  keywords:\n    - { id: k, files: [../outside.txt] }\n');
    const refused = spawnSync(process.execPath, [bin, 'policy', 'check', '--dir', policies], { encoding: 'utf8', env });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/policy rejected: .*acme\.yaml: keyword list "k": term file "\.\.\/outside\.txt" lies outside/);
    expect(refused.stderr).not.toMatch(/outside term/);
    const config = join(root, 'sealgate.yaml');
    writeFileSync(config, `guardrails:\n  policies: { dir: "${policies}", listDirs: ["${root}"] }\n`);
    const allowed = spawnSync(process.execPath, [bin, 'policy', 'check', '--config', config], { encoding: 'utf8', env });
    expect(allowed.status, allowed.stderr).toBe(0);
    // --dir with an explicit --config: the directory from the flag, listDirs from the config.
    const both = spawnSync(process.execPath, [bin, 'policy', 'check', '--dir', policies, '--config', config], { encoding: 'utf8', env });
    expect(both.status, both.stderr).toBe(0);
  }, 60_000);
});
