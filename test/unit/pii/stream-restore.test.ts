import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymize, createPiiDetector, createPiiSession } from '../../../guardrails/pii/index.js';

const detector = createPiiDetector();

function chunk(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let prev = 0;
  for (const p of points) {
    chunks.push(text.slice(prev, p));
    prev = p;
  }
  chunks.push(text.slice(prev));
  return chunks;
}

describe('streaming restore', () => {
  const prompt = '客户王芳，手机13800138000，邮箱 wf@example.com，身份证11010519491231002X';
  const session = createPiiSession();
  const { text: safe } = anonymize(prompt, detector.detect(prompt), 'pseudonymize', { session });
  const answer = `好的，我们会联系 ${safe.match(/<PHONE_\d>/)![0]}，并发送到 < EMAIL_1 >。证件 <ID_NUMBER_1> 已核验 a<b 且 x < y; <UNKNOWN_3> 不变`;
  const expected = session.restore(answer);

  it('the upstream-bound text holds no original value', () => {
    for (const value of ['13800138000', 'wf@example.com', '11010519491231002X']) expect(safe).not.toContain(value);
    expect(expected).toContain('13800138000');
    expect(expected).toContain('wf@example.com');
    expect(expected).toContain('11010519491231002X');
  });

  it('restores placeholders split at every possible point (random chunkings)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
        const restorer = session.createStreamRestorer();
        let out = '';
        for (const c of chunk(answer, cuts)) out += restorer.push(c);
        out += restorer.flush();
        expect(out).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('character-by-character stream', () => {
    const restorer = session.createStreamRestorer();
    let out = '';
    for (const ch of answer) out += restorer.push(ch);
    expect(out + restorer.flush()).toBe(expected);
  });

  it('restoreStream over an async iterable; a dangling "<" is released at the end', async () => {
    async function* deltas() {
      yield '号码 <PHO';
      yield 'NE_1> 结束 <';
    }
    let out = '';
    for await (const piece of session.restoreStream(deltas())) out += piece;
    expect(out).toBe('号码 13800138000 结束 <');
  });

  it('holds back at most one placeholder-length of text', () => {
    const restorer = session.createStreamRestorer();
    expect(restorer.push('a <')).toBe('a ');
    expect(restorer.push('PHONE_1')).toBe('');
    expect(restorer.push('> b')).toBe('13800138000 b');
    expect(restorer.push('< not a placeholder because of spaces and length')).toBe('< not a placeholder because of spaces and length');
  });
});
