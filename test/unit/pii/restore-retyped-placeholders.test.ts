/**
 * Models re-type placeholders: Chinese answers turn `<ID_NUMBER_1>` into `＜ID_NUMBER_1＞` (full-width) or
 * `〈ID_NUMBER_1〉`, and some pad the number (`<PHONE_01>`). Those were sent to the client as placeholders, the
 * pseudonymized value lost (found by QA round 5). Restored now, whole and split across stream chunks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymize, createPiiDetector, createPiiSession } from '../../../guardrails/pii/index.js';
import { PseudonymVault } from '../../../src/pipeline/guard/transform.js';

const detector = createPiiDetector();
const prompt = '客户王芳，手机13800138000，身份证11010519491231002X';

function session() {
  const s = createPiiSession();
  const { text } = anonymize(prompt, detector.detect(prompt), 'pseudonymize', { session: s });
  return { s, safe: text };
}

describe('placeholders a model re-typed', () => {
  it('full-width and CJK brackets and a zero-padded number are restored', () => {
    const { s, safe } = session();
    const id = safe.match(/<(ID_NUMBER_\d)>/)![1]!;
    const phone = safe.match(/<(PHONE[A-Z_]*_\d)>/)![1]!;
    expect(s.restore(`证件＜${id}＞已核验`)).toBe('证件11010519491231002X已核验');
    expect(s.restore(`证件〈 ${id} 〉已核验`)).toBe('证件11010519491231002X已核验');
    expect(s.restore(`call <${phone.replace(/_(\d)$/, '_0$1')}>`)).toBe('call 13800138000');
    // Not issued: left alone, in any brackets.
    expect(s.restore('＜UNKNOWN_3＞ 《书名》 〈注〉 a＜b')).toBe('＜UNKNOWN_3＞ 《书名》 〈注〉 a＜b');
  });

  it('a full-width placeholder split anywhere in a stream is restored', () => {
    const { s, safe } = session();
    const id = safe.match(/<(ID_NUMBER_\d)>/)![1]!;
    const answer = `好的，证件＜${id}＞已核验，a＜b，〈注〉结束`;
    const expected = s.restore(answer);
    expect(expected).toContain('11010519491231002X');
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts.map((c) => c % (answer.length + 1)))].sort((a, b) => a - b);
        const restorer = s.createStreamRestorer();
        let out = '';
        let prev = 0;
        for (const p of [...points, answer.length]) {
          out += restorer.push(answer.slice(prev, p));
          prev = p;
        }
        out += restorer.flush();
        expect(out).toBe(expected);
      }),
    );
  });

  it('the gateway never cuts a stream inside a full-width placeholder', () => {
    const vault = new PseudonymVault();
    vault.session.placeholderFor('ID_NUMBER', '11010519491231002X');
    const text = '证件＜ID_NUMBER_1＞已核验';
    const open = text.indexOf('＜');
    for (let cut = open + 1; cut <= text.indexOf('＞'); cut += 1) expect(vault.safeCut(text, cut), String(cut)).toBe(open);
    expect(vault.safeCut(text, text.length)).toBe(text.length);
  });
});
