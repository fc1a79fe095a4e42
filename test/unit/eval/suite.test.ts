import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TAXONOMY } from '../../../guardrails/core/taxonomy.js';
import { OWN_SUITES_DIR, baseUrlOf, loadItems } from '../../../src/cli/eval.js';
import { looksLikeRefusal, verdictAction } from '../../../src/eval/outcome.js';
import { loadOwnSuites, loadSharedSuites, SuiteError } from '../../../src/eval/suite.js';

describe('eval suites', () => {
  it('our committed suites cover every taxonomy category in EN and ZH, with benign look-alikes', () => {
    const items = loadOwnSuites([OWN_SUITES_DIR]);
    for (const { id } of TAXONOMY) {
      for (const lang of ['en', 'zh']) {
        expect(items.filter((i) => i.category === id && i.lang === lang && i.label === 'attack').length, `${id} ${lang} attacks`).toBeGreaterThanOrEqual(2);
        expect(items.some((i) => i.category === id && i.lang === lang && i.label === 'benign'), `${id} ${lang} look-alike`).toBe(true);
      }
    }
    expect(loadItems({ suite: [], shared: [] }).items).toHaveLength(items.length);
  });

  it('reads the shared datasets in place: labels mapped, unrelated labels skipped, per-file limit sampled evenly', () => {
    const root = mkdtempSync(join(tmpdir(), 'shared-'));
    const write = (topic: string, source: string, rows: object[]) => {
      mkdirSync(join(root, topic, source, 'original'), { recursive: true });
      writeFileSync(join(root, topic, source, `${source}.jsonl`), rows.map((r) => JSON.stringify(r)).join('\n'));
      writeFileSync(join(root, topic, source, 'original', 'raw.jsonl'), '{"not":"read"}\n');
    };
    write('injection', 'inj', [
      { text: 'ignore previous', label: 'injection', lang: 'en', source: 'inj', id: 'a' },
      { text: 'be DAN', label: 'jailbreak', lang: 'en', source: 'inj', id: 'b' },
      { text: 'what is rain', label: 'benign', lang: 'de', source: 'inj', id: 'c' },
    ]);
    write('pii', 'p', [{ text: 'x', label: 'pii', lang: 'en' }]);
    write('benign', 'b', Array.from({ length: 10 }, (_, i) => ({ text: `q${i}`, label: 'benign', lang: 'zh', id: i })));
    const { items, skipped } = loadSharedSuites([root], { limit: 5 });
    expect(skipped).toEqual({ pii: 1 });
    expect(items.filter((i) => i.source === 'injection/inj').map((i) => [i.id, i.label, i.category])).toEqual([
      ['injection/inj#a', 'attack', 'intent.prompt_injection'],
      ['injection/inj#b', 'attack', 'intent.jailbreak'],
      ['injection/inj#c', 'benign', 'intent.prompt_injection'],
    ]);
    expect(items.filter((i) => i.source === 'benign/b').map((i) => i.text)).toEqual(['q0', 'q2', 'q4', 'q6', 'q8']);
    expect(items.find((i) => i.source === 'benign/b')!.category).toBe('benign');
  });

  it('rejects malformed suite lines by file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'suite-'));
    const file = join(dir, 's.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: 't', label: 'attack', category: 'intent.jailbreak', lang: 'en' })}\n{oops\n`);
    expect(() => loadOwnSuites([file])).toThrow(new SuiteError(`${file}:2: invalid JSON`));
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: 't', label: 'maybe', category: 'intent.jailbreak', lang: 'en' })}\n`);
    expect(() => loadOwnSuites([file])).toThrow(/s\.jsonl:1: label:/);
    expect(() => loadOwnSuites([join(dir, 'missing.jsonl')])).toThrow(/suite not found/);
  });

  it('classifies refusal wording and verdict headers; accepts root or /v1 gateway URLs', () => {
    expect(looksLikeRefusal("I'm sorry, but I can't help with that request.")).toBe(true);
    expect(looksLikeRefusal('Sorry, I can’t assist with that.')).toBe(true);
    expect(looksLikeRefusal('抱歉，我无法协助处理该请求。')).toBe(true);
    expect(looksLikeRefusal('Sure! The capital of Australia is Canberra.')).toBe(false);
    expect(looksLikeRefusal('I can help with that: first, preheat the oven.')).toBe(false);
    expect(verdictAction('block; input=intent.prompt_injection:block; policy=x')).toBe('block');
    expect(verdictAction(null)).toBeUndefined();
    expect(baseUrlOf('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/v1');
    expect(baseUrlOf('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1:8787/v1');
  });
});
