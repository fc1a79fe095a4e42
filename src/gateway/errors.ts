/**
 * Every error leaves the gateway in OpenAI's shape: {"error":{"message","type","code","param"}}.
 * Throw ApiError anywhere in a handler or middleware; the error middleware formats it.
 */
import type { OpenAIErrorBody } from '../pipeline/types.js';

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly param: string | null;
  readonly headers: Record<string, string>;
  /** Why, for the request log and audit only, where it differs from the client's `code` (never sent). */
  readonly reason: string | undefined;

  constructor(
    status: number,
    message: string,
    opts: { type?: string; code?: string | null; param?: string | null; headers?: Record<string, string>; reason?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.type = opts.type ?? defaultType(status);
    this.code = opts.code ?? null;
    this.param = opts.param ?? null;
    this.headers = opts.headers ?? {};
    this.reason = opts.reason;
  }

  toBody(): { error: OpenAIErrorBody } {
    return { error: { message: this.message, type: this.type, code: this.code, param: this.param } };
  }
}

/**
 * OpenAI's answer for a model the caller cannot use. A model nobody serves and one the caller's allow-list
 * leaves out get the same answer, so a tenant cannot enumerate the models other tenants use; the log and
 * the audit record keep the difference (`reason: 'model_not_allowed'`).
 */
export function modelNotFound(model: string, reason?: 'model_not_allowed'): ApiError {
  return new ApiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, { type: 'invalid_request_error', code: 'model_not_found', param: 'model', ...(reason ? { reason } : {}) });
}

function defaultType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}
