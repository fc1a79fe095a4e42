import { defineOperator } from './apply.js';

/**
 * Keeps the last N letters/digits (default 4) and masks the others; separators stay so the shape is
 * recognisable: `4111 1111 1111 1234` → `**** **** **** 1234`, `zhang@qq.com` → `*****@**.com`-like.
 */
export const maskOperator = defineOperator('mask', (value, _finding, ctx) => {
  const keep = Math.max(0, ctx.maskKeepLast ?? 4);
  const maskChar = ctx.maskChar ?? '*';
  const chars = Array.from(value);
  let visible = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i]!;
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (visible < keep) visible++;
    else chars[i] = maskChar;
  }
  return chars.join('');
});
