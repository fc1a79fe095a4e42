import { z } from 'zod';
import { normalize } from '../core/normalize.js';
import { asciiDigitRuns } from './numerals.js';
import type { DetectContext, Detector, Finding } from '../core/types.js';
import { ContextMatcher, mergeContext, scoreWithContext, type ContextIndex } from './context.js';
import { BUILTIN_RECOGNIZERS } from './recognizers/index.js';
import { commonCapitalsOnly, RULES_MAY, TAGGER_MAY } from './recognizers/names-gate.js';
import type { DictionaryHit } from './recognizers/dictionary-matcher.js';
import { resolveOverlaps } from './resolve.js';
import { sensitivityTable } from './sensitivity.js';
import { ENTITY_TYPES, SECRET_TYPES, scanSixDigitRuns, type Candidate, type EntityType, type Recognizer, type TextFacts } from './types.js';
import { scanDictionaries } from './zh/scan.js';

/**
 * V8 compiles typed-array reads on the assumption that no ArrayBuffer in the process has ever been detached, and when
 * the first one is (a process-wide protector) it deoptimizes every function compiled on it. In the gateway that
 * happens at the first upstream answer (Response.text() / .json() detach one); in bench:pii, during a peer's warm-up.
 * Most of the detector's hot functions read typed arrays: all were deoptimized at once and recompiled, and the next
 * pass over the bench records took 3-4x its steady CPU (359 and 146 ms, then ~65). Detaching one buffer of our own
 * when this module loads settles the assumption before anything here is compiled; the steady state is the one those
 * processes reach anyway.
 */
const settledBuffer = new ArrayBuffer(8);
structuredClone(settledBuffer, { transfer: [settledBuffer] });

const entityType = z.enum(ENTITY_TYPES);
const contextWordsSchema = z.object({ positive: z.array(z.string().min(1)).optional(), negative: z.array(z.string().min(1)).optional() }).strict();

export const piiOptionsSchema = z
  .object({
    /** Only report these types (default: all). */
    entities: z.array(entityType).optional(),
    /** Never report these types. */
    exclude: z.array(entityType).optional(),
    /** Findings scoring below this are dropped. */
    minScore: z.number().min(0).max(1).default(0.5),
    /** Override the default sensitivity grade of a type. */
    sensitivity: z.partialRecord(entityType, z.enum(['sensitive', 'personal', 'none'])).optional(),
    /** Extra context words per type (added to the built-in EN + ZH lists). */
    context: z.partialRecord(entityType, contextWordsSchema).optional(),
    /** Exact values that are never reported (company hotline, support mailbox …). */
    allowList: z.array(z.string()).optional(),
  })
  .strict();

export type PiiOptions = z.input<typeof piiOptionsSchema>;

/**
 * Any upper-case letter (all cased scripts). Chinese text has none, so the Latin-name, organisation, place and
 * IBAN scans are skipped on it (the old test, "ASCII capital or any non-ASCII character", ran them on every
 * Chinese text).
 */
const UPPER_CASE = /\p{Lu}/u;
/** `:` or `-`: the separators of a MAC address's colon/dash form. */
const isMacSeparator = (c: number) => c === 58 || c === 45;
/** ASCII codes that change no fact outside a digit chain: all but digits, A–Z, `@`, `:`, `-`, `.`, `_` and `=`. */
const PLAIN = new Uint8Array(128);
for (let c = 0; c < 128; c++) PLAIN[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 64 || c === 58 || c === 45 || c === 46 || c === 95 || c === 61 ? 0 : 1;
/** Combining marks (the diacritical blocks): never the first unit after a span's end. */
const isMarkCode = (c: number): boolean =>
  (c >= 0x300 && c <= 0x36f && c !== 0x34f) || (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
/** More A-Z capitals than this: no names gate (it reads each one; such texts mostly hold names anyway). */
const MAX_GATED_CAPITALS = 16;
/** From this length on, the facts come from the cluster pass (regexes) instead of the character loop. */
const LONG_TEXT = 1024;
/** Digits joined by at most one space, dash or dot between two of them. */
const DIGIT_CLUSTER = /\d(?:[ \-.]?\d)*/g;
const ASCII_UPPER = /[A-Z]/;
const CJK = /[\u3400-\u9fff]/;
/**
 * False for BMP ranges with no upper-case letter (\p{Lu}): Latin-1 punctuation and symbols, general punctuation,
 * CJK radicals / symbols / punctuation / kana / enclosed and compatibility forms, CJK ideographs, Yi, Hangul
 * syllables, CJK compatibility forms, full-width forms other than Ａ–Ｚ. Chinese text is made of these (。、《》
 * “” …), so it no longer pays for a \p{Lu} scan; any other non-ASCII character might be an upper-case letter
 * (settled by \p{Lu}). test/unit/pii/detector.test.ts checks every BMP code unit against \p{Lu}.
 */
export const mayBeUpperCase = (c: number): boolean =>
  !((c >= 0x80 && c <= 0xbf) || (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff20) || (c >= 0xff3b && c <= 0xffef));
/** A non-ASCII character for which mayBeUpperCase holds (the same ranges): the long-text path's test. */
export const OTHER_NON_ASCII = /[^\x00-\xbf\u2000-\u206f\u2e80-\u9fff\ua000-\ua4cf\uac00-\ud7a3\ufe30-\ufe4f\uff00-\uff20\uff3b-\uffef]/;

/**
 * Facts about one text, from one pass over its character codes. `lower` and `context` are computed on first
 * use only: the context index (one scan of the whole text for ~200 EN/ZH words) is needed only when some
 * candidate or gate consults it, and many texts (no digits, no names) produce none.
 */
class Facts implements TextFacts {
  // Set by the constructor or clusterPass (both assign every one).
  hasDigit!: boolean;
  digitCount!: number;
  longestDigitRun!: number;
  longestDigitChain!: number;
  longestDottedDigitChain!: number;
  mostChainJoins!: number;
  mostChainDots!: number;
  hasAt!: boolean;
  macHint!: boolean;
  hasCjk!: boolean;
  hasUpper!: boolean;
  tokenHint!: boolean;
  assignmentSeparator!: boolean;
  /**
   * No character that lower-casing changes (no ASCII capital, and every other character in the ranges where
   * mayBeUpperCase is false: none of those has a lower-case mapping, checked over the BMP in
   * test/unit/pii/detector.test.ts): `lower` is the text itself, without a toLowerCase call (on Chinese text a
   * copy made through the runtime).
   */
  private lowerIsText!: boolean;
  private lowerText: string | undefined;
  private contextIndex: ContextIndex | undefined;
  private zhHits: DictionaryHit[][] | undefined;
  private digitRuns: number[] | undefined;
  /** Where the names gate starts reading (the first A-Z capital), or -1 when it cannot apply (names-gate.ts). */
  private gateFrom!: number;

  constructor(
    private readonly text: string,
    readonly contextGate: boolean,
    readonly minScore: number,
    private readonly matcher: ContextMatcher,
  ) {
    if (text.length >= LONG_TEXT) {
      this.clusterPass(text);
      return;
    }
    let digits = 0;
    let at = false;
    let macHint = false;
    let tokenHint = false;
    let separator = false;
    let cjk = false;
    let asciiUpper = false;
    let capitals = 0;
    let firstCapital = 0;
    // A non-ASCII character that mayBeUpperCase might be an upper-case letter: settled by \p{Lu} below.
    let otherNonAscii = false;
    // Digit runs and chains (digits joined by at most one space/dash, or space/dash/dot, between two of them).
    let run = 0;
    let maxRun = 0;
    let chain = 0;
    let maxChain = 0;
    let dotted = 0;
    let maxDotted = 0;
    let prevDigit = false;
    let chainJoin = false;
    let dottedJoin = false;
    // Joiners (and dots among them) in the current dotted chain; the joiner after the last digit is a dot.
    let joins = 0;
    let maxJoins = 0;
    let dots = 0;
    let maxDots = 0;
    let joinDot = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Outside a digit chain (no digit or joiner just before), most characters change no fact: ASCII other than
      // digits, capitals, @ : - . (PLAIN), and ideographs, which only set hasCjk. The loop below would do the same
      // for them after ~8 tests; test/unit/pii/text-facts.test.ts compares every fact with the loop without this.
      if (!prevDigit && !dottedJoin) {
        if (c < 128) {
          if (PLAIN[c] === 1) continue;
        } else if (c >= 0x3400 && c <= 0x9fff) {
          cjk = true;
          continue;
        }
      }
      if (c >= 48 && c <= 57) {
        digits++;
        if (++run > maxRun) maxRun = run;
        chain = prevDigit || chainJoin ? chain + 1 : 1;
        if (chain > maxChain) maxChain = chain;
        dotted = prevDigit || dottedJoin ? dotted + 1 : 1;
        if (dotted > maxDotted) maxDotted = dotted;
        if (!prevDigit) {
          if (dottedJoin) {
            if (++joins > maxJoins) maxJoins = joins;
            if (joinDot && ++dots > maxDots) maxDots = dots;
          } else {
            joins = 0;
            dots = 0;
          }
        }
        prevDigit = true;
        chainJoin = false;
        dottedJoin = false;
        continue;
      }
      if (prevDigit) {
        // Right after a digit: a joiner may continue the chain (one character only).
        run = 0;
        chainJoin = c === 32 || c === 45;
        dottedJoin = chainJoin || c === 46;
        joinDot = c === 46;
        prevDigit = false;
      } else if (dottedJoin) {
        chainJoin = false;
        dottedJoin = false;
      }
      if (c < 128) {
        if (c >= 65 && c <= 90) {
          if (!asciiUpper) firstCapital = i;
          capitals++;
          asciiUpper = true;
          // Two capitals in a row (AKIA…, LTAI, AIza, -----BEGIN) or `eyJ`: see TextFacts.tokenHint.
          if (!tokenHint && i > 0) {
            const p = text.charCodeAt(i - 1);
            if ((p >= 65 && p <= 90) || (c === 74 && p === 121 && i > 1 && text.charCodeAt(i - 2) === 101)) tokenHint = true;
          }
        } else if (c === 64) at = true;
        else if (c === 58 || c === 45) {
          // A separator with two more 3 and 6 characters before it (`:hh:hh:` / `-hh-hh-`).
          if (i >= 6 && isMacSeparator(text.charCodeAt(i - 3)) && isMacSeparator(text.charCodeAt(i - 6))) macHint = true;
          if (c === 58) separator = true;
          // `sk-`, `xox?-` (TextFacts.tokenHint).
          else if (i >= 2 && ((text.charCodeAt(i - 1) === 107 && text.charCodeAt(i - 2) === 115) || (i >= 4 && text.charCodeAt(i - 2) === 120 && text.charCodeAt(i - 3) === 111 && text.charCodeAt(i - 4) === 120))) tokenHint = true;
        } else if (c === 46) {
          if (i >= 5 && text.charCodeAt(i - 5) === 46) macHint = true; // `.hhhh.`
        } else if (c === 95) tokenHint = true;
        else if (c === 61) separator = true;
      } else if (c >= 0x3400 && c <= 0x9fff) cjk = true;
      else if (c === 0xff1a) separator = true; // `：` (mayBeUpperCase is false for it)
      else if (!otherNonAscii && mayBeUpperCase(c)) otherNonAscii = true;
    }
    this.digitCount = digits;
    this.longestDigitRun = maxRun;
    this.longestDigitChain = maxChain;
    this.longestDottedDigitChain = maxDotted;
    this.mostChainJoins = maxJoins;
    this.mostChainDots = maxDots;
    this.hasDigit = digits > 0;
    this.hasAt = at;
    this.macHint = macHint;
    this.tokenHint = tokenHint;
    this.assignmentSeparator = separator;
    this.hasCjk = cjk;
    this.hasUpper = asciiUpper || (otherNonAscii && UPPER_CASE.test(text));
    this.lowerIsText = !asciiUpper && !otherNonAscii;
    // The names gate reads A-Z capitals only: none of another script may be upper-case (otherNonAscii false).
    this.gateFrom = !otherNonAscii && capitals <= MAX_GATED_CAPITALS ? firstCapital : -1;
  }

  /**
   * names-gate.ts's bits (RULES_MAY, TAGGER_MAY): which of the names family may find something. Not cached: the
   * detector asks once per text, and only when it runs the names family.
   */
  nameBits(): number {
    if (this.hasCjk || (this.hasUpper && this.gateFrom < 0)) return RULES_MAY | TAGGER_MAY;
    return this.hasUpper ? commonCapitalsOnly(this.text, this.gateFrom, this.minScore) : 0;
  }

  get mayHoldName(): boolean {
    return (this.nameBits() & RULES_MAY) !== 0;
  }

  get mayTagName(): boolean {
    return (this.nameBits() & TAGGER_MAY) !== 0;
  }

  /**
   * The same facts for a long text: digits come in clusters (DIGIT_CLUSTER: digits joined by at most one space,
   * dash or dot), which V8 finds fast, and only their characters are read; the other facts are one regex test
   * each (stopping at the first hit). ~1.5x faster on 8 KB documents, slower on short texts (per-call costs).
   */
  private clusterPass(text: string): void {
    let digits = 0;
    let maxRun = 0;
    let maxChain = 0;
    let maxDotted = 0;
    let maxJoins = 0;
    let maxDots = 0;
    DIGIT_CLUSTER.lastIndex = 0;
    for (let m = DIGIT_CLUSTER.exec(text); m !== null; m = DIGIT_CLUSTER.exec(text)) {
      const cluster = m[0];
      let inCluster = 0;
      let run = 0;
      let chain = 0;
      let dots = 0;
      for (let i = 0; i < cluster.length; i++) {
        const c = cluster.charCodeAt(i);
        if (c >= 48 && c <= 57) {
          inCluster++;
          if (++run > maxRun) maxRun = run;
          if (++chain > maxChain) maxChain = chain;
        } else {
          run = 0;
          // A space or dash keeps the (space/dash) chain going; a dot only the dotted one (the whole cluster).
          if (c === 46) {
            chain = 0;
            dots++;
          }
        }
      }
      digits += inCluster;
      if (inCluster > maxDotted) maxDotted = inCluster;
      // A cluster is one dotted chain: its other characters are its joiners.
      if (cluster.length - inCluster > maxJoins) maxJoins = cluster.length - inCluster;
      if (dots > maxDots) maxDots = dots;
    }
    this.digitCount = digits;
    this.longestDigitRun = maxRun;
    this.longestDigitChain = maxChain;
    this.longestDottedDigitChain = maxDotted;
    this.mostChainJoins = maxJoins;
    this.mostChainDots = maxDots;
    this.hasDigit = digits > 0;
    this.hasAt = text.includes('@');
    this.macHint = true; // not worked out for long texts
    this.tokenHint = true; // (nor these two)
    this.assignmentSeparator = true;
    this.hasCjk = CJK.test(text);
    const asciiUpper = ASCII_UPPER.test(text);
    const otherNonAscii = !asciiUpper && OTHER_NON_ASCII.test(text);
    this.hasUpper = asciiUpper || (otherNonAscii && UPPER_CASE.test(text));
    this.lowerIsText = !asciiUpper && !otherNonAscii;
    this.gateFrom = -1; // (long texts: not gated)
  }

  get lower(): string {
    return (this.lowerText ??= this.lowerIsText ? this.text : this.text.toLowerCase());
  }

  get context(): ContextIndex {
    return (this.contextIndex ??= this.matcher.index(this.lower, this.hasCjk));
  }

  /** The maximal runs of 6+ digits, on the first request (none without such a run: no scan). */
  sixDigitRuns(): readonly number[] {
    return (this.digitRuns ??= this.longestDigitRun >= 6 ? scanSixDigitRuns(this.text) : []);
  }

  /** One walk of the text for all the Chinese dictionary matchers, on the first request (zh/scan.ts). */
  dictionaryHits(slot: number): DictionaryHit[] | undefined {
    return (this.zhHits ??= scanDictionaries(this.text))[slot];
  }
}

/** The facts the detector computes for `text` (for tests: the character loop below LONG_TEXT, the cluster pass from it). */
export function factsOf(text: string): TextFacts {
  // One matcher for every call (building one, ~1 ms, made the differential tests that call this per text slow).
  return new Facts(text, false, 0.5, (defaultMatcher ??= new ContextMatcher({})));
}
let defaultMatcher: ContextMatcher | undefined;

/** Between two parts of one address: separators, optionally a city name and/or a two-letter region code. */
const ADDRESS_GAP = /^[\s,，]{0,6}(?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\-]+(?: [A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\-]+){0,2}[\s,]{1,6}){0,2}(?:[A-Z]{2}[\s,]{1,6})?$/;
const POSTCODE_AFTER = /^[\s,]{1,4}(?:\([A-Za-z ]{2,12}\)[\s,]{1,3})?(?:[A-Z]{2}[\s,]{1,4})?\d{4,6}(?![\d])/;

/**
 * An address is one thing: a street line followed by its unit, city, region, country and postcode
 * (`… Street\n Suite 680\n Kissousa\n Cyprus 36…`). Adjacent ADDRESS/LOCATION findings that continue an
 * ADDRESS are merged into it, and a trailing postcode is absorbed.
 */
function mergeAddressParts<T extends Candidate>(text: string, sorted: T[]): T[] {
  const out: T[] = [];
  for (const c of sorted) {
    const last = out.length > 0 ? out[out.length - 1] : undefined; // (no out[-1] read: see resolve.ts)
    if (last && last.type === 'ADDRESS' && (c.type === 'ADDRESS' || c.type === 'LOCATION') && ADDRESS_GAP.test(text.slice(last.end, c.start))) {
      last.end = c.end;
      last.score = Math.max(last.score, c.score);
      continue;
    }
    out.push(c);
  }
  for (const c of out) {
    if (c.type !== 'ADDRESS') continue;
    const post = POSTCODE_AFTER.exec(text.slice(c.end, c.end + 32));
    if (post) c.end += post[0].length;
  }
  // Absorbing a postcode can reach into the next finding only if that finding was a number; drop such overlaps.
  return out.filter((c, i) => i === 0 || c.start >= out[i - 1]!.end);
}

/** Above this many scored candidates the detector maps candidates to recognizers instead of searching. */
const OWNER_MAP_FROM = 64;

/** Bits of RecognizerRequires' flags, as the detector checks them. */
const AT = 1;
const UPPER = 2;
const CJK_FLAG = 4;
const DIGIT_OR_CJK = 8;
/** NAMES and TAGGABLE are names-gate.ts's RULES_MAY and TAGGER_MAY shifted by 4 (nameBits() * NAMES). */
const NAMES = RULES_MAY << 4;
const TAGGABLE = TAGGER_MAY << 4;

/** Each type's finding category (`pii.email_address`, `secret.jwt` …), built once rather than per finding. */
const CATEGORY = Object.fromEntries(ENTITY_TYPES.map((t) => [t, `${SECRET_TYPES.has(t) ? 'secret' : 'pii'}.${t.toLowerCase()}`])) as Record<EntityType, string>;

export interface PiiDetector extends Detector {
  readonly name: 'pii';
  detect(text: string, ctx?: DetectContext): Finding[];
}

/**
 * One object of each per-text class (Facts, ContextIndex, the two normalized-text classes), alive as long as the
 * module, so that their hidden classes (maps) stay alive too. V8 holds a map only weakly when no object of it exists,
 * and optimized code holds the maps it checks weakly: a GC that found no such object (a memory-reducing GC, which V8
 * runs when the process goes idle, or a few old-space GCs while it does other work) freed the maps and deoptimized
 * every function that checked one ("weak objects": detect, Facts and 23 recognize functions after one full GC), so the
 * next pass over the bench records ran in the interpreter and recompiled: ~3x its steady CPU, the one after ~1.8x.
 * Built from constant texts: no request's text is kept.
 */
let mapKeepers: readonly object[] | undefined;

/** Builds the PII detector. Throws a zod error (with a readable message) on bad options. */
export function createPiiDetector(options: PiiOptions | Record<string, unknown> = {}, recognizers: readonly Recognizer[] = BUILTIN_RECOGNIZERS): PiiDetector {
  const parsed = piiOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`invalid pii options: ${z.prettifyError(parsed.error)}`);
  const opts = parsed.data;
  const wanted = new Set<EntityType>(opts.entities ?? ENTITY_TYPES);
  for (const t of opts.exclude ?? []) wanted.delete(t);
  const active = recognizers.filter((r) => r.entityTypes.some((t) => wanted.has(t)));
  const grades = sensitivityTable(opts.sensitivity);
  const contextWords = mergeContext(opts.context);
  const contextMatcher = new ContextMatcher(contextWords);
  const allow = new Set(opts.allowList ?? []);
  const minScore = opts.minScore;
  // Context-only candidates start at ≤ 0.3; above that threshold they need a context word to survive.
  const contextGate = minScore > 0.3 && !opts.context;
  // Findings' detector names, built once rather than per finding.
  const detectorNames = new Map(active.map((r) => [r.name, `pii.${r.name}`]));
  // Each recognizer's `requires`, in typed arrays: a recognizer whose required facts a text lacks is not called.
  const needDigits = Int32Array.from(active, (r) => r.requires?.digits ?? 0);
  const needChain = Int32Array.from(active, (r) => r.requires?.digitChain ?? 0);
  const needRun = Int32Array.from(active, (r) => r.requires?.digitRun ?? 0);
  const needFlags = Uint8Array.from(
    active,
    (r) => (r.requires?.at ? AT : 0) | (r.requires?.upper ? UPPER : 0) | (r.requires?.cjk ? CJK_FLAG : 0) | (r.requires?.digitOrCjk ? DIGIT_OR_CJK : 0) | (r.requires?.names ? NAMES : 0) | (r.requires?.taggable ? TAGGABLE : 0),
  );
  // The names gate's checks run only when some active recognizer asks for them.
  const namesGated = needFlags.some((f) => (f & (NAMES | TAGGABLE)) !== 0);
  if (mapKeepers === undefined) {
    const keeper = new Facts('', contextGate, minScore, contextMatcher);
    mapKeepers = [keeper, keeper.context, normalize('a'), normalize('\uff21')];
  }

  return {
    name: 'pii',
    detect(text: string): Finding[] {
      if (text.length === 0) return [];
      const normalized = normalize(text);
      let n = normalized.text;
      let facts = new Facts(n, contextGate, minScore, contextMatcher);
      // Identifiers written in Chinese numerals: only Chinese text can hold them (same length, same offsets).
      if (facts.hasCjk) {
        const digits = asciiDigitRuns(n);
        if (digits !== n) facts = new Facts((n = digits), contextGate, minScore, contextMatcher);
      }
      const scored: Candidate[] = [];
      // The recognizer of scored[k] (a parallel array: adding a property to candidates of many shapes was a
      // megamorphic store per candidate).
      const owners: string[] = [];
      let address = false;
      const flags = (facts.hasAt ? AT : 0) | (facts.hasUpper ? UPPER : 0) | (facts.hasCjk ? CJK_FLAG : 0) | (facts.hasDigit || facts.hasCjk ? DIGIT_OR_CJK : 0) |
        (namesGated ? facts.nameBits() * NAMES : 0);
      for (let r = 0; r < active.length; r++) {
        if (facts.digitCount < needDigits[r]! || facts.longestDigitChain < needChain[r]! || facts.longestDigitRun < needRun[r]! || (flags & needFlags[r]!) !== needFlags[r]) continue;
        const recognizer = active[r]!;
        const candidates = recognizer.recognize(n, facts);
        for (let k = 0; k < candidates.length; k++) {
          const c = candidates[k]!;
          if (c.score + 0.35 < minScore || !wanted.has(c.type)) continue; // cannot reach the threshold even with context
          // Only candidates whose type has context words read the (lazily built) context index.
          const score = c.contextApplied || !contextWords[c.type] ? c.score : scoreWithContext(facts.context, c, contextWords);
          if (score < minScore) continue;
          // Candidates are fresh objects per call: annotate in place instead of copying.
          c.score = score;
          scored.push(c);
          owners.push(recognizer.name);
          if (c.type === 'ADDRESS') address = true;
        }
      }
      const findings: Finding[] = [];
      // Without an address the merge is the identity (resolved spans never overlap): skipped.
      const resolved = resolveOverlaps(scored);
      // Each kept candidate's recognizer: indexOf over a handful; a map when there are many (indexOf per finding
      // made a long list of names quadratic). First index wins, as indexOf does.
      let ownerOf: Map<Candidate, string> | undefined;
      if (scored.length > OWNER_MAP_FROM) {
        ownerOf = new Map();
        for (let k = 0; k < scored.length; k++) if (!ownerOf.has(scored[k]!)) ownerOf.set(scored[k]!, owners[k]!);
      }
      for (const c of address ? mergeAddressParts(n, resolved) : resolved) {
        const [start, mappedEnd] = normalized.toOriginal(c.start, c.end);
        // Marks that did not compose with the span's last letter (`x\u0301\u0302`) belong to it: a span ending
        // before them would leave them hanging on the replacement.
        let end = mappedEnd;
        while (end < text.length && isMarkCode(text.charCodeAt(end))) end++;
        if (allow.size > 0 && allow.has(text.slice(start, end))) continue;
        // Resolution keeps the candidate objects themselves (a handful per text): find each one's recognizer.
        const recognizerName = ownerOf ? ownerOf.get(c)! : owners[scored.indexOf(c)]!;
        const finding: Finding = {
          detector: detectorNames.get(recognizerName) ?? `pii.${recognizerName}`,
          category: CATEGORY[c.type],
          type: c.type,
          start,
          end,
          score: Math.round(c.score * 1000) / 1000,
          sensitivity: grades[c.type],
        };
        // Assigned rather than spread from a temporary object (one allocation less per finding); same key order.
        if (c.validator) finding.meta = { validator: c.validator };
        findings.push(finding);
      }
      return findings;
    },
  };
}
