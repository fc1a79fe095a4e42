/**
 * The whole default detector (rules + tagger) on a development fold of the presidio TRAINING half — where the
 * tagger's and the recognizers' choices are made; the odd-template benchmark half is never read here.
 *   npx tsx guardrails/pii/ner/train.ts --dev --out /tmp/dev.json              # tagger trained on ids ≡ 0 mod 4
 *   SEALGATE_PII_NER_WEIGHTS=/tmp/dev.json npx tsx guardrails/pii/ner/dev-eval.ts --residue 2 [--list fn|fp|both]
 * (--fold 2 in train.ts with --residue 0 here is the other way round.) Without --residue: the whole training
 * half, which with the shipped weights is training data (optimistic; useful for the rule recognizers only).
 * Scoring as bench:pii on that corpus (overlap, places nested in addresses count for the place).
 */
import { readPresidioSynth } from '../../../datasets/pii/presidio-split.js';
import { PRESIDIO_LABELS as LABELS, spanMatches, type Span } from '../../../datasets/pii/scoring.js';
import { createPiiDetector } from '../index.js';

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const residue = arg('--residue');
const list = arg('--list') ?? '';
const types = new Set(Object.values(LABELS));
const detector = createPiiDetector();
const counts: Record<string, { tp: number; fp: number; found: number; fn: number }> = {};
for (const r of readPresidioSynth('train').filter((x) => residue === undefined || x.template_id % 4 === Number(residue))) {
  const gold: Span[] = r.spans.flatMap((s) => (LABELS[s.type] ? [{ start: s.start, end: s.end, type: LABELS[s.type]! }] : []));
  const predicted: Span[] = detector.detect(r.text).flatMap((f) => (types.has(f.type!) ? [{ start: f.start, end: f.end, type: f.type! }] : []));
  const show = (s: Span) => `${s.type} ${JSON.stringify(r.text.slice(s.start, s.end))} in ${JSON.stringify(r.text.slice(Math.max(0, s.start - 30), s.end + 20))}`;
  for (const p of predicted) {
    const c = (counts[p.type] ??= { tp: 0, fp: 0, found: 0, fn: 0 });
    if (gold.some((g) => spanMatches(p, g, true))) c.tp++;
    else {
      c.fp++;
      if (list === 'fp' || list === 'both') console.log(`FP ${show(p)}`);
    }
  }
  for (const g of gold) {
    const c = (counts[g.type] ??= { tp: 0, fp: 0, found: 0, fn: 0 });
    if (predicted.some((p) => spanMatches(g, p, true))) c.found++;
    else {
      c.fn++;
      if (list === 'fn' || list === 'both') console.log(`FN ${show(g)}`);
    }
  }
}
const f1 = (c: { tp: number; fp: number; found: number; fn: number }) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.found / (c.found + c.fn || 1);
  return { p, r, f: (2 * p * r) / (p + r || 1) };
};
const total = { tp: 0, fp: 0, found: 0, fn: 0 };
for (const [type, c] of Object.entries(counts).sort()) {
  const m = f1(c);
  console.log(`${type}: P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f.toFixed(3)} (fp ${c.fp}, fn ${c.fn})`);
  total.tp += c.tp;
  total.fp += c.fp;
  total.found += c.found;
  total.fn += c.fn;
}
const m = f1(total);
console.log(`overall: P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f.toFixed(3)}`);
