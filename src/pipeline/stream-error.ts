import type { OpenAIErrorBody } from './types.js';

/**
 * Throw from a chunk stream (e.g. an output guard blocking mid-answer) to end it with this error.
 * Before the first chunk the gateway answers with `status` and a JSON error; after it, the error is
 * sent as the stream's last event (OpenAI's in-stream error shape).
 */
export class StreamError extends Error {
  readonly status: number;
  readonly error: OpenAIErrorBody;
  constructor(status: number, error: OpenAIErrorBody) {
    super(error.message);
    this.name = 'StreamError';
    this.status = status;
    this.error = error;
  }
}
