/**
 * Repeat offenders: counts blocked inputs per end user (the body's `user` or a header) and per API key,
 * and applies the configured response — warn (recorded), throttle (one request per interval), suspend
 * (refused until it expires). Every trigger and refusal is a verdict, so the audit trail shows it.
 *
 * The key is always counted, whatever `user` a request names: the end-user id is the client's word, so
 * a client that sends a fresh one with each request is never caught by the per-user rules and must
 * meet the key's. The key also counts the distinct end users it saw blocked (`distinctUsers` in its
 * rules): one persistent offender adds 1 there, a client rotating ids adds 1 per request.
 */
import { hash } from 'node:crypto';
import type { Verdict } from '../../../guardrails/core/types.js';
import type { GuardrailsConfig, OffenderRule } from '../../config/sections/guardrails.js';
import type { ViolationStore } from '../../store/violations/types.js';
import type { OpenAIErrorBody, PipelineResult, RequestContext } from '../types.js';

type Config = GuardrailsConfig['repeatOffenders'];

/**
 * The end user's subject, if the request names one: a digest of the id, never the id. Apps often use an e-mail
 * address or a phone number as `user`, and the subject is stored (violation store, Redis keys and the sets of a
 * key's blocked users), so keeping it as written put personal data at rest; a digest also bounds its size (the
 * body's `user` has no length limit). The same user gives the same subject.
 */
function userSubject(ctx: RequestContext): string | undefined {
  if (!ctx.endUser) return undefined;
  return `user#:${ctx.tenantId}:${hash('sha256', ctx.endUser, 'base64url')}`;
}

/** The end user (if named), then always the API key. */
export function subjectsOf(ctx: RequestContext, _config?: Config): string[] {
  const user = userSubject(ctx);
  return user ? [user, `key:${ctx.keyId}`] : [`key:${ctx.keyId}`];
}

const verdict = (category: string, action: Verdict['action'], score = 1): Verdict => ({ stage: 'input', detector: 'repeat_offender', category, score, action });

function refusal(status: number, code: string, message: string, retryAfterMs: number): PipelineResult {
  const error: OpenAIErrorBody = { message, type: status === 429 ? 'rate_limit_error' : 'permission_error', code, param: null };
  return { kind: 'error', status, error, headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } };
}

export class RepeatOffenders {
  constructor(
    private readonly store: ViolationStore,
    private readonly config: Config,
    private readonly now: () => number = Date.now,
  ) {}

  /** Before guarding: a suspended or throttled subject is refused (and that refusal is a verdict). */
  async gate(ctx: RequestContext): Promise<PipelineResult | undefined> {
    if (!this.config.enabled) return undefined;
    for (const subject of subjectsOf(ctx)) {
      const penalty = await this.store.getPenalty(subject);
      if (!penalty) continue;
      const who = subject.startsWith('key:') ? 'This API key' : 'This user';
      if (penalty.kind === 'suspend') {
        ctx.verdicts.push(verdict('abuse.repeat_offender.suspended', 'block'));
        return refusal(403, 'user_suspended', `${who} is suspended after repeated content policy violations.`, penalty.untilMs - this.now());
      }
      const interval = penalty.intervalMs ?? 10_000;
      if (!(await this.store.takeSlot(subject, interval))) {
        ctx.verdicts.push(verdict('abuse.repeat_offender.throttled', 'block'));
        return refusal(429, 'violation_throttled', `${who} is throttled after repeated content policy violations.`, interval);
      }
    }
    return undefined;
  }

  /** After the input decision: count it, and apply the strongest rule it triggers. */
  async record(ctx: RequestContext, violated: boolean): Promise<void> {
    if (!this.config.enabled) return;
    const windowMs = this.config.windowSeconds * 1000;
    const user = userSubject(ctx);
    const key = `key:${ctx.keyId}`;
    for (const subject of user ? [user, key] : [key]) {
      const isKey = subject.startsWith('key:');
      // A violation's record on the key also notes which end user was blocked (none: null), for `distinctUsers`.
      const counts = isKey && violated ? await this.store.record(subject, violated, windowMs, user ?? null) : await this.store.record(subject, violated, windowMs);
      if (!violated) continue;
      const rules = isKey ? this.config.keyRules : this.config.rules;
      const triggered = rules.filter(
        (rule) =>
          (rule.consecutive !== undefined && counts.consecutive >= rule.consecutive) ||
          (rule.inWindow !== undefined && counts.inWindow >= rule.inWindow) ||
          (rule.distinctUsers !== undefined && (counts.distinctUsers ?? 0) >= rule.distinctUsers),
      );
      const strongest = strongestRule(triggered);
      if (!strongest) continue;
      ctx.verdicts.push(verdict(`abuse.repeat_offender.${strongest.response}`, strongest.response === 'warn' ? 'flag' : 'block', Math.min(1, counts.inWindow / 10)));
      if (strongest.response !== 'warn') {
        await this.store.setPenalty(subject, {
          kind: strongest.response,
          untilMs: this.now() + strongest.durationSeconds * 1000,
          intervalMs: strongest.throttleIntervalSeconds * 1000,
        });
      }
    }
  }
}

const STRENGTH: Record<OffenderRule['response'], number> = { warn: 0, throttle: 1, suspend: 2 };

function strongestRule(rules: readonly OffenderRule[]): OffenderRule | undefined {
  return rules.reduce<OffenderRule | undefined>((best, r) => (!best || STRENGTH[r.response] > STRENGTH[best.response] ? r : best), undefined);
}
