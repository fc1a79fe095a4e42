/**
 * `npm run bench:summary`: rewrites the README's "Measured figures" table from bench/results/*.json,
 * between `<!-- BENCH-SUMMARY:BEGIN -->` and `<!-- BENCH-SUMMARY:END -->`. Numbers are copied, never
 * typed by hand, and each row names the file it came from. A figure a result file no longer has shows
 * as "—" rather than failing, so a bench that changes shape does not block the others.
 * `--check` exits 1 when the README is out of date (for CI or a pre-commit hook).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
const BEGIN = '<!-- BENCH-SUMMARY:BEGIN -->';
const END = '<!-- BENCH-SUMMARY:END -->';

type Json = Record<string, unknown>;

function load(name: string): Json | undefined {
  const path = join(ROOT, 'bench/results', `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Json) : undefined;
}

/** Value at a dotted path ("a.b.c"; keys containing dots are tried whole first). */
function at(json: Json | undefined, path: string): unknown {
  let node: unknown = json;
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    if (!node || typeof node !== 'object') return undefined;
    // Keys such as "en.rocAuc" contain a dot: try the rest of the path as one key.
    const rest = keys.slice(i).join('.');
    if (rest in (node as Json)) return (node as Json)[rest];
    node = (node as Json)[keys[i]!];
  }
  return node;
}

const num = (value: unknown, digits: number, suffix = '') => (typeof value === 'number' ? `${value.toFixed(digits)}${suffix}` : '—');
const pct = (value: unknown) => (typeof value === 'number' ? `${(value * 100).toFixed(1)} %` : '—');
const date = (json: Json | undefined) => String(json?.date ?? json?.generatedAt ?? '').slice(0, 10) || '—';

interface Row {
  area: string;
  figure: string;
  value: string;
  source: string;
}

function rows(): Row[] {
  const gateway = load('gateway');
  const guardrails = load('guardrails');
  const confidential = load('confidential');
  const audit = load('audit');
  const pii = load('pii');
  const classifiers = load('classifiers');
  const clean = load('clean');
  const cleanFull = (clean?.results as Json[] | undefined)?.find((r) => String(r.scenario).startsWith('full, 1 thread'));
  const g = (path: string) => at(gateway, `scenarios.${path}`);
  const fileSink = (audit?.sinks as Json[] | undefined)?.find((s) => s.sink === 'file');
  const cited = (file: string, json: Json | undefined, path: string) => `[\`${file}\`](bench/results/${file}) ${path} (${date(json)})`;
  return [
    { area: 'Gateway', figure: 'added p50 latency vs calling the upstream directly, non-streamed / streamed (instant upstream; default config: auth, rate limits, guardrails, audit; same run, non-streamed: Portkey adds; a bare Node proxy adds)', value: `${num(g('instant.comparisons.nonStreaming.sealgate.addedP50Ms'), 2, ' ms')} / ${num(g('instant.comparisons.streaming.sealgate.addedP50Ms'), 2, ' ms')} (${num(g('instant.comparisons.nonStreaming.portkeyAddedP50Ms'), 2, ' ms')}; ${num(g('instant.comparisons.nonStreaming.floorAddedP50Ms'), 2, ' ms')})`, source: cited('gateway.json', gateway, 'scenarios.instant.comparisons') },
    // With a model that takes time the gateway's code runs after an idle wait, on caches other processes have used (docs/gateway.md); the same run's Portkey and bare proxy give the scale.
    { area: 'Gateway', figure: 'added p50 latency vs direct, 50 ms model, non-streamed / streamed (same run, non-streamed: Portkey adds; a bare Node proxy adds)', value: `${num(g('model-50ms.comparisons.nonStreaming.sealgate.addedP50Ms'), 2, ' ms')} / ${num(g('model-50ms.comparisons.streaming.sealgate.addedP50Ms'), 2, ' ms')} (${num(g('model-50ms.comparisons.nonStreaming.portkeyAddedP50Ms'), 2, ' ms')}; ${num(g('model-50ms.comparisons.nonStreaming.floorAddedP50Ms'), 2, ' ms')})`, source: cited('gateway.json', gateway, 'scenarios.model-50ms.comparisons') },
    { area: 'Gateway', figure: 'throughput vs direct, 50 ms model, non-streamed / streamed', value: `${pct(g('model-50ms.comparisons.nonStreaming.sealgate.throughputVsDirect'))} / ${pct(g('model-50ms.comparisons.streaming.sealgate.throughputVsDirect'))}`, source: cited('gateway.json', gateway, 'scenarios.model-50ms.comparisons') },
    { area: 'Gateway', figure: 'throughput vs Portkey gateway, instant upstream, non-streamed / streamed', value: `${num(g('instant.comparisons.nonStreaming.sealgate.throughputVsPortkey'), 2, '×')} / ${num(g('instant.comparisons.streaming.sealgate.throughputVsPortkey'), 2, '×')}`, source: cited('gateway.json', gateway, 'scenarios.instant.comparisons') },
    { area: 'Gateway', figure: 'throughput vs Portkey gateway with its local guardrail hooks (`default.*` regexes and word lists) on input and output, instant upstream, non-streamed / streamed', value: `${num(g('instant.comparisons.nonStreaming.sealgate.throughputVsPortkeyGuardrails'), 2, '×')} / ${num(g('instant.comparisons.streaming.sealgate.throughputVsPortkeyGuardrails'), 2, '×')}`, source: cited('gateway.json', gateway, 'scenarios.instant.comparisons') },
    { area: 'Guardrails', figure: 'added p50 latency, guardrails on vs off (1 KB prompt and answer), non-streamed / streamed', value: `${num(at(guardrails, 'comparison.nonStreaming.addedP50Ms'), 2, ' ms')} / ${num(at(guardrails, 'comparison.streaming.addedP50Ms'), 2, ' ms')}`, source: cited('guardrails.json', guardrails, 'comparison') },
    { area: 'Guardrails', figure: '100k-term keyword library: 1 KB scan p50', value: num(at(guardrails, 'keywordLibrary.detect1KBP50Ms'), 3, ' ms'), source: cited('guardrails.json', guardrails, 'keywordLibrary') },
    { area: 'Confidential', figure: 'p50 confidential (client SDK as shipped, incl. sealing) ÷ plain guardrailed, non-streamed / streamed', value: `${num(at(confidential, 'comparisons.nonStreaming.probeP50Ratio'), 2, '×')} / ${num(at(confidential, 'comparisons.streaming.probeP50Ratio'), 2, '×')}`, source: cited('confidential.json', confidential, 'comparisons') },
    { area: 'Confidential', figure: 'the same with the confidential client on plain\'s HTTP client (global fetch), non-streamed / streamed', value: `${num(at(confidential, 'comparisons.nonStreaming.viaFetch.probeP50Ratio'), 2, '×')} / ${num(at(confidential, 'comparisons.streaming.viaFetch.probeP50Ratio'), 2, '×')}`, source: cited('confidential.json', confidential, 'comparisons.*.viaFetch') },
    { area: 'PII', figure: 'F1 (entity overlap), English / Chinese, pooled over the shared corpora and our generator\'s test text', value: `${num(at(pii, 'summary.sealgate.en.f1'), 3)} / ${num(at(pii, 'summary.sealgate.zh.f1'), 3)}`, source: cited('pii.json', pii, 'summary.sealgate') },
    // The pooled figure leans on our own generator (identifiers we also recognise); the third-party corpora alone say more about names, places and organisations.
    { area: 'PII', figure: 'F1 on the third-party corpora alone: presidio-research synthetic (EN; in brackets without counting a place inside an address for the place) / Weibo NER (ZH; its held-out test rows)', value: `${num(at(pii, 'corpora.presidio-research-synth.systems.sealgate.micro.f1'), 3)} (${num(at(pii, 'corpora.presidio-research-synth.systems.sealgate.withoutNesting.micro.f1'), 3)}) / ${num(at(pii, 'corpora.weibo-ner.systems.sealgate.micro.f1'), 3)} (${num(at(pii, 'corpora.weibo-ner.systems.sealgate.splits.test.micro.f1'), 3)})`, source: cited('pii.json', pii, 'corpora.*.systems.sealgate') },
    { area: 'PII', figure: 'F1 on checksum-validated identifiers (cards, CN resident id, USCC, IBAN)', value: num(at(pii, 'summary.sealgate.checksumValidated.f1'), 3), source: cited('pii.json', pii, 'summary.sealgate.checksumValidated') },
    // Absolute ms/KB moves with the shared host (machine.calibrationMs); the peers timed in the same run give the scale.
    { area: 'PII', figure: 'detection speed, corpus records / 8 KB documents (same run: redact-pii; @openai/guardrails)', value: `${num(at(pii, 'summary.sealgate.msPerKb'), 3)} / ${num(at(pii, 'summary.sealgate.msPerKbLongDocuments'), 3, ' ms/KB')} (${num(at(pii, 'summary.redact-pii.msPerKb'), 3)} / ${num(at(pii, 'summary.redact-pii.msPerKbLongDocuments'), 3)}; ${num(at(pii, 'summary.@openai/guardrails.msPerKb'), 3)} / ${num(at(pii, 'summary.@openai/guardrails.msPerKbLongDocuments'), 3)})`, source: cited('pii.json', pii, 'summary.*.msPerKb, msPerKbLongDocuments') },
    { area: 'PII', figure: 'detection speed paired with the peers: SealGate\'s CPU time over the peer\'s within the same timing pass, median of the interleaved passes, records / documents (above 1: slower)', value: `redact-pii ${num(at(pii, 'pairedSpeed.vs.redact-pii.recordsTimeRatioMedian'), 3)} / ${num(at(pii, 'pairedSpeed.vs.redact-pii.documentsTimeRatioMedian'), 3)}; @openai/guardrails ${num(at(pii, 'pairedSpeed.vs.@openai/guardrails.recordsTimeRatioMedian'), 3)} / ${num(at(pii, 'pairedSpeed.vs.@openai/guardrails.documentsTimeRatioMedian'), 3)}`, source: cited('pii.json', pii, 'pairedSpeed.vs') },
    { area: 'PII', figure: 'identifiers-only configuration (names, addresses, places, organisations excluded; not the default): F1 on identifiers and secrets, English / Chinese, and speed (records / documents)', value: `${num(at(pii, 'summary.sealgate-identifiers-only.byFamily.en:identifiers.f1'), 3)} / ${num(at(pii, 'summary.sealgate-identifiers-only.byFamily.zh:identifiers.f1'), 3)}, ${num(at(pii, 'summary.sealgate-identifiers-only.msPerKb'), 3)} / ${num(at(pii, 'summary.sealgate-identifiers-only.msPerKbLongDocuments'), 3, ' ms/KB')}`, source: cited('pii.json', pii, 'summary.sealgate-identifiers-only') },
    { area: 'Classifiers', figure: 'injection ∪ jailbreak: recall at 1 % FPR on benign sets, EN / ZH', value: `${num(at(classifiers, 'tasks.attack.sealgate.pooled.en.recallAt1pctFprBenign'), 3)} / ${num(at(classifiers, 'tasks.attack.sealgate.pooled.zh.recallAt1pctFprBenign'), 3)}`, source: cited('classifiers.json', classifiers, 'tasks.attack.sealgate.pooled') },
    { area: 'Classifiers', figure: 'harmful requests: recall at 1 % FPR on benign sets, EN / ZH', value: `${num(at(classifiers, 'tasks.harmful.sealgate.pooled.en.recallAt1pctFprBenign'), 3)} / ${num(at(classifiers, 'tasks.harmful.sealgate.pooled.zh.recallAt1pctFprBenign'), 3)}`, source: cited('classifiers.json', classifiers, 'tasks.harmful.sealgate.pooled') },
    { area: 'Classifiers', figure: 'toxicity: ROC-AUC, EN / ZH', value: `${num(at(classifiers, 'tasks.toxicity.sealgate.pooled.en.rocAuc'), 3)} / ${num(at(classifiers, 'tasks.toxicity.sealgate.pooled.zh.rocAuc'), 3)}`, source: cited('classifiers.json', classifiers, 'tasks.toxicity.sealgate.pooled') },
    { area: 'Classifiers', figure: 'inference on a 1 KB mixed text, toxicity / intent', value: `${num(at(classifiers, 'fixedLatencyMsPerKb.toxicity'), 3, ' ms')} / ${num(at(classifiers, 'fixedLatencyMsPerKb.intent'), 3, ' ms')}`, source: cited('classifiers.json', classifiers, 'fixedLatencyMsPerKb') },
    { area: 'Corpus cleaning', figure: '`sealgate clean`, full cleaning (PII placeholders, toxicity, intent, dedupe), one thread: records per CPU second', value: num(cleanFull?.recordsPerCpuSecond, 0, '/s'), source: cited('clean.json', clean, 'results[full, 1 thread]') },
    { area: 'Audit', figure: 'file sink: records/s written, and synchronous cost per request', value: `${num(fileSink?.recordsPerSecond, 0, '/s')}, ${num(fileSink?.observerMicros, 1, ' µs')}`, source: cited('audit.json', audit, 'sinks[file]') },
  ];
}

export function summaryTable(): string {
  const lines = ['| area | figure | value | source (file, field, run date) |', '|---|---|---|---|'];
  for (const row of rows()) lines.push(`| ${row.area} | ${row.figure} | ${row.value} | ${row.source} |`);
  return lines.join('\n');
}

function rewrite(readme: string, table: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} section`);
  return `${readme.slice(0, start + BEGIN.length)}\n${table}\n${readme.slice(end)}`;
}

const readme = readFileSync(README, 'utf8');
const updated = rewrite(readme, summaryTable());
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    process.stderr.write('README.md measured-figures table is out of date: run `npm run bench:summary`\n');
    process.exit(1);
  }
} else if (updated !== readme) {
  writeFileSync(README, updated);
  process.stdout.write('README.md: measured-figures table updated from bench/results/*.json\n');
} else {
  process.stdout.write('README.md: measured-figures table already current\n');
}
