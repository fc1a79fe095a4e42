/**
 * Traditional Chinese characters folded to Simplified, one UTF-16 unit for one (offsets are kept): 你真是個腦殘 →
 * 你真是个脑残, 怎麼在家製作炸彈 → 怎么在家制作炸弹. The classifiers are trained on Simplified text, the keyword lexicons,
 * tenant keyword rules and PII context words are mostly written in it; Taiwan and Hong Kong users write Traditional,
 * and converting a prompt is a free evasion. Folding both the text and the word lists read by a matcher makes either
 * script match either.
 *
 * Character level only (guardrails/core/traditional-table.ts, from OpenCC's dictionaries): a Traditional character with
 * several Simplified readings keeps the common one (乾 and 幹 → 干), and phrase-level conversion (regional words) is
 * not done. Every key is in U+3400–U+9FFF and no value is a key, so folding is idempotent.
 */
import { TRADITIONAL_PAIRS } from './traditional-table.js';

const BASE = 0x3400;
const LAST = 0x9fff;

/** Simplified code by Traditional code − BASE; 0 = unchanged (55 KB, built on first use). */
let table: Uint16Array | undefined;

function buildTable(): Uint16Array {
  const t = new Uint16Array(LAST - BASE + 1);
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) t[TRADITIONAL_PAIRS.charCodeAt(i) - BASE] = TRADITIONAL_PAIRS.charCodeAt(i + 1);
  return t;
}

/** The first character of the folded range: text without one is returned at once. */
const HAN_RE = /[\u3400-\u9fff]/;

/** The Simplified character of one UTF-16 code, or the code itself. */
export function foldTraditionalCode(code: number): number {
  if (code < BASE || code > LAST) return code;
  const to = (table ??= buildTable())[code - BASE]!;
  return to === 0 ? code : to;
}

/** Scratch buffer of the folded units (grown as needed; the hot path allocates only the result string). */
let units = new Uint16Array(1024);
/** Units per String.fromCharCode call (well under the engines' argument limits). */
const CHUNK = 8192;

/** `text` with Traditional characters replaced by their Simplified forms (same length); `text` itself when none. */
export function foldTraditional(text: string): string {
  let i = text.search(HAN_RE);
  if (i < 0) return text;
  const t = (table ??= buildTable());
  const n = text.length;
  // Simplified text (the common case) is only read: find the first character that folds.
  for (; i < n; i++) {
    const c = text.charCodeAt(i) - BASE;
    if (c >= 0 && c <= LAST - BASE && t[c] !== 0) break;
  }
  if (i === n) return text;
  // Then every unit into the buffer, folded or as is (lone surrogates too: a TextDecoder would replace them), and
  // one string out of it: Traditional text folds every other character, and a slice per change built a long rope.
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  for (let k = 0; k < i; k++) units[k] = text.charCodeAt(k);
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    const c = code - BASE;
    const to = c >= 0 && c <= LAST - BASE ? t[c]! : 0;
    units[i] = to === 0 ? code : to;
  }
  let out = '';
  // A typed array is an array-like of numbers, which is all fromCharCode.apply reads.
  for (let k = 0; k < n; k += CHUNK) out += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]);
  return out;
}
