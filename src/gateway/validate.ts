/** Turns a zod failure into OpenAI's 400: `param` names the field, the message says what is wrong. */
import type { z } from 'zod';
import { ApiError } from './errors.js';
import { describeInvalidBody } from '../pipeline/request-schemas.js';
import type { OpenAIErrorBody } from '../pipeline/types.js';

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object.', { code: 'invalid_request_body' });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw invalidBody(describeInvalidBody(result.error, body));
}

export function invalidBody(error: OpenAIErrorBody): ApiError {
  return new ApiError(400, error.message, { code: error.code ?? 'invalid_value', param: error.param });
}
