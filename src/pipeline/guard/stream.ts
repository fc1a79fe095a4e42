/**
 * The streaming output guard. Generated text is held in a sliding window: each release is preceded by
 * a scan of (recent released context + everything pending), and the last `holdbackChars` stay withheld,
 * so a flagged span no longer than the holdback is always complete — and caught — before any of it is
 * sent. On a block the stream ends with a final chunk whose `finish_reason` is `content_filter`
 * (Responses API: `response.incomplete` with reason `content_filter`) and nothing after it.
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
  /** Everything sent to the client so far (transformed, restored). */
  released = '';

  constructor(private readonly guard: StreamGuard) {}

  async push(delta: string, final: boolean): Promise<string> {
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
      for (const [start, end] of pieces) {
        if (end <= offset) continue; // entirely released context: judged before
        if (timed && performance.now() - sliceStart > SCAN_SLICE_MS) {
          await yieldToEventLoop();
          sliceStart = performance.now();
        }
        const part = await this.guard.scanOutput(window.slice(start, end), windowStart + start);
        for (const a of part.acted) decision.acted.push({ ...a, finding: { ...a.finding, start: a.finding.start + start, end: a.finding.end + start } });
      }
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
    const out = this.guard.deps.vault.restore(local.length ? applyTransforms(raw, local, this.guard.deps.vault, 'output') : raw);
    this.pending = this.pending.slice(cut);
    this.tokenRun = Math.min(this.tokenRun, this.pending.length);
    this.context = contextChars > 0 ? (this.context + raw).slice(-contextChars) : '';
    this.releasedRaw += raw.length;
    this.released += out;
    return out;
  }
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

  refusalText(): string | undefined {
    return this.deps.policy.onBlock.mode === 'refusal' ? this.deps.policy.refusal(this.deps.language) : undefined;
  }

  run(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    return this.deps.surface === 'responses' ? this.runResponses(chunks) : this.runChoices(chunks);
  }

  /** Chat completions and legacy completions: per-choice text channels, tool calls buffered per choice. */
  private async *runChoices(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    const legacy = this.deps.surface === 'completions';
    const channels = new Map<number, TextChannel>();
    // Refusal deltas are model text a user reads: guarded by their own channel per choice.
    const refusals = new Map<number, TextChannel>();
    // Legacy `function_call` deltas (before tool_calls): buffered per choice and guarded whole, like tool calls.
    const functionCalls = new Map<number, { name?: unknown; args: string }>();
    const toolCalls = new Map<number, Map<number, { id?: unknown; type?: unknown; name?: unknown; args: string }>>();
    const channel = (i: number) => {
      let c = channels.get(i);
      if (!c) channels.set(i, (c = new TextChannel(this)));
      return c;
    };
    const refusalChannel = (i: number) => {
      let c = refusals.get(i);
      if (!c) refusals.set(i, (c = new TextChannel(this)));
      return c;
    };
    let template: Chunk | undefined;
    const textChunk = (i: number, text: string, finish: string | null): Chunk => {
      const base = { ...template! };
      base.choices = [legacy ? { text, index: i, logprobs: null, finish_reason: finish } : { index: i, delta: finish && !text ? {} : { content: text }, logprobs: null, finish_reason: finish }];
      if ('usage' in base) base.usage = null;
      return base;
    };
    /** The choice's buffered tool calls, complete and guarded, as one chunk (undefined when none). */
    const guardedToolCalls = async (index: number, base: Chunk): Promise<Chunk | undefined> => {
      const calls = toolCalls.get(index);
      if (!calls || calls.size === 0) return undefined;
      const guarded = [];
      for (const [k, call] of [...calls].sort(([a], [b]) => a - b)) {
        guarded.push({ index: k, id: call.id, type: call.type ?? 'function', function: { name: call.name, arguments: await this.guardArguments(call.args) } });
      }
      toolCalls.delete(index);
      return { ...base, choices: [{ index, delta: { tool_calls: guarded }, logprobs: null, finish_reason: null }], ...('usage' in base ? { usage: null } : {}) };
    };
    const guardedFunctionCall = async (index: number, base: Chunk): Promise<Chunk | undefined> => {
      const call = functionCalls.get(index);
      if (!call) return undefined;
      functionCalls.delete(index);
      const function_call = { name: call.name, arguments: await this.guardArguments(call.args) };
      return { ...base, choices: [{ index, delta: { function_call }, logprobs: null, finish_reason: null }], ...('usage' in base ? { usage: null } : {}) };
    };
    const refusalChunk = (i: number, refusal: string): Chunk => {
      const base = { ...template!, choices: [{ index: i, delta: { refusal }, logprobs: null, finish_reason: null }] };
      if ('usage' in base) base.usage = null;
      return base;
    };

    try {
      for await (const chunk of chunks) {
        template = chunk;
        const choices = chunk.choices;
        if (!Array.isArray(choices) || choices.length === 0) {
          yield chunk; // usage-only chunk and the like
          continue;
        }
        for (const raw of choices) {
          if (!isObject(raw)) continue;
          const index = typeof raw.index === 'number' ? raw.index : 0;
          const delta = legacy ? {} : isObject(raw.delta) ? raw.delta : {};
          const content = legacy ? (typeof raw.text === 'string' ? raw.text : '') : typeof delta.content === 'string' ? delta.content : '';
          const refusal = !legacy && typeof delta.refusal === 'string' ? delta.refusal : '';
          // Logprobs spell out the chunk's text token by token: they leave only with chunks that carry none.
          const logprobs = content || refusal ? null : raw.logprobs;

          if (!legacy) {
            if (Array.isArray(delta.tool_calls)) {
              let calls = toolCalls.get(index);
              if (!calls) toolCalls.set(index, (calls = new Map()));
              for (const tc of delta.tool_calls) {
                if (!isObject(tc)) continue;
                const k = typeof tc.index === 'number' ? tc.index : 0;
                const fn = isObject(tc.function) ? tc.function : {};
                const entry = calls.get(k) ?? { args: '' };
                if (tc.id !== undefined) entry.id = tc.id;
                if (tc.type !== undefined) entry.type = tc.type;
                if (fn.name !== undefined) entry.name = fn.name;
                if (typeof fn.arguments === 'string') entry.args += fn.arguments;
                calls.set(k, entry);
              }
            }
            if (isObject(delta.function_call)) {
              const entry = functionCalls.get(index) ?? { args: '' };
              if (delta.function_call.name !== undefined) entry.name = delta.function_call.name;
              if (typeof delta.function_call.arguments === 'string') entry.args += delta.function_call.arguments;
              functionCalls.set(index, entry);
            }
            // Role / refusal / other fields go through at once (the first chunk opens the stream quickly).
            const { content: _c, tool_calls: _t, function_call: _f, ...rest } = delta;
            if (refusal) delete rest.refusal; // released by its channel below
            if (Object.keys(rest).length > 0) {
              const base = { ...chunk, choices: [{ ...raw, delta: { ...rest, ...('content' in delta ? { content: delta.content === null ? null : '' } : {}) }, logprobs, finish_reason: null }] };
              yield base;
            }
            if (refusal) {
              const out = await refusalChannel(index).push(refusal, false);
              if (out) yield refusalChunk(index, out);
            }
          }

          if (content) {
            const out = await channel(index).push(content, false);
            if (out) {
              yield textChunk(index, out, null);
              await yieldToEventLoop();
            }
          }

          if (raw.finish_reason) {
            const out = await channel(index).push('', true);
            if (out) yield textChunk(index, out, null);
            const refused = await refusals.get(index)?.push('', true);
            if (refused) yield refusalChunk(index, refused);
            const calls = await guardedToolCalls(index, chunk);
            if (calls) yield calls;
            const call = await guardedFunctionCall(index, chunk);
            if (call) yield call;
            yield { ...chunk, choices: [legacy ? { ...raw, text: '', logprobs } : { ...raw, delta: {}, logprobs }] };
          }
        }
      }
      // Upstream ended without a finish chunk: release what is withheld (still scanned).
      for (const [index, c] of channels) {
        const out = await c.push('', true);
        if (out && template) yield textChunk(index, out, null);
      }
      for (const [index, c] of refusals) {
        const out = await c.push('', true);
        if (out && template) yield refusalChunk(index, out);
      }
      // Tool calls wait for their choice's finish chunk; without one they are released here, not dropped.
      for (const index of [...toolCalls.keys()]) {
        const calls = template && (await guardedToolCalls(index, template));
        if (calls) yield calls;
      }
      for (const index of [...functionCalls.keys()]) {
        const call = template && (await guardedFunctionCall(index, template));
        if (call) yield call;
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

  /** Responses API events: text channels per (item, content part); function-call arguments buffered per item. */
  private async *runResponses(chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    const channels = new Map<string, TextChannel>();
    const args = new Map<string, string>();
    const guardedArgs = new Map<string, string>();
    // Custom tool inputs (free text): buffered whole like function arguments, guarded as text.
    const customInputs = new Map<string, string>();
    const guardedInputs = new Map<string, string>();
    let sequence = 0;
    let lastResponse: Json | undefined;
    let lastDelta: Chunk | undefined;
    const channel = (key: string) => {
      let c = channels.get(key);
      if (!c) channels.set(key, (c = new TextChannel(this)));
      return c;
    };
    const numbered = (event: Chunk): Chunk => ({ ...event, sequence_number: sequence++ });
    const keyOf = (e: Json) => `${String(e.item_id)}:${String(e.content_index ?? 0)}`;
    const rewriteItem = (item: unknown): unknown => {
      if (!isObject(item)) return item;
      if (item.type === 'function_call' && guardedArgs.has(String(item.id))) return { ...item, arguments: guardedArgs.get(String(item.id)) };
      if (item.type === 'custom_tool_call' && guardedInputs.has(String(item.id))) return { ...item, input: guardedInputs.get(String(item.id)) };
      if (item.type === 'message' && Array.isArray(item.content)) {
        return {
          ...item,
          content: item.content.map((part, ci) => {
            if (!isObject(part)) return part;
            const c = channels.get(`${String(item.id)}:${ci}`);
            if (c && typeof part.text === 'string') return { ...part, text: c.released, ...(Array.isArray(part.logprobs) ? { logprobs: [] } : {}) };
            const r = channels.get(`refusal:${String(item.id)}:${ci}`);
            return r && typeof part.refusal === 'string' ? { ...part, refusal: r.released } : part;
          }),
        };
      }
      return item;
    };

    try {
      for await (const event of chunks) {
        const type = event.type;
        if (isObject(event.response)) lastResponse = event.response;
        if (type === 'response.output_text.delta' && typeof event.delta === 'string') {
          lastDelta = event;
          const out = await channel(keyOf(event)).push(event.delta, false);
          if (out) {
            // Logprobs spell out the upstream's delta, not the guarded one.
            yield numbered({ ...event, delta: out, ...(Array.isArray(event.logprobs) ? { logprobs: [] } : {}) });
            await yieldToEventLoop();
          }
        } else if (type === 'response.refusal.delta' && typeof event.delta === 'string') {
          const out = await channel(`refusal:${keyOf(event)}`).push(event.delta, false);
          if (out) yield numbered({ ...event, delta: out });
        } else if (type === 'response.refusal.done') {
          const key = `refusal:${keyOf(event)}`;
          const fresh = !channels.has(key);
          const c = channel(key);
          const out = await c.push(fresh && typeof event.refusal === 'string' ? event.refusal : '', true);
          if (out) yield numbered({ type: 'response.refusal.delta', item_id: event.item_id, output_index: event.output_index, content_index: event.content_index, delta: out });
          yield numbered({ ...event, refusal: c.released });
        } else if (type === 'response.output_text.done') {
          const fresh = !channels.has(keyOf(event));
          const c = channel(keyOf(event));
          // No deltas came for this part (unusual): its whole text is guarded here.
          const out = await c.push(fresh && typeof event.text === 'string' ? event.text : '', true);
          const noLogprobs = Array.isArray(event.logprobs) || Array.isArray(lastDelta?.logprobs) ? { logprobs: [] } : {};
          if (out) yield numbered({ ...(lastDelta ?? event), type: 'response.output_text.delta', item_id: event.item_id, output_index: event.output_index, content_index: event.content_index, delta: out, ...noLogprobs });
          yield numbered({ ...event, text: c.released, ...noLogprobs });
        } else if (type === 'response.content_part.done' && isObject(event.part)) {
          const c = channels.get(keyOf(event));
          const r = channels.get(`refusal:${keyOf(event)}`);
          yield numbered(
            c && typeof event.part.text === 'string'
              ? { ...event, part: { ...event.part, text: c.released, ...(Array.isArray(event.part.logprobs) ? { logprobs: [] } : {}) } }
              : r && typeof event.part.refusal === 'string'
                ? { ...event, part: { ...event.part, refusal: r.released } }
                : event,
          );
        } else if (type === 'response.custom_tool_call_input.delta') {
          customInputs.set(String(event.item_id), (customInputs.get(String(event.item_id)) ?? '') + (typeof event.delta === 'string' ? event.delta : ''));
        } else if (type === 'response.custom_tool_call_input.done') {
          const id = String(event.item_id);
          const c = new TextChannel(this);
          await c.push(typeof event.input === 'string' ? event.input : (customInputs.get(id) ?? ''), true);
          guardedInputs.set(id, c.released);
          yield numbered({ type: 'response.custom_tool_call_input.delta', item_id: event.item_id, output_index: event.output_index, delta: c.released });
          yield numbered({ ...event, input: c.released });
        } else if (type === 'response.function_call_arguments.delta') {
          args.set(String(event.item_id), (args.get(String(event.item_id)) ?? '') + (typeof event.delta === 'string' ? event.delta : ''));
        } else if (type === 'response.function_call_arguments.done') {
          const id = String(event.item_id);
          const guarded = await this.guardArguments(typeof event.arguments === 'string' ? event.arguments : (args.get(id) ?? ''));
          guardedArgs.set(id, guarded);
          yield numbered({ type: 'response.function_call_arguments.delta', item_id: event.item_id, output_index: event.output_index, delta: guarded });
          yield numbered({ ...event, arguments: guarded });
        } else if (type === 'response.output_item.done') {
          yield numbered({ ...event, item: rewriteItem(event.item) });
        } else if ((type === 'response.completed' || type === 'response.incomplete') && isObject(event.response)) {
          const r = event.response;
          const output = Array.isArray(r.output) ? r.output.map(rewriteItem) : r.output;
          const outputText = typeof r.output_text === 'string' ? { output_text: [...channels].filter(([key]) => !key.startsWith('refusal:')).map(([, c]) => c.released).join('') } : {};
          yield numbered({ ...event, response: { ...r, output, ...outputText } });
        } else {
          yield numbered(event);
        }
      }
    } catch (error) {
      if (!(error instanceof StreamBlocked)) throw error;
      const refusal = this.refusalText();
      if (refusal && lastDelta) yield numbered({ ...lastDelta, delta: refusal });
      yield numbered({
        type: 'response.incomplete',
        response: { ...(lastResponse ?? {}), status: 'incomplete', incomplete_details: { reason: 'content_filter' }, output: [] },
      });
    }
  }
}
