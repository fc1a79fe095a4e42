/**
 * Per-request pseudonymisation state. Each distinct (type, value) gets `<TYPE_n>`, numbered per type in order
 * of first appearance and stable for the whole request (every message, input and output). The mapping lives
 * only in this object's memory: it is never logged, persisted or sent anywhere, and `clear()` wipes it.
 */
import { digitsOf, normalize } from '../../core/normalize.js';
import { asciiDigitRuns } from '../numerals.js';
import { StreamRestorer } from './stream-restorer.js';
import { canonicalPlaceholderName, hasPlaceholderOpener, mayBecomePlaceholder, PLACEHOLDER_PATTERN, replacePlaceholders } from './placeholder-syntax.js';

export { PLACEHOLDER_PATTERN } from './placeholder-syntax.js';

/** Equal values written differently (`138 0013 8000` vs `13800138000`, full-width, 一三八…) share a placeholder. */
function canonical(type: string, value: string): string {
  const n = asciiDigitRuns(normalize(value).text);
  return `${type}\u0000${/\d/.test(n) && !/[\u4e00-\u9fff]/.test(n) ? digitsOf(n).toLowerCase() : n}`;
}

export interface PiiSessionOptions {
  /**
   * The number of each type's first placeholder (default 1). A request that continues a conversation the
   * provider stores (the Responses API's `previous_response_id`) starts at a random one, so its names do not
   * repeat an earlier turn's, which the model may still quote and which must not be restored to this turn's values.
   */
  firstNumber?: number;
}

export class PiiSession {
  private readonly counters = new Map<string, number>();
  private readonly firstNumber: number;
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  /** Texts seen in this request, so a placeholder that the user typed literally is never issued. */
  private readonly reserved = new Set<string>();
  /** Canonical names of the placeholders issued (reversible or not). */
  private readonly issued = new Set<string>();
  /** Canonical values the caller sent in this request (pseudonymized or allowed through). */
  private readonly sent = new Set<string>();

  constructor(options: PiiSessionOptions = {}) {
    this.firstNumber = options.firstNumber ?? 1;
  }

  /** Registers user text so that placeholders it already contains are skipped when numbering. */
  reserveFrom(text: string): void {
    PLACEHOLDER_PATTERN.lastIndex = 0;
    for (const m of text.matchAll(PLACEHOLDER_PATTERN)) this.reserved.add(canonicalPlaceholderName(m[1]!));
  }

  /**
   * The placeholder for a value, issuing the next number for its type on first sight. Only `reversible`
   * placeholders (pseudonymize) are registered for `restore`; plain `placeholder` ones share the numbering
   * but are never turned back into the value.
   */
  placeholderFor(type: string, value: string, reversible = true): string {
    const key = canonical(type, value);
    const existing = this.byValue.get(key);
    if (existing) {
      const name = canonicalPlaceholderName(existing.slice(1, -1));
      // Restore to the first spelling seen; a later, differently formatted copy maps to the same value.
      if (reversible && !this.byPlaceholder.has(name)) this.byPlaceholder.set(name, value);
      return existing;
    }
    let n = this.counters.get(type) ?? this.firstNumber - 1;
    let name: string;
    // Names are compared as a model may re-type them (canonicalPlaceholderName): two issued names never read alike.
    do {
      n += 1;
      name = `${type}_${n}`;
    } while (this.reserved.has(canonicalPlaceholderName(name)) || this.issued.has(canonicalPlaceholderName(name)));
    this.counters.set(type, n);
    const placeholder = `<${name}>`;
    this.byValue.set(key, placeholder);
    this.issued.add(canonicalPlaceholderName(name));
    if (reversible) this.byPlaceholder.set(canonicalPlaceholderName(name), value);
    return placeholder;
  }

  /**
   * Records the values found in the request's input, so that output findings can be split into values the
   * user sent (echoed back: fine) and values they did not (leaked from the model: act on them).
   */
  noteSent(text: string, findings: ReadonlyArray<{ start: number; end: number; type?: string; category: string }>): void {
    for (const f of findings) this.sent.add(canonical(f.type ?? f.category, text.slice(f.start, f.end)));
  }

  wasSent(type: string, value: string): boolean {
    return this.sent.has(canonical(type, value));
  }

  /** Output findings whose values the user did not send in this request: personal data the model leaked. */
  leakedFindings<F extends { start: number; end: number; type?: string; category: string }>(outputText: string, findings: readonly F[]): F[] {
    return findings.filter((f) => !this.wasSent(f.type ?? f.category, outputText.slice(f.start, f.end)));
  }

  /** Original value of a placeholder name (`PHONE_NUMBER_1`), if this session issued it. */
  valueOf(name: string): string | undefined {
    return this.byPlaceholder.get(canonicalPlaceholderName(name));
  }

  /** Number of restorable (pseudonymized) values. */
  get size(): number {
    return this.byPlaceholder.size;
  }

  /**
   * Replaces every placeholder this session issued with its original value; unknown ones stay as they are. A value
   * whose placeholder was written HTML- or Unicode-escaped (`&lt;PHONE_1&gt;`, `\u003cPHONE_1\u003e`) goes back
   * escaped the same way; `json`: the text is JSON source, every value goes back JSON-escaped.
   */
  restore(text: string, json = false): string {
    if (this.byPlaceholder.size === 0 || !hasPlaceholderOpener(text)) return text;
    return replacePlaceholders(text, (name) => this.valueOf(name), json);
  }

  /**
   * Whether `tail`, from an opener to the end of the text so far, may still become a placeholder this session
   * would restore: what a stream must hold back rather than release (`<PHO`, `&lt;email `, but not `< not a name`).
   */
  mayBecomePlaceholder(tail: string): boolean {
    return this.byPlaceholder.size > 0 && mayBecomePlaceholder(tail, this.byPlaceholder.keys());
  }

  /** A restorer for one streamed answer (one per choice): handles placeholders split across chunks. */
  createStreamRestorer(): StreamRestorer {
    return new StreamRestorer((text) => this.restore(text), (tail) => this.mayBecomePlaceholder(tail));
  }

  /** Restores an async stream of text deltas. */
  async *restoreStream(deltas: AsyncIterable<string>): AsyncGenerator<string> {
    const restorer = this.createStreamRestorer();
    for await (const delta of deltas) {
      const out = restorer.push(delta);
      if (out) yield out;
    }
    const rest = restorer.flush();
    if (rest) yield rest;
  }

  /** Forget every mapping (end of request). */
  clear(): void {
    this.counters.clear();
    this.byValue.clear();
    this.byPlaceholder.clear();
    this.reserved.clear();
    this.issued.clear();
    this.sent.clear();
  }
}

export function createPiiSession(options?: PiiSessionOptions): PiiSession {
  return new PiiSession(options);
}
