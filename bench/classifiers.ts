/**
 * `npm run bench:classifiers`: our toxicity and intent detectors against the JS peers that run offline,
 * on the held-out test splits (per dataset, per language) and the evaluation-only sets, in one run.
 *
 * Tasks and systems:
 *  - attack (prompt injection ∪ jailbreak): sealgate intent (max of the two heads), llm_guardrail
 *    (TF-IDF + LR injection/jailbreak models), llm-guard (regex), @presidio-dev/hai-guardrails (pattern mode);
 *  - harmful requests: sealgate intent.harmful, llm_guardrail "malicious";
 *  - toxicity: sealgate toxicity, obscenity (English lexicon + transformers), bad-words.
 * Figures: ROC-AUC, F1 and FPR at each system's own decision, recall at 1% FPR on the benign sets,
 * latency per KB (single thread). Leave-one-source-out figures come from the training run
 * (guardrails/models/metrics.json) and are copied next to them. Output: bench/results/classifiers.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { createIntentDetector } from '../guardrails/intent/index.js';
import { createToxicityDetector } from '../guardrails/toxicity/index.js';
import type { Finding } from '../guardrails/core/types.js';
import { loadExamples, type Example } from '../guardrails/train/data.js';
import { atThreshold, recallAtFpr, rocAuc, round } from '../guardrails/train/metrics.js';
import { SHORT_BENIGN_EN, SHORT_BENIGN_ZH } from '../datasets/classifiers/short-utterances.js';

/** A system's verdict on one text: a continuous risk score and its own yes/no decision. */
interface Verdict {
  score: number;
  flagged: boolean;
}
type System = (text: string) => Verdict | Promise<Verdict>;

interface Task {
  name: 'attack' | 'harmful' | 'toxicity';
  /** 1 / 0 / undefined (row not used by this task). */
  label(e: Example): 0 | 1 | undefined;
  examples: Example[];
  systems: Record<string, System>;
}

const EVAL_ONLY_CAP = 1000;
const RESULTS = new URL('./results/classifiers.json', import.meta.url);

// hai-guardrails' bundled piscina worker path points at its publisher's CI directory; the pattern
// mode we measure does not need it, so that one asynchronous MODULE_NOT_FOUND is ignored.
process.on('uncaughtException', (err: Error & { code?: string }) => {
  if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('hai-guardrails')) return;
  throw err;
});

function testRows(examples: Example[]): Example[] {
  const perSource = new Map<string, number>();
  return examples.filter((e) => {
    if (e.shippable) return e.split === 'test';
    const n = perSource.get(e.source) ?? 0;
    perSource.set(e.source, n + 1);
    return n < EVAL_ONLY_CAP;
  });
}

const maxScore = (findings: Finding[], categories: string[]): Verdict => {
  let score = 0;
  let flagged = false;
  for (const f of findings) {
    if (!categories.includes(f.category)) continue;
    score = Math.max(score, f.score);
    flagged ||= f.meta?.flagged === true;
  }
  return { score, flagged };
};

async function peers(): Promise<{ attack: Record<string, System>; harmful: Record<string, System>; toxicity: Record<string, System> }> {
  // llm_guardrail ships no types: this is the slice of its result we read.
  type ThreatModel = { detected?: boolean; probabilities?: { threat?: number } };
  type CheckAllResult = { injection?: ThreatModel; jailbreak?: ThreatModel; malicious?: ThreatModel };
  const { checkAll } = (await import('llm_guardrail' as string)) as { checkAll(text: string): Promise<CheckAllResult> };
  const llmGuardModule = (await import('llm-guard')) as unknown as Record<string, unknown>;
  const llmGuardPkg = (llmGuardModule.default ?? llmGuardModule) as { LLMGuard: new (o: Record<string, boolean>) => { validate(t: string): Promise<{ isValid: boolean; score: number }> } };
  const llmGuard = new llmGuardPkg.LLMGuard({ jailbreak: true, promptInjection: true });
  const hai = await import('@presidio-dev/hai-guardrails');
  const engine = new hai.GuardrailsEngine({ guards: [hai.injectionGuard({ roles: ['user'] }, { mode: 'pattern', threshold: 0.7 })] });
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const { Filter } = await import('bad-words');
  const badWords = new Filter();

  // llm_guardrail scores all three of its models in one call; cache per text for the two tasks.
  const llmGuardrailCache = new Map<string, CheckAllResult>();
  const llmGuardrail = async (text: string) => {
    let r = llmGuardrailCache.get(text);
    if (!r) {
      r = await checkAll(text);
      llmGuardrailCache.set(text, r);
    }
    return r;
  };
  const threat = (m: ThreatModel | undefined): number => m?.probabilities?.threat ?? 0;

  return {
    attack: {
      llm_guardrail: async (t) => {
        const r = await llmGuardrail(t);
        return { score: Math.max(threat(r.injection), threat(r.jailbreak)), flagged: Boolean(r.injection?.detected || r.jailbreak?.detected) };
      },
      'llm-guard': async (t) => {
        const r = await llmGuard.validate(t);
        return { score: 1 - r.score, flagged: !r.isValid };
      },
      'hai-guardrails(pattern)': async (t) => {
        const r = await engine.run([{ role: 'user', content: t }]);
        const m = r.messagesWithGuardResult[0]?.messages[0] as { passed: boolean; additionalFields?: { score?: number } } | undefined;
        return { score: m?.additionalFields?.score ?? (m?.passed === false ? 1 : 0), flagged: m?.passed === false };
      },
    },
    harmful: {
      'llm_guardrail(malicious)': async (t) => {
        const r = await llmGuardrail(t);
        return { score: threat(r.malicious), flagged: Boolean(r.malicious?.detected) };
      },
    },
    toxicity: {
      obscenity: (t) => {
        const hit = obscenity.hasMatch(t);
        return { score: hit ? 1 : 0, flagged: hit };
      },
      'bad-words': (t) => {
        let hit = false;
        try {
          hit = badWords.isProfane(t);
        } catch {
          hit = false;
        }
        return { score: hit ? 1 : 0, flagged: hit };
      },
    },
  };
}

interface SliceResult {
  dataset: string;
  lang: string;
  n: number;
  positives: number;
  rocAuc?: number;
  f1?: number;
  recall?: number;
  /** Positive-only sets: recall at the score cut that flags 1% of the same language's benign sets (operating-point free). */
  recallAt1pctFpr?: number;
  fpr: number;
}

async function runSystem(task: Task, system: System): Promise<{ latencyMsPerKb: number; slices: SliceResult[]; pooled: Record<string, number> }> {
  const rows = task.examples.filter((e) => task.label(e) !== undefined);
  const verdicts: Verdict[] = [];
  let bytes = 0;
  // Warm-up (JIT, lazy model loads) on a sample, outside the timed loop: same for every system.
  for (const e of rows.slice(0, 200)) await system(e.text);
  const t0 = performance.now();
  for (const e of rows) {
    verdicts.push(await system(e.text));
  }
  const elapsed = performance.now() - t0;
  for (const e of rows) bytes += Buffer.byteLength(e.text, 'utf8');

  const groups = new Map<string, number[]>();
  rows.forEach((e, i) => {
    const key = `${e.source}\u0000${e.lang}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  // Benign-only sources (every row negative), for the matched-FPR recall of positive-only sets.
  const benignSources = new Set([...groups.keys()].map((k) => k.split('\u0000')[0]!).filter((s) => rows.every((e) => e.source !== s || task.label(e) === 0)));
  const benignScores = (lang: string) => rows.flatMap((e, i) => (e.lang === lang && benignSources.has(e.source) ? [verdicts[i]!.score] : []));
  const slices: SliceResult[] = [];
  for (const [key, idx] of [...groups.entries()].sort()) {
    const [dataset, lang] = key.split('\u0000') as [string, string];
    const labels = idx.map((i) => task.label(rows[i]!)!);
    const flags = idx.map((i) => (verdicts[i]!.flagged ? 1 : 0));
    const scores = idx.map((i) => verdicts[i]!.score);
    const t = atThreshold(flags, labels, 1);
    const positives = labels.filter((l) => l === 1).length;
    const both = positives > 0 && positives < labels.length;
    const negatives = positives === labels.length ? benignScores(lang) : [];
    slices.push({
      dataset,
      lang,
      n: idx.length,
      positives,
      ...(both ? { rocAuc: round(rocAuc(scores, labels)), f1: round(t.f1) } : {}),
      ...(positives > 0 ? { recall: round(t.recall) } : {}),
      ...(negatives.length > 0 ? { recallAt1pctFpr: round(recallAtFpr([...scores, ...negatives], [...labels, ...negatives.map(() => 0)], 0.01)) } : {}),
      fpr: round(t.fpr),
    });
  }
  // Pooled: every positive against the benign-prompt sets (sources with negatives only), per language.
  const pooled: Record<string, number> = {};
  for (const lang of ['en', 'zh', 'all']) {
    const idx = rows.map((e, i) => i).filter((i) => (lang === 'all' || rows[i]!.lang === lang) && (task.label(rows[i]!) === 1 || benignSources.has(rows[i]!.source)));
    const labels = idx.map((i) => task.label(rows[i]!)!);
    if (!labels.includes(1) || !labels.includes(0)) continue;
    const scores = idx.map((i) => verdicts[i]!.score);
    const flags = idx.map((i) => (verdicts[i]!.flagged ? 1 : 0));
    pooled[`${lang}.rocAuc`] = round(rocAuc(scores, labels));
    pooled[`${lang}.recallAt1pctFprBenign`] = round(recallAtFpr(scores, labels, 0.01));
    pooled[`${lang}.recall`] = round(atThreshold(flags, labels, 1).recall);
    pooled[`${lang}.fprBenign`] = round(atThreshold(flags, labels, 1).fpr);
  }
  return { latencyMsPerKb: round(elapsed / (bytes / 1024), 4), slices, pooled };
}

function losoSummary(): unknown {
  try {
    const report = JSON.parse(readFileSync(new URL('../guardrails/models/metrics.json', import.meta.url), 'utf8')) as {
      models: { name: string; heads: { head: string; loso: { source: string; lang: string; n: number; rocAuc: number; f1: number }[]; test: { source: string; lang: string; rocAuc: number; f1: number }[] }[] }[];
    };
    return report.models.flatMap((m) => m.heads.map((h) => ({ head: h.head, loso: h.loso })));
  } catch {
    return 'guardrails/models/metrics.json missing: run `npm run train`';
  }
}

/** Latency on a fixed 1 KB mixed EN/ZH text (the per-detector budget is 0.3 ms/KB). */
function fixedLatency(detect: (t: string) => unknown): number {
  const kb = 'Please summarise the quarterly report and list three risks for the board. 我们明天去北京开会，请准备好材料和预算表。'.repeat(20);
  const text = Buffer.from(kb).subarray(0, 1024).toString('utf8').replace(/\uFFFD$/, '');
  for (let i = 0; i < 200; i += 1) detect(text);
  const runs = 3000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i += 1) detect(text);
  return round((performance.now() - t0) / runs / (Buffer.byteLength(text) / 1024), 4);
}

async function main(): Promise<void> {
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const intent = await createIntentDetector({ minScore: 0 });
  const toxicity = await createToxicityDetector({ minScore: 0 });
  const intentOf = async (t: string) => (await intent.detect(t)) as Finding[];
  const intentCache = new Map<string, Finding[]>();
  const cachedIntent = async (t: string) => {
    let f = intentCache.get(t);
    if (!f) {
      f = await intentOf(t);
      intentCache.set(t, f);
    }
    return f;
  };
  const others = await peers();

  const intentExamples = testRows(loadExamples('intent'));
  const toxicityExamples = testRows(loadExamples('toxicity'));
  log(`test rows: intent ${intentExamples.length}, toxicity ${toxicityExamples.length}`);

  const tasks: Task[] = [
    {
      name: 'attack',
      examples: intentExamples,
      label: (e) => (e.labels['intent.prompt_injection'] === 1 || e.labels['intent.jailbreak'] === 1 ? 1 : e.labels['intent.prompt_injection'] === 0 && e.labels['intent.jailbreak'] === 0 ? 0 : undefined),
      // Uncached for sealgate so that the latency figure is real; harmful reuses the findings.
      systems: { sealgate: async (t) => maxScore(await cachedIntent(t), ['intent.prompt_injection', 'intent.jailbreak']), ...others.attack },
    },
    {
      name: 'harmful',
      examples: intentExamples,
      label: (e) => e.labels['intent.harmful'],
      systems: { sealgate: async (t) => maxScore(await cachedIntent(t), ['intent.harmful']), ...others.harmful },
    },
    {
      name: 'toxicity',
      examples: toxicityExamples,
      label: (e) => e.labels['toxicity.toxic'],
      systems: { sealgate: async (t) => maxScore((await toxicity.detect(t)) as Finding[], ['toxicity.toxic']), ...others.toxicity },
    },
  ];

  const results: Record<string, Record<string, unknown>> = {};
  for (const task of tasks) {
    results[task.name] = {};
    for (const [name, system] of Object.entries(task.systems)) {
      const t = performance.now();
      results[task.name]![name] = await runSystem(task, system);
      log(`${task.name}/${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  // Ordinary short utterances (evaluation-only list): the share each system flags, per task and language.
  const shortBenign: Record<string, Record<string, { en: number; zh: number; flagged: string[] }>> = {};
  for (const task of tasks) {
    shortBenign[task.name] = {};
    for (const [name, system] of Object.entries(task.systems)) {
      const flagged: string[] = [];
      const rate = async (texts: readonly string[]): Promise<number> => {
        let n = 0;
        for (const t of texts) {
          if ((await system(t)).flagged) {
            n += 1;
            flagged.push(t);
          }
        }
        return round(n / texts.length);
      };
      shortBenign[task.name]![name] = { en: await rate(SHORT_BENIGN_EN), zh: await rate(SHORT_BENIGN_ZH), flagged };
    }
  }

  // The harmful task reused cached intent findings: its sealgate latency is the attack run's.
  const attackSealgate = results.attack!.sealgate as { latencyMsPerKb: number };
  (results.harmful!.sealgate as { latencyMsPerKb: number }).latencyMsPerKb = attackSealgate.latencyMsPerKb;

  const output = {
    generatedBy: 'bench/classifiers.ts',
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown' },
    notes: [
      'Test rows: held-out test split of shippable sources; evaluation-only sources (non-commercial/unclear license, never trained on): all rows, capped at 1000 per source.',
      'F1/recall/fpr use each system\'s own decision (sealgate: calibrated per-head threshold from validation). ROC-AUC uses the continuous score (binary for lexicon peers).',
      'pooled.*: all positives of the task against the benign-only sets; recallAt1pctFprBenign = recall at the score threshold keeping FPR on those benign sets at 1%.',
      'latencyMsPerKb: wall time over the task rows / total UTF-8 KB, single thread (2 shared cores). fixedLatency: a 1 KB mixed EN/ZH text, 3000 runs.',
      `shortBenign: share of ordinary short utterances flagged (datasets/classifiers/short-utterances.ts, evaluation only: ${SHORT_BENIGN_EN.length} EN, ${SHORT_BENIGN_ZH.length} ZH).`,
    ],
    fixedLatencyMsPerKb: { toxicity: fixedLatency((t) => toxicity.detect(t)), intent: fixedLatency((t) => intent.detect(t)) },
    tasks: results,
    shortBenign,
    leaveOneSourceOut: losoSummary(),
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote ${decodeURIComponent(RESULTS.pathname)}`);
  writeBenchmarksSection(renderMarkdown(output as unknown as BenchOutput));
  log('updated the Classifiers section of docs/benchmarks.md');
  process.exit(0);
}

interface SystemResult {
  latencyMsPerKb: number;
  slices: SliceResult[];
  pooled: Record<string, number>;
}
interface BenchOutput {
  date: string;
  machine: { node: string; cpus: number; cpuModel: string };
  fixedLatencyMsPerKb: { toxicity: number; intent: number };
  tasks: Record<string, Record<string, SystemResult>>;
  shortBenign: Record<string, Record<string, { en: number; zh: number; flagged: string[] }>>;
  leaveOneSourceOut: { head: string; loso: { source: string; lang: string; n: number; rocAuc: number; f1: number }[] }[] | string;
}

const fmt = (x: number | undefined): string => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toFixed(3));

function renderMarkdown(out: BenchOutput): string {
  const lines: string[] = [];
  lines.push('## Classifiers');
  lines.push('');
  lines.push(`Reproduce: \`npm run bench:classifiers\` (writes \`bench/results/classifiers.json\` and this section; the models and leave-one-source-out figures come from \`npm run train\`, guardrails/models/MODEL_CARD.md). Run ${out.date.slice(0, 10)}, ${out.machine.cpuModel}, Node ${out.machine.node}, single thread on 2 shared cores.`);
  lines.push('');
  lines.push('Test rows: the held-out test split of every shippable source, plus every row (capped at 1000) of the evaluation-only sets (tweeteval, chineseharm-bench, alpaca, BELLE; never trained on). Decisions: each system\'s own (SealGate: the calibrated threshold picked on validation). ROC-AUC uses continuous scores (binary for lexicon peers). "benign" = all benign-only sets of the task in that language; recall@1%FPR = recall at the score cut that flags 1% of those benign prompts.');
  lines.push('');
  lines.push(`Latency on a fixed 1 KB mixed EN/ZH text: toxicity ${fmt(out.fixedLatencyMsPerKb.toxicity)} ms/KB, intent ${fmt(out.fixedLatencyMsPerKb.intent)} ms/KB (goal ≤ 0.3).`);
  lines.push('');
  const titles: Record<string, string> = { attack: 'Prompt injection ∪ jailbreak', harmful: 'Harmful requests', toxicity: 'Toxicity' };
  for (const [task, systems] of Object.entries(out.tasks)) {
    lines.push(`### ${titles[task] ?? task}`);
    lines.push('');
    lines.push('| system | EN ROC-AUC | EN recall@1%FPR | EN recall | EN FPR benign | ZH ROC-AUC | ZH recall@1%FPR | ZH recall | ZH FPR benign | ms/KB (test rows) |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, r] of Object.entries(systems)) {
      const p = r.pooled;
      lines.push(`| ${name} | ${fmt(p['en.rocAuc'])} | ${fmt(p['en.recallAt1pctFprBenign'])} | ${fmt(p['en.recall'])} | ${fmt(p['en.fprBenign'])} | ${fmt(p['zh.rocAuc'])} | ${fmt(p['zh.recallAt1pctFprBenign'])} | ${fmt(p['zh.recall'])} | ${fmt(p['zh.fprBenign'])} | ${fmt(r.latencyMsPerKb)} |`);
    }
    lines.push('');
    const names = Object.keys(systems);
    lines.push(`Per dataset (test split; ROC-AUC / F1 where the set has both classes, else recall on its positives or FPR on its benign rows). A positive-only set's recall depends on each system's own operating point (a system that flags a fifth of benign prompts recalls more), so it is followed by the recall at the score cut where the system flags 1% of the same language's benign sets:`);
    lines.push('');
    lines.push(`| dataset | lang | n | ${names.join(' | ')} |`);
    lines.push(`|---|---|---|${names.map(() => '---').join('|')}|`);
    const first = systems[names[0]!]!;
    for (const slice of first.slices) {
      if (slice.dataset.startsWith('sealgate-')) continue;
      const cells = names.map((n) => {
        const s = systems[n]!.slices.find((x) => x.dataset === slice.dataset && x.lang === slice.lang);
        if (!s) return '–';
        if (s.rocAuc !== undefined) return `${fmt(s.rocAuc)} / ${fmt(s.f1)}`;
        if (s.positives > 0) return s.recallAt1pctFpr !== undefined ? `recall ${fmt(s.recall)} (${fmt(s.recallAt1pctFpr)} @1%FPR)` : `recall ${fmt(s.recall)}`;
        return `FPR ${fmt(s.fpr)}`;
      });
      lines.push(`| ${slice.dataset} | ${slice.lang} | ${slice.n} | ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  if (out.shortBenign) {
    lines.push('### Short benign utterances');
    lines.push('');
    lines.push(`Share of ordinary short words, phrases and questions flagged at each system's own decision (datasets/classifiers/short-utterances.ts: ${SHORT_BENIGN_EN.length} EN, ${SHORT_BENIGN_ZH.length} ZH, hand-written, never trained on, e.g. "before", "late", "why?", "继续", "指令"). Short texts have few features, so this is where a linear model's bias and single weights show.`);
    lines.push('');
    lines.push('| task | system | EN FPR | ZH FPR | flagged |');
    lines.push('|---|---|---|---|---|');
    for (const [task, systems] of Object.entries(out.shortBenign)) {
      for (const [name, r] of Object.entries(systems)) {
        const shown = r.flagged.slice(0, 6).map((t) => `\`${t.replace(/\|/g, '\\|')}\``).join(', ');
        lines.push(`| ${titles[task] ?? task} | ${name} | ${fmt(r.en)} | ${fmt(r.zh)} | ${shown}${r.flagged.length > 6 ? ` … (${r.flagged.length})` : ''} |`);
      }
    }
    lines.push('');
  }
  if (Array.isArray(out.leaveOneSourceOut)) {
    lines.push('### Leave-one-source-out (SealGate, from the training run)');
    lines.push('');
    lines.push('Each row: trained without that source, scored on all its rows (positive-only sources against pooled test-split benign rows of the same language). The honest generalisation figure; compare with the in-distribution test split above and in MODEL_CARD.md.');
    lines.push('');
    lines.push('| head | held-out source | lang | n | ROC-AUC | F1 |');
    lines.push('|---|---|---|---|---|---|');
    for (const h of out.leaveOneSourceOut) for (const l of h.loso) lines.push(`| ${h.head} | ${l.source} | ${l.lang} | ${l.n} | ${fmt(l.rocAuc)} | ${fmt(l.f1)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

const DOC = new URL('../docs/benchmarks.md', import.meta.url);
const BEGIN = '<!-- CLASSIFIERS:BEGIN -->';
const END = '<!-- CLASSIFIERS:END -->';

/** Replaces only our marked section (other rooms own the rest of the file). */
function writeBenchmarksSection(markdown: string): void {
  let doc = '';
  try {
    doc = readFileSync(DOC, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  const section = `${BEGIN}\n${markdown}\n${END}`;
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  doc = start >= 0 && end > start ? doc.slice(0, start) + section + doc.slice(end + END.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, doc);
}

// `CLASSIFIERS_MARKDOWN_FROM=<saved classifiers.json> npm run bench:classifiers` re-renders the docs section from a
// saved run (e.g. the median of several) without re-running the bench.
if (process.env.CLASSIFIERS_MARKDOWN_FROM) {
  writeBenchmarksSection(renderMarkdown(JSON.parse(readFileSync(process.env.CLASSIFIERS_MARKDOWN_FROM, 'utf8')) as BenchOutput));
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
