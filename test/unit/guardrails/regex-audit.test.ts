/**
 * ReDoS guard for every built-in regex on the request path (issues 3 and 4): the regex literals of the
 * TypeScript under guardrails/ and src/ are found by AST (so a new one is covered automatically) and each must
 *  1. have star height 1 (no unbounded quantifier around an unbounded repeat: findNestedQuantifier), and
 *  2. grow linearly on adversarial pumped inputs, run the way the code runs it (a global regex over the whole
 *     text with matchAll, which tries every start position; a sticky one once; others with test).
 * Growth is judged on a 16 KB input against eight back-to-back runs of its 2 KB version, the same work if the
 * regex is linear (ratio ~1) and eight times less if it is quadratic (ratio ~8). Both timings then span a
 * similar wall time, so a loaded host (other processes preempting this one) stretches both alike; comparing
 * one 2 KB run (far shorter than a scheduler slice) with one 16 KB run failed under load. A regex fails only
 * when the larger input takes over 4x as long as the eight small runs AND over 25 ms, twice in a row, or when
 * one input runs past a vm time budget (cubic blow-ups, e.g. the old decoders readability regex or the local
 * model's directive regex).
 * The exceptions below were each shown linear in context (the input they see is bounded or shaped).
 * `new RegExp(...)` sites cannot be read from the AST: they are counted per file and listed with how they were
 * audited, so a new site fails until it is checked (dump it at run time and run it through this file's pump).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findNestedQuantifier } from '../../../guardrails/rules/regex-safety.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Offline scripts and training code: not on the request path. */
const OFFLINE = /^guardrails\/train\/|\.test\.ts$|\.d\.ts$|\/build-[^/]*\.ts$|^guardrails\/pii\/speed-check\.ts$|^guardrails\/pii\/ner\/(train|dev-eval)\.ts$/;

interface Literal {
  file: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) sourceFiles(rel, out);
    else if (rel.endsWith('.ts') && !OFFLINE.test(rel)) out.push(rel);
  }
  return out;
}

function scan(): { literals: Literal[]; dynamic: Map<string, number> } {
  const literals: Literal[] = [];
  const dynamic = new Map<string, number>();
  for (const file of [...sourceFiles('guardrails'), ...sourceFiles('src')]) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        literals.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.set(file, (dynamic.get(file) ?? 0) + 1);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

/** Shown safe in context; keyed by file and exact source, so moving a line does not matter. */
const ALLOWED: Array<{ file: string; source: string; why: string }> = [
  // Star height 2 but unambiguous: each repetition starts at a '%' that the body cannot match ([^\s%]).
  { file: 'guardrails/intent/decoders.ts', source: String.raw`(?:%[0-9a-fA-F]{2}[^\s%]*){4,}`, why: 'star height 2, deterministic: linear' },
  // Star height 2 (a gap of spaces inside the repeat of Morse letters), but each start is at the first dot or dash of a
  // letter (lookbehind), letters and gaps share no character, and a gap of k spaces is resolved in O(k) (' +' then a
  // dot/dash, else ' *\/ *'). Eight letters or more always match (giving back a letter leaves a gap char, which the
  // lookahead accepts), so a failed start scans fewer than eight letters: each character is read by at most eight
  // starts. Pumped 2 KB x8 against 16 KB (dash, dot, space, '- ', '-  ', '- / ', 8-dash letters): linear.
  { file: 'guardrails/intent/decoders.ts', source: String.raw`(?<![.\-·−\w])[.\-·−]{1,7}(?:(?: +| *\/ *)[.\-·−]{1,7}){7,}(?![.\-·−\w])`, why: 'star height 2, starts at a letter, under 8 letters rescanned: linear' },
  // Star height 2 but unambiguous ('.' separates repetitions); config-time ids, not request text.
  { file: 'guardrails/policy/schema.ts', source: String.raw`^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$`, why: 'config ids, deterministic' },
  { file: 'guardrails/rules/schema.ts', source: String.raw`^[a-z0-9_]+(\.[a-z0-9_]+)*$`, why: 'config ids, deterministic' },
  // Quadratic on a run of '=', but it runs on a BASE64_RE match, which ends in at most two.
  { file: 'guardrails/intent/decoders.ts', source: String.raw`=+$`, why: 'input has <= 2 trailing =' },
  // Quadratic on a long letter run, but it runs on a sample of at most 600 characters (<1 ms).
  { file: 'guardrails/intent/decoders.ts', source: String.raw`[A-Za-z]+[^A-Za-z]+[A-Za-z]+[^A-Za-z]+[A-Za-z]+[^A-Za-z]+[A-Za-z]+`, why: '600-char sample' },
  // Quadratic on a run of '0', on Number.toFixed(3) output (a few characters).
  { file: 'src/gateway/middleware/access.ts', source: String.raw`\.?0+$`, why: 'toFixed(3) output' },
  // Quadratic on a run of '/', on base URLs from the operator's or client's own configuration, not requests.
  { file: 'src/cli/attest.ts', source: String.raw`\/+$`, why: 'CLI argument URL' },
  { file: 'src/cli/eval.ts', source: String.raw`\/+$`, why: 'CLI argument URL' },
  { file: 'src/client/attestation-cache.ts', source: String.raw`\/+$`, why: "client's configured base URL" },
  { file: 'src/client/confidential-fetch.ts', source: String.raw`\/+$`, why: "client's configured base URL" },
  // Quadratic on '${A:-${A:-…' only: it expands ${VAR:-default} in the operator's config file at load.
  { file: 'src/config/loader.ts', source: String.raw`\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}`, why: 'config file text' },
];

/**
 * `new RegExp(...)` sites per file and how each was audited (sources dumped at run time on 2026-11-30, checked
 * with recheck and the pump below). A changed count means a site was added or removed: audit it, then update.
 */
const DYNAMIC_SITES: Record<string, number> = {
  'guardrails/pii/context.ts': 1, // literal keyword alternation, linear
  'guardrails/pii/numerals.ts': 2, // a class, and digit runs whose repeats cannot overlap (a run under 7 fails within 13 characters)
  // PLACEHOLDER_PATTERN (each name part starts with a different character, every repeat bounded), OPEN_PREFIX
  // (anchored, bounded), a zero-width class, and the anchored split of a held-back tail (under 110 characters).
  // Pumped 2 KB x8 against 16 KB with bracket, entity, \u003c, letter, digit and zero-width runs: under 2 ms.
  'guardrails/pii/operators/placeholder-syntax.ts': 4,
  // Two are quadratic on a run of accented capitals (EN_NUMBERED_STREET, HU_STREET: [A-Z\u00c0-\u00de]
  // opens where (?<![\w]) lets it, [LETTER]{2,} / + then runs to the end of the run). Reported for a fix.
  // bdb8727 added six: two word alternations used as anchors (OPENING_WORD_ANCHOR, ADDRESS_CUE_ANCHOR: literal
  // words, linear) and four sticky ('y') copies of audited sources, each tried once at an anchor hit, so a text
  // costs at most what the global scan of the same source cost.
  'guardrails/pii/recognizers/address.ts': 17,
  'guardrails/pii/recognizers/cn-resident-id.ts': 1, // bounded
  'guardrails/pii/recognizers/date-of-birth.ts': 2, // bounded \s+ between literal words, linear
  'guardrails/pii/recognizers/dictionary-matcher.ts': 1, // literal alternation
  'guardrails/pii/recognizers/person.ts': 2, // checked by pump: linear
  'guardrails/pii/recognizers/phone-validity.ts': 5, // libphonenumber's anchored, bounded patterns on a candidate number
  'guardrails/pii/recognizers/secrets.ts': 3, // sticky, every quantifier bounded
  'guardrails/rules/regex-safety.ts': 2, // operator regexes, vetted by checkRegexSafety itself
  'guardrails/rules/rule-set.ts': 1, // operator regexes, vetted by checkRegexSafety at load
  // HOMOGLYPH_RE and its test copy (character classes), PINYIN_RE, PINYIN_WORDS_RE and PINYIN_IN_CHINESE_RE (literal
  // word alternations between a lookbehind/\b and a lookahead: no repeat), and TAG_IN_WORD_RE, its test copy and
  // TAG_AT_WORD_END_RE ('(?:TAG)+' of inline tags: each tag starts at '<', ends at '>', and its attributes are
  // [^<>]{0,80}, so repeats cannot overlap and backtracking is bounded; a start needs a letter just before '<').
  // Dumped at run time and pumped 2 KB x8 against 16 KB ('<', 'a<', '<b>', 'a<b>', '<span ', '<b ', spaced pinyin,
  // letters, spaces, each bare, with a failing tail or a letter after): every 16 KB run under 1 ms.
  'guardrails/text-model/evasion.ts': 8,
};

const FIXED_PUMPS = [' ', 'a', 'A', '1', '.', '-', '_', '\t', '\n', '中', '@', ':', '/', '=', ',', "'", '0', 'x', '+', '#', '%', '$', '[', '"', '?', 'É', 'Þ', '\u00a0', '\u3000', '\uDB40\uDC41', '\uFE0F'];
const PAIRS = ['a ', 'A ', '1 ', 'a.', 'aA', 'a-', '1-', ' \n', 'a1', 'a,', 'Aa', '1.', 'a\t', 'A.', 'aÉ', '[[', '[[a:', '${A:-'];

/** Pumped strings: runs of one character or a short pattern, bare or ending in a character that fails the match; and literal words of the pattern followed by runs. */
function attacks(re: Literal, length: number): string[] {
  const pumps = [...FIXED_PUMPS];
  for (const m of re.source.matchAll(/\\u([0-9a-fA-F]{4})/g)) pumps.push(String.fromCharCode(parseInt(m[1]!, 16)));
  const out: string[] = [];
  for (const p of [...pumps, ...PAIRS]) {
    const run = p.repeat(Math.ceil(length / p.length));
    out.push(run + '\u0000!', run);
  }
  const words = re.source
    .replace(/\\[dwsDWSbB]/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .split(/[()|*+?{}^$\\[\]]+/)
    .filter((w) => w.length >= 3);
  for (const w of new Set(words.slice(0, 6))) for (const c of [' ', 'a', 'A', '1', '\t']) out.push(w + c.repeat(length) + '\u0000!');
  return out;
}

/** The large input is this many times the small one; the small one is timed this many times back to back. */
const SIZE_FACTOR = 8;
/**
 * Wall-clock limit of one regex's whole attack run. The slowest linear ones take ~0.85 s on a quiet host; a cubic
 * one at 16 KB takes hours. 4 s was passed under a heavily loaded full-suite run (address.ts CLAUSE, 0.46 s quiet).
 */
const VM_BUDGET_MS = 30_000;
/** Large time over the repeated small time: ~1 when linear, ~SIZE_FACTOR when quadratic. */
const MAX_GROWTH = 4;

/** Times every attack at two sizes inside a vm with a budget; returns the worst growth. */
const RUNNER = `
  const run = (s) => {
    if (re.global) { re.lastIndex = 0; for (const _ of s.matchAll(re)); }
    else if (re.sticky) { re.lastIndex = 0; re.test(s); }
    else re.test(s);
  };
  const time = (s, reps) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) { const t = now(); for (let r = 0; r < reps; r++) run(s); best = Math.min(best, now() - t); }
    return best;
  };
  result = { ratio: 0, small: 0, large: 0, input: '' };
  for (let i = 0; i < small.length; i++) {
    if (time(small[i], 1) < 0.1) continue; // linear work on 2 KB is far below this
    const a = time(small[i], SIZE_FACTOR);
    const b = time(large[i], 1);
    if (b > 25 && b / a > result.ratio) result = { ratio: b / a, small: a, large: b, input: small[i].slice(0, 12) };
  }`;

function growth(lit: Literal): { ratio: number; small: number; large: number; input: string } | 'timeout' {
  const context = vm.createContext({
    re: new RegExp(lit.source, lit.flags),
    small: attacks(lit, 2048),
    large: attacks(lit, 2048 * SIZE_FACTOR),
    SIZE_FACTOR,
    now: () => performance.now(),
    result: undefined,
  });
  try {
    vm.runInContext(RUNNER, context, { timeout: VM_BUDGET_MS });
  } catch {
    return 'timeout';
  }
  return context.result as { ratio: number; small: number; large: number; input: string };
}

const allowed = (lit: Literal) => ALLOWED.some((a) => a.file === lit.file && a.source === lit.source);

describe('built-in regexes are safe from catastrophic backtracking', () => {
  const { literals, dynamic } = scan();

  it('finds the regex literals', () => {
    expect(literals.length).toBeGreaterThan(250);
  });

  it('every allow-list entry still names a regex in the tree', () => {
    const stale = ALLOWED.filter((a) => !literals.some((l) => l.file === a.file && l.source === a.source));
    expect(stale).toEqual([]);
  });

  it('has no nested unbounded quantifier (star height > 1)', () => {
    const nested = literals.filter((l) => !allowed(l) && findNestedQuantifier(l.source) !== undefined).map((l) => `${l.file}:${l.line} /${l.source}/`);
    expect(nested).toEqual([]);
  });

  it('grows linearly on pumped adversarial inputs, as the code runs each regex', () => {
    const bad: string[] = [];
    for (const lit of literals) {
      if (allowed(lit)) continue;
      let g = growth(lit);
      // Confirm once: a GC pause or a busy neighbour can slow one large run.
      if (g === 'timeout' || g.ratio > MAX_GROWTH) g = growth(lit);
      if (g === 'timeout') bad.push(`${lit.file}:${lit.line} /${lit.source}/${lit.flags}: over the ${VM_BUDGET_MS / 1000} s vm budget on a 2-16 KB input`);
      else if (g.ratio > MAX_GROWTH) {
        bad.push(`${lit.file}:${lit.line} /${lit.source}/${lit.flags}: 2 KB x${SIZE_FACTOR} ${g.small.toFixed(1)} ms, 16 KB ${g.large.toFixed(1)} ms on ${JSON.stringify(g.input)}...`);
      }
    }
    expect(bad).toEqual([]);
  }, 600_000);

  it('every new RegExp(...) site was audited', () => {
    expect(Object.fromEntries([...dynamic].sort())).toEqual(DYNAMIC_SITES);
  });
});
