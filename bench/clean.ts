/**
 * `sealgate clean` throughput (`npm run bench -- clean`, or `tsx bench/clean.ts`). Generates a corpus of
 * chat-style records (EN + ZH, ~40% with PII, ~5% toxic, ~3% duplicates, a few bad lines), writes it
 * to a temp file and cleans it file → file as the CLI does (PII placeholders, toxicity drop, intent
 * flag, dedupe) with 1 and 2 worker threads, plus a PII-only pass. Reports records/s and MB/s (wall
 * clock) and process CPU seconds (all threads,
 * including worker start-up) with records per CPU second. Writes bench/results/clean.json.
 *
 *   BENCH_CLEAN_RECORDS=20000 npx tsx bench/clean.ts
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runClean } from '../src/corpus/clean.js';
import type { CleanOptionsInput } from '../src/corpus/options.js';
import { cnMobile, cnResidentId, int, paymentCard, pick, seededRng } from '../datasets/pii/identifiers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results', 'clean.json');
const RECORDS = Number(process.env.BENCH_CLEAN_RECORDS ?? 20_000);

const EN = [
  'Can you help me plan a weekend trip to the coast with two kids? We like quiet beaches and seafood.',
  'My order {n} arrived damaged. Please call me at {phone} or email {email} to arrange a replacement.',
  'Summarize the main causes of the French Revolution in three short paragraphs for a school essay.',
  'The invoice was paid with card {card}; please confirm the refund to the same account.',
  'What is the difference between a list and a tuple in Python, and when should I use each one?',
  'Write a friendly reminder to the team that the quarterly review moved to Thursday afternoon.',
];
const ZH = [
  '请帮我规划一个周末去海边的行程，带两个孩子，喜欢安静的沙滩和海鲜。',
  '我的订单{n}收到时已经损坏，请拨打{phone}或发邮件到{email}联系我安排换货。',
  '用三段话概括一下工业革命对城市生活的影响，用于写课堂作文。',
  '我的身份证号码是{id}，请帮我查询社保缴纳记录。',
  'Python 里列表和元组有什么区别，分别适合在什么情况下使用？',
  '写一段通知，提醒大家季度总结会改到周四下午。',
];
const TOXIC = ['You are a fucking idiot, shut up you stupid bitch', '你这个傻逼，去死吧，废物', 'fuck you asshole, nobody wants you here'];

function generate(n: number): string {
  const rng = seededRng(42);
  const lines: string[] = [];
  let previous = '';
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.002) {
      lines.push('{"text": "truncated');
      continue;
    }
    if (r < 0.03 && previous) {
      lines.push(previous);
      continue;
    }
    const text =
      r < 0.08
        ? pick(rng, TOXIC)
        : // A ticket number keeps records distinct: only the planted repeats are duplicates.
          `#${i} ${pick(rng, rng() < 0.5 ? EN : ZH)}`
            .replace('{n}', String(100000 + i))
            .replace('{phone}', cnMobile(rng))
            .replace('{email}', `user${int(rng, 1, 99999)}@example.com`)
            .replace('{card}', paymentCard(rng, true, 'visa'))
            .replace('{id}', cnResidentId(rng));
    previous = JSON.stringify({ id: i, source: 'bench', text });
    lines.push(previous);
  }
  return `${lines.join('\n')}\n`;
}

interface Scenario {
  name: string;
  options: CleanOptionsInput;
}

const SCENARIOS: Scenario[] = [
  { name: 'full, 1 thread (pii placeholder + toxicity drop + intent flag + dedupe)', options: { dedupe: true, workers: 1 } },
  { name: 'full, 2 threads (main + 1 worker)', options: { dedupe: true, workers: 2 } },
  { name: 'pii only, 1 thread', options: { workers: 1, cleaner: { toxicity: 'off', intent: 'off' } } },
];

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-clean-'));
  try {
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, generate(RECORDS));
    const bytes = statSync(input).size;
    const results = [];
    for (const scenario of SCENARIOS) {
      const output = createWriteStream(join(dir, 'out.jsonl'));
      const cpuBefore = process.cpuUsage();
      const report = await runClean(createReadStream(input), output, scenario.options);
      const cpu = process.cpuUsage(cpuBefore);
      output.end();
      await once(output, 'finish');
      const row = {
        scenario: scenario.name,
        records: report.records.in,
        written: report.records.out,
        dropped: report.dropped,
        modified: report.records.modified,
        seconds: report.throughput.seconds,
        recordsPerSecond: report.throughput.recordsPerSecond,
        megabytesPerSecond: report.throughput.megabytesPerSecond,
        // Process CPU (all threads): on shared cores wall clock mostly measures the neighbours.
        processCpuSeconds: Math.round(((cpu.user + cpu.system) / 1e6) * 100) / 100,
        recordsPerCpuSecond: Math.round(report.records.in / ((cpu.user + cpu.system) / 1e6)),
      };
      results.push(row);
      process.stdout.write(`${row.scenario}: ${row.recordsPerSecond} records/s, ${row.megabytesPerSecond} MB/s wall (${row.records} records in ${row.seconds} s); ${row.recordsPerCpuSecond} records per CPU second\n`);
    }
    const out = {
      bench: 'clean',
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
      corpus: { records: RECORDS, bytes, averageRecordBytes: Math.round(bytes / RECORDS) },
      note: 'Wall-clock throughput on shared cores (other jobs running): compare rows of one run. Reproduce: npm run bench -- clean',
      results,
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
    process.stdout.write(`wrote ${RESULTS}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
