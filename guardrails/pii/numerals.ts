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

/** Two Chinese numerals in a row (a regex class of 22 CJK characters costs several times this loop). */
function hasNumeralPair(text: string): boolean {
  let previous = false;
  for (let k = 0; k < text.length; k += 1) {
    const i = text.charCodeAt(k) - 0x3000;
    const numeral = i >= 0 && i < 0x7000 && (NUMERAL_BITS[i >> 3]! & (1 << (i & 7))) !== 0;
    if (numeral && previous) return true;
    previous = numeral;
  }
  return false;
}

/** `text` with digit runs written in Chinese numerals turned into ASCII digits (same length), or `text` itself. */
export function asciiDigitRuns(text: string): string {
  if (!hasNumeralPair(text)) return text;
  DIGIT_RUN_RE.lastIndex = 0;
  return text.replace(DIGIT_RUN_RE, (run) => run.replace(NUMERAL_RE, (ch) => DIGIT_OF[ch]!));
}
