/**
 * Chinese numeral digits: people write identifiers digit by digit in Chinese numerals — 一三八零零一三八零零零,
 * 幺三八 (幺 is how "1" is read aloud in phone numbers), 壹贰叁 (the anti-forgery capitals of banking) — and
 * the model reads them as the number. A run of at least seven such digits (ASCII digits mixed in, single
 * spaces or dashes between) is an identifier written out, never prose: Chinese counts, dates and amounts
 * use place values (千, 百, 十, 万) or are shorter (二〇二四年). Each character maps to one ASCII digit, one
 * UTF-16 unit for one, so offsets into the text are unchanged.
 */

const DIGIT_OF: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 一: '1', 幺: '1', 壹: '1', 二: '2', 两: '2', 贰: '2', 三: '3', 叁: '3', 四: '4', 肆: '4',
  五: '5', 伍: '5', 六: '6', 陆: '6', 七: '7', 柒: '7', 八: '8', 捌: '8', 九: '9', 玖: '9',
};
const NUMERAL = '零〇一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖';
/** Seven or more digits, Chinese or ASCII, with at most one space or dash between two of them. */
const DIGIT_RUN_RE = new RegExp(`(?:[${NUMERAL}0-9][ \\-]?){6,}[${NUMERAL}0-9]`, 'g');
const NUMERAL_RE = new RegExp(`[${NUMERAL}]`, 'g');
/** The numerals as a bitmap over U+3000–9FFF: the pre-test reads one bit per character. */
const NUMERAL_BITS = new Uint8Array((0xa000 - 0x3000) >> 3);
for (const ch of NUMERAL) {
  const i = ch.charCodeAt(0) - 0x3000;
  NUMERAL_BITS[i >> 3] |= 1 << (i & 7);
}

/** A Chinese numeral's code (NUMERAL_BITS). */
function isNumeralCode(c: number): boolean {
  const i = c - 0x3000;
  return i >= 0 && i < 0x7000 && (NUMERAL_BITS[i >> 3]! & (1 << (i & 7))) !== 0;
}
const isRunDigit = (c: number) => (c >= 48 && c <= 57) || isNumeralCode(c);

/** Two Chinese numerals in a row (a regex class of 22 CJK characters costs several times this loop). */
export function hasNumeralPair(text: string): boolean {
  let previous = false;
  for (let k = 0; k < text.length; k += 1) {
    const numeral = isNumeralCode(text.charCodeAt(k));
    if (numeral && previous) return true;
    previous = numeral;
  }
  return false;
}

/** The form this module had: a pair test, then DIGIT_RUN_RE over the whole text (kept for the tests that compare). */
export function asciiDigitRunsByRegex(text: string): string {
  if (!hasNumeralPair(text)) return text;
  DIGIT_RUN_RE.lastIndex = 0;
  return text.replace(DIGIT_RUN_RE, (run) => run.replace(NUMERAL_RE, (ch) => DIGIT_OF[ch]!));
}

/** A joiner: one space or dash between two digits continues a chain. */
const isJoiner = (c: number) => c === 32 || c === 45;

/**
 * A chain of seven or more digits spans seven or more consecutive positions (digits, and single joiners between
 * two of them), so it holds one of every STRIDE positions: asciiDigitRuns reads those and walks out from a hit.
 */
const STRIDE = 7;

/**
 * `text` with digit runs written in Chinese numerals turned into ASCII digits (same length), or `text` itself: the
 * runs are turned only when two numerals stand in a row somewhere in the text (the pair test this module opened
 * with). A run is what a global DIGIT_RUN_RE scan matches: a maximal chain of digits (single spaces or dashes
 * between two) from its first digit to its last, when it holds seven or more (shorter chains fail at every start
 * inside them), turned when it holds a numeral.
 *
 * The chains are found by reading one position in STRIDE: a chain long enough covers one of them, and from a
 * position inside a chain (a digit, or a joiner between two) the walk goes back to the chain's first digit and
 * on to its last. Chains are maximal, so the one around a position is the one a walk from the text's start
 * finds. The pair test (a walk of the whole text) runs only when some run holds a numeral: on Chinese 8 KB
 * documents, which hold none (numbers in ASCII digits), the walk of every character was 2.8 % of their time.
 */
export function asciiDigitRuns(text: string): string {
  const n = text.length;
  // [start, end) of the runs holding a numeral (the others are left as they are).
  let runs: number[] | undefined;
  let p = STRIDE - 1;
  while (p < n) {
    const c = text.charCodeAt(p);
    let k: number;
    if (isRunDigit(c)) k = p;
    else if (isJoiner(c) && p > 0 && p + 1 < n && isRunDigit(text.charCodeAt(p - 1)) && isRunDigit(text.charCodeAt(p + 1))) k = p - 1;
    else {
      p += STRIDE;
      continue;
    }
    // Back to the chain's first digit: over digits, and over a joiner with a digit before it.
    for (;;) {
      if (k > 0 && isRunDigit(text.charCodeAt(k - 1))) k--;
      else if (k > 1 && isJoiner(text.charCodeAt(k - 1)) && isRunDigit(text.charCodeAt(k - 2))) k -= 2;
      else break;
    }
    let digits = 0;
    let last = k;
    let numeral = false;
    for (let j = k; j < n; ) {
      const d = text.charCodeAt(j);
      const isNumeral = isNumeralCode(d);
      if (isNumeral || (d >= 48 && d <= 57)) {
        if (isNumeral) numeral = true;
        digits++;
        last = j++;
        continue;
      }
      if (isJoiner(d) && j + 1 < n && isRunDigit(text.charCodeAt(j + 1))) {
        j++;
        continue;
      }
      break;
    }
    if (digits >= 7 && numeral) (runs ??= []).push(k, last + 1);
    // last + 1 is no digit, so the next chain starts at last + 2 or later: a long one holds one of the positions
    // read from last + 1 + STRIDE on.
    p = last + 1 + STRIDE;
  }
  if (runs === undefined || !hasNumeralPair(text)) return text;
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r += 2) {
    out += text.slice(from, runs[r]) + text.slice(runs[r], runs[r + 1]).replace(NUMERAL_RE, (ch) => DIGIT_OF[ch]!);
    from = runs[r + 1]!;
  }
  return out + text.slice(from);
}
