/**
 * Short benign fragments cut from benign training documents: one to four English words, or one to six
 * Chinese characters, sometimes wrapped in brackets or quotes or turned into a question.
 *
 * Why: a short text has only a handful of n-gram features, so one or two weights plus the bias decide its
 * score; without short negatives in training a single word like "before" (a frequent word in injections:
 * "ignore everything before") can score as an attack. Fragments teach the model that a lone word or
 * phrase is not evidence of anything. They come from the training split of the permissive benign sources
 * only (the caller passes those documents), so no test text leaks in and the shipped weights stay clean.
 */
import { createRng, pick, type Rng } from './rng.js';
import type { GeneratedRow } from './generators.js';

const EN_WRAPS: ReadonlyArray<(s: string) => string> = [
  (s) => s, (s) => s, (s) => s, (s) => s.toLowerCase(), (s) => s.toLowerCase(), (s) => `(${s})`, (s) => `"${s}"`, (s) => `${s}?`,
  (s) => `${s}.`, (s) => `${s}!`, (s) => `[${s}]`, (s) => s.toUpperCase(), (s) => `${s[0]!.toUpperCase()}${s.slice(1)}`,
];
const ZH_WRAPS: ReadonlyArray<(s: string) => string> = [
  (s) => s, (s) => s, (s) => s, (s) => `（${s}）`, (s) => `“${s}”`, (s) => `${s}？`, (s) => `${s}。`, (s) => `${s}！`, (s) => `【${s}】`, (s) => `${s}吗？`,
];

function englishFragment(rng: Rng, text: string): string | undefined {
  const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => /^[\p{L}\p{N}'-]+$/u.test(w));
  if (words.length === 0) return undefined;
  // Mostly one or two words: the lengths where a few weights dominate.
  const r = rng();
  const len = r < 0.45 ? 1 : r < 0.75 ? 2 : r < 0.9 ? 3 : 4;
  const at = Math.floor(rng() * Math.max(1, words.length - len + 1));
  const span = words.slice(at, at + len).join(' ');
  return span.length >= 2 ? pick(rng, EN_WRAPS)(span) : undefined;
}

function chineseFragment(rng: Rng, text: string): string | undefined {
  const runs = text.match(/[\u4e00-\u9fff]{2,}/g);
  if (!runs) return undefined;
  const run = pick(rng, runs);
  const len = Math.min(run.length, 1 + Math.floor(rng() * 6));
  const at = Math.floor(rng() * (run.length - len + 1));
  return pick(rng, ZH_WRAPS)(run.slice(at, at + len));
}

/** `count` short benign fragments (half EN, half ZH when both languages are present). */
export function benignFragments(seed: number, docs: readonly { text: string; lang: 'en' | 'zh' }[], count: number): GeneratedRow[] {
  const rng = createRng(seed);
  const en = docs.filter((d) => d.lang === 'en');
  const zh = docs.filter((d) => d.lang === 'zh');
  const rows: GeneratedRow[] = [];
  for (let i = 0, tries = 0; rows.length < count && tries < count * 4; tries += 1) {
    const wantZh = i % 2 === 1;
    const pool = wantZh ? (zh.length > 0 ? zh : en) : en.length > 0 ? en : zh;
    if (pool.length === 0) break;
    const doc = pick(rng, pool);
    const text = doc.lang === 'zh' ? chineseFragment(rng, doc.text) : englishFragment(rng, doc.text);
    if (!text) continue;
    i += 1;
    rows.push({ text, label: 'benign', lang: doc.lang, source: 'sealgate-benign-fragments' });
  }
  return rows;
}
