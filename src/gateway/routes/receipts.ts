/**
 * Receipts: `GET /v1/receipts/{id}` returns the signed receipt of one of the caller's requests (the
 * final one: for streams it includes the output digest); `GET /v1/receipts/keys` lists the public
 * keys receipts are signed with (the audit key, and the enclave's attested key in confidential mode).
 */
import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import type { AuthContext } from '../auth-context.js';
import { ApiError } from '../errors.js';
import { decodeReceipt, receiptKeyId, receiptPublicKey } from '../../protocol/receipt-token.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const receiptsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  const audit = deps.audit;

  router.get('/v1/receipts/keys', (_req, res) => {
    res.locals.route = '/v1/receipts/keys';
    if (!audit) throw new ApiError(404, 'Receipts are disabled on this gateway (audit.enabled = false).', { code: 'receipts_disabled' });
    const data = [{ kid: audit.keys.kid, alg: 'Ed25519', public_key: audit.keys.publicKeyRaw, signer: 'gateway' }];
    const enclave = deps.confidential?.host.identity;
    if (enclave) {
      data.push({ kid: receiptKeyId(receiptPublicKey(enclave.signingPublicKey)), alg: 'Ed25519', public_key: enclave.signingPublicKey, signer: 'enclave' });
    }
    res.json({ object: 'list', data });
  });

  router.get('/v1/receipts/:id', async (req, res) => {
    res.locals.route = '/v1/receipts/{id}';
    if (!audit?.receipts) throw new ApiError(404, 'Receipts are disabled on this gateway (audit.receipts.enabled = false).', { code: 'receipts_disabled' });
    const id = String(req.params.id);
    if (!REQUEST_ID.test(id)) throw new ApiError(400, 'Invalid request id.', { code: 'invalid_request_id', param: 'id' });
    const auth = res.locals.auth as AuthContext;
    const stored = await audit.receipts.get(auth.tenantId, id);
    // Another tenant's receipt is reported as missing: its existence is not the caller's business.
    if (!stored || stored.tenantId !== auth.tenantId) {
      throw new ApiError(404, `No receipt for request ${id} (unknown, expired, or not yours).`, { code: 'receipt_not_found', param: 'id' });
    }
    res.json({ object: 'sealgate.receipt', id, receipt: stored.token, payload: decodeReceipt(stored.token) });
  });
};
