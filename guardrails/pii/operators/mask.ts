import { defineOperator } from './apply.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Values that are names: the last letters are the surname (English) or the given name (Chinese) — the name itself. */
const NAME_TYPES: ReadonlySet<string> = new Set(['PERSON']);

/**
 * Keeps the last N letters/digits (default 4) and masks the others; separators stay so the shape is
 * recognisable: `4111 1111 1111 1234` → `**** **** **** 1234`, `zhang@qq.com` → `*****@**.com`-like.
 * Never more than half of a value's letters/digits stay visible, so a short value is not left whole (王小明 kept all
 * three characters under the default 4). A person's name keeps its first letter only, as Chinese services show
 * names (王**): its last letters are the surname or the given name (`Alice Wong` → `***** Wong` named her).
 */
export const maskOperator = defineOperator('mask', (value, finding, ctx) => {
  const maskChar = ctx.maskChar ?? '*';
  const chars = Array.from(value);
  let count = 0;
  for (const ch of chars) if (LETTER_OR_DIGIT.test(ch)) count++;
  if (NAME_TYPES.has(finding.type ?? '')) {
    let seen = 0;
    for (let i = 0; i < chars.length; i++) {
      if (LETTER_OR_DIGIT.test(chars[i]!) && seen++ > 0) chars[i] = maskChar;
    }
    return chars.join('');
  }
  const keep = Math.min(Math.max(0, ctx.maskKeepLast ?? 4), Math.floor(count / 2));
  let visible = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i]!;
    if (!LETTER_OR_DIGIT.test(ch)) continue;
    if (visible < keep) visible++;
    else chars[i] = maskChar;
  }
  return chars.join('');
});
