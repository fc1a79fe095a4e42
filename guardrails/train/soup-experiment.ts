/**
 * Issue 4 experiment (measured 2026-11-29; figures in MODEL_CARD.md "Known weaknesses"): label-free or fold-local changes to
 * the hashed n-gram heads that keep the inference cost (one linear model, one weight file), in leave-one-source-out,
 * against the plain pipeline from the same code in the same run. Writes nothing; prints per-source ROC-AUC and head
 * means for:
 *   base        the plain pipeline: n-gram features, one logistic head (trainLogistic), i.e. DEFAULT_TRAIN_CONFIG without
 *               its `lexicon` and `nbMix` (shipped for intent; toxicity ships lextox+mix-nb-a10 since the seventh session);
 *   soup-loo    source-dropout weight averaging: one member per remaining real source T, trained without T (and
 *               without the held-out source), weights and biases averaged, then calibrated like the shipped head;
 *   soup-half   the same with K members, each trained on a seeded random half of the remaining real sources;
 *   soup-single members trained on one remaining real source each (plus every generated / benign source);
 *   strip       source-style markers removed from the raw text before featurisation, in training and scoring alike
 *               (HTML entities decoded, URLs, @handles and "RT" removed, tokenised clitics " n't" / " 's" re-attached);
 *   mix-<v>     the weight average of the base head and variant v's head (e.g. mix-nb-a10);
 *   lex         the shipped pipeline on features with keyword-lexicon hits (toxicity and harm lexicons) appended to every view
 *               (featurize.ts appendLexiconFeatures); lextox the same with the toxicity lexicon alone;
 *   lex+<v>     variant v on those features (e.g. lex+mix-nb-a10: both averaged heads trained on them); lextox+<v> likewise;
 *   lexti       (eleventh session) the toxicity lexicon plus the feature-only implicit-hate lexicon (toxicity/feature-lexicon.ts:
 *               dehumanising, exclusion, conspiracy, essentialising, abuse); lextin without the essentialising category;
 *               ablations: ltab (+ abuse only), ltdx (+ dehumanise, exclude, conspiracy),
 *               ltie (every category, abuse in English only), ltis (every category, mild Chinese abuse words left out),
 *               ltim (the mild Chinese words a feature of their own), ltzs (Chinese abuse words a feature apart from English);
 *               --show-short prints the short benign utterances a variant flags;
 *   old         data experiments (--new source,...): the base pipeline trained and calibrated without those generated
 *               sources, against base with them, from the same loaded examples; the new sources' rows are left out of
 *               every evaluation (LOSO negatives, benign recall) for every variant, so both are scored on the same rows;
 *               drop<k> leaves out only the k-th --new source (its share of the change);
 *   nb          NBSVM-style scaling (Wang & Manning 2012): each hash bucket's value × its log-count ratio
 *               r = log((p / ‖p‖₁) / (q / ‖q‖₁)), p = α + presence counts in positive training rows of the fold, q the
 *               same for negatives; trained on the scaled features; r folds into the weights (w∘r), so inference is
 *               unchanged. nb-a<α> sets α (default 1), nb-g<γ> uses sign(r)·|r|^γ, nb-src counts every source alike.
 * The held-out source is absent from every member, from the NB ratios and from calibration. "Real sources" are the
 * head's leave-one-source-out sources (positive-bearing shippable shared sources); generated and benign-only
 * sources are kept in every member.
 *
 *   nice -n 19 npx tsx guardrails/train/soup-experiment.ts --model toxicity|intent [--variants base,soup-loo,...] [--halves 6] [--seed 1] [--skip source,...] [--no-full] [--trainer-seed 7] [--new sealgate-x,...]
 */
import { SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../../datasets/classifiers/short-utterances.js';
import { createRng } from '../../datasets/classifiers/rng.js';
import { textViews } from '../text-model/views.js';
import { sigmoid } from '../text-model/model.js';
import { appendLexiconFeatures, LEXICON_FEATURE_VALUE, type LexiconSet, type SparseFeatures } from '../text-model/featurize.js';
import { compileLexicon } from '../text-model/lexicon.js';
import { TOXICITY_FEATURE_LEXICON } from '../toxicity/feature-lexicon.js';
import { HEADS, loadExamples, type Example, type HeadId, type ModelName } from './data.js';
import { aucs, pooledRecall, taskLabel } from './experiment-metrics.js';
import {
  evaluateHead,
  featurizeAll,
  fitEvidenceCalibration,
  indicesFor,
  losoSources,
  MAX_VALIDATION_FPR,
  operatingPoints,
  rowsFor,
  THRESHOLD_EXCLUDED_SOURCES,
  VALIDATION_EXCLUDED_SOURCES,
  viewMargin,
  type ExampleFeatures,
} from './pipeline.js';
import { averageHeads as average, DEFAULT_TRAIN_CONFIG, nbRatio, trainLogistic, trainNbScaled, type TrainConfig, type TrainedHead } from './trainer.js';

const ATTACK = ['intent.prompt_injection', 'intent.jailbreak'] as const;

/** Source-style markers that identify where a text comes from rather than what it says. */
export function stripStyle(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, d: string) => safeCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => safeCodePoint(Number.parseInt(h, 16)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/gi, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[n.toLowerCase()]!)
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/gi, ' ')
    .replace(/(^|[^\w@])@\w+/g, '$1 ')
    .replace(/(^|\s)RT(?=\s|:|$):?/g, '$1 ')
    .replace(/ (n't|'s|'re|'m|'ll|'ve|'d)\b/gi, '$1');
}
function safeCodePoint(c: number): string {
  return Number.isFinite(c) && c > 0 && c <= 0x10ffff ? String.fromCodePoint(c) : ' ';
}

/** Buckets of the ablation lexicons (experiment only; FNV-1a of the category name with its own seed). */
function partBucket(category: string, buckets: number): number {
  let h = (0x811c9dc5 ^ 0x2f6b1d3a) >>> 0;
  for (let i = 0; i < category.length; i += 1) h = Math.imul(h ^ category.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (buckets - 1);
}
function appendBuckets(f: SparseFeatures, hits: readonly number[]): SparseFeatures {
  if (hits.length === 0) return f;
  const indices = [...f.indices];
  const values = [...f.values];
  for (const b of hits) {
    const k = indices.indexOf(b);
    if (k >= 0) values[k]! += LEXICON_FEATURE_VALUE;
    else {
      indices.push(b);
      values.push(LEXICON_FEATURE_VALUE);
    }
  }
  return { indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

interface Scorer {
  head: TrainedHead;
  a: number;
  b: number;
  evidence: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/** In-distribution test ROC-AUC per source that holds both labels (all-shippable model), mean. */
function testAuc(examples: readonly Example[], head: HeadId, score: (i: number) => number): number {
  const sources = [...new Set(examples.filter((e) => e.shippable && e.labels[head] === 1).map((e) => e.source))];
  const m = evaluateHead(head, examples, score, 0.5, (e) => e.shippable && e.split === 'test', sources).filter((x) => Number.isFinite(x.rocAuc));
  return mean(m.map((x) => x.rocAuc));
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const name = (arg('--model') ?? 'toxicity') as ModelName;
  const variants = (arg('--variants') ?? 'base,soup-loo,soup-half,soup-single,strip,nb').split(',');
  const halves = Number(arg('--halves') ?? '6');
  const nbAlpha = Number(arg('--nb-alpha') ?? '1');
  const seed = Number(arg('--seed') ?? '1');
  const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, ...(arg('--trainer-seed') ? { seed: Number(arg('--trainer-seed')) } : {}) };
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const newSources: ReadonlySet<string> = new Set((arg('--new') ?? '').split(',').filter(Boolean));
  // Rows of the new generated sources are never evaluated on (the variant that trained on their templates would profit).
  const labelOf = (hs: readonly HeadId[]) => {
    const l = taskLabel(hs);
    return (e: Example): 0 | 1 | undefined => (newSources.has(e.source) ? undefined : l(e));
  };
  // old: trained without every --new source; drop<k>: without the k-th (1-based) only.
  const withoutOf = (variant: string): ReadonlySet<string> =>
    variant === 'old' ? newSources : /^drop\d+$/.test(variant) ? new Set([[...newSources][Number(variant.slice(4)) - 1]!]) : new Set<string>();
  const t0 = Date.now();

  const examples = loadExamples(name);
  // lex / lextox / <set>+<v>: variant base / v on lexicon-augmented features.
  // lexti / lextin: the toxicity lexicon plus the feature-only implicit-hate lexicon (toxicity/feature-lexicon.ts), lextin without
  // its essentialising category.
  const LEX_SETS: Readonly<Record<string, LexiconSet>> = { lex: 'toxicity+harm', lextox: 'toxicity', lexti: 'toxicity+implicit', lextin: 'toxicity+implicit-noess' };
  // Ablations of the implicit lexicon (experiment only): the toxicity set plus some of its categories, hashed here.
  const LEX_PARTS: Readonly<Record<string, readonly string[]>> = {
    ltab: ['abuse'],
    ltdx: ['dehumanise', 'exclude', 'conspiracy'],
  };
  const partLexicons = new Map(
    Object.entries(LEX_PARTS).map(([k, cats]) => [k, compileLexicon(Object.fromEntries(cats.map((c) => [c, TOXICITY_FEATURE_LEXICON[c]!])))]),
  );
  // ltie: every category, but the abuse category's English words only.
  partLexicons.set(
    'ltie',
    compileLexicon({ ...TOXICITY_FEATURE_LEXICON, abuse: { en: TOXICITY_FEATURE_LEXICON['abuse']!.en, zh: [] } }),
  );
  // ltis: every category, the abuse category's Chinese words limited to strong profanity and insults (no mild or political words).
  const MILD_ZH = new Set(['贱', '去你的', '放屁', '有病吧', '神经病', '不要脸', '无耻', '笨蛋', '直男癌', '舔狗', '汉奸', '走狗', '五毛', '殖人', '恶心', '丢人现眼', '蠢']);
  const abuse = TOXICITY_FEATURE_LEXICON['abuse']!;
  partLexicons.set('ltis', compileLexicon({ ...TOXICITY_FEATURE_LEXICON, abuse: { en: abuse.en, zh: abuse.zh.filter((w) => !MILD_ZH.has(w)) } }));
  // ltim: the mild Chinese words as their own feature; ltzs: the Chinese abuse words a feature of their own (not shared with English).
  partLexicons.set(
    'ltim',
    compileLexicon({
      ...TOXICITY_FEATURE_LEXICON,
      abuse: { en: abuse.en, zh: abuse.zh.filter((w) => !MILD_ZH.has(w)) },
      abusemild: { en: [], zh: abuse.zh.filter((w) => MILD_ZH.has(w)) },
    }),
  );
  partLexicons.set('ltzs', compileLexicon({ ...TOXICITY_FEATURE_LEXICON, abuse: { en: abuse.en, zh: [] }, abusezh: { en: [], zh: abuse.zh } }));
  const lexFeatures = (k: string, f: SparseFeatures, normalized: string): SparseFeatures => {
    const base = appendLexiconFeatures(f, normalized, { buckets: config.buckets, lexicon: LEX_SETS[k] ?? 'toxicity' });
    const part = partLexicons.get(k);
    return part === undefined ? base : appendBuckets(base, part.match(normalized).map((c) => partBucket(c, config.buckets)));
  };
  const lexSetOf = (variant: string): string | undefined =>
    [...Object.keys(LEX_SETS), ...Object.keys(LEX_PARTS), 'ltie', 'ltis', 'ltim', 'ltzs'].find((k) => variant === k || variant.startsWith(`${k}+`));
  const usedSets = [...new Set(variants.map(lexSetOf).filter((k): k is string => k !== undefined))];
  let feats: readonly ExampleFeatures[];
  const lexFeats = new Map<string, ExampleFeatures[]>(usedSets.map((k) => [k, []]));
  if (usedSets.length > 0) {
    // One textViews pass gives every feature set (the lexicon features are appended to the same views).
    const plainAll: ExampleFeatures[] = [];
    for (const e of examples) {
      const views = textViews(e.text, { buckets: config.buckets });
      const plain = views.map((v) => v.features);
      plainAll.push({ whole: plain[0]!, views: plain });
      for (const k of usedSets) {
        const lex = views.map((v) => lexFeatures(k, v.features, v.normalized));
        lexFeats.get(k)!.push({ whole: lex[0]!, views: lex });
      }
    }
    feats = plainAll;
  } else feats = featurizeAll(examples, config.buckets);
  const stripped = variants.includes('strip')
    ? examples.map((e) => {
        const views = textViews(stripStyle(e.text), { buckets: config.buckets }).map((v) => v.features);
        return { whole: views[0]!, views };
      })
    : feats;
  out(`loaded + featurised ${examples.length} rows in ${((Date.now() - t0) / 1000).toFixed(0)} s; variants ${variants.join(', ')}; halves ${halves}; seed ${seed}; trainer seed ${config.seed}`);
  const heads = HEADS[name] as readonly HeadId[];

  const innerOf = (variant: string): string => {
    const k = lexSetOf(variant);
    return k === undefined ? variant : variant === k ? 'base' : variant.slice(k.length + 1);
  };
  const featsOf = (variant: string): readonly ExampleFeatures[] => {
    const k = lexSetOf(variant);
    return k !== undefined ? lexFeats.get(k)! : variant === 'strip' ? stripped : feats;
  };
  // Memoised: mix-<v> retrains base and v, which other variants of the same run already trained.
  const cache = new Map<string, Scorer>();
  const fit = (variant: string, head: HeadId, held: string | undefined): Scorer => {
    const key = `${variant}|${head}|${held ?? ''}`;
    let s = cache.get(key);
    if (!s) {
      const k = lexSetOf(variant);
      s = fitOn(innerOf(variant), featsOf(variant), k === undefined ? '' : `${k}+`, head, held);
      cache.set(key, s);
    }
    return s;
  };
  /** One variant's head trained without `held` (undefined: all shippable training rows), calibrated on the remaining validation rows. */
  const fitOn = (variant: string, F: readonly ExampleFeatures[], prefix: string, head: HeadId, held: string | undefined): Scorer => {
    const without = withoutOf(variant);
    const keep = (drop: ReadonlySet<string>) => (e: Example): boolean => e.shippable && e.split === 'train' && e.source !== held && !drop.has(e.source) && !without.has(e.source);
    const real = losoSources(head, examples).filter((s) => s !== held);
    let trained: TrainedHead;
    if (variant.startsWith('mix-')) {
      // mix-<variant>: the weight average of the base head and that variant's head (one linear model).
      const other = fit(prefix + variant.slice(4), head, held).head;
      const base = fit(prefix === '' ? 'base' : prefix.slice(0, -1), head, held).head;
      trained = average([base, other]);
    } else if (variant === 'base' || variant === 'strip' || variant === 'old' || /^drop\d+$/.test(variant)) trained = trainLogistic(rowsFor(head, examples, F, keep(new Set())), config, head);
    else if (variant.startsWith('nb')) {
      // nb[-a<alpha>][-g<power>][-src]: smoothing α, |r|^power (AdaGrad from zero is sign-symmetric, so only |r| matters),
      // -src: each source's rows count as much as any other's in the ratio (per-source presence rates, summed).
      const opts = Object.fromEntries([...variant.matchAll(/-([ag])([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
      const rows = rowsFor(head, examples, F, keep(new Set()));
      const raw = nbRatio(rows, config.buckets, opts.a ?? nbAlpha, variant.includes('-src'));
      const power = opts.g ?? 1;
      const r = power === 1 ? raw : Float32Array.from(raw, (x) => Math.sign(x) * Math.pow(Math.abs(x), power));
      trained = trainNbScaled(rows, r, config, head);
    } else {
      let drops: Set<string>[];
      if (variant === 'soup-loo') drops = real.map((t) => new Set([t]));
      else if (variant === 'soup-single') drops = real.map((t) => new Set(real.filter((s) => s !== t)));
      else if (variant === 'soup-half') {
        const rng = createRng(seed * 7919 + real.length);
        drops = Array.from({ length: halves }, (_, k) => {
          // Alternate halves: member 2m drops a random half, member 2m+1 drops the complement (every source in half the members).
          if (k % 2 === 1) return new Set<string>();
          const order = real.map((s) => ({ s, r: rng() })).sort((x, y) => x.r - y.r).map((x) => x.s);
          return new Set(order.slice(0, Math.floor(order.length / 2)));
        });
        for (let k = 1; k < drops.length; k += 2) drops[k] = new Set(real.filter((s) => !drops[k - 1]!.has(s)));
      } else throw new Error(`unknown variant ${variant}`);
      if (drops.length <= 1) drops = [new Set()];
      trained = average(drops.map((d) => trainLogistic(rowsFor(head, examples, F, keep(d)), config, head)));
    }
    const val = indicesFor(head, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && e.source !== held && !without.has(e.source));
    const { a, b, evidence } = fitEvidenceCalibration(trained, val.map((i) => F[i]!), val.map((i) => examples[i]!.labels[head]!));
    return { head: trained, a, b, evidence };
  };
  const prob = (s: Scorer, f: ExampleFeatures): number => sigmoid(s.a * viewMargin(s.head, f, 1, s.evidence) + s.b);

  const tasks: Array<{ task: string; heads: readonly HeadId[] }> = heads.map((h) => ({ task: h, heads: [h] }));
  if (name === 'intent') tasks.push({ task: 'attack (injection ∪ jailbreak)', heads: ATTACK });
  const skip = new Set((arg('--skip') ?? '').split(',').filter(Boolean));
  const sources = [...new Set(heads.flatMap((h) => losoSources(h, examples)))].sort().filter((s) => !skip.has(s));
  const results = new Map<string, Map<string, number[]>>();
  const rowsOut: string[] = [];
  for (const source of sources) {
    const ts = Date.now();
    cache.clear(); // a fold's heads are never reused by another fold
    const needed = heads.filter((h) => losoSources(h, examples).includes(source));
    const fits = new Map<string, Map<HeadId, Scorer>>(variants.map((v) => [v, new Map(needed.map((h) => [h, fit(v, h, source)]))]));
    for (const { task, heads: hs } of tasks) {
      if (!hs.some((h) => needed.includes(h))) continue;
      const label = labelOf(hs);
      const perVariant = variants.map((v) => {
        const F = featsOf(v);
        const sc = hs.filter((h) => fits.get(v)!.has(h)).map((h) => fits.get(v)!.get(h)!);
        // A combined task needs every head trained without the source; heads that never see the source are trained anyway.
        const extra = hs.filter((h) => !fits.get(v)!.has(h)).map((h) => fit(v, h, source));
        const all = [...sc, ...extra];
        return aucs(examples, label, (i) => Math.max(...all.map((s) => prob(s, F[i]!))), source);
      });
      for (const lang of [...perVariant[0]!.keys()]) {
        const values = perVariant.map((m) => m.get(lang)!);
        const byVariant = results.get(task) ?? new Map<string, number[]>();
        variants.forEach((v, j) => byVariant.set(v, [...(byVariant.get(v) ?? []), values[j]!]));
        results.set(task, byVariant);
        const row = `| ${task} | ${source} | ${lang} | ${values.map((x) => x.toFixed(3)).join(' | ')} |`;
        rowsOut.push(row);
        out(`${row} (${((Date.now() - ts) / 1000).toFixed(0)} s)`);
      }
    }
  }
  out(`\n## ${name}: leave-one-source-out ROC-AUC\n`);
  out(`| head | held-out source | lang | ${variants.join(' | ')} |`);
  out(`|---|---|---|${variants.map(() => '---').join('|')}|`);
  for (const r of rowsOut) out(r);
  for (const [task, byVariant] of results) out(`| ${task} | **mean** | | ${variants.map((v) => mean(byVariant.get(v)!).toFixed(4)).join(' | ')} |`);

  if (args.includes('--no-full')) return;
  out(`\n## ${name}: in distribution (trained on all shippable training rows)\n`);
  const short = (v: string): { en: ExampleFeatures[]; zh: ExampleFeatures[] } => {
    const f = (t: string): ExampleFeatures => {
      const k = lexSetOf(v);
      const views = textViews(v === 'strip' ? stripStyle(t) : t, { buckets: config.buckets }).map((x) =>
        k === undefined ? x.features : lexFeatures(k, x.features, x.normalized),
      );
      return { whole: views[0]!, views };
    };
    return { en: SHORT_BENIGN_EN.map(f), zh: SHORT_BENIGN_ZH.map(f) };
  };
  // --show-short: which of our hand-written short benign utterances a variant flags, and at what score.
  const showShort = (v: string, sc: Scorer, s: { en: ExampleFeatures[]; zh: ExampleFeatures[] }, en: number, zh: number): void => {
    if (!args.includes('--show-short')) return;
    SHORT_BENIGN_EN.forEach((t, i) => prob(sc, s.en[i]!) >= en && out(`  ${v} flags EN "${t}" ${prob(sc, s.en[i]!).toFixed(3)} (threshold ${en.toFixed(3)})`));
    const top = SHORT_BENIGN_ZH.map((t, i) => ({ t, p: prob(sc, s.zh[i]!) })).sort((x, y) => y.p - x.p).slice(0, 3);
    const topEn = SHORT_BENIGN_EN.map((t, i) => ({ t, p: prob(sc, s.en[i]!) })).sort((x, y) => y.p - x.p).slice(0, 3);
    out(`  ${v} highest short ZH: ${top.map((x) => `${x.t} ${x.p.toFixed(3)}`).join(', ')} (zh threshold ${zh.toFixed(3)}); EN: ${topEn.map((x) => `${x.t} ${x.p.toFixed(3)}`).join(', ')} (en threshold ${en.toFixed(3)})`);
    SHORT_BENIGN_ZH.forEach((t, i) => prob(sc, s.zh[i]!) >= zh && out(`  ${v} flags ZH "${t}" ${prob(sc, s.zh[i]!).toFixed(3)} (threshold ${zh.toFixed(3)})`));
  };
  for (const v of variants) {
    const F = featsOf(v);
    const full = new Map(heads.map((h) => [h, fit(v, h, undefined)]));
    const s = short(v);
    const parts: string[] = [];
    for (const { task, heads: hs } of tasks) {
      parts.push(`${task} recall@1%FPR benign ${pooledRecall(examples, labelOf(hs), (i) => Math.max(...hs.map((h) => prob(full.get(h)!, F[i]!))))}`);
    }
    for (const h of heads) {
      const sc = full.get(h)!;
      const val = indicesFor(h, examples, (e) => e.shippable && e.split === 'val' && !VALIDATION_EXCLUDED_SOURCES.has(e.source) && !THRESHOLD_EXCLUDED_SOURCES.has(e.source) && !withoutOf(v).has(e.source));
      // As the pipeline picks them (global, and per language never below it); the short utterances are judged at their language's.
      const op = operatingPoints(val.map((i) => prob(sc, F[i]!)), val.map((i) => examples[i]!.labels[h]!), val.map((i) => examples[i]!.lang), MAX_VALIDATION_FPR[h] ?? 1);
      const t = op.threshold;
      const flagged = (xs: readonly ExampleFeatures[], at = t): number => xs.filter((x) => prob(sc, x) >= at).length;
      const en = op.thresholds.en ?? t;
      const zh = op.thresholds.zh ?? t;
      showShort(v, sc, s, en, zh);
      const evalOnly = [...new Set(examples.filter((e) => !e.shippable && e.labels[h] === 1).map((e) => e.source))].sort();
      const eo = evaluateHead(h, examples, (i) => prob(sc, F[i]!), t, (e) => !e.shippable, evalOnly).map((m) => `${m.source} ${m.lang} ${m.rocAuc.toFixed(3)}`);
      parts.push(`${h} test ROC-AUC mean ${testAuc(examples, h, (i) => prob(sc, F[i]!)).toFixed(4)}; eval-only ROC-AUC ${eo.join(', ')}; short benign flagged at ${t.toFixed(3)}: EN ${flagged(s.en)}/${s.en.length}, ZH ${flagged(s.zh)}/${s.zh.length}; at en ${en.toFixed(3)} / zh ${zh.toFixed(3)}: EN ${flagged(s.en, en)}, ZH ${flagged(s.zh, zh)}`);
    }
    out(`- ${v}: ${parts.join('; ')}`);
  }
  out(`\ntotal ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
