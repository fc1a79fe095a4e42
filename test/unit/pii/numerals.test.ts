/** Identifiers written digit by digit in Chinese numerals are found, canonicalised with their ASCII twins, and prose is left alone. */
import { describe, expect, it } from 'vitest';
import { anonymize, createPiiDetector, createPiiSession } from '../../../guardrails/pii/index.js';
import { asciiDigitRuns, asciiDigitRunsByRegex } from '../../../guardrails/pii/numerals.js';

const detector = createPiiDetector();
const found = (text: string): string[] => detector.detect(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('asciiDigitRuns', () => {
  it('maps runs of seven or more numerals (ASCII digits, single spaces or dashes between) one character for one', () => {
    expect(asciiDigitRuns('电话一三八零零一三八零零零')).toBe('电话13800138000');
    expect(asciiDigitRuns('幺三八-零零幺三-八零零零，两点见')).toBe('138-0013-8000，两点见');
    expect(asciiDigitRuns('壹贰叁肆伍陆柒捌玖零')).toBe('1234567890');
    expect(asciiDigitRuns('13８一三八〇〇〇〇')).toBe('13８1380000');
  });

  it('leaves counts, dates, amounts and idioms alone', () => {
    // (The last two: a seven-digit run with numerals, but no two numerals in a row anywhere in the text.)
    for (const text of ['数到一二三四五六', '二〇二四年三月五日', '一千二百三十四万五千六百七十八', '一五一十地说了', '三三两两，七上八下', '第一二三名', '1-2-3-4-5-一-二', '1一2二3三4']) {
      expect(asciiDigitRuns(text)).toBe(text);
    }
  });

  it('turns the same runs as the pair test and the global DIGIT_RUN_RE scan it replaced, on random texts', () => {
    // Numerals, ASCII digits, the two joiners, a full-width digit and prose characters, in runs around length 7.
    const alphabet = ['一', '二', '零', '〇', '幺', '壹', '玖', '两', '1', '5', '0', ' ', '-', '--', '  ', '８', '十', '号', 'a', '，'];
    let seed = 20261130;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    let changed = 0;
    for (let t = 0; t < 30_000; t++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      // Some texts lean on digits and numerals (long chains), others on prose.
      const digitBias = random();
      for (let i = 0; i < length; i++) text += random() < digitBias ? alphabet[Math.floor(random() * 11)] : alphabet[Math.floor(random() * alphabet.length)];
      const expected = asciiDigitRunsByRegex(text);
      expect(asciiDigitRuns(text), JSON.stringify(text)).toBe(expected);
      if (expected !== text) changed++;
    }
    expect(changed).toBeGreaterThan(1000);
  });

  it('finds every run from one position in seven: chains of every length at every offset, in long prose', () => {
    // Chains of 5–9 digits (numerals, ASCII digits, single joiners) at random offsets in prose, so that every chain
    // start and length meets the positions read (one in seven) in every way; a pair of numerals elsewhere or not.
    const digit = ['一', '零', '〇', '幺', '玖', '两', '1', '5', '0'];
    const prose = ['号', '码', '是', 'a', '，', ' ', '-', '十', '８'];
    let seed = 20261201;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!;
    let changed = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const chains = 1 + Math.floor(random() * 4);
      for (let k = 0; k < chains; k++) {
        const gap = Math.floor(random() * 12);
        for (let i = 0; i < gap; i++) text += pick(prose);
        const length = 5 + Math.floor(random() * 5);
        for (let i = 0; i < length; i++) text += (i > 0 && random() < 0.2 ? pick([' ', '-']) : '') + pick(digit);
      }
      if (random() < 0.5) text += `，${pick(prose)}二三`;
      const expected = asciiDigitRunsByRegex(text);
      expect(asciiDigitRuns(text), JSON.stringify(text)).toBe(expected);
      if (expected !== text) changed++;
    }
    expect(changed).toBeGreaterThan(3000);
  });

  it('is linear on long runs', () => {
    for (const text of ['一'.repeat(300_000), '一 '.repeat(200_000), `${'一-'.repeat(100_000)}x`]) expect(asciiDigitRuns(text)).toHaveLength(text.length);
  });
});

describe('the PII detector', () => {
  it('finds phone numbers, resident ids and cards written in Chinese numerals, with spans in the original text', () => {
    expect(found('我的手机号是一三八零零一三八零零零，有事打给我')).toEqual(['PHONE_NUMBER:一三八零零一三八零零零']);
    expect(found('电话：幺三八-零零幺三-八零零零')).toEqual(['PHONE_NUMBER:幺三八-零零幺三-八零零零']);
    expect(found('身份证号：一一零一零五一九四九一二三一零零二X')).toEqual(['CN_RESIDENT_ID:一一零一零五一九四九一二三一零零二X']);
    // A wrong check digit stays a non-match, as in ASCII.
    expect(found('身份证号：一一零一零五一九四九一二三一零零二一')).not.toContainEqual(expect.stringMatching(/^CN_RESIDENT_ID/));
  });

  it('gives a number in numerals the placeholder of the same number in digits, and restores each as written', () => {
    const session = createPiiSession();
    const text = '打13800138000或者一三八零零一三八零零零都行';
    const out = anonymize(text, detector.detect(text), 'pseudonymize', { session });
    expect(out.text).toBe('打<PHONE_1>或者<PHONE_1>都行');
    expect(out.restore!('<PHONE_1>')).toMatch(/^(13800138000|一三八零零一三八零零零)$/);
  });
});
