/**
 * Messages between the gateway's main thread and the enclave worker. Everything that travels
 * main → worker is ciphertext or routing metadata; worker → main is ciphertext, verdicts, usage,
 * digests and timings. No field here may ever carry plaintext or private keys.
 */
import type { Verdict } from '../guardrails/core/types.js';
import type { AttestationResponse } from '../src/protocol/index.js';
import type { Surface, StageTimings } from '../src/pipeline/types.js';

export interface EnclaveRequestMeta {
  /** The gateway's request id (for logs/audit), distinct from the protocol's request id. */
  gatewayRequestId: string;
  tenantId: string;
  keyId: string;
  sourceIp?: string;
}

export type HostToEnclave =
  | { type: 'attest'; id: number; nonce: string }
  | {
      type: 'request';
      id: number;
      envelope: Uint8Array;
      /** Authenticated tenant and the OpenAI route: both are bound by the request's AAD. */
      tenant: string;
      route: string;
      surface: Surface;
      meta: EnclaveRequestMeta;
    }
  | { type: 'cancel'; id: number }
  | { type: 'sign'; id: number; payload: Uint8Array }
  | { type: 'rotate'; id: number }
  | { type: 'shutdown' };

/** What the enclave releases about a finished request: never text. */
export interface EnclaveRelease {
  verdicts: Verdict[];
  timings: StageTimings;
  usage?: { promptTokens: number; completionTokens: number };
  digests?: { input?: string; output?: string };
  provider?: string;
  policyVersion?: string;
  /** Names (never values) of answer fields the output guard dropped unread. */
  droppedFields?: string[];
  /** The OpenAI error code when the pipeline refused or failed (e.g. `content_policy_violation`). */
  errorCode?: string;
  /**
   * Set when the enclave will sign this request's final receipt itself, right after this release
   * (a `receipt` message follows): signing stays off the response's path, and the audit's signing
   * request for exactly those bytes needs no worker round trip (host.ts `signReceipt`).
   */
  receiptFollows?: string;
}

export interface EnclaveIdentity {
  measurement: string;
  parts: { code: string; models: string; policy: string };
  keyId: string;
  signingPublicKey: string;
  rootKeyId: string;
}

export type EnclaveToHost =
  | ({ type: 'ready' } & EnclaveIdentity)
  | { type: 'startup_failed'; message: string }
  | { type: 'attested'; id: number; response: AttestationResponse }
  /** Refused before anything was decrypted (or decryption failed): a plain, text-free error. */
  | { type: 'rejected'; id: number; status: number; code: string; message: string }
  /**
   * Status and the first sealed bytes (response nonce, maybe frames). A complete response (non-
   * streaming, or a stream that was already over) carries its `release` too: one hop for all of it.
   */
  | { type: 'head'; id: number; status: number; stream: boolean; bytes: Uint8Array; release?: EnclaveRelease }
  | { type: 'frame'; id: number; bytes: Uint8Array }
  /** The last sealed bytes (if any) and what the enclave releases about the request. */
  | { type: 'end'; id: number; release: EnclaveRelease; bytes?: Uint8Array }
  | { type: 'signed'; id: number; signature: Uint8Array; signingPublicKey: string; measurement: string }
  /** The payload states facts (verdicts, digests, policy, tenant) other than those the enclave released for that request. */
  | { type: 'sign_refused'; id: number }
  /** A final receipt signed after its release (payload JSON and signature), for the gateway request `rid`. */
  | { type: 'receipt'; rid: string; payload: Uint8Array; signature: Uint8Array }
  | { type: 'rotated'; id: number; keyId: string }
  | { type: 'failed'; id: number; message: string };
