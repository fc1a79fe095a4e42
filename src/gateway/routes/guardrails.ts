/**
 * `POST /v1/moderations` (OpenAI's moderation request/response shape, scored by our classifiers) and
 * `POST /v1/guardrails/check` (every finding with spans, the caller's policy decision and the
 * transformed text). Neither calls the upstream; both record verdicts (no text) for audit.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { MountRoutes } from './index.js';
import type { GatewayDeps } from '../app.js';
import { ApiError } from '../errors.js';
import { parseBody } from '../validate.js';
import { contextFor } from '../request-context.js';
import { check, moderate } from '../../pipeline/guard/check.js';

const MAX_INPUTS = 64;
const textPart = z.looseObject({ type: z.literal('text'), text: z.string() });
const imagePart = z.looseObject({ type: z.literal('image_url') });

const moderationBody = z.looseObject({
  input: z.union([
    z.string(),
    z.array(z.string()).min(1).max(MAX_INPUTS),
    z.array(z.union([textPart, imagePart])).min(1).max(MAX_INPUTS),
  ]),
  model: z.string().min(1).optional(),
});

const checkBody = z
  .object({
    input: z.union([z.string(), z.array(z.string()).min(1).max(MAX_INPUTS)]),
    /** Which policy stage to decide with. */
    stage: z.enum(['input', 'output']).default('input'),
  })
  .strict();

/** Moderation "flagged" threshold, like OpenAI's: a category at or above it is flagged. */
const FLAG_THRESHOLD = 0.5;

/**
 * The texts of a multi-modal input. The classifiers read text only: an image part is refused rather than
 * scored as nothing (an image nobody looked at answered `flagged: false`).
 */
function partTexts(parts: readonly (string | { type: string; text?: unknown })[]): string[] {
  return parts.map((part, i) => {
    if (typeof part !== 'string' && part.type === 'text') return String(part.text);
    throw new ApiError(400, `input[${i}] is an image, which SealGate's moderation cannot read (its classifiers read text). Send text parts only.`, {
      code: 'unguardable_input',
      param: `input[${i}]`,
    });
  });
}

export const guardrailsRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  /** The guardrails, the request context and the caller's policy (its version recorded for audit). */
  const tenantPolicy = (req: Request, res: Response) => {
    if (!deps.guardrails) throw new ApiError(404, 'Guardrails are disabled on this gateway (guardrails.enabled is false).', { code: 'guardrails_disabled' });
    const guardrails = deps.guardrails;
    const ctx = contextFor(req, res);
    const policy = guardrails.policies.current.forTenant(ctx.tenantId);
    ctx.policyVersion = policy.version;
    return { guardrails, ctx, policy };
  };

  router.post('/v1/moderations', async (req, res) => {
    res.locals.route = '/v1/moderations';
    const body = parseBody(moderationBody, req.body);
    const { guardrails, ctx, policy } = tenantPolicy(req, res);
    // A string or each string of a list is one input; a list of parts is ONE input (OpenAI gives it one result).
    const inputs: string[][] =
      typeof body.input === 'string' ? [[body.input]] : body.input.every((item) => typeof item === 'string') ? body.input.map((text) => [text]) : [partTexts(body.input)];
    const results = await moderate(guardrails.scanner, policy, inputs, ctx, FLAG_THRESHOLD);
    res.json({ id: `modr-${randomBytes(12).toString('hex')}`, model: body.model ?? 'sealgate-moderation', results });
  });

  router.post('/v1/guardrails/check', async (req, res) => {
    res.locals.route = '/v1/guardrails/check';
    const body = parseBody(checkBody, req.body);
    const { guardrails, ctx, policy } = tenantPolicy(req, res);
    const texts = typeof body.input === 'string' ? [body.input] : body.input;
    const results = await check(guardrails.scanner, policy, texts, body.stage, ctx, guardrails.hashKey);
    res.json({ object: 'guardrails.check', policy: policy.version, stage: body.stage, flagged: results.some((r) => r.flagged), results });
  });
};

/**
 * Mounted first: names the end user from a header (`guardrails.repeatOffenders.endUserHeader`) for
 * repeat-offender counting. A body's `user` field, set later by the surface handler, takes precedence.
 */
export const endUserHeaderRoutes: MountRoutes<GatewayDeps> = (router, deps) => {
  const header = deps.config.guardrails.repeatOffenders.endUserHeader.toLowerCase();
  router.use('/v1', (req, res, next) => {
    const value = req.headers[header];
    if (typeof value === 'string' && value.length > 0 && value.length <= 256) contextFor(req, res).endUser = value;
    next();
  });
};
