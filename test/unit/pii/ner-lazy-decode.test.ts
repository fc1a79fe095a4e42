/**
 * NerModel.spans with a `mayKeep` filter (en-ner.ts passes mayKeepInCjkText on text holding CJK) stops decoding a
 * run of tokens at the first token after the last keepable start that follows an O (decodeRange's lastStart):
 * every span starting where mayKeep holds must come out exactly as a full decode of the text gives it (type,
 * start, end, margin), in the same order. Generated Chinese log rows, forms and chats with capitalised words, keys,
 * hex fragments and names, plus the generator's ZH rows.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../../datasets/pii/generate.js';
import { NerModel } from '../../../guardrails/pii/ner/model.js';
import { mayKeepInCjkText } from '../../../guardrails/pii/recognizers/en-ner.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

const PIECES = [
  'WARN', 'ERROR', 'INFO', 'DEBUG', 'AccessKeyId', 'LTAImsKn', 'DA', 'A8', '5A', 'BYW', 'Maria', 'Keller', 'Zagreb', 'Bank', 'of',
  'America', 'and', 'de', 'la', 'Cruz', 'Holdings', 'Ltd', 'Oluwaseun', 'Adeyemi', 'Tromsø', 'Smith', 'Road', 'the', 'Verdafero',
  'ip', 'mac', 'key', 'id', '2024', '13', '88', '9C', 'E8', '支付失败', '配置泄露', '用户', '联系人', '王', '先生', '在', '。', '，',
  ' ', ' ', ' ', ' ', '=', ':', '.', '-', '@', '/', '_', ',', '[', ']', '\n', '(', ')',
];

function randomText(r: () => number): string {
  let t = '';
  const n = 2 + Math.floor(r() * 24);
  for (let k = 0; k < n; k++) t += PIECES[Math.floor(r() * PIECES.length)];
  return t;
}

const model = NerModel.load();
const keepable = (text: string) => (s: { start: number }) => mayKeepInCjkText(text, s.start);

function check(text: string): number {
  const full = model.spans(text).filter(keepable(text));
  const lazy = model.spans(text, mayKeepInCjkText).filter(keepable(text));
  expect(lazy, JSON.stringify(text)).toEqual(full);
  return full.length;
}

describe('en_ner lazy decoding of keepable runs', () => {
  it('keeps every keepable span of a full decode (random CJK/Latin strings)', () => {
    const r = rng(20261129);
    let spans = 0;
    let multi = 0;
    for (let k = 0; k < 20_000; k++) {
      const text = randomText(r);
      spans += check(text);
      multi += model.spans(text, mayKeepInCjkText).filter((s) => text.slice(s.start, s.end).includes(' ')).length;
    }
    // Enough spans, and spans of several tokens (decoding continued past their first token), to catch a wrong stop.
    expect(spans).toBeGreaterThan(5_000);
    expect(multi).toBeGreaterThan(500);
  }, 120_000);

  it('keeps every keepable span on the generator rows', () => {
    let spans = 0;
    for (const row of generate(2000, 20261128)) spans += check(row.text);
    expect(spans).toBeGreaterThan(100);
  }, 60_000);
});
