/**
 * The streaming output guard. Generated text is held in a sliding window: each release is preceded by
 * a scan of (recent released context + everything pending), and the last `holdbackChars` stay withheld,
 * so a flagged span no longer than the holdback is always complete — and caught — before any of it is
 * sent. On a block the choice ends with a final chunk whose `finish_reason` is `content_filter` and
 * nothing of it after that; with several choices (`n`) the others go on, and the stream (usage chunk
 * included) ends as the upstream's does, unless every choice is blocked: then it ends at the last block.
 * (Responses API: `response.incomplete` with reason `content_filter`, and the stream ends.)
 * Transforms apply to released text; pseudonyms are restored as text is released, never split.
 * Tool-call arguments are buffered whole (they are not shown to a person) and guarded at their end.
 */
import type { Decision, Policy } from '../../../guardrails/policy/index.js';
import { isTransform } from '../../../guardrails/policy/index.js';
import type { GuardrailsConfig } from '../../config/sections/guardrails.js';
import type { Chunk } from '../../upstream/types.js';
import type { RequestContext, Surface } from '../types.js';
import type { Scanner } from './scanner.js';
import { applyTransforms, type PseudonymVault } from './transform.js';
import { ANSWER_ENVELOPE, CHAT_ANNOTATIONS, CHOICE_OPAQUE_KEYS, EXTRA_CONTENT, holdsText, unreadText, REASONING_FIELDS, RESPONSES_ANNOTATION, RESPONSES_ITEM, RESPONSES_PART, responseEnvelope, walkShape, type Shape } from './shapes.js';
import { noteDropped } from './dropped.js';
import { withoutStaleLogprobs, withReplacements, type Path, type TextSlot } from './texts.js';

export class StreamBlocked extends Error {
  constructor(readonly decision: Decision) {
    super('stream blocked by content policy');
  }
}

export interface StreamGuardDeps {
  surface: Surface;
  ctx: RequestContext;
  policy: Policy;
  vault: PseudonymVault;
  scanner: Scanner;
  config: GuardrailsConfig['output'];
  language: string;
  /** false: output guardrails are off, only restore pseudonyms. */
  scan?: boolean;
  /** A failing detector lets text through (otherwise the stream ends with an error event). */
  failOpen?: boolean;
  /** The request asks for its answer as JSON (json-answer.ts): pseudonyms in the answer text go back JSON-escaped. */
  jsonAnswer?: boolean;
  /** Choices the request asked for (`n`; chat and legacy completions): the stream ends once all of them are blocked. */
  choices?: number;
  /** Responses: the echoed fields the request carried (shapes.ts `sentEchoes`), relayed as settings. */
  sentEchoes?: ReadonlySet<string>;
}

const ALLOW_ALL: Decision = { stage: 'output', outcome: 'allow', acted: [], categories: [] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records output verdicts once per distinct span across overlapping window scans. */
class VerdictLedger {
  private readonly seen = new Map<string, { verdict: RequestContext['verdicts'][number]; spans: Set<string> }>();
  constructor(private readonly ctx: RequestContext) {}

  add(decision: Decision, windowStart: number, windowLength: number): void {
    for (const { finding, action } of decision.acted) {
      const key = `${finding.detector}|${finding.category}|${action}`;
      const span = finding.start === 0 && finding.end === windowLength ? 'window' : `${windowStart + finding.start}`;
      let entry = this.seen.get(key);
      if (!entry) {
        const verdict = { stage: 'output' as const, detector: finding.detector, category: finding.category, score: round(finding.score), action, count: 0 };
        this.ctx.verdicts.push(verdict);
        entry = { verdict, spans: new Set() };
        this.seen.set(key, entry);
      }
      if (finding.score > entry.verdict.score) entry.verdict.score = round(finding.score);
      if (!entry.spans.has(span)) {
        entry.spans.add(span);
        entry.verdict.count = (entry.verdict.count ?? 0) + 1;
      }
    }
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Characters past the holdback that trigger the first release. */
const FIRST_RELEASE_CHARS = 8;

/**
 * Lets the event loop run after a release: Node corks a response until the next tick, and a burst of
 * buffered upstream chunks would otherwise be processed (and flushed) as one, delaying the first token
 * and starving other requests.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Windows longer than this have their sentence scans time-sliced (ordinary windows are a few hundred characters). */
const LONG_WINDOW_CHARS = 8192;
/** Synchronous scanning one window may do before it lets the event loop serve others (as the guard stage's scanSlots). */
const SCAN_SLICE_MS = 10;

/** A sentence ends at . ! ? followed by space/quote/end, at a CJK terminator, or at a newline. */
const SENTENCE_END = /(?:[.!?](?=[\s"'”’)]|$)|[。！？\n])[\s"'”’)]*/g;

/** [start, end) of each sentence in `text` (the last one may be unfinished). */
function sentencePieces(text: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end - start >= MIN_SENTENCE_CHARS) {
      pieces.push([start, end]);
      start = end;
    }
  }
  if (start < text.length) pieces.push([start, text.length]);
  return pieces;
}

/** Characters of keys, tokens, JWTs, base64, URLs and identifiers: a run of them is one "token". */
const TOKEN_CHAR = /[A-Za-z0-9_\-.+/=:~%@?&#]/;
/** A still-growing token longer than this is released anyway (a multi-KB blob must not stall the stream). */
const MAX_HELD_TOKEN = 4096;

/**
 * Never releases part of a token that is still being generated: secrets (a JWT is recognisable only
 * once its second segment starts, 100+ characters in) stay withheld whole, however long, until they
 * end and have been scanned complete. Prose is unaffected beyond not splitting a word.
 */
function tokenSafeCut(text: string, cut: number): number {
  if (cut <= 0 || cut >= text.length || !TOKEN_CHAR.test(text[cut - 1]!) || !TOKEN_CHAR.test(text[cut]!)) return cut;
  let end = cut;
  while (end < text.length && TOKEN_CHAR.test(text[end]!)) end++;
  if (end < text.length) return cut; // the token is complete in the window: it was scanned whole
  let start = cut;
  while (start > 0 && TOKEN_CHAR.test(text[start - 1]!)) start--;
  return end - start > MAX_HELD_TOKEN ? cut : start;
}

/** Shorter "sentences" (abbreviations, list numbers) are merged into the next. */
const MIN_SENTENCE_CHARS = 12;

/** The part of `text` after its last sentence end (all of it when there is none). */
function sentenceTail(text: string): string {
  let cut = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) cut = m.index + m[0].length;
  return cut > 0 ? text.slice(cut) : text;
}

/** One stream of generated text (a chat choice, a Responses content part). */
class TextChannel {
  private pending = '';
  /** Tail of released text, pre-transform, as classifier context. */
  private context = '';
  private releasedRaw = 0;
  /** How many characters at the end of `pending` are TOKEN_CHARs (kept up to date by push). */
  private tokenRun = 0;
  /**
   * The last window's sentence pieces by where they start in the stream, with what their scans acted on: a
   * piece the next window holds again unchanged (a finished sentence still within the holdback) is not
   * scanned again. Detectors read nothing but the text, so its scan would find the same.
   */
  private pieceScans = new Map<number, { text: string; acted: Decision['acted'] }>();
  /** Everything sent to the client so far (transformed, restored). */
  released = '';

  /** `restoreAs: 'arguments'`: the text is JSON (tool-call arguments' way of restoring: values JSON-escaped). */
  constructor(
    private readonly guard: StreamGuard,
    private readonly restoreAs: 'text' | 'arguments' = 'text',
  ) {}

  /**
   * Adds `delta` and releases what is due. Most deltas release nothing (the text is held back until a scan
   * step's worth is pending): those get '' at once, with no promise; a release is a promise (it scans).
   */
  push(delta: string, final: boolean): string | Promise<string> {
    this.pending += delta;
    let run = 0;
    while (run < delta.length && TOKEN_CHAR.test(delta[delta.length - 1 - run]!)) run++;
    this.tokenRun = run === delta.length ? this.tokenRun + run : run;
    const { holdbackChars, scanStepChars, contextChars } = this.guard.deps.config;
    const hold = final ? 0 : holdbackChars;
    // The first release comes as soon as there is anything past the holdback (time to first token);
    // after that, scans are spaced by scanStepChars (CPU).
    const step = this.releasedRaw === 0 ? Math.min(scanStepChars, FIRST_RELEASE_CHARS) : scanStepChars;
    if (this.pending.length === 0 || (!final && this.pending.length < hold + step)) return '';
    // All of the pending text is one token still being generated: tokenSafeCut withholds it whole
    // whatever a scan finds, so it is scanned once it ends or outgrows MAX_HELD_TOKEN. Scanning the
    // growing run at every delta cost a full scan of up to 4 KB per chunk (a model printing a 32 KB
    // blob: ~12 s of CPU); a block it holds is still found before any of it is released.
    if (!final && this.tokenRun === this.pending.length && this.pending.length <= MAX_HELD_TOKEN) return '';
    return this.release(hold, contextChars);
  }

  /** Scans the window (the current sentence's released part + everything pending) and releases all but `hold` characters of it. */
  private async release(hold: number, contextChars: number): Promise<string> {
    // Whole-text classifiers dilute a bad sentence in benign context: the window starts at the
    // current sentence, so what is scored is the sentence being written plus what is pending.
    const context = sentenceTail(this.context);
    const offset = context.length;
    const window = context + this.pending;
    const windowStart = this.releasedRaw - offset;
    const decision = await this.guard.scanOutput(window, windowStart);
    // Sentences in the window are also scored on their own: a whole-text classifier would otherwise
    // dilute one bad sentence among benign ones (spans are found by the full-window scan above).
    const pieces = sentencePieces(window);
    if (pieces.length > 1) {
      // A long window (one huge delta from the upstream, a long final flush) has thousands of sentences:
      // the whole-window scan above goes to the scan pool, and these let the event loop run between slices.
      const timed = window.length > LONG_WINDOW_CHARS;
      let sliceStart = timed ? performance.now() : 0;
      const scanned = new Map<number, { text: string; acted: Decision['acted'] }>();
      for (const [start, end] of pieces) {
        if (end <= offset) continue; // entirely released context: judged before
        const text = window.slice(start, end);
        const at = windowStart + start;
        let known = this.pieceScans.get(at);
        if (known?.text !== text) {
          if (timed && performance.now() - sliceStart > SCAN_SLICE_MS) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
          // A scan that blocks throws: what is remembered was allowed (its verdicts are in the ledger already).
          known = { text, acted: (await this.guard.scanOutput(text, at)).acted };
        }
        scanned.set(at, known);
        for (const a of known.acted) decision.acted.push({ ...a, finding: { ...a.finding, start: a.finding.start + start, end: a.finding.end + start } });
      }
      this.pieceScans = scanned;
    }
    let cut = this.pending.length - hold;
    for (const { finding, action } of decision.acted) {
      if (!isTransform(action)) continue;
      const start = finding.start - offset;
      const end = finding.end - offset;
      if (start < cut && end > cut) cut = Math.max(0, start); // never release half of a span to transform
    }
    cut = tokenSafeCut(this.pending, cut);
    cut = this.guard.deps.vault.safeCut(this.pending, cut);
    if (cut <= 0) return '';

    const raw = this.pending.slice(0, cut);
    // A span that began in already-released text (it became recognisable only as it grew) is
    // transformed from where the pending text starts: what was sent is gone, the rest is not.
    const local = decision.acted
      .filter((a) => isTransform(a.action))
      .map((a) => ({ ...a, finding: { ...a.finding, start: Math.max(0, a.finding.start - offset), end: a.finding.end - offset } }))
      .filter((a) => a.finding.end > 0 && a.finding.end <= cut);
    const out = this.guard.deps.vault.restore(local.length ? applyTransforms(raw, local, this.guard.deps.vault, 'output') : raw, this.restoreAs);
    this.pending = this.pending.slice(cut);
    this.tokenRun = Math.min(this.tokenRun, this.pending.length);
    this.context = contextChars > 0 ? (this.context + raw).slice(-contextChars) : '';
    this.releasedRaw += raw.length;
    this.released += out;
    return out;
  }
}

/**
 * A model text a streamed chat delta carries besides `content` (a refusal, reasoning in any spelling of
 * REASONING_FIELDS, an audio transcript, Mistral's thinking parts): guarded by a channel of its own per
 * (choice, `key`), and sent back out as `delta(text)`.
 */
interface StreamedText {
  key: string;
  text: string;
  delta: (text: string) => Json;
}

/** Fields that name a reasoning block in a stream (OpenRouter's `index`, a block's type): kept on its guarded text. */
const BLOCK_IDENTITY = ['type', 'index', 'id', 'format'] as const;

/**
 * The delta's texts the field channels take, in order, and what of its reasoning blocks goes out at once:
 * a block's signed or encrypted fields (`signature`, `data`), with its texts emptied (they follow guarded).
 */
function streamedFields(delta: Json): { texts: StreamedText[]; now?: Json } {
  const texts: StreamedText[] = [];
  let now: Json | undefined;
  if (typeof delta.refusal === 'string' && delta.refusal) texts.push({ key: 'refusal', text: delta.refusal, delta: (text) => ({ refusal: text }) });
  for (const [field, shape] of Object.entries(REASONING_FIELDS)) {
    const value = delta[field];
    if (shape === 'text') {
      if (typeof value === 'string' && value) texts.push({ key: field, text: value, delta: (text) => ({ [field]: text }) });
    } else if (Array.isArray(value)) {
      const relayed: unknown[] = [];
      value.forEach((block, position) => {
        const walk = { slots: [] as TextSlot[], dropped: [] as Path[] };
        const view = walkShape(block, shape.each, [], walk);
        if (!isObject(view)) {
          if (view !== undefined) relayed.push(view);
          return;
        }
        const identity: Json = {};
        for (const key of BLOCK_IDENTITY) if (view[key] !== undefined) identity[key] = view[key];
        const rest: Json = { ...view };
        for (const slot of walk.slots) {
          // Block texts are top-level fields of the block (REASONING_DETAIL, THINKING_BLOCK).
          const name = String(slot.path[0]);
          rest[name] = '';
          const key = `${field}:${String(identity.type)}:${String(identity.index ?? position)}:${name}`;
          texts.push({ key, text: slot.text, delta: (text) => ({ [field]: [{ ...identity, [name]: text }] }) });
        }
        // A text block goes out at once only for what it carries besides its identity (LiteLLM's `signature: null` on every thinking delta is nothing).
        if (walk.slots.length === 0 || Object.keys(rest).some((key) => !(BLOCK_IDENTITY as readonly string[]).includes(key) && rest[key] !== '' && rest[key] !== null)) relayed.push(rest);
      });
      if (relayed.length > 0) (now ??= {})[field] = relayed;
    }
  }
  const transcript = isObject(delta.audio) ? delta.audio.transcript : undefined;
  if (typeof transcript === 'string' && transcript) texts.push({ key: 'audio.transcript', text: transcript, delta: (text) => ({ audio: { transcript: text } }) });
  if (Array.isArray(delta.content)) {
    const thinking = partsText(delta.content, 'thinking');
    if (thinking) texts.push({ key: 'content.thinking', text: thinking, delta: (text) => ({ content: [{ type: 'thinking', thinking: [{ type: 'text', text }] }] }) });
  }
  return { texts, ...(now ? { now } : {}) };
}

const NO_STREAMED_FIELDS: { texts: readonly StreamedText[]; now?: Json } = { texts: [] };

/**
 * A delta of a text (or none) and perhaps a role: nothing streamedFields takes (no refusal, reasoning,
 * transcript or content parts) and nothing relayedDelta relays but the role. The usual chunk.
 */
function plainDelta(delta: Json): boolean {
  for (const key in delta) {
    if (key === 'role' || (key === 'content' && !Array.isArray(delta.content))) continue;
    return false;
  }
  return true;
}

/**
 * The text of a streamed content list's parts of one kind: `text` parts (the answer), or `thinking`
 * parts (their `thinking` list's text chunks, or a string). Other parts are not relayed (shapes.ts).
 */
function partsText(parts: unknown[], kind: 'text' | 'thinking'): string {
  let text = '';
  for (const part of parts) {
    if (!isObject(part)) continue;
    if (kind === 'text') {
      if ((part.type === 'text' || part.type === undefined) && typeof part.text === 'string') text += part.text;
    } else if (part.type === 'thinking') {
      if (typeof part.thinking === 'string') text += part.thinking;
      else if (Array.isArray(part.thinking)) for (const chunk of part.thinking) if (isObject(chunk) && chunk.type === 'text' && typeof chunk.text === 'string') text += chunk.text;
    }
  }
  return text;
}

/** Delta keys the chat stream guard reads itself (content, calls, the streamed fields). */
const GUARDED_DELTA_KEYS = new Set(['content', 'tool_calls', 'function_call', 'refusal', ...Object.keys(REASONING_FIELDS), 'annotations']);
/** Audio fields that are not text: the id, expiry and base64 sound (no text detector reads sound). */
const AUDIO_OPAQUE_KEYS = new Set(['id', 'data', 'expires_at', 'format']);

/** What of a delta goes out at once: `role`, text-free extras and the audio's non-text fields (undefined: nothing). */
function relayedDelta(delta: Json, dropped: Path[]): Json | undefined {
  let rest: Json | undefined;
  for (const [key, value] of Object.entries(delta)) {
    if (GUARDED_DELTA_KEYS.has(key)) {
      // `refusal: null` / `reasoning_content: ''` in a first chunk carry no text: relayed as sent.
      if (key !== 'content' && key !== 'tool_calls' && key !== 'function_call' && (value === '' || !holdsText(value))) (rest ??= {})[key] = value;
      continue;
    }
    if (key === 'audio' && isObject(value)) {
      const audio = Object.fromEntries(Object.entries(value).filter(([k, v]) => AUDIO_OPAQUE_KEYS.has(k) || (k !== 'transcript' && !holdsText(v))));
      if (Object.keys(audio).length > 0) (rest ??= {}).audio = audio;
    } else if (key === 'extra_content') {
      const signature = providerSignature(value);
      if (signature !== undefined) (rest ??= {}).extra_content = signature;
    } else if (key === 'role' || !holdsText(value)) {
      (rest ??= {})[key] = value;
    } else {
      dropped.push(['choices', 0, 'delta', key]);
    }
  }
  return rest;
}

/** The envelope fields relayed as sent (ids, labels, counts): one set lookup a key on every chunk. */
const OPAQUE_ENVELOPE_KEYS: ReadonlySet<string> = new Set(Object.keys(ANSWER_ENVELOPE).filter((key) => ANSWER_ENVELOPE[key] === 'opaque'));

/** `value` without its keys set to undefined (an envelope field the guard dropped whole). */
function withoutUndefined(value: Json | undefined): Json | undefined {
  if (value) for (const key in value) if (value[key] === undefined) delete value[key];
  return value;
}

/** A delta's or tool call's `extra_content` reduced to the thought signature it may carry (shapes.ts EXTRA_CONTENT). */
function providerSignature(value: unknown): unknown {
  return walkShape(value, EXTRA_CONTENT, [], { slots: [], dropped: [] });
}

/** A streamed choice's fields other than index/delta/text/logprobs/finish_reason that may go out: labels and text-free ones. */
function choiceExtras(choice: Json, legacy: boolean, dropped?: Path[]): Json {
  const extras: Json = {};
  for (const [key, value] of Object.entries(choice)) {
    if (key === 'index' || key === 'delta' || key === 'logprobs' || key === 'finish_reason' || (legacy && key === 'text')) continue;
    if (CHOICE_OPAQUE_KEYS.has(key) || !holdsText(value)) extras[key] = value;
    else dropped?.push(['choices', 0, key]);
  }
  return extras;
}

export class StreamGuard {
  private readonly ledger: VerdictLedger;
  constructor(readonly deps: StreamGuardDeps) {
    this.ledger = new VerdictLedger(deps.ctx);
  }

  async scanOutput(text: string, windowStart: number): Promise<Decision> {
    const { policy, scanner, ctx } = this.deps;
    if (this.deps.scan === false) return { ...ALLOW_ALL, acted: [] };
    let findings;
    try {
      findings = await scanner.scan(text, policy, { stage: 'output', role: 'assistant', tenant: ctx.tenantId });
    } catch (error) {
      if (this.deps.failOpen) return { ...ALLOW_ALL, acted: [] };
      throw error;
    }
    const decision = policy.decide(findings, 'output');
    this.ledger.add(decision, windowStart, text.length);
    if (decision.outcome === 'block' || decision.outcome === 'answer') throw new StreamBlocked(decision);
    return decision;
  }

  /** Guards complete tool-call arguments: transform, then restore pseudonyms (JSON-escaped). */
  async guardArguments(args: string): Promise<string> {
    if (!args) return args;
    const decision = await this.scanOutput(args, 0);
    const transformed = applyTransforms(args, decision.acted, this.deps.vault, 'output');
    return this.deps.vault.restore(transformed, 'arguments');
  }

  /** `value` reduced to `shape` with each of its texts guarded whole (citations and the like, sent in one piece). */
  async guardTree(value: unknown, shape: Shape, at: Path = []): Promise<unknown> {
    const walk = { slots: [] as TextSlot[], dropped: [] as Path[] };
    const view = walkShape(value, shape, [], walk);
    if (walk.dropped.length > 0) this.noteDropped(walk.dropped.map((path) => [...at, ...path]));
    const replacements = new Map<TextSlot, string>();
    for (const slot of walk.slots) {
      let guarded: string;
      if (slot.kind === 'arguments') guarded = await this.guardArguments(slot.text);
      else {
        const c = new TextChannel(this);
        await c.push(slot.text, true);
        guarded = c.released;
      }
      if (guarded !== slot.text) replacements.set(slot, guarded);
    }
    return replacements.size ? withReplacements(view, replacements) : view;
  }

  /**
   * A chat or completions chunk's top-level fields reduced to ANSWER_ENVELOPE (shapes.ts) — `choices` kept when it is
   * a list (read by the caller), else only when text-free — with the envelope's texts (Perplexity's citations)
   * guarded. The same chunk when nothing changed, and no promise unless a text not seen before is to be scanned
   * (the usual chunk costs a few key lookups).
   */
  guardedEnvelope(chunk: Chunk, memo: Map<string, unknown>): Chunk | Promise<Chunk> {
    let out: Json | undefined;
    let unseen: Array<{ key: string; seen: string; shape: Shape }> | undefined;
    for (const key in chunk) {
      if (OPAQUE_ENVELOPE_KEYS.has(key)) continue;
      const value = chunk[key];
      if (key === 'choices' && Array.isArray(value)) continue;
      const shape = key !== 'choices' && Object.hasOwn(ANSWER_ENVELOPE, key) ? ANSWER_ENVELOPE[key]! : undefined;
      if (shape === undefined) {
        if (unreadText(key, value)) {
          delete (out ??= { ...chunk })[key];
          this.noteDropped([[key]]);
        }
        continue;
      }
      if (!holdsText(value)) continue;
      const seen = `${key}\u0000${JSON.stringify(value)}`;
      if (!memo.has(seen)) (unseen ??= []).push({ key, seen, shape });
      else if (memo.get(seen) !== value) (out ??= { ...chunk })[key] = memo.get(seen);
    }
    if (!unseen) return withoutUndefined(out) ?? chunk;
    return (async () => {
      for (const { key, seen, shape } of unseen) {
        const guarded = await this.guardTree(chunk[key], shape, [key]);
        memo.set(seen, guarded);
        if (guarded !== chunk[key]) (out ??= { ...chunk })[key] = guarded;
      }
      return withoutUndefined(out) ?? chunk;
    })();
  }

  /** Records dropped fields' names on the request (guard/dropped.ts): logged once and counted by the gateway. */
  noteDropped(paths: Iterable<Path>): void {
    noteDropped(this.deps.ctx, paths);
  }

  /** `event` (key order kept) without the fields outside its ids and `keep` that hold text (their names noted). */
  textFreeFields(event: Json, keep: ReadonlySet<string>): Json {
    const out: Json = {};
    for (const [key, value] of Object.entries(event)) {
      if ((EVENT_ID_KEYS as readonly string[]).includes(key) || keep.has(key) || !holdsText(value)) out[key] = value;
      else this.noteDropped([[`event:${String(event.type)}`, key]]);
    }
    return out;
  }

  /**
   * A streamed Responses object's top-level fields besides `output` / `output_text` (the caller settles those), reduced
   * to the Responses envelope (shapes.ts responseEnvelope) with its texts guarded: each distinct value is guarded once.
   */
  async responseEnvelope(response: Json, memo: Map<string, Json>): Promise<Json> {
    const { output: _output, output_text: _outputText, ...rest } = response;
    const seen = JSON.stringify(rest);
    const known = memo.get(seen);
    if (known) return known;
    const guarded = (await this.guardTree(rest, responseEnvelope(this.deps.sentEchoes))) as Json;
    memo.set(seen, guarded);
    return guarded;
  }

  /** How the answer text (not refusals, reasoning or transcripts) restores pseudonyms. */
  get answerRestore(): 'text' | 'arguments' {
    return this.deps.jsonAnswer ? 'arguments' : 'text';
  }

  refusalText(): string | undefined {
    return this.deps.policy.onBlock.mode === 'refusal' ? this.deps.policy.refusal(this.deps.language) : undefined;
  }

  run(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    return this.deps.surface === 'responses' ? this.runResponses(chunks) : this.runChoices(chunks);
  }

  /**
   * Chat completions and legacy completions: per-choice text channels (content, and for chat the refusal,
   * reasoning and audio transcript), tool calls buffered per choice. Only the fields the guard reads are
   * relayed (shapes.ts): a choice's or a delta's other fields go through only when they hold no string.
   */
  private async *runChoices(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    const legacy = this.deps.surface === 'completions';
    const channels = new Map<number, TextChannel>();
    // Refusal, reasoning and transcript deltas are model text a user reads: a channel per (choice, field).
    const fieldChannels = new Map<string, { index: number; delta: StreamedText['delta']; channel: TextChannel }>();
    // Legacy `function_call` deltas (before tool_calls): buffered per choice and guarded whole, like tool calls.
    const functionCalls = new Map<number, { name?: unknown; args: string }>();
    const toolCalls = new Map<number, Map<number, { id?: unknown; type?: unknown; name?: unknown; args: string; input?: string; extra?: unknown }>>();
    const channel = (i: number) => {
      let c = channels.get(i);
      if (!c) channels.set(i, (c = new TextChannel(this, legacy ? 'text' : this.answerRestore)));
      return c;
    };
    const fieldChannel = (index: number, field: StreamedText) => {
      const key = `${index}:${field.key}`;
      let entry = fieldChannels.get(key);
      if (!entry) fieldChannels.set(key, (entry = { index, delta: field.delta, channel: new TextChannel(this) }));
      return entry.channel;
    };
    let template: Chunk | undefined;
    /** Paths of the chunk's fields dropped (choice and delta fields the guard does not read), for noteDropped. */
    const dropped: Path[] = [];
    /** Guarded envelope texts (Perplexity repeats its citations on every chunk): each distinct value is scanned once. */
    const envelopeTexts = new Map<string, unknown>();
    const withChoice = (choice: Json): Chunk => {
      const base = { ...template!, choices: [choice] };
      if ('usage' in base) base.usage = null;
      return base;
    };
    const textChunk = (i: number, text: string, finish: string | null): Chunk =>
      withChoice(legacy ? { text, index: i, logprobs: null, finish_reason: finish } : { index: i, delta: finish && !text ? {} : { content: text }, logprobs: null, finish_reason: finish });
    const fieldChunk = (i: number, delta: StreamedText['delta'], text: string): Chunk => withChoice({ index: i, delta: delta(text), logprobs: null, finish_reason: null });
    /** The choice's buffered tool calls, complete and guarded, as one chunk (undefined when none). */
    const guardedToolCalls = async (index: number): Promise<Chunk | undefined> => {
      const calls = toolCalls.get(index);
      if (!calls || calls.size === 0) return undefined;
      const guarded = [];
      for (const [k, call] of [...calls].sort(([a], [b]) => a - b)) {
        if (call.type === 'custom') {
          // A custom tool's input is free text (not JSON).
          const c = new TextChannel(this);
          await c.push(call.input ?? '', true);
          guarded.push({ index: k, id: call.id, type: call.type, custom: { name: call.name, input: c.released } });
        } else {
          guarded.push({
            index: k,
            id: call.id,
            type: call.type ?? 'function',
            function: { name: call.name, arguments: await this.guardArguments(call.args) },
            ...(call.extra !== undefined ? { extra_content: call.extra } : {}),
          });
        }
      }
      toolCalls.delete(index);
      return withChoice({ index, delta: { tool_calls: guarded }, logprobs: null, finish_reason: null });
    };
    const guardedFunctionCall = async (index: number): Promise<Chunk | undefined> => {
      const call = functionCalls.get(index);
      if (!call) return undefined;
      functionCalls.delete(index);
      const function_call = { name: call.name, arguments: await this.guardArguments(call.args) };
      return withChoice({ index, delta: { function_call }, logprobs: null, finish_reason: null });
    };
    /** Choices a guardrail blocked: ended with `content_filter`, and nothing more of them is relayed. */
    const blocked = new Set<number>();
    const expected = Math.max(1, this.deps.choices ?? 1);
    /** Ends choice `index` for a block (the refusal first in refusal mode) and forgets what it withheld. */
    const blockChoice = (index: number): Chunk[] => {
      blocked.add(index);
      channels.delete(index);
      for (const [key, entry] of fieldChannels) if (entry.index === index) fieldChannels.delete(key);
      toolCalls.delete(index);
      functionCalls.delete(index);
      const refusal = this.refusalText();
      return [...(refusal ? [textChunk(index, refusal, null)] : []), textChunk(index, '', 'content_filter')];
    };
    /** Releases what a choice's field channels withhold (final: the rest of it). */
    async function* flushFields(index: number | undefined, final: boolean): AsyncIterable<Chunk> {
      for (const { index: i, delta, channel: c } of fieldChannels.values()) {
        if (index !== undefined && i !== index) continue;
        const out = await c.push('', final);
        if (out && template) yield fieldChunk(i, delta, out);
      }
    }

    try {
      for await (const upstreamChunk of chunks) {
        // The SSE reader hands `event: thread.*` frames on wrapped as { event, data } (Assistants events,
        // never an answer of these surfaces): their data is text the guard does not read.
        if (typeof upstreamChunk.event === 'string' && holdsText(upstreamChunk.data)) continue;
        // The chunk's envelope reduced to what the guard reads (ANSWER_ENVELOPE): every chunk sent is built on it.
        // Its ids alone are the template a block of its citations ends the stream with.
        template ??= Object.fromEntries(Object.entries(upstreamChunk).filter(([key]) => OPAQUE_ENVELOPE_KEYS.has(key)));
        const envelope = this.guardedEnvelope(upstreamChunk, envelopeTexts);
        const chunk = envelope instanceof Promise ? await envelope : envelope;
        const choices = chunk.choices;
        if (!Array.isArray(choices) || choices.length === 0) {
          // A chunk that held only text the guard does not read (an answer in another spelling) is not sent:
          // an envelope alone would be a chunk without choices, which clients index into.
          if (chunk !== upstreamChunk && choices === undefined && chunk.usage === undefined) continue;
          template = chunk;
          yield chunk; // usage-only chunk and the like
          continue;
        }
        template = chunk;
        for (const raw of choices) {
          if (!isObject(raw)) continue;
          const index = typeof raw.index === 'number' ? raw.index : 0;
          if (blocked.has(index)) continue;
          try {
            const delta = legacy ? {} : isObject(raw.delta) ? raw.delta : {};
            const content = legacy ? (typeof raw.text === 'string' ? raw.text : '') : typeof delta.content === 'string' ? delta.content : Array.isArray(delta.content) ? partsText(delta.content, 'text') : '';
            // Most deltas are a text and nothing else: no field channel, nothing relayed at once but a role.
            const plain = !legacy && plainDelta(delta);
            const { texts, now } = legacy || plain ? NO_STREAMED_FIELDS : streamedFields(delta);
            // Logprobs spell out the chunk's text token by token (content, and with vLLM a tool call's arguments,
            // which are guarded only at the choice's end): only text-free ones (null, empty lists) leave as sent.
            const logprobs = content || texts.length > 0 || holdsText(raw.logprobs) ? null : raw.logprobs;
            // The choice's other fields: labels and text-free ones go out with its next chunk; text is dropped (and named).
            const extras = choiceExtras(raw, legacy, dropped);

            if (!legacy) {
              if (Array.isArray(delta.tool_calls)) {
                let calls = toolCalls.get(index);
                if (!calls) toolCalls.set(index, (calls = new Map()));
                for (const tc of delta.tool_calls) {
                  if (!isObject(tc)) continue;
                  const k = typeof tc.index === 'number' ? tc.index : 0;
                  const fn = isObject(tc.function) ? tc.function : {};
                  const custom = isObject(tc.custom) ? tc.custom : undefined;
                  const entry = calls.get(k) ?? { args: '' };
                  if (tc.id !== undefined) entry.id = tc.id;
                  if (tc.type !== undefined) entry.type = tc.type;
                  if (fn.name !== undefined) entry.name = fn.name;
                  if (typeof fn.arguments === 'string') entry.args += fn.arguments;
                  if (tc.extra_content !== undefined) entry.extra = providerSignature(tc.extra_content);
                  if (custom) {
                    entry.type ??= 'custom';
                    if (custom.name !== undefined) entry.name = custom.name;
                    if (typeof custom.input === 'string') entry.input = (entry.input ?? '') + custom.input;
                  }
                  calls.set(k, entry);
                }
              }
              if (isObject(delta.function_call)) {
                const entry = functionCalls.get(index) ?? { args: '' };
                if (delta.function_call.name !== undefined) entry.name = delta.function_call.name;
                if (typeof delta.function_call.arguments === 'string') entry.args += delta.function_call.arguments;
                functionCalls.set(index, entry);
              }
              // Role and other text-free fields go through at once (the first chunk opens the stream quickly).
              // A reasoning block's signed or encrypted part (its texts emptied) goes out with the role.
              const rest = plain ? (Object.hasOwn(delta, 'role') ? { role: delta.role } : undefined) : now ? { ...relayedDelta(delta, dropped), ...now } : relayedDelta(delta, dropped);
              if (rest) {
                yield { ...chunk, choices: [{ index, ...extras, delta: { ...rest, ...('content' in delta ? { content: delta.content === null ? null : '' } : {}) }, logprobs, finish_reason: null }] };
              }
              for (const field of texts) {
                const pushed = fieldChannel(index, field).push(field.text, false);
                const out = typeof pushed === 'string' ? pushed : await pushed;
                if (out) yield fieldChunk(index, field.delta, out);
              }
              // Web-search citations (url, title) come whole in one delta: guarded whole.
              if (Array.isArray(delta.annotations)) {
                yield withChoice({ index, delta: { annotations: await this.guardTree(delta.annotations, CHAT_ANNOTATIONS) }, logprobs: null, finish_reason: null });
              }
            }

            if (content) {
              // The answer has begun: what the choice's reasoning (refusal, transcript) channels still withhold is
              // released first, or the reasoning's tail would reach the client after the answer it led to.
              if (fieldChannels.size > 0) for (const [key, { index: i, delta, channel: c }] of fieldChannels) {
                if (i !== index || texts.some((field) => key === `${index}:${field.key}`)) continue;
                const out = await c.push('', true);
                if (out) yield fieldChunk(i, delta, out);
              }
              const pushed = channel(index).push(content, false);
              const out = typeof pushed === 'string' ? pushed : await pushed;
              if (out) {
                yield textChunk(index, out, null);
                await yieldToEventLoop();
              }
            }

            if (raw.finish_reason) {
              const out = await channel(index).push('', true);
              if (out) yield textChunk(index, out, null);
              yield* flushFields(index, true);
              const calls = await guardedToolCalls(index);
              if (calls) yield calls;
              const call = await guardedFunctionCall(index);
              if (call) yield call;
              // Fields of the choice the guard does not read leave only when they hold no text (`message`,
              // `text` in a chat chunk are dropped): see shapes.ts.
              yield { ...chunk, choices: [legacy ? { index, ...extras, text: '', logprobs, finish_reason: raw.finish_reason } : { index, ...extras, delta: {}, logprobs, finish_reason: raw.finish_reason }] };
            }
          } catch (error) {
            if (!(error instanceof StreamBlocked)) throw error;
            yield* blockChoice(index);
            // Every choice blocked: nothing more to relay, and returning closes the upstream stream.
            if (blocked.size >= expected) return;
          }
        }
        if (dropped.length > 0) {
          this.noteDropped(dropped);
          dropped.length = 0;
        }
      }
      // Upstream ended without a finish chunk: release what is withheld (still scanned), choice by choice.
      // Tool calls wait for their choice's finish chunk; without one they are released here, not dropped.
      const unfinished = new Set([...channels.keys(), ...[...fieldChannels.values()].map((e) => e.index), ...toolCalls.keys(), ...functionCalls.keys()]);
      for (const index of unfinished) {
        try {
          const out = await channels.get(index)?.push('', true);
          if (out && template) yield textChunk(index, out, null);
          yield* flushFields(index, true);
          const calls = template && (await guardedToolCalls(index));
          if (calls) yield calls;
          const call = template && (await guardedFunctionCall(index));
          if (call) yield call;
        } catch (error) {
          if (!(error instanceof StreamBlocked) || !template) throw error;
          yield* blockChoice(index);
        }
      }
    } catch (error) {
      if (!(error instanceof StreamBlocked) || !template) throw error;
      const refusal = this.refusalText();
      const indexes = channels.size > 0 ? [...channels.keys()] : [0];
      for (const index of indexes) {
        if (refusal) yield textChunk(index, refusal, null);
        yield textChunk(index, '', 'content_filter');
      }
      // Returning here ends the for-await, which closes the upstream stream.
    }
  }

  /**
   * Responses API events. Streamed text (output text, refusals, reasoning summaries and text, audio
   * transcripts) goes through a channel per (item, field); arguments, custom tool input and
   * code-interpreter code are buffered per item and guarded whole at their `.done`. Items and whole
   * responses (`output_item.added/done`, `response.completed` …) are reduced to the fields the guard
   * reads (shapes.ts) and every text in them is the guarded one: what a channel released, or, for a
   * text that came with no deltas, the text guarded here. Events of types the guard does not know go
   * out only when they hold no text besides their type and ids.
   */
  private async *runResponses(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    /** Incremental text per `${itemKey}|${path in the item}`. */
    const channels = new Map<string, TextChannel>();
    /** Buffered whole texts (arguments, input, code) per key, until their `.done`. */
    const buffers = new Map<string, string>();
    /** The guarded final text per key: what items and responses carry. */
    const settled = new Map<string, string>();
    let sequence = 0;
    let lastResponse: Json | undefined;
    /** The last response object's top-level fields as relayed (what a blocked stream's `response.incomplete` carries). */
    let lastEnvelope: Json | undefined;
    /** Guarded envelope texts per distinct value: the created, in-progress and completed objects repeat them. */
    const envelopeMemo = new Map<string, Json>();
    let lastDelta: Chunk | undefined;
    /** `answer`: the text is a message's output text (JSON when the request asks for JSON). */
    const channel = (key: string, answer: boolean) => {
      let c = channels.get(key);
      if (!c) channels.set(key, (c = new TextChannel(this, answer ? this.answerRestore : 'text')));
      return c;
    };
    const numbered = (event: Chunk): Chunk => ({ ...event, sequence_number: sequence++ });
    const itemKey = (id: unknown, outputIndex: unknown) => (typeof id === 'string' && id ? id : `#${String(outputIndex)}`);

    /** The guarded text for `key`: its channel's (flushed), else `raw` guarded now (and remembered). */
    const settle = async (key: string, raw: string, kind: 'text' | 'arguments', answer: boolean): Promise<string> => {
      const known = settled.get(key);
      if (known !== undefined) return known;
      let guarded: string;
      const c = channels.get(key);
      if (c) {
        await c.push('', true);
        guarded = c.released;
      } else if (kind === 'arguments') {
        guarded = await this.guardArguments(raw);
      } else {
        const fresh = new TextChannel(this, answer ? this.answerRestore : 'text');
        await fresh.push(raw, true);
        guarded = fresh.released;
      }
      settled.set(key, guarded);
      return guarded;
    };

    /** `value` reduced to `shape`, each text replaced by its settled form (`keyOf` names a slot's key; `answerAt` its answer texts). */
    /** `at`: where `value` sits, for the names of dropped fields (`output.*.x`, `part.x`). */
    const settleTree = async (value: unknown, shape: Shape, keyOf: (path: Path) => string, answerAt: (path: Path) => boolean, at: Path = []): Promise<unknown> => {
      const walk = { slots: [] as TextSlot[], dropped: [] as Path[] };
      const view = walkShape(value, shape, [], walk);
      if (walk.dropped.length > 0) this.noteDropped(walk.dropped.map((path) => [...at, ...path]));
      const replacements = new Map<TextSlot, string>();
      for (const slot of walk.slots) {
        const guarded = await settle(keyOf(slot.path), slot.text, slot.kind, answerAt(slot.path));
        if (guarded !== slot.text) replacements.set(slot, guarded);
      }
      if (!replacements.size) return view;
      const rewritten = withoutStaleLogprobs(withReplacements(view, replacements), replacements.keys());
      // A part walked on its own (content_part events) has no `output[i].content[j]` path for withoutStaleLogprobs
      // to find: its logprobs would spell out the text the guard rewrote.
      return shape === RESPONSES_PART && isObject(rewritten) && rewritten.logprobs !== undefined && rewritten.logprobs !== null ? { ...rewritten, logprobs: [] } : rewritten;
    };
    const settleItem = (item: unknown, outputIndex: unknown) =>
      settleTree(
        { output: [item] },
        ITEM_WRAPPER,
        (path) => `${itemKey(isObject(item) ? item.id : undefined, outputIndex)}|${path.slice(2).join('.')}`,
        (path) => isObject(item) && item.type === 'message' && path[2] === 'content' && path[path.length - 1] === 'text',
      ).then((w) => (w as { output: unknown[] }).output[0]);

    try {
      for await (const event of chunks) {
        const type = typeof event.type === 'string' ? event.type : '';
        if (isObject(event.response)) lastResponse = event.response;
        const key = (sub: string) => `${itemKey(event.item_id, event.output_index)}|${sub}`;
        const textDelta = TEXT_DELTAS[type];
        const textDone = TEXT_DONES[type];
        const buffered = BUFFERED_DELTAS[type];
        const bufferedDone = BUFFERED_DONES[type];
        if (textDelta && typeof event.delta === 'string') {
          lastDelta = event;
          const pushed = channel(key(textDelta.sub(event)), type === 'response.output_text.delta').push(event.delta, false);
          const out = typeof pushed === 'string' ? pushed : await pushed;
          if (out) {
            // Logprobs spell out the upstream's delta, not the guarded one.
            yield numbered({ ...idsOf(event), delta: out, ...(Array.isArray(event.logprobs) ? { logprobs: [] } : {}) });
            await yieldToEventLoop();
          }
        } else if (textDone) {
          const k = key(textDone.sub(event));
          const fresh = !channels.has(k);
          const c = channel(k, type === 'response.output_text.done');
          // No deltas came for this text: its whole text is guarded here.
          const raw = event[textDone.field];
          const out = await c.push(fresh && typeof raw === 'string' ? raw : '', true);
          settled.set(k, c.released);
          const noLogprobs = Array.isArray(event.logprobs) || Array.isArray(lastDelta?.logprobs) ? { logprobs: [] } : {};
          // The synthesized delta carries ids only: spreading the done event would hand its raw text on.
          if (out) yield numbered({ ...idsOf(event), type: textDone.delta, delta: out, ...noLogprobs });
          yield numbered({ ...idsOf(event), [textDone.field]: c.released, ...noLogprobs });
        } else if (buffered) {
          const k = key(buffered.sub);
          buffers.set(k, (buffers.get(k) ?? '') + (typeof event.delta === 'string' ? event.delta : ''));
        } else if (bufferedDone) {
          const k = key(bufferedDone.sub);
          const raw = event[bufferedDone.field];
          const guarded = await settle(k, typeof raw === 'string' ? raw : (buffers.get(k) ?? ''), bufferedDone.kind, false);
          buffers.delete(k);
          yield numbered({ ...idsOf(event), type: bufferedDone.delta, delta: guarded });
          yield numbered({ ...idsOf(event), [bufferedDone.field]: guarded });
        } else if ((type === 'response.content_part.added' || type === 'response.content_part.done') && isObject(event.part)) {
          const ci = String(event.content_index ?? 0);
          const answer = event.part.type === 'output_text';
          yield numbered({ ...idsOf(event), part: await settleTree(event.part, RESPONSES_PART, (p) => key(`content.${ci}.${p.join('.')}`), (p) => answer && p[0] === 'text', ['part']) });
        } else if ((type === 'response.reasoning_summary_part.added' || type === 'response.reasoning_summary_part.done') && isObject(event.part)) {
          const si = String(event.summary_index ?? 0);
          yield numbered({ ...idsOf(event), part: await settleTree(event.part, RESPONSES_PART, (p) => key(`summary.${si}.${p.join('.')}`), () => false, ['part']) });
        } else if (type === 'response.output_text.annotation.added' && isObject(event.annotation)) {
          const at = `content.${String(event.content_index ?? 0)}.annotations.${String(event.annotation_index ?? 0)}`;
          yield numbered({ ...idsOf(event), annotation: await settleTree(event.annotation, RESPONSES_ANNOTATION, (p) => key(`${at}.${p.join('.')}`), () => false, ['annotation']) });
        } else if ((type === 'response.output_item.added' || type === 'response.output_item.done') && isObject(event.item)) {
          yield numbered({ ...idsOf(event), item: await settleItem(event.item, event.output_index) });
        } else if (isObject(event.response)) {
          // response.created / in_progress / queued / completed / incomplete / failed.
          const r = event.response;
          const output = Array.isArray(r.output) ? await Promise.all(r.output.map((item, i) => settleItem(item, i))) : r.output;
          const outputText = typeof r.output_text === 'string' ? { output_text: outputTextOf(output) } : {};
          // The object's other top-level fields reduced to the Responses envelope (shapes.ts), as the JSON answer's.
          lastEnvelope = await this.responseEnvelope(r, envelopeMemo);
          // The event's own fields besides the response go out only when text-free (the response is what is read).
          yield numbered({ ...this.textFreeFields(event, RESPONSE_EVENT_KEYS), response: { ...lastEnvelope, output, ...outputText } });
        } else if (Object.hasOwn(OPAQUE_EVENTS, type)) {
          yield numbered(this.textFreeFields(event, OPAQUE_EVENTS[type]!));
        } else if (!holdsText(withoutIds(event))) {
          yield numbered(event);
        } else {
          // Any other event carries text the guard does not read: dropped (docs/policies.md).
          this.noteDropped([[`event:${type || '<untyped>'}`]]);
        }
      }
    } catch (error) {
      if (!(error instanceof StreamBlocked)) throw error;
      const refusal = this.refusalText();
      if (refusal && lastDelta) yield numbered({ ...idsOf(lastDelta), type: 'response.output_text.delta', delta: refusal });
      yield numbered({
        type: 'response.incomplete',
        response: { ...(lastEnvelope ?? {}), status: 'incomplete', incomplete_details: { reason: 'content_filter' }, output: [], ...(lastResponse && 'output_text' in lastResponse ? { output_text: '' } : {}) },
      });
    }
  }
}

/** An item walked as `{ output: [item] }`, so logprobs of rewritten parts are dropped as for a whole response. */
const ITEM_WRAPPER: Shape = { kind: 'object', fields: { output: { kind: 'array', each: RESPONSES_ITEM } } };

/** Keys of Responses stream events that are ids and positions, never text. */
const EVENT_ID_KEYS = ['type', 'item_id', 'output_index', 'content_index', 'summary_index', 'annotation_index', 'sequence_number'] as const;
const idsOf = (event: Json): Json => {
  const ids: Json = {};
  for (const k of EVENT_ID_KEYS) if (event[k] !== undefined) ids[k] = event[k];
  return ids;
};
const withoutIds = (event: Json): Json => {
  const rest = { ...event };
  for (const k of EVENT_ID_KEYS) delete rest[k];
  return rest;
};

type Sub = (event: Json) => string;
const contentText: Sub = (e) => `content.${String(e.content_index ?? 0)}.text`;
const contentRefusal: Sub = (e) => `content.${String(e.content_index ?? 0)}.refusal`;
const summaryText: Sub = (e) => `summary.${String(e.summary_index ?? 0)}.text`;
const transcript: Sub = () => 'audio.transcript';
/** Streamed texts released as they come: delta event → the text's place in its item. */
const TEXT_DELTAS: Readonly<Record<string, { sub: Sub }>> = {
  'response.output_text.delta': { sub: contentText },
  'response.refusal.delta': { sub: contentRefusal },
  'response.reasoning_summary_text.delta': { sub: summaryText },
  'response.reasoning_text.delta': { sub: contentText },
  'response.audio.transcript.delta': { sub: transcript },
};
const TEXT_DONES: Readonly<Record<string, { sub: Sub; field: string; delta: string }>> = {
  'response.output_text.done': { sub: contentText, field: 'text', delta: 'response.output_text.delta' },
  'response.refusal.done': { sub: contentRefusal, field: 'refusal', delta: 'response.refusal.delta' },
  'response.reasoning_summary_text.done': { sub: summaryText, field: 'text', delta: 'response.reasoning_summary_text.delta' },
  'response.reasoning_text.done': { sub: contentText, field: 'text', delta: 'response.reasoning_text.delta' },
  'response.audio.transcript.done': { sub: transcript, field: 'transcript', delta: 'response.audio.transcript.delta' },
};
/** Texts buffered whole (a call is not read by a person while it streams) and guarded at their `.done`. */
const BUFFERED_DELTAS: Readonly<Record<string, { sub: string }>> = {
  'response.function_call_arguments.delta': { sub: 'arguments' },
  'response.mcp_call_arguments.delta': { sub: 'arguments' },
  'response.custom_tool_call_input.delta': { sub: 'input' },
  'response.code_interpreter_call_code.delta': { sub: 'code' },
};
const BUFFERED_DONES: Readonly<Record<string, { sub: string; field: string; delta: string; kind: 'text' | 'arguments' }>> = {
  'response.function_call_arguments.done': { sub: 'arguments', field: 'arguments', delta: 'response.function_call_arguments.delta', kind: 'arguments' },
  'response.mcp_call_arguments.done': { sub: 'arguments', field: 'arguments', delta: 'response.mcp_call_arguments.delta', kind: 'arguments' },
  'response.custom_tool_call_input.done': { sub: 'input', field: 'input', delta: 'response.custom_tool_call_input.delta', kind: 'text' },
  'response.code_interpreter_call_code.done': { sub: 'code', field: 'code', delta: 'response.code_interpreter_call_code.delta', kind: 'text' },
};
/**
 * Events whose named fields are relayed although they hold strings that are not text: base64 audio and
 * partial images (no text detector reads them) and the upstream's own error event (code and message).
 * Their other fields go out only when text-free (an extra `text` on an audio delta is not read).
 */
const OPAQUE_EVENTS: Readonly<Record<string, ReadonlySet<string>>> = {
  'response.audio.delta': new Set(['delta']),
  'response.image_generation_call.partial_image': new Set(['partial_image_b64', 'output_format', 'size', 'quality', 'background']),
  error: new Set(['code', 'message', 'param', 'error']),
};
const RESPONSE_EVENT_KEYS: ReadonlySet<string> = new Set(['response']);


/** `output_text` of a (guarded) output: its messages' output_text parts, in order. */
function outputTextOf(output: unknown): string {
  if (!Array.isArray(output)) return '';
  let text = '';
  for (const item of output) {
    if (!isObject(item) || item.type !== 'message' || !Array.isArray(item.content)) continue;
    for (const part of item.content) if (isObject(part) && part.type === 'output_text' && typeof part.text === 'string') text += part.text;
  }
  return text;
}
