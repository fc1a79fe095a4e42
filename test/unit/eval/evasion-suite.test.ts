/**
 * datasets/redteam/evasion.jsonl: attacks in cheap disguises and harmless text in the same disguises. The
 * committed file is what its builder writes, and the shipped detectors catch every disguised attack in its
 * category family while flagging none of the harmless items.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEvasionSuite } from '../../../datasets/redteam/build-evasion.js';
import { createIntentDetector } from '../../../guardrails/intent/index.js';
import { createToxicityDetector } from '../../../guardrails/toxicity/index.js';
import type { Finding } from '../../../guardrails/core/types.js';
import { loadOwnSuites } from '../../../src/eval/suite.js';

const file = new URL('../../../datasets/redteam/evasion.jsonl', import.meta.url);

describe('evasion suite', async () => {
  const items = buildEvasionSuite();
  const [intent, toxicity] = await Promise.all([createIntentDetector(), createToxicityDetector()]);
  const findings = async (text: string): Promise<Finding[]> => [...((await intent.detect(text)) as Finding[]), ...((await toxicity.detect(text)) as Finding[])];

  it('the committed file is the builder\'s output and loads as a suite', () => {
    expect(readFileSync(file, 'utf8')).toBe(items.map((i) => `${JSON.stringify(i)}\n`).join(''));
    expect(loadOwnSuites([file.pathname]).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it.each(items.filter((i) => i.label === 'attack').map((i) => [i.id, i] as const))('%s is caught', async (_id, item) => {
    const family = item.category.split('.')[0]!;
    expect((await findings(item.text)).map((f) => f.category).some((c) => c.startsWith(`${family}.`))).toBe(true);
  });

  it.each(items.filter((i) => i.label === 'benign').map((i) => [i.id, i] as const))('%s is not flagged', async (_id, item) => {
    expect((await findings(item.text)).map((f) => `${f.category}:${f.score.toFixed(2)}`)).toEqual([]);
  });
});
