/**
 * `GET /v1/attestation?nonce=…`: a fresh attestation document signed by the enclave root for the
 * client's challenge. Authenticated like every /v1 route; the response also names the caller's
 * tenant (unsigned), which the client binds into each request's associated data.
 */
import { z } from 'zod';
import type { Router } from 'express';
import type { GatewayDeps } from '../app.js';
import type { AuthContext } from '../auth-context.js';
import { ApiError } from '../errors.js';
import { EnclaveError } from '../../../enclave-sim/host.js';

const nonceSchema = z
  .string({ error: 'The `nonce` query parameter is required (16–64 random bytes, base64url).' })
  .regex(/^[A-Za-z0-9_-]{22,86}$/, 'The `nonce` must be 16–64 random bytes in base64url.');

export function attestationRoutes(router: Router, deps: GatewayDeps): void {
  router.get('/v1/attestation', async (req, res) => {
    res.locals.route = '/v1/attestation';
    const runtime = deps.confidential;
    if (!runtime) throw new ApiError(404, 'Confidential mode is not enabled on this gateway.', { code: 'confidential_disabled' });
    const nonce = nonceSchema.safeParse(req.query.nonce);
    if (!nonce.success) throw new ApiError(400, nonce.error.issues[0]!.message, { code: 'invalid_nonce', param: 'nonce' });
    let attestation;
    try {
      attestation = await runtime.host.attest(nonce.data);
    } catch (error) {
      if (error instanceof EnclaveError) throw new ApiError(error.status, error.message, { code: error.code, headers: { 'retry-after': '1' } });
      throw error;
    }
    res.locals.measurement = runtime.host.identity?.measurement;
    res.setHeader('cache-control', 'no-store');
    res.json({ ...attestation, tenant: (res.locals.auth as AuthContext | undefined)?.tenantId ?? null });
  });
}
