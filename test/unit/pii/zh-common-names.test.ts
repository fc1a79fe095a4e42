/**
 * The most common Chinese full names (张伟, 王芳 …) are frequent pairs in the background text because they
 * are names, so the surname scorer read them as ordinary words: a bare 请联系张伟。 or 张伟的电话是… found no
 * PERSON (found by QA round 4). A measure word 张 after a demonstrative (这张 / 那张 / 哪张) is not a surname.
 */
import { describe, expect, it } from 'vitest';
import { createPiiDetector } from '../../../guardrails/pii/index.js';

const detector = createPiiDetector({ minScore: 0.5 });
async function persons(text: string): Promise<string[]> {
  const findings = await detector.detect(text, {} as never);
  return findings.filter((f) => f.type === 'PERSON').map((f) => text.slice(f.start, f.end));
}

describe('common full names', () => {
  const cases: Array<[string, string]> = [
    ['请联系张伟。', '张伟'],
    ['张伟的电话是13812345678。', '张伟'],
    ['请联系张伟，谢谢', '张伟'],
    ['张伟是我同事', '张伟'],
    ['把合同发给王伟了吗', '王伟'],
    ['李静的快递到了', '李静'],
  ];
  for (const [text, name] of cases) {
    it(`${text} → ${name}`, async () => {
      expect(await persons(text)).toEqual([name]);
    });
  }
});

describe('a measure word after a demonstrative is no surname', () => {
  for (const text of ['这张红色的卡', '这张明信片很好看', '那张华丽的海报', '哪张平面图是新的']) {
    it(text, async () => {
      expect(await persons(text)).toEqual([]);
    });
  }
});
