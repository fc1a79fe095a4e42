/**
 * Issues receipts (src/protocol/receipt-token.ts) from what is known about a request: its id,
 * tenant, content digests, policy version, verdicts and (confidential mode) the enclave measurement.
 * Text never enters a receipt.
 */
import { sign, type KeyObject } from 'node:crypto';
import type { Verdict } from '../../guardrails/core/types.js';
import { assembleReceiptFromSigned, encodeReceipt, type ReceiptPayload, type ReceiptSigner } from '../protocol/receipt-token.js';
import { receiptSignedBytesOfJson } from '../protocol/receipt.js';
import { createEd25519Signer } from './ed25519-signer.js';

export interface ReceiptFacts {
  requestId: string;
  tenantId?: string;
  digests?: { input?: string; output?: string };
  policyVersion?: string;
  verdicts: readonly Verdict[];
  measurement?: string;
  status?: number;
  /** False while the output is still unknown (header receipt of a stream). */
  final: boolean;
}

export class ReceiptIssuer {
  private readonly sign: ReceiptSigner;

  constructor(
    private readonly signingKey: KeyObject,
    readonly kid: string,
  ) {
    this.sign = createEd25519Signer(signingKey);
  }

  payload(f: ReceiptFacts, now = Date.now()): ReceiptPayload {
    const p: ReceiptPayload = {
      v: 1,
      kid: this.kid,
      rid: f.requestId,
      iat: Math.floor(now / 1000),
      vd: f.verdicts.map((v) => ({ st: v.stage, det: v.detector, cat: v.category, sc: Math.round(v.score * 10_000) / 10_000, act: v.action })),
      fin: f.final,
    };
    if (f.tenantId) p.ten = f.tenantId;
    if (f.digests?.input || f.digests?.output) p.dig = { in: f.digests.input, out: f.digests.output };
    if (f.policyVersion) p.pv = f.policyVersion;
    if (f.measurement) p.m = f.measurement;
    if (f.status !== undefined) p.st = f.status;
    return p;
  }

  issue(f: ReceiptFacts): string {
    return encodeReceipt(this.payload(f), this.sign);
  }

  /** The receipt for a payload already serialised with JSON.stringify (same bytes as `issue`). */
  issueJson(json: string): string {
    const signed = receiptSignedBytesOfJson(json);
    return assembleReceiptFromSigned(signed, this.sign(signed));
  }

  /** issueJson with the signature computed on libuv's thread pool (node:crypto's callback form): same token. */
  issueJsonAsync(json: string): Promise<string> {
    const signed = receiptSignedBytesOfJson(json);
    return new Promise((resolve, reject) => {
      sign(null, signed, this.signingKey, (err, signature) => (err ? reject(err) : resolve(assembleReceiptFromSigned(signed, signature))));
    });
  }
}
