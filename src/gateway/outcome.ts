/**
 * What the gateway reports once a request is over, whatever its fate (served, blocked, failed,
 * rate-limited, confidential). Metrics and audit subscribe as observers; nothing here is text.
 */
import type { Verdict } from '../../guardrails/core/types.js';
import type { StageTimings } from '../pipeline/types.js';

export interface RequestOutcome {
  requestId: string;
  startedAt: Date;
  route: string;
  method: string;
  status: number;
  /** OpenAI error code when the request failed (`rate_limit_exceeded`, `content_policy_violation` …). */
  errorCode?: string;
  tenantId?: string;
  keyId?: string;
  sourceIp?: string;
  model?: string;
  provider?: string;
  stream: boolean;
  confidential: boolean;
  latencyMs: number;
  timings: StageTimings;
  usage?: { promptTokens: number; completionTokens: number };
  verdicts: Verdict[];
  digests?: { input?: string; output?: string };
  policyVersion?: string;
  /** Names (never values) of answer fields the output guard dropped unread. */
  droppedFields?: string[];
  /** Enclave measurement, confidential mode only. */
  measurement?: string;
}

export type OutcomeObserver = (outcome: RequestOutcome) => void | Promise<void>;
