/**
 * The policy version (`tenant@<sha256 prefix>`, in audit records, receipts and the verdict header) is "over the
 * baseline, the policy and every list it reads" (docs/policies.md), yet it also covered the directory's absolute
 * path: the same files checked by `sealgate policy check` in a CI checkout and served from /etc/sealgate/policies
 * (or by two replicas mounting them at different paths) got different versions, so a receipt could not be checked
 * against the version CI published. The version now depends on content only.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../../guardrails/policy/index.js';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-version-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('policy versions do not depend on where the files are', () => {
  it('the same directory at two paths has the same versions and set hash; a content change still changes them', () => {
    const a = join(scratch(), 'policies');
    mkdirSync(join(a, 'lists'), { recursive: true });
    writeFileSync(join(a, 'lists/banned.txt'), 'project nightingale\n');
    writeFileSync(join(a, 'baseline.yaml'), 'input:\n  - { category: "rules.*", action: block }\nrules:\n  keywords:\n    - { id: org, files: [lists/banned.txt] }\n');
    writeFileSync(join(a, 'acme.yaml'), 'rules:\n  keywords:\n    - { id: k, files: [lists/banned.txt], terms: [titan] }\n');
    const b = join(scratch(), 'elsewhere', 'deploy');
    cpSync(a, b, { recursive: true });
    const first = loadPolicySet({ dir: a });
    const second = loadPolicySet({ dir: b });
    expect(second.forTenant('acme').version).toBe(first.forTenant('acme').version);
    expect(second.defaultPolicy.version).toBe(first.defaultPolicy.version);
    expect(second.hash).toBe(first.hash);
    writeFileSync(join(b, 'lists/banned.txt'), 'project titan\n');
    expect(loadPolicySet({ dir: b }).forTenant('acme').version).not.toBe(first.forTenant('acme').version);
  });
});
