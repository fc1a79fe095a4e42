/**
 * Load-time check of operator-supplied regexes against catastrophic backtracking (ReDoS).
 *
 * Two layers, because neither alone is enough:
 *  1. static: nested unbounded quantifiers (`(a+)+`, `(\w*\s?)*`) — star height > 1 — are rejected outright;
 *  2. dynamic: the regex runs against adversarial inputs built from its own characters (pumped strings
 *     ending in a character that forces a failed match) inside a `vm` context with a CPU-time budget, which
 *     catches overlapping alternations (`(a|a)*`) and polynomial blow-ups (`.*.*.*x`) the static pass misses.
 * A regex that passes is safe for the gateway's text sizes; the rules detector also caps scanned length.
 */
import vm from 'node:vm';

export const ALLOWED_REGEX_FLAGS = /^[imsu]*$/;

export interface RegexCheck {
  ok: boolean;
  reason?: string;
}

const UNBOUNDED = /^(\*|\+|\{\d+,\})\??/;
const ANY_QUANTIFIER = /^(\*|\+|\?|\{\d+(,\d*)?\})\??/;

/** Static pass: finds a group quantified without bound whose body already repeats without bound. */
export function findNestedQuantifier(pattern: string): string | undefined {
  // One frame per open group: does its body contain an unbounded quantifier?
  const frames: { start: number; repeats: boolean }[] = [{ start: -1, repeats: false }];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    let atomEnd = i + 1;
    let closedGroup: { start: number; repeats: boolean } | undefined;
    if (ch === '\\') {
      atomEnd = i + 2;
    } else if (ch === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (ch === '(') {
      frames.push({ start: i, repeats: false });
      i++;
      if (pattern[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        i++;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          while (i < pattern.length && pattern[i] !== '>') i++;
        }
        i++;
      }
      continue;
    } else if (ch === ')') {
      closedGroup = frames.length > 1 ? frames.pop() : undefined;
    }
    const rest = pattern.slice(atomEnd);
    const quantifier = ANY_QUANTIFIER.exec(rest);
    const unbounded = quantifier !== null && UNBOUNDED.test(rest);
    const frame = frames[frames.length - 1]!;
    if (closedGroup) {
      if (unbounded && closedGroup.repeats) {
        return `nested unbounded quantifier in "${pattern.slice(closedGroup.start, atomEnd + quantifier![0].length)}"`;
      }
      frame.repeats = frame.repeats || closedGroup.repeats || unbounded;
    } else if (unbounded) {
      frame.repeats = true;
    }
    i = atomEnd + (quantifier ? quantifier[0].length : 0);
  }
  return undefined;
}

/** Characters the regex itself talks about: the inputs most likely to make it backtrack. */
function pumpCharacters(pattern: string): string[] {
  const chars = new Set<string>();
  const classReps: Record<string, string> = { d: '1', w: 'a', s: ' ', D: 'a', W: '!', S: 'a', b: '', B: '' };
  for (let i = 0; i < pattern.length && chars.size < 12; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      const rep = classReps[next];
      if (rep !== undefined) {
        if (rep) chars.add(rep);
      } else if (next) chars.add(next);
      i++;
    } else if (ch === '[') {
      const first = pattern[i + 1] === '^' ? '!' : pattern[i + 1] === '\\' ? (classReps[pattern[i + 2] ?? ''] ?? pattern[i + 2]) : pattern[i + 1];
      if (first) chars.add(first);
    } else if (ch === '.') {
      chars.add('a');
    } else if (!'()[]{}|*+?^$'.includes(ch)) {
      chars.add(ch);
    }
  }
  if (chars.size === 0) chars.add('a');
  return [...chars];
}

/**
 * Runs of literal characters in the pattern ("secret:" in /secret:\s*.*\s*end/): a pump behind such a word
 * reaches quantifiers that only start after it, which bare pumped runs never do.
 */
function literalWords(pattern: string): string[] {
  const words = new Set<string>();
  let word = '';
  const flush = () => {
    if (word.length >= 2) words.add(word);
    word = '';
  };
  for (let i = 0; i < pattern.length && words.size < 6; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      i++;
      if (/[^A-Za-z0-9]/.test(next)) word += next;
      else flush();
    } else if (ch === '[') {
      flush();
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
    } else if ('(){}|*+?^$.'.includes(ch)) {
      // A quantified last character is optional or repeated: leave it out of the word.
      if ('*?{'.includes(ch)) word = word.slice(0, -1);
      flush();
    } else word += ch;
  }
  flush();
  return [...words];
}

function adversarialInputs(pattern: string): string[] {
  const pumps = pumpCharacters(pattern);
  const inputs: string[] = [];
  const tail = '\u0000!';
  for (const word of literalWords(pattern)) {
    for (const c of pumps) inputs.push(word + c.repeat(3000) + tail);
  }
  for (const length of [28, 3000]) {
    for (const c of pumps) inputs.push(c.repeat(length) + tail);
    const mixed = pumps.join('');
    inputs.push(mixed.repeat(Math.ceil(length / mixed.length)) + tail);
    for (let a = 0; a < pumps.length && a < 6; a++) {
      for (let b = a + 1; b < pumps.length && b < 6; b++) inputs.push((pumps[a]! + pumps[b]!).repeat(length / 2) + tail);
    }
  }
  return inputs;
}

/** Full check: syntax, flags, static nesting, then a timed run on adversarial inputs. */
export function checkRegexSafety(pattern: string, flags = '', budgetMs = 100): RegexCheck {
  if (!ALLOWED_REGEX_FLAGS.test(flags)) return { ok: false, reason: `unsupported flags "${flags}" (allowed: i, m, s, u)` };
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern, flags + 'g');
  } catch (error) {
    return { ok: false, reason: `invalid regex: ${(error as Error).message}` };
  }
  if (compiled.test('')) return { ok: false, reason: 'regex matches the empty string' };
  const nested = findNestedQuantifier(pattern);
  if (nested) return { ok: false, reason: `catastrophic backtracking risk: ${nested}` };
  const context = vm.createContext({ re: new RegExp(pattern, flags), inputs: adversarialInputs(pattern) });
  // Judged on this process's CPU time, not wall time: on a loaded host (a gateway starting beside other work, a
  // parallel test run) a safe regex's ~1-5 ms run can take over the budget in wall time, and a config holding it
  // would fail to load. The vm's wall-clock timeout, WALL_FACTOR times the budget, only stops a run that never ends.
  const started = process.cpuUsage();
  try {
    vm.runInContext('for (const s of inputs) re.test(s)', context, { timeout: budgetMs * WALL_FACTOR });
  } catch {
    return { ok: false, reason: `catastrophic backtracking: adversarial input took over ${budgetMs * WALL_FACTOR} ms` };
  }
  const used = process.cpuUsage(started);
  const cpuMs = (used.user + used.system) / 1000;
  if (cpuMs > budgetMs) return { ok: false, reason: `catastrophic backtracking: adversarial input took ${cpuMs.toFixed(0)} ms of CPU (budget ${budgetMs} ms)` };
  const growth = checkGrowth(pattern, context, budgetMs);
  if (!growth.ok) return growth;
  return emptyMatchProbe(compiled, pattern);
}

/**
 * A regex that matches the empty string somewhere (`\b|secret`, `(?=key)`): empty matches are no findings and the
 * scan moves on a character, so `\b|secret` never finds "secret" (the empty `\b` wins where the word starts) — a
 * rule that loads and finds nothing. Probed, once the regex is known to be safe, on short texts made of its own
 * literal words and characters.
 */
function emptyMatchProbe(compiled: RegExp, pattern: string): RegexCheck {
  const probes = ['a', 'ab cd.', 'A1 _-,!?中文\n', pumpCharacters(pattern).join(' '), ...literalWords(pattern).map((w) => ` ${w} ${w}`)];
  for (const probe of probes) {
    for (const m of probe.matchAll(compiled)) {
      if (m[0] === '') return { ok: false, reason: 'regex matches the empty string at some positions (a lookaround, \\b or an empty alternative), where it finds nothing' };
    }
  }
  return { ok: true };
}

/**
 * Growth pass. The timed run above reads inputs of at most ~3 KB, where a regex whose time grows with the
 * square of the input passes easily, yet the gateway scans texts of megabytes: `secret.*key` took 2.1 s on a
 * 16 KB message of repeated "secret " and 53 s on 64 KB, `\d+x` 0.2 s / 3.3 s / 57 s at 16 / 64 / 256 KB of
 * digits, each a core held by one request. Each pumped unit (a character of the pattern, or one of its literal
 * words followed by one) is run as GROWTH_SMALL characters GROWTH_FACTOR times and once as GROWTH_FACTOR times
 * as many: the same work when time grows linearly, GROWTH_FACTOR times more when quadratically. A regex is
 * rejected when the long run takes over GROWTH_LIMIT times the short runs and at least GROWTH_FLOOR_MS of CPU
 * (below that, timer noise; a linear 16 KB run takes well under a millisecond).
 */
const GROWTH_SMALL = 2048;
const GROWTH_FACTOR = 8;
const GROWTH_LIMIT = 3;
const GROWTH_ROUNDS = 3;
const GROWTH_FLOOR_MS = 10;

function growthUnits(pattern: string): string[] {
  const pumps = pumpCharacters(pattern);
  const units = new Set<string>(pumps);
  units.add(pumps.join(''));
  for (const word of literalWords(pattern)) {
    units.add(`${word} `);
    for (const c of pumps.slice(0, 4)) units.add(word + c);
  }
  return [...units];
}

function checkGrowth(pattern: string, context: vm.Context, budgetMs: number): RegexCheck {
  const tail = '\u0000!';
  for (const unit of growthUnits(pattern)) {
    const small = unit.repeat(Math.ceil(GROWTH_SMALL / unit.length)).slice(0, GROWTH_SMALL) + tail;
    const large = unit.repeat(Math.ceil((GROWTH_SMALL * GROWTH_FACTOR) / unit.length)).slice(0, GROWTH_SMALL * GROWTH_FACTOR) + tail;
    context.small = small;
    context.large = large;
    context.times = GROWTH_FACTOR;
    const timed = (code: string): number | undefined => {
      const started = process.cpuUsage();
      try {
        vm.runInContext(code, context, { timeout: budgetMs * WALL_FACTOR });
      } catch {
        return undefined;
      }
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    };
    // Untimed first: V8 interprets a regex's first runs and compiles it later, which would inflate the short side.
    if (timed('re.test(small)') === undefined) {
      return { ok: false, reason: `catastrophic backtracking: a ${GROWTH_SMALL}-character input took over ${budgetMs * WALL_FACTOR} ms` };
    }
    let shortMs = timed('for (let i = 0; i < times; i++) re.test(small)');
    let longMs = timed('re.test(large)');
    // A long run that costs anything is judged on the best of GROWTH_ROUNDS measurements of each side: process CPU
    // time is inflated at random on a loaded host (a collector pause, a busy sibling core, hypervisor steal), which
    // can hide the growth (an inflated short side: CI read the quadratic \d+x as linear, twice) or fake it (an
    // inflated long side). The best of each is close to the true cost either way. Linear rules stay under the floor
    // and cost one round.
    for (let round = 1; round < GROWTH_ROUNDS && shortMs !== undefined && longMs !== undefined && longMs >= GROWTH_FLOOR_MS; round++) {
      const shortAgain = timed('for (let i = 0; i < times; i++) re.test(small)');
      const longAgain = timed('re.test(large)');
      shortMs = shortAgain === undefined ? undefined : Math.min(shortMs, shortAgain);
      longMs = longAgain === undefined ? undefined : Math.min(longMs, longAgain);
    }
    if (shortMs === undefined || longMs === undefined) {
      return { ok: false, reason: `catastrophic backtracking: a ${GROWTH_SMALL * GROWTH_FACTOR}-character input took over ${budgetMs * WALL_FACTOR} ms` };
    }
    if (longMs >= GROWTH_FLOOR_MS && longMs > GROWTH_LIMIT * shortMs) {
      return {
        ok: false,
        reason:
          `time grows faster than the text (${GROWTH_SMALL * GROWTH_FACTOR} characters took ${longMs.toFixed(0)} ms of CPU, ${GROWTH_FACTOR} × ${GROWTH_SMALL} took ${shortMs.toFixed(0)} ms): ` +
          'a long message would hold the gateway; bound the repetition that can run over the text (e.g. .{0,200} or [a-z]{1,64} instead of .* or [a-z]+)',
      };
    }
  }
  return { ok: true };
}

/** The wall-clock limit of the timed run, as a multiple of the CPU budget. */
const WALL_FACTOR = 10;
