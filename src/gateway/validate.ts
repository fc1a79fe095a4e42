/** Turns a zod failure into OpenAI's 400: `param` names the field, the message says what is wrong. */
import type { z } from 'zod';
import { ApiError } from './errors.js';

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(400, 'The request body must be a JSON object.', { code: 'invalid_request_body' });
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // The deepest issue is the most specific one (unions report their branches' issues).
  const issue = pickIssue(result.error.issues);
  const param = issue.path.map(String).join('.') || null;
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  const message = missing
    ? `Missing required parameter: '${param}'.`
    : param
      ? `Invalid value for '${param}': ${issue.message}.`
      : `Invalid request body: ${issue.message}.`;
  throw new ApiError(400, message, { code: missing ? 'missing_required_parameter' : 'invalid_value', param });
}

function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  let best = issues[0]!;
  for (const issue of issues) if (issue.path.length > best.path.length) best = issue;
  return best;
}
