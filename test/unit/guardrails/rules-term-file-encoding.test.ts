/**
 * A term list or policy file that is not UTF-8 (a GBK-encoded Chinese list, a UTF-16 file from Notepad) was decoded
 * with replacement characters and loaded: `sealgate policy check` said "OK, 2 terms" for a GBK list of 夜莺计划 and
 * 机密项目, terms that never match what users type (a rule that silently never fires). Now it is a load error naming
 * the file (and the rule, for a term list); a UTF-8 BOM is still read as UTF-8.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicySet, PolicyLoadError } from '../../../guardrails/policy/index.js';
import { compileRuleSet } from '../../../guardrails/rules/index.js';

// 夜莺计划\n机密项目\n in GBK.
const GBK = Buffer.from('d2b9ddbabcc6bbae0abbfac3dccfeec4bf0a', 'hex');
const UTF16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('project nightingale\n', 'utf16le')]);

const dirs: string[] = [];
function policies(list: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-term-enc-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'lists'));
  writeFileSync(join(dir, 'lists/banned.txt'), list);
  writeFileSync(join(dir, 'acme.yaml'), 'rules:\n  keywords:\n    - { id: banned, files: [lists/banned.txt] }\n');
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function reason(dir: string): string {
  try {
    loadPolicySet({ dir });
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyLoadError);
    return (error as PolicyLoadError).reason;
  }
  throw new Error('loaded');
}

describe('term lists and policy files that are not UTF-8', () => {
  it('a GBK or UTF-16 term list is refused, naming the rule and the file', () => {
    expect(reason(policies(GBK))).toMatch(/keyword list "banned": term file "lists\/banned\.txt" is not valid UTF-8/);
    expect(reason(policies(UTF16))).toMatch(/term file "lists\/banned\.txt" is not valid UTF-8/);
  });

  it('a UTF-8 list with a BOM and CRLF line ends loads, its terms intact', () => {
    const dir = policies(Buffer.from('\ufeff夜莺计划\r\n机密项目\r\n', 'utf8'));
    const set = loadPolicySet({ dir });
    const hits = set.forTenant('acme').ruleSet.detector.detect('关于夜莺计划的问题', {}) as { category: string }[];
    expect(hits.map((f) => f.category)).toEqual(['rules.banned']);
  });

  it('a policy file that is not UTF-8 is refused', () => {
    const dir = policies(Buffer.from('x\n'));
    writeFileSync(join(dir, 'acme.yaml'), Buffer.concat([Buffer.from('rules:\n  keywords:\n    - { id: banned, terms: ["'), GBK.subarray(0, 8), Buffer.from('"] }\n')]));
    expect(reason(dir)).toMatch(/not valid UTF-8/);
  });

  it('the library refuses it too', () => {
    const dir = policies(GBK);
    expect(() => compileRuleSet({ keywords: [{ id: 'k', files: ['lists/banned.txt'] }] }, { baseDir: dir })).toThrow(/term file "lists\/banned\.txt" is not valid UTF-8/);
  });
});
