/**
 * Views of a text that a classifier scores: the whole text and, for long texts, windows of it.
 * A bag-of-n-grams score of a long text is an average over everything in it, so an instruction planted
 * in a long document (or a jailbreak in a long role-play) is diluted; scoring windows too and taking the
 * maximum keeps it visible and locates it. Windows are featurised once; the whole text's features are
 * the merged window counts, so windowing costs normalisation per window, not a second featurisation.
 * Training evaluation (guardrails/train) scores exactly these views, so thresholds match inference.
 */
import { foldTraditional } from '../core/traditional.js';
import { guessLang } from './lang.js';
import { mayJoin, normalizeForModel, normalizeJoined } from './evasion.js';
import { appendLexiconFeatures, countFeatures, mergeCounts, normalizeCounts, type FeaturizerConfig, type SparseFeatures } from './featurize.js';

export interface TextView {
  /** Span in the original text (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
  readonly features: SparseFeatures;
  readonly via: 'text' | 'window' | 'joined' | 'simplified' | 'clause';
  /** A clause view's own language (its threshold); other views take the text's. */
  readonly lang?: 'en' | 'zh';
  /** Normalised text of the view (for lexicon refinement). Whole-text view: the windows joined. */
  readonly normalized: string;
}

export const DEFAULT_WINDOW_CHARS = 600;

/** Splits a long text into windows of about `size` characters, cutting after a sentence end or newline when one is near. */
export function windowsOf(text: string, size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const from = start + Math.floor(size * 0.6);
      const slice = text.slice(from, end);
      const cut = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf('. '), slice.lastIndexOf('。'), slice.lastIndexOf('! '), slice.lastIndexOf('? '), slice.lastIndexOf('！'), slice.lastIndexOf('？'));
      if (cut >= 0) end = from + cut + 1;
    }
    // Never split a UTF-16 surrogate pair.
    if (end < text.length && end > start + 1) {
      const c = text.charCodeAt(end - 1);
      if (c >= 0xd800 && c <= 0xdbff) end -= 1;
    }
    out.push([start, end]);
    start = end;
  }
  return out;
}

export function textViews(text: string, config: FeaturizerConfig, windowChars = DEFAULT_WINDOW_CHARS): TextView[] {
  if (text.length <= windowChars) {
    const normalized = normalizeForModel(text);
    return [{ start: 0, end: text.length, features: appendLexiconFeatures(normalizeCounts(countFeatures(normalized, config)), normalized, config), via: 'text', normalized }];
  }
  const spans = windowsOf(text, windowChars);
  const normalizedParts = spans.map(([s, e]) => normalizeForModel(text.slice(s, e)));
  const counts = normalizedParts.map((n) => countFeatures(n, config));
  const whole = normalizedParts.join('');
  const views: TextView[] = [
    { start: 0, end: text.length, features: appendLexiconFeatures(normalizeCounts(mergeCounts(counts, config.buckets)), whole, config), via: 'text', normalized: whole },
  ];
  spans.forEach(([start, end], i) =>
    views.push({ start, end, features: appendLexiconFeatures(normalizeCounts(counts[i]!), normalizedParts[i]!, config), via: 'window', normalized: normalizedParts[i]! }),
  );
  return views;
}

/**
 * Extra views for letters or characters split by punctuation that the training normalisation leaves split ("i,g,n,o,r,e",
 * "y | o | u", "h.o-w", "傻，逼"; see normalizeJoined): the text (or each window of a long one) read joined, where that reading
 * differs. Not in textViews, which training featurises: the committed weights keep their reading, and a detector scores
 * these next to it (the best view wins). Raw text without such a run costs one pre-test.
 */
export function joinedViews(text: string, config: FeaturizerConfig, windowChars = DEFAULT_WINDOW_CHARS): TextView[] {
  if (!mayJoin(text)) return [];
  const out: TextView[] = [];
  for (const [start, end] of text.length <= windowChars ? [[0, text.length] as [number, number]] : windowsOf(text, windowChars)) {
    const normalized = normalizeJoined(start === 0 && end === text.length ? text : text.slice(start, end));
    if (normalized === undefined) continue;
    out.push({ start, end, features: appendLexiconFeatures(normalizeCounts(countFeatures(normalized, config)), normalized, config), via: 'joined', normalized });
  }
  return out;
}

/**
 * Extra views for Traditional Chinese: the text (or each window of a long one) with Traditional characters folded to
 * Simplified (core/traditional.ts, one unit for one, so spans hold). The models are trained on Simplified text, where
 * 你真是個腦殘 scored 0.09 on toxicity against 0.91 for 你真是个脑残, and 怎麼在家製作炸彈 0.17 on the harmful head against
 * 0.84: writing in Traditional (Taiwan, Hong Kong, or as a free evasion) read as unrelated text. Folding inside
 * normalizeForModel instead changes ~250 intent and ~300 toxicity training texts, and the retrained heads moved their
 * operating points on flat validation curves (measured, not shipped: MODEL_CARD.md); as a view, the committed weights
 * keep their reading and a detector scores this one next to it (the best view wins). Text without a character that
 * folds costs one search.
 */
export function simplifiedViews(text: string, config: FeaturizerConfig, windowChars = DEFAULT_WINDOW_CHARS): TextView[] {
  const folded = foldTraditional(text);
  if (folded === text) return [];
  const out: TextView[] = [];
  for (const [start, end] of text.length <= windowChars ? [[0, text.length] as [number, number]] : windowsOf(text, windowChars)) {
    const part = folded.slice(start, end);
    if (part === text.slice(start, end)) continue;
    const normalized = normalizeForModel(part);
    out.push({ start, end, features: appendLexiconFeatures(normalizeCounts(countFeatures(normalized, config)), normalized, config), via: 'simplified', normalized });
  }
  return out;
}

/** Full-width clause marks: always a break. */
const isCjkBreak = (c: number): boolean => c === 0xff0c || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3001;
/** ASCII clause marks: a break unless a letter or digit follows ('3.5', '1,000', 'example.com' stay whole). */
const isAsciiBreak = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x21 || c === 0x3f || c === 0x3b;
const isAsciiAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0;

/**
 * Clauses of a short text: spans cut after sentence or clause punctuation (. ! ? ; , and their full-width forms, 、)
 * or a newline, leading spaces dropped. Empty when the text has fewer than two clauses.
 */
export function clauseSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const n = text.length;
  const push = (end: number): void => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s += 1;
    if (s < end) out.push([s, end]);
  };
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    const cut = c === 0x0a || isCjkBreak(c) || (isAsciiBreak(c) && (i + 1 >= n || !isAsciiAlnum(text.charCodeAt(i + 1))));
    if (!cut) continue;
    // A run of marks ('?!', '...') ends one clause.
    let end = i + 1;
    while (end < n && (isAsciiBreak(text.charCodeAt(end)) || isCjkBreak(text.charCodeAt(end)))) end += 1;
    push(end);
    start = end;
    i = end - 1;
  }
  push(n);
  return out.length >= 2 ? out : [];
}

/**
 * Extra views for a short text of two clauses or more: each clause scored alone, with its own language's threshold.
 * A bag-of-n-grams score of the whole text averages a toxic clause with the benign ones before it, so
 * 'Call me at 555-123-4567 or email john@acme.com about the invoice, you are a stupid idiot' scored 0.13 (alone: 0.99):
 * prefixing a harmless clause was an evasion. Inference only (training featurises textViews). Long texts are
 * scored in windows instead; a text of one clause costs one scan for marks.
 */
export function clauseViews(text: string, config: FeaturizerConfig, windowChars = DEFAULT_WINDOW_CHARS): TextView[] {
  if (text.length > windowChars) return [];
  const spans = clauseSpans(text);
  if (spans.length === 0) return [];
  const out: TextView[] = [];
  for (const [start, end] of spans) {
    const part = text.slice(start, end);
    const normalized = normalizeForModel(part);
    if (normalized.trim() === '') continue;
    out.push({ start, end, features: normalizeCounts(countFeatures(normalized, config)), via: 'clause', normalized, lang: guessLang(part) });
  }
  return out;
}
