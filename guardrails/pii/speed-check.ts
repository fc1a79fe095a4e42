/**
 * Development tool for speed work on the PII detector (not part of the runtime): findings identity and paired
 * timing of two checkouts of the detector over the texts of the four bench:pii corpora (all presidio rows,
 * Weibo NER, the generator's 2000 rows) and 8 KB documents made by joining them.
 *
 *   base=$(mktemp -d) && git archive HEAD guardrails datasets/pii tsconfig.json package.json | tar x -C $base && ln -s $PWD/node_modules $base/
 *   npx tsx guardrails/pii/speed-check.ts same $base .                 # findings byte-identical? (exit 1 if not)
 *   npx tsx guardrails/pii/speed-check.ts ab $base . [rounds] [docs]     # paired A/B, both load orders
 *   npx tsx guardrails/pii/speed-check.ts procs $base . [rounds] [docs]  # one process per side and round (WARMUP=, PASSES=)
 *   npx tsx guardrails/pii/speed-check.ts warm $base . [pairs]           # bench:pii's protocol, fresh processes
 *   LOADER=$PWD/bin/register.mjs npx tsx guardrails/pii/speed-check.ts warm $base . [pairs]   # … loaded as bench:pii loads them
 *
 * (A checkout needs the repository's tsconfig.json and package.json next to its guardrails/: without the tsconfig
 * tsx compiles for another target, without package.json's "type": "module" it loads the .ts files as CommonJS
 * (imports read through getters); either way that side runs 5–15 % slower, so `load` refuses such a checkout.)
 *
 * REC=person,address limits both sides to those recognizers; REPS=k times k passes per measurement; TEXTS=zh
 * limits `same`, `ab` and `procs` to the Chinese records (Weibo NER and the generator's ZH rows), TEXTS=gen-zh to
 * the generator's ZH rows (the digit-heavy chats, forms and logs), TEXTS=en to the English records (the bench's
 * presidio rows and the generator's EN rows: the name/place/organisation path's heaviest text). Timing is
 * process CPU time: on a shared host only paired ratios mean anything. `ab` times both detectors in one process,
 * alternating which goes first in each round; the module loaded second still came out 5–9 % faster or slower
 * than the first in A/A runs (two copies of one checkout), so `ab` runs that twice, once per load order, and
 * reports √(r₁ / r₂) of the two paired medians (the order effect cancels). `procs` (a fresh process per side
 * and round) has no order effect but far more noise here (per-round ratios 0.7–1.5 under load) with its default
 * 2 warm-up passes (the JIT is still at work: ~0.27 ms/KB on the generator's ZH rows against ~0.1 steady); with
 * WARMUP=20 PASSES=20 it measures the steady state of a fresh process (pairs within a few percent).
 *
 * `ab` and `procs` measure the steady state. bench:pii does not quite: after 3 warm-up passes over all corpora it
 * takes, per corpus, the fastest of 5 passes, and a pass over the short presidio records is ~16 ms of work, so
 * the CPU time V8 spends recompiling (counted by process.cpuUsage: its compiler threads are ours) after a deopt
 * shows in the figure. `warm` runs that protocol (the bench's corpora: presidio held-out rows, Weibo, the
 * generator's EN and ZH rows, then the bench's 8 KB documents made of them) in a fresh process per side,
 * alternating, and prints each run and the medians. Only `warm` and `procs` see changes to state the two
 * checkouts of `ab` share in one process: hidden classes (a map deprecation caused by one side slows both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../datasets/pii/generate.js';
import { readPresidioSynth } from '../../datasets/pii/presidio-split.js';

interface Detector {
  detect(text: string): unknown;
}

const shared = new URL('../../../shared/datasets/pii/', import.meta.url);
/**
 * What the child processes load the sources with: tsx by default; LOADER=<path>/bin/register.mjs for the
 * repository's own hooks, which `npm run bench:pii` uses (no esbuild keepNames: named closures cost no
 * defineProperty call when created).
 */
const LOADER = process.env.LOADER ?? 'tsx';

function records(): string[] {
  if (process.env.TEXTS === 'gen-zh') return benchCorpora().generatedZh!;
  if (process.env.TEXTS === 'en') {
    // The English records only: the bench's presidio rows and the generator's EN rows.
    const { presidio, generatedEn } = benchCorpora();
    return [...presidio!, ...generatedEn!];
  }
  if (process.env.TEXTS === 'zh') {
    // The Chinese records only: Weibo NER and the generator's ZH rows.
    const { weibo, generatedZh } = benchCorpora();
    return [...weibo!, ...generatedZh!];
  }
  const texts: string[] = [];
  for (const f of ['presidio-research-synth/presidio-research-synth.jsonl', 'weibo-ner/weibo-ner.jsonl'])
    for (const line of readFileSync(new URL(f, shared), 'utf8').split('\n')) if (line) texts.push((JSON.parse(line) as { text: string }).text);
  for (const r of generate(2000, 20261128)) texts.push(r.text);
  return texts;
}

/** bench:pii's corpora: the presidio rows of held-out templates, Weibo NER, the generator's EN and ZH rows. */
function benchCorpora(): Record<string, string[]> {
  const generated = generate(2000, 20261128);
  return {
    presidio: readPresidioSynth('eval').map((r) => r.text),
    weibo: readFileSync(new URL('weibo-ner/weibo-ner.jsonl', shared), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text),
    generatedEn: generated.filter((r) => r.lang === 'en').map((r) => r.text),
    generatedZh: generated.filter((r) => r.lang === 'zh').map((r) => r.text),
  };
}

function documents(texts: string[]): string[] {
  const docs: string[] = [];
  for (let i = 0; i < texts.length; ) {
    let d = '';
    while (i < texts.length && d.length < 8192) d += `${texts[i++]}\n\n`;
    docs.push(d);
  }
  return docs;
}

async function load(root: string): Promise<Detector> {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { type?: string };
  if (pkg.type !== 'module' || !existsSync(resolve(root, 'tsconfig.json'))) throw new Error(`${root}: needs the repository's package.json ("type": "module") and tsconfig.json (see the header)`);
  const url = (p: string) => pathToFileURL(resolve(root, p)).href;
  const { createPiiDetector } = (await import(url('guardrails/pii/index.ts'))) as { createPiiDetector: (o?: object, r?: unknown[]) => Detector };
  if (!process.env.REC) return createPiiDetector();
  const names = process.env.REC.split(',');
  const { BUILTIN_RECOGNIZERS } = (await import(url('guardrails/pii/recognizers/index.ts'))) as { BUILTIN_RECOGNIZERS: Array<{ name: string }> };
  return createPiiDetector({}, BUILTIN_RECOGNIZERS.filter((r) => names.includes(r.name)));
}

const median = (v: number[]) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const [command, rootA, rootB, roundsArg, mode] = process.argv.slice(2);
  if (command === 'time' && rootA) {
    // One side, in its own process: median of PASSES (5) passes after WARMUP (2) warm-up passes (used by `procs`).
    const d = await load(rootA);
    const texts = records();
    const sample = rootB === 'docs' ? documents(texts) : texts;
    const kb = sample.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
    const passes: number[] = [];
    const warmup = Number(process.env.WARMUP ?? 2);
    for (let p = 0; p < warmup + Number(process.env.PASSES ?? 5); p++) {
      const c0 = process.cpuUsage();
      for (const t of sample) d.detect(t);
      const c = process.cpuUsage(c0);
      if (p >= warmup) passes.push((c.user + c.system) / 1000 / kb);
    }
    console.log(median(passes));
    return;
  }
  if (command === 'warm-once' && rootA) {
    // One side of `warm`: the bench's protocol (bench/pii.ts: warm-up passes, then per corpus a scoring pass and
    // the fastest of 5 timed passes; the detect calls awaited as the bench awaits them).
    const d = await load(rootA);
    const corpora = benchCorpora();
    for (let w = 0; w < 3; w++) for (const texts of Object.values(corpora)) for (const t of texts) await d.detect(t);
    const figures: Record<string, number> = {};
    let seconds = 0;
    let kb = 0;
    // CPU seconds of the fastest of 5 timed passes, after one untimed pass.
    const fastestPass = async (texts: readonly string[]): Promise<number> => {
      for (const t of texts) await d.detect(t);
      let best = Infinity;
      for (let p = 0; p < 5; p++) {
        const c0 = process.cpuUsage();
        for (const t of texts) await d.detect(t);
        const c = process.cpuUsage(c0);
        best = Math.min(best, (c.user + c.system) / 1e6);
      }
      return best;
    };
    for (const [name, texts] of Object.entries(corpora)) {
      const best = await fastestPass(texts);
      const size = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
      figures[name] = (best * 1000) / size;
      seconds += best;
      kb += size;
    }
    // The bench's 8 KB documents (its corpora joined by newlines, cut at 8 KB), after one pass over them.
    const docs: string[] = [];
    let current = '';
    for (const texts of Object.values(corpora))
      for (const t of texts) {
        current += `${t}\n`;
        if (Buffer.byteLength(current) >= 8 * 1024) {
          docs.push(current);
          current = '';
        }
      }
    const best = await fastestPass(docs);
    const docsKb = docs.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024;
    console.log(JSON.stringify({ records: (seconds * 1000) / kb, documents: (best * 1000) / docsKb, ...figures }));
    return;
  }
  if (command === 'warm' && rootA && rootB) {
    const runs: Record<'A' | 'B', Array<Record<string, number>>> = { A: [], B: [] };
    const docRatios: number[] = [];
    const run = (side: 'A' | 'B') => {
      const r = spawnSync(process.execPath, ['--import', LOADER, new URL(import.meta.url).pathname, 'warm-once', side === 'A' ? rootA : rootB], { encoding: 'utf8', env: process.env });
      if (r.status !== 0) throw new Error(r.stderr);
      const figures = JSON.parse(r.stdout) as Record<string, number>;
      runs[side].push(figures);
      console.log(`${side} ${Object.entries(figures).map(([k, v]) => `${k} ${v.toFixed(3)}`).join('  ')}`);
      return figures.records!;
    };
    const { ratios } = alternate(Number(roundsArg ?? 6), () => run('A'), () => run('B'));
    for (let k = 0; k < runs.A.length; k++) docRatios.push(runs.B[k]!.documents! / runs.A[k]!.documents!);
    for (const side of ['A', 'B'] as const) console.log(`${side} medians (ms/KB): ${Object.keys(runs[side][0]!).map((k) => `${k} ${median(runs[side].map((f) => f[k]!)).toFixed(3)}`).join('  ')}`);
    console.log(`records, paired median B/A ${median(ratios).toFixed(3)} (pairs: ${ratios.map((r) => r.toFixed(2)).join(' ')})`);
    console.log(`documents, paired median B/A ${median(docRatios).toFixed(3)} (pairs: ${docRatios.map((r) => r.toFixed(2)).join(' ')})`);
    return;
  }
  if (command === 'ab') {
    // Both load orders, each in its own process (see the header).
    const once = (first: string, second: string) => {
      const r = spawnSync(process.execPath, ['--import', LOADER, new URL(import.meta.url).pathname, 'ab-once', first, second, roundsArg ?? '20', mode ?? 'records'], { encoding: 'utf8', env: process.env });
      if (r.status !== 0) throw new Error(r.stderr);
      process.stdout.write(r.stdout);
      return Number(/paired median B\/A ([0-9.]+)/.exec(r.stdout)![1]);
    };
    const r1 = once(rootA, rootB);
    const r2 = once(rootB, rootA);
    console.log(`B/A, load-order effect cancelled: √(${r1.toFixed(3)} / ${r2.toFixed(3)}) = ${Math.sqrt(r1 / r2).toFixed(3)}`);
    return;
  }
  if ((command !== 'same' && command !== 'ab-once' && command !== 'procs') || !rootA || !rootB) throw new Error('usage: speed-check.ts same|ab|procs|warm <rootA> <rootB> [rounds] [docs]');
  if (command === 'procs') {
    const rounds = Number(roundsArg ?? 12);
    const run = (root: string) => {
      const r = spawnSync(process.execPath, ['--import', LOADER, new URL(import.meta.url).pathname, 'time', root, mode ?? 'records'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return Number(r.stdout.trim());
    };
    report(`${mode === 'docs' ? 'documents' : 'records'}, ${rounds} rounds of one process per side`, alternate(rounds, () => run(rootA), () => run(rootB)));
    return;
  }
  const a = await load(rootA);
  const b = await load(rootB);
  const texts = records();
  if (command === 'same') {
    const all = [...texts, ...documents(texts)];
    let differ = 0;
    for (const t of all) if (JSON.stringify(a.detect(t)) !== JSON.stringify(b.detect(t))) differ++;
    console.log(`${all.length} texts (${texts.length} records + ${all.length - texts.length} documents): ${differ === 0 ? 'findings identical' : `${differ} differ`}`);
    process.exitCode = differ === 0 ? 0 : 1;
    return;
  }
  const sample = mode === 'docs' ? documents(texts) : texts;
  const kb = sample.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
  const reps = Number(process.env.REPS ?? 1);
  const time = (d: Detector) => {
    const c0 = process.cpuUsage();
    for (let r = 0; r < reps; r++) for (const t of sample) d.detect(t);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / kb / reps;
  };
  for (let i = 0; i < 2; i++) {
    time(a);
    time(b);
  }
  const rounds = Number(roundsArg ?? 20);
  report(`${mode === 'docs' ? 'documents' : 'records'}, ${rounds} rounds`, alternate(rounds, () => time(a), () => time(b)));
}

/** `rounds` paired measurements; which side goes first alternates, so drift in host load hits both sides alike. */
function alternate(rounds: number, measureA: () => number, measureB: () => number): { ta: number[]; tb: number[]; ratios: number[] } {
  const ta: number[] = [];
  const tb: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let ma: number;
    let mb: number;
    if (r % 2 === 0) {
      ma = measureA();
      mb = measureB();
    } else {
      mb = measureB();
      ma = measureA();
    }
    ta.push(ma);
    tb.push(mb);
    ratios.push(mb / ma);
  }
  return { ta, tb, ratios };
}

function report(label: string, { ta, tb, ratios }: { ta: number[]; tb: number[]; ratios: number[] }): void {
  console.log(`${label}: A ${median(ta).toFixed(4)} ms/KB, B ${median(tb).toFixed(4)} ms/KB (medians), paired median B/A ${median(ratios).toFixed(3)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(' ')})`);
}

await main();
