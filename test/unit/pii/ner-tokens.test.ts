/**
 * The tagger's tokenizer (Tokens.reset) against a plain reference written from its rules: digit runs, and letter
 * runs joined by an inner apostrophe or hyphen, where a letter is Latin/Greek/Cyrillic by range, nothing from
 * U+2E80 on (CJK ends a token), and the Unicode letter/mark class in between. Mixed random texts, so that the
 * CJK-run skip in reset meets tokens on both sides of every run.
 */
import { describe, expect, it } from 'vitest';
import { buildDictionary, Tokens } from '../../../guardrails/pii/ner/features.js';

const LETTER = /[\p{L}\p{M}]/u;
function isLetter(c: number): boolean {
  if (c < 0xc0) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x300 && c <= 0x52f) return true;
  if (c >= 0x2e80) return false;
  return LETTER.test(String.fromCharCode(c));
}
const isDigit = (c: number) => c >= 48 && c <= 57;

function referenceTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const s = i;
    if (isDigit(c)) {
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    } else if (isLetter(c)) {
      i++;
      for (;;) {
        while (i < text.length && isLetter(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if ((d === 39 || d === 0x2019 || d === 45) && i + 1 < text.length && isLetter(text.charCodeAt(i + 1))) i++;
        else break;
      }
    } else {
      i++;
      continue;
    }
    out.push(`${s}-${i}`);
  }
  return out;
}

describe('the tagger tokenizer', () => {
  it('finds the reference tokens in mixed Latin, CJK and punctuation text', () => {
    const pieces = ['Maria', ' ', '王小明', '在', '北京', '12', '3', "O'", 'Neil', '-', 'Rivas', '，', '。', '“', '”', '—', '★', 'Þórunn', 'Λευκωσία', 'Ａ', '１', '한국', 'ー', '\n', '’', 'x', 'ſ'];
    let seed = 29;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const tokens = new Tokens(buildDictionary([]));
    let count = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const length = 1 + Math.floor(random() * 20);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      tokens.reset(text);
      const found: string[] = [];
      for (let k = 0; k < tokens.count; k++) found.push(`${tokens.starts[k]}-${tokens.ends[k]}`);
      expect(found, JSON.stringify(text)).toEqual(referenceTokens(text));
      count += found.length;
    }
    expect(count).toBeGreaterThan(50_000);
  });
});
