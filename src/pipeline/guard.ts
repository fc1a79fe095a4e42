/**
 * The guardrail stage of the pipeline (a `GuardStage`, see pipeline.ts):
 *  - input: repeat-offender gate → every model-visible text (system, user, assistant history, tool
 *    results, tool descriptions; Responses `input`/`instructions`; completions `prompt`; embeddings
 *    `input`) scanned by all detectors + the tenant's rules → policy decision → block (error or
 *    refusal), vetted answer, or a rewritten body (pseudonymized / redacted) for the upstream;
 *  - output (non-streamed): answer text and tool-call arguments scanned → block / answer / transform,
 *    then pseudonyms restored;
 *  - outputStream: the sliding-window stream guard (./guard/stream.ts).
 * Verdicts (no text) go to `ctx.verdicts`, the policy version to `ctx.policyVersion`.
 */
import type { Registry } from 'prom-client';
import type { Detector, Verdict } from '../../guardrails/core/types.js';
import { PolicyStore, detectLanguage, ruleListCategories, type Decision, type Policy, type PolicySet } from '../../guardrails/policy/index.js';
import { createDetector } from '../../guardrails/registry.js';
import type { SealGateConfig } from '../config/schema.js';
import type { GuardrailsConfig } from '../config/sections/guardrails.js';
import { createViolationStore } from '../store/violations/index.js';
import type { ViolationStore } from '../store/violations/types.js';
import type { GuardStage, InputDecision } from './pipeline.js';
import type { PipelineResult, RequestContext, Surface } from './types.js';
import type { Chunk } from '../upstream/types.js';
import { RepeatOffenders } from './guard/repeat-offenders.js';
import { guardFailure, policyError, textReply, unguardableInput, unreadableInput } from './guard/replies.js';
import { unreadablePart } from './guard/unreadable.js';
import { Scanner, warmUp } from './guard/scanner.js';
import { ScanPool, type DetectorSpec } from './guard/offload.js';
import { StreamGuard } from './guard/stream.js';
import { guardedResponse, requestSlots, responseSlots, tokenIdField, UnguardableInputError, withoutStaleLogprobs, withReplacements, type TextSlot } from './guard/texts.js';
import { applyTransforms, firstPlaceholderNumber, PseudonymVault } from './guard/transform.js';
import { createGuardMetrics } from './guard/metrics.js';
import { pushVerdicts, verdictHeader } from './guard/verdicts.js';
import { asksForJson, isAnswerText } from './guard/json-answer.js';
import { hashKeyFor } from './hash-key.js';
import { noteDropped } from './guard/dropped.js';
import { sentEchoes } from './guard/shapes.js';

export { verdictHeader } from './guard/verdicts.js';
export { Scanner } from './guard/scanner.js';
export { PseudonymVault } from './guard/transform.js';

/** The subset of a pino logger the guard uses. Never given text. */
export interface GuardLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface GuardDeps {
  config: GuardrailsConfig;
  policies: { readonly current: PolicySet };
  scanner: Scanner;
  offenders?: RepeatOffenders;
  logger?: GuardLogger;
  /** Keys the `hash` operator (see src/pipeline/hash-key.ts). */
  hashKey?: Buffer;
}

/** Per-request guard state: one policy (never re-read mid-request) and the pseudonym vault. */
interface GuardState {
  policy: Policy;
  vault: PseudonymVault;
  language: string;
  /**
   * The request's fields a Responses object echoes (`ECHOED_FIELDS`) as the client sent them, for those the input
   * guard rewrote: the answer gives them back unchanged.
   */
  echoes?: Record<string, unknown>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const OUTCOME_RANK = { allow: 0, flag: 1, transform: 2, answer: 3, block: 4 } as const;

/** Synchronous scanning a request may do before it lets the event loop serve others (see scanSlots). */
const SCAN_SLICE_MS = 10;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function merge(decisions: readonly Decision[], stage: 'input' | 'output'): Decision {
  let outcome: Decision['outcome'] = 'allow';
  let clean = true;
  for (const d of decisions) {
    if (OUTCOME_RANK[d.outcome] > OUTCOME_RANK[outcome]) outcome = d.outcome;
    if (d.categories.length > 0 || d.acted.length > 0) clean = false;
  }
  // Nothing found in any text (most requests): the same empty decision without a Set, a filter and two flatMaps.
  if (clean) return { stage, outcome, acted: [], categories: [] };
  const categories = [...new Set(decisions.filter((d) => d.outcome === outcome).flatMap((d) => d.categories))].sort();
  return { stage, outcome, acted: decisions.flatMap((d) => d.acted), categories };
}

export function createGuardStage(deps: GuardDeps): GuardStage {
  const states = new WeakMap<RequestContext, GuardState>();
  const { config, scanner } = deps;

  const stateOf = (ctx: RequestContext, surface: Surface, body: Record<string, unknown>): GuardState => {
    let state = states.get(ctx);
    if (!state) {
      const policy = deps.policies.current.forTenant(ctx.tenantId);
      ctx.policyVersion = policy.version;
      state = { policy, vault: new PseudonymVault(deps.hashKey, firstPlaceholderNumber(surface, body)), language: 'en' };
      states.set(ctx, state);
    }
    return state;
  };

  const historyDetectors = new Set(config.input.historyDetectors);
  const identifierDetectors = new Set(config.input.identifierDetectors);
  /** Texts the scan pool takes: their main-thread steps (decision, rewrite) are spread over turns of the event loop. */
  const longTextChars = scanner.pool && scanner.pool.options.workers > 0 ? scanner.pool.options.minChars : Infinity;

  async function scanSlots(slots: readonly TextSlot[], state: GuardState, stage: 'input' | 'output', ctx: RequestContext, firstRecent = 0): Promise<Decision[]> {
    const decisions: Decision[] = [];
    let sliceStart = performance.now();
    for (const slot of slots) {
      // Many texts in one request (an embeddings input of 200,000 strings is 1 MB) scan for seconds:
      // let other requests run between slices instead of stalling the event loop until the last one.
      if (performance.now() - sliceStart > SCAN_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      const old = firstRecent > 0 && slot.path[0] === 'messages' && (slot.path[1] as number) < firstRecent && slot.role !== 'system' && slot.role !== 'developer';
      // A fresh memo per slot here saves the scanner copying the context to add one.
      const only = slot.identifiers ? identifierDetectors : old ? historyDetectors : undefined;
      const scanned = scanner.scanNow(slot.text, state.policy, { stage, role: slot.role, tenant: ctx.tenantId, memo: new Map() }, only);
      const all = scanned instanceof Promise ? await scanned : scanned;
      const findings = slot.participantNames ? all.filter((f) => f.category !== 'pii.person') : all;
      // A long text's rules and merge ran in the continuation above; its decision (tens of thousands of findings) gets its own turn.
      if (slot.text.length >= longTextChars) await yieldToEventLoop();
      decisions.push(state.policy.decide(findings, stage));
    }
    return decisions;
  }

  const blockResult = (state: GuardState, surface: Surface, body: Record<string, unknown>, stage: 'input' | 'output', categories: string[]): PipelineResult =>
    state.policy.onBlock.mode === 'refusal' && surface !== 'embeddings'
      ? textReply(surface, body, state.policy.refusal(state.language), stage === 'input' ? 'stop' : 'content_filter')
      : policyError(stage, categories);

  /** Applies the output transforms to the answer's slots and restores pseudonyms; the slots `skip` names are left as they are. */
  async function restoreAnswer(surface: Surface, body: Record<string, unknown>, visible: unknown, slots: readonly TextSlot[], decisions: readonly Decision[], state: GuardState, skip?: (slot: TextSlot) => boolean): Promise<unknown> {
    const replacements = new Map<TextSlot, string>();
    const json = asksForJson(surface, body);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (skip?.(slot)) continue;
      if (slot.text.length >= longTextChars) await yieldToEventLoop();
      const transformed = decisions[i] ? applyTransforms(slot.text, decisions[i].acted, state.vault, 'output') : slot.text;
      // A JSON answer holds its placeholders in JSON strings: values go back escaped, like tool-call arguments.
      const restored = state.vault.restore(transformed, json && isAnswerText(surface, visible, slot.path) ? 'arguments' : slot.kind);
      if (restored !== slot.text) replacements.set(slot, restored);
    }
    return replacements.size ? withoutStaleLogprobs(withReplacements(visible, replacements), replacements.keys()) : visible;
  }

  /**
   * A chat or legacy completion with several choices whose block (or vetted answer) comes from some of its
   * choices only: their positions in `choices`. Undefined when one choice, every choice, or a text outside
   * the choices decided it (the whole answer is then blocked as before).
   */
  function blockedChoices(surface: Surface, visible: unknown, slots: readonly TextSlot[], decisions: readonly Decision[]): Set<number> | undefined {
    if (surface !== 'chat.completions' && surface !== 'completions') return undefined;
    const choices = (visible as { choices?: unknown }).choices;
    if (!Array.isArray(choices) || choices.length < 2) return undefined;
    const blocked = new Set<number>();
    for (let i = 0; i < slots.length; i++) {
      const outcome = decisions[i]?.outcome;
      if (outcome !== 'block' && outcome !== 'answer') continue;
      const [field, position] = slots[i]!.path;
      if (field !== 'choices' || typeof position !== 'number') return undefined;
      blocked.add(position);
    }
    return blocked.size > 0 && blocked.size < choices.length ? blocked : undefined;
  }

  /**
   * The answer with the blocked choices withheld, as the stream guard ends a blocked choice: `finish_reason`
   * `content_filter`, no text of it (the refusal as its content in refusal mode), no tool calls, no logprobs.
   * The other choices are transformed and restored as usual; usage and the envelope stay.
   */
  async function withBlockedChoices(surface: Surface, body: Record<string, unknown>, visible: unknown, slots: readonly TextSlot[], decisions: readonly Decision[], blocked: ReadonlySet<number>, state: GuardState): Promise<unknown> {
    const skip = (slot: TextSlot): boolean => slot.path[0] === 'choices' && blocked.has(slot.path[1] as number);
    const restored = (await restoreAnswer(surface, body, visible, slots, decisions, state, skip)) as { choices: unknown[] };
    const refusal = state.policy.onBlock.mode === 'refusal' ? state.policy.refusal(state.language) : undefined;
    const choices = restored.choices.map((choice, position) => {
      if (!blocked.has(position)) return choice;
      const index = isRecord(choice) && typeof choice.index === 'number' ? choice.index : position;
      return surface === 'completions'
        ? { text: refusal ?? '', index, logprobs: null, finish_reason: 'content_filter' }
        : { index, message: { role: 'assistant', content: refusal ?? null, refusal: null }, logprobs: null, finish_reason: 'content_filter' };
    });
    return { ...restored, choices };
  }

  return {
    name: 'guardrails',

    async input({ surface, body, ctx }): Promise<InputDecision> {
      const state = stateOf(ctx, surface, body);
      if (deps.offenders) {
        const refused = await deps.offenders.gate(ctx).catch((error: Error) => {
          deps.logger?.warn({ reason: error.message }, 'repeat-offender store unavailable; not gating');
          return undefined;
        });
        if (refused) return { action: 'stop', result: refused };
      }
      if (!config.input.enabled) return { action: 'continue' };
      const tokenIds = tokenIdField(surface, body);
      if (tokenIds) return { action: 'stop', result: unguardableInput(tokenIds) };
      // A PDF, a file id, an image …: what no detector can read goes upstream only where the config lets it.
      const unreadable = unreadablePart(surface, body, config.input);
      if (unreadable) return { action: 'stop', result: unreadableInput(unreadable) };

      let slots: TextSlot[];
      try {
        slots = requestSlots(surface, body);
      } catch (error) {
        if (error instanceof UnguardableInputError) return { action: 'stop', result: unguardableInput(error.param, error.message) };
        throw error;
      }
      // Older turns were fully guarded when they were new: only the history detectors (PII by default,
      // so pseudonymization stays complete) run on them.
      const firstRecent =
        config.input.lastMessages > 0 && surface === 'chat.completions' && Array.isArray(body.messages) ? Math.max(0, body.messages.length - config.input.lastMessages) : 0;
      // The user's language is that of what they wrote: not an attachment's URL, file name or contents.
      const lastUser = [...slots].reverse().find((s) => s.role === 'user' && !s.identifiers && !s.encode && s.path[s.path.length - 1] !== 'filename');
      state.language = detectLanguage(lastUser?.text ?? slots[slots.length - 1]?.text ?? '');

      let decisions: Decision[];
      try {
        decisions = await scanSlots(slots, state, 'input', ctx, firstRecent);
      } catch (error) {
        deps.logger?.error({ reason: (error as Error).message, requestId: ctx.requestId }, 'input guardrails failed');
        return config.failOpen ? { action: 'continue' } : { action: 'stop', result: guardFailure() };
      }
      const decision = merge(decisions, 'input');
      pushVerdicts(ctx, 'input', decision.acted);

      let outcome = decision.outcome;
      let categories = decision.categories;
      let answerText: string | undefined;
      const replacements = new Map<TextSlot, string>();
      if (outcome === 'transform') {
        for (const [i, slot] of slots.entries()) {
          if (slot.text.length >= longTextChars) await yieldToEventLoop();
          const rewritten = applyTransforms(slot.text, decisions[i]!.acted, state.vault);
          if (rewritten === slot.text) continue;
          // A schema's enum/default value or a grammar cannot be rewritten and stay what the app meant.
          if (slot.fixed) {
            outcome = 'block';
            categories = decisions[i]!.categories;
            break;
          }
          replacements.set(slot, slot.encode ? slot.encode(rewritten) : rewritten);
        }
      }
      if (outcome === 'answer') {
        answerText = state.policy.answerFor(decision, state.language)?.text;
        if (answerText === undefined || surface === 'embeddings') outcome = 'block'; // no vetted answer: refusing is the safe side
      }
      const offenders = deps.offenders;
      const count = offenders
        ? (): Promise<void> =>
            offenders.record(ctx, outcome === 'block').catch((error: Error) => deps.logger?.warn({ reason: error.message }, 'repeat-offender store unavailable; not counted'))
        : undefined;
      // A request answered here is counted before its answer (a violation may add a verdict and a penalty). One
      // that goes on to the model is counted while the model works (the pipeline's `later`): it is never a
      // violation, adds no verdict, and with a shared store the count is a round trip off the request's path.
      if (count && (outcome === 'block' || outcome === 'answer')) await count();
      const later = count ? (): void => void count() : undefined;

      if (outcome === 'block') return { action: 'stop', result: blockResult(state, surface, body, 'input', categories) };
      if (outcome === 'answer') return { action: 'stop', result: textReply(surface, body, answerText!, 'stop') };
      if (outcome !== 'transform') return { action: 'continue', later };
      if (surface === 'responses') {
        for (const slot of replacements.keys()) {
          const field = slot.path[0];
          if (typeof field === 'string' && ECHOED_FIELDS.has(field)) (state.echoes ??= {})[field] = body[field];
        }
      }
      return { action: 'continue', body: withReplacements(body, replacements), later };
    },

    async output({ surface, body, ctx, response }): Promise<unknown> {
      const state = stateOf(ctx, surface, body);
      // With output guardrails on, only the fields the guard reads are relayed (shapes.ts); with them
      // off, the answer is relayed as sent and only pseudonyms are restored.
      const guarded = config.output.enabled ? guardedResponse(surface, response, surface === 'responses' ? sentEchoes(body) : undefined) : undefined;
      // Field names only, never the text: the gateway logs them once and counts them.
      if (guarded && guarded.dropped.length > 0) noteDropped(ctx, guarded.dropped);
      const visible = guarded ? guarded.body : response;
      const slots = guarded ? guarded.slots : responseSlots(surface, response);
      let decisions: Decision[] = [];
      if (config.output.enabled) {
        try {
          decisions = await scanSlots(slots, state, 'output', ctx);
        } catch (error) {
          deps.logger?.error({ reason: (error as Error).message, requestId: ctx.requestId }, 'output guardrails failed');
          if (!config.failOpen) return guardFailure();
        }
      }
      const decision = merge(decisions, 'output');
      pushVerdicts(ctx, 'output', decision.acted);
      // Several choices (`n` > 1) and some, not all, blocked: only those are withheld, as the stream guard does.
      const withheld = decision.outcome === 'block' || decision.outcome === 'answer' ? blockedChoices(surface, visible, slots, decisions) : undefined;
      if (withheld) return withBlockedChoices(surface, body, visible, slots, decisions, withheld, state);
      if (decision.outcome === 'block') return blockResult(state, surface, { ...body, stream: false }, 'output', decision.categories);
      if (decision.outcome === 'answer') {
        const plainBody = { ...body, stream: false };
        const vetted = state.policy.answerFor(decision, state.language);
        return vetted ? textReply(surface, plainBody, vetted.text, 'stop') : blockResult(state, surface, plainBody, 'output', decision.categories);
      }
      return withRequestEchoes(await restoreAnswer(surface, body, visible, slots, decisions, state), echoesOf(surface, body, state));
    },

    outputStream({ surface, body, ctx, chunks }) {
      const state = stateOf(ctx, surface, body);
      if (!config.output.enabled && state.vault.size === 0) return chunks;
      const echoes = echoesOf(surface, body, state);
      if (echoes !== undefined) return requestEchoes(runStreamGuard(surface, body, ctx, state, chunks), echoes);
      return runStreamGuard(surface, body, ctx, state, chunks);
    },
  };

  /** The sliding-window output guard over a stream (./guard/stream.ts), restoring pseudonyms as it releases text. */
  function runStreamGuard(surface: Surface, body: Record<string, unknown>, ctx: RequestContext, state: GuardState, chunks: AsyncIterable<Chunk>): AsyncIterable<Chunk> {
    const outputConfig = config.output.enabled ? config.output : { ...config.output, holdbackChars: 0, scanStepChars: 1 };
    return new StreamGuard({
      surface,
      ctx,
      policy: state.policy,
      vault: state.vault,
      scanner,
      config: outputConfig,
      language: state.language,
      scan: config.output.enabled,
      failOpen: config.failOpen,
      jsonAnswer: asksForJson(surface, body),
      choices: typeof (body as { n?: unknown }).n === 'number' ? (body as { n: number }).n : 1,
      sentEchoes: surface === 'responses' ? sentEchoes(body) : undefined,
    }).run(chunks);
  }

  /**
   * What a Responses object's echoes are set to: the fields the input guard rewrote, as the client sent them; with
   * output guardrails on, also the verbatim echoes (`VERBATIM_ECHOES`) the request carried, whatever the upstream
   * put there (shapes.ts RESPONSE_ECHOES: the guard does not read a sent echo).
   */
  function echoesOf(surface: Surface, body: Record<string, unknown>, state: GuardState): Record<string, unknown> | undefined {
    if (surface !== 'responses') return undefined;
    let echoes: Record<string, unknown> | undefined;
    if (config.output.enabled) for (const field of VERBATIM_ECHOES) if (body[field] !== undefined && body[field] !== null) (echoes ??= {})[field] = body[field];
    return state.echoes ? { ...echoes, ...state.echoes } : echoes;
  }
}

/**
 * Request fields a Responses object echoes as sent (OpenAI's response object: `instructions`, `tools`, `text`, the
 * stored `prompt` with its variables, `metadata`). Where the input guard rewrote one (a pseudonymized e-mail address
 * in the instructions), the client gets back what it sent, not the placeholder the upstream saw, as with the
 * end-user ids (end-user-ids.ts).
 */
const ECHOED_FIELDS: ReadonlySet<string> = new Set(['instructions', 'tools', 'text', 'prompt', 'metadata']);
/**
 * Echoes OpenAI returns exactly as sent: given back from the request, so an upstream cannot put unread text there.
 * `tools`, `text`, `reasoning` and `tool_choice` come back with the provider's defaults filled in (a tool's
 * `strict`, the text's `verbosity`): relayed as settings (shapes.ts RESPONSE_ECHOES).
 */
const VERBATIM_ECHOES = ['instructions', 'metadata', 'prompt'] as const;

function withRequestEchoes<T>(response: T, echoes: Record<string, unknown> | undefined): T {
  if (echoes === undefined || !isRecord(response) || response.object !== 'response') return response;
  let echoed: Record<string, unknown> | undefined;
  for (const [field, sent] of Object.entries(echoes)) if (response[field] !== undefined && response[field] !== sent) (echoed ??= { ...response })[field] = sent;
  return (echoed ?? response) as T;
}

async function* requestEchoes(chunks: AsyncIterable<Chunk>, echoes: Record<string, unknown>): AsyncIterable<Chunk> {
  for await (const event of chunks) {
    const inner = event.response;
    yield isRecord(inner) ? { ...event, response: withRequestEchoes(inner, echoes) } : event;
  }
}

export interface Guardrails {
  stage: GuardStage;
  /** Counts verdicts into the registry given to createGuardrails (an OutcomeObserver). */
  observer: (outcome: { verdicts: readonly Verdict[]; tenantId?: string }) => void;
  /** For the gateway's header hooks: `x-sealgate-verdict`. */
  headerHook: (ctx: RequestContext) => Record<string, string>;
  policies: PolicyStore;
  scanner: Scanner;
  violations: ViolationStore;
  /** The `hash` operator's key, for /v1/guardrails/check. */
  hashKey: Buffer;
  close(): Promise<void>;
}

/** Builds the detectors, policy store (with reload) and violation store from the config. */
export async function createGuardrails(
  config: Pick<SealGateConfig, 'guardrails' | 'redisUrl'> & Partial<Pick<SealGateConfig, 'privacy'>>,
  opts: { logger?: GuardLogger; registry?: Registry; hashKey?: Buffer } = {},
): Promise<Guardrails> {
  const g = config.guardrails;
  const hashKey = opts.hashKey ?? hashKeyFor(config.privacy);
  const detectors: Detector[] = [];
  const specs: DetectorSpec[] = [];
  for (const [name, detector] of Object.entries(g.detectors)) {
    if (!detector.enabled || name === 'rules') continue;
    detectors.push(await createDetector(name, detector.options));
    specs.push({ name, options: detector.options });
  }
  // Rule lists in the config are `sealgate scan`'s: the gateway's rules come from the policies. Said at start-up, and a
  // policy rule only they would fire is named in the policy warnings (guardrails/policy/unreachable.ts).
  const scanOnlyCategories = ruleListCategories(g.detectors.rules?.options.rules);
  if (g.detectors.rules?.options.rules !== undefined) {
    opts.logger?.warn({ setting: 'guardrails.detectors.rules.options.rules' }, "config rule lists are read by sealgate scan only; the gateway's rules come from the policies (guardrails.policies)");
  }
  const policies = PolicyStore.open(
    { dir: g.policies.dir, baselineFile: g.policies.baselineFile, listDirs: g.policies.listDirs, scanOnlyCategories },
    { logger: opts.logger, watchFiles: g.policies.watch && Boolean(g.policies.dir ?? g.policies.baselineFile), reloadOnSighup: g.policies.reloadOnSighup },
  );
  let violations: ViolationStore;
  try {
    violations = await createViolationStore(config);
  } catch (error) {
    policies.close();
    throw error;
  }
  await warmUp(detectors);
  // Long single texts are scanned by worker threads built from the same detector config (docs/gateway.md "Long texts").
  const pool = g.offload.workers > 0 && specs.length > 0 ? new ScanPool(specs, g.offload) : undefined;
  const scanner = new Scanner(detectors, pool);
  const offenders = g.repeatOffenders.enabled ? new RepeatOffenders(violations, g.repeatOffenders) : undefined;
  return {
    stage: createGuardStage({ config: g, policies, scanner, offenders, logger: opts.logger, hashKey }),
    headerHook: verdictHeader,
    observer: opts.registry ? createGuardMetrics(opts.registry, policies) : () => {},
    policies,
    scanner,
    violations,
    hashKey,
    async close() {
      policies.close();
      await Promise.all([violations.close(), pool?.close()]);
    },
  };
}
