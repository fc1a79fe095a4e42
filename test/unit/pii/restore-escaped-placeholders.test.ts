/**
 * Models writing Markdown escape the brackets and underscores of a placeholder (`\<PHONE_1\>`,
 * `\<ID\_NUMBER\_1\>`), and some put a space inside it (`<PHONE _1>`, `<ID NUMBER_1>`). Those went to the
 * client as placeholders, the pseudonymized value lost (found by QA round 6). Restored now, whole and split
 * at every point of a stream; names this session did not issue stay as written.
 */
import { describe, expect, it } from 'vitest';
import { anonymize, createPiiDetector, createPiiSession } from '../../../guardrails/pii/index.js';

const detector = createPiiDetector();
const prompt = '手机13800138000，身份证11010519491231002X';

function session() {
  const s = createPiiSession();
  const { text } = anonymize(prompt, detector.detect(prompt), 'pseudonymize', { session: s });
  expect(text).toBe('手机<PHONE_1>，身份证<ID_NUMBER_1>');
  return s;
}

/** Every way of cutting `answer` into three pieces, restored through one stream restorer each. */
function everySplit(s: ReturnType<typeof createPiiSession>, answer: string): string[] {
  const outs = new Set<string>();
  for (let i = 0; i <= answer.length; i++) {
    for (let j = i; j <= answer.length; j++) {
      const r = s.createStreamRestorer();
      outs.add(r.push(answer.slice(0, i)) + r.push(answer.slice(i, j)) + r.push(answer.slice(j)) + r.flush());
    }
  }
  return [...outs];
}

const PHONE = '13800138000';
const ID = '11010519491231002X';

describe('placeholders escaped or spaced by the model', () => {
  const cases: Array<[string, string]> = [
    ['\\<PHONE_1\\>', PHONE],
    ['\\<ID\\_NUMBER\\_1\\>', ID],
    ['<ID\\_NUMBER\\_1>', ID],
    ['\\<phone\\_1\\>', PHONE],
    ['<PHONE _1>', PHONE],
    ['<PHONE_ 1>', PHONE],
    ['<ID NUMBER_1>', ID],
    ['< ID NUMBER 1 >', ID],
    ['＜ID NUMBER_1＞', ID],
  ];

  it.each(cases)('%s is restored', (written, value) => {
    const s = session();
    expect(s.restore(`号码是 ${written}。`)).toBe(`号码是 ${value}。`);
  });

  it.each(cases)('%s split at every point of a stream is restored', (written, value) => {
    const s = session();
    expect(everySplit(s, `号码是 ${written}。`)).toEqual([`号码是 ${value}。`]);
  });

  it('names the session did not issue, and backslashes elsewhere, stay as written', () => {
    const s = session();
    const text = 'C:\\<PHONE_2\\> \\<OTHER_1\\> <ID NUMBER_9> a\\_b \\\\ end\\';
    expect(s.restore(text)).toBe(text);
    expect(everySplit(s, text)).toEqual([text]);
  });

  it('a placeholder the user typed escaped is reserved, not issued again', () => {
    const s = createPiiSession();
    const typed = '我写了 \\<PHONE\\_1\\>，电话13800138000';
    const { text } = anonymize(typed, detector.detect(typed), 'pseudonymize', { session: s });
    expect(text).toBe('我写了 \\<PHONE\\_1\\>，电话<PHONE_2>');
  });
});

describe('escaped placeholders in tool-call arguments (JSON source)', () => {
  it('a backslash before a placeholder stays a valid JSON escape', async () => {
    const { PseudonymVault } = await import('../../../src/pipeline/guard/transform.js');
    const vault = new PseudonymVault();
    vault.session.placeholderFor('PHONE', PHONE);
    const args = JSON.stringify({ path: 'C:\\<PHONE_1>', note: '<PHONE_1>' });
    expect(JSON.parse(vault.restore(args, 'arguments'))).toEqual({ path: `C:\\${PHONE}`, note: PHONE });
  });
});

describe('the stream restorer holds back every unfinished placeholder', () => {
  it('OPEN_PREFIX accepts every prefix of every placeholder the pattern matches', async () => {
    const { OPEN_PREFIX, PLACEHOLDER_PATTERN } = await import('../../../guardrails/pii/operators/placeholder-syntax.js');
    // Strings over the placeholder alphabet, seeded so the run is the same every time.
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pick = <T,>(xs: readonly T[]) => xs[rand(xs.length)]!;
    let matches = 0;
    for (let k = 0; k < 20000; k++) {
      // Built from the placeholder grammar with random choices: escapes, brackets, spaces, both cases.
      const parts = Array.from({ length: rand(6) }, () => pick(['A', 'Q', 'z', 'b', '_', '\\_', ' ']));
      const s = `${pick(['', '\\'])}${pick(['<', '＜', '〈'])}${' '.repeat(rand(3))}${pick(['P', 'p'])}${parts.join('')}${pick(['_', '\\_', ' '])}${pick(['1', '07', '123456'])}${' '.repeat(rand(3))}${pick(['', '\\'])}${pick(['>', '＞', '〉'])}`;
      for (const m of s.matchAll(PLACEHOLDER_PATTERN)) {
        matches++;
        const whole = m[0];
        for (let end = 1; end < whole.length; end++) expect(OPEN_PREFIX.test(whole.slice(0, end)), `${whole} @${end}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(5000);
  });

  it('prose after a bracket is not held back', () => {
    const s = session();
    const r = s.createStreamRestorer();
    expect(r.push('if a < b then c')).toBe('if a < b then c');
    expect(r.push('< not a placeholder, prose')).toBe('< not a placeholder, prose');
  });
});

describe('the gateway cuts a stream around an escaped placeholder', () => {
  it('restoring the two sides of any cut gives the whole restored text', async () => {
    const { PseudonymVault } = await import('../../../src/pipeline/guard/transform.js');
    const vault = new PseudonymVault();
    vault.session.placeholderFor('PHONE', PHONE);
    vault.session.placeholderFor('ID_NUMBER', ID);
    const text = '号码 \\<PHONE_1\\> 和 \\<ID\\_NUMBER\\_1\\> 以及 <PHONE _1>。';
    const whole = vault.restore(text);
    expect(whole).toBe(`号码 ${PHONE} 和 ${ID} 以及 ${PHONE}。`);
    for (let cut = 0; cut <= text.length; cut++) {
      const at = vault.safeCut(text, cut);
      expect(vault.restore(text.slice(0, at)) + vault.restore(text.slice(at)), `cut ${cut} -> ${at}`).toBe(whole);
    }
  });
});
