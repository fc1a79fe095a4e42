import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestLogger } from '../../../src/observability/logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

describe('logger redaction', () => {
  it('redacts credentials and message content wherever they slip into a log object', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        authorization: 'Bearer sk-live-123',
        req: { headers: { authorization: 'Bearer sk-live-456', 'x-api-key': 'k-789' } },
        apiKey: 'sk-abc',
        provider: { apiKey: 'sk-def', name: 'openai' },
        messages: [{ role: 'user', content: 'my phone is 13812345678' }],
        body: { input: 'secret input', prompt: 'secret prompt' },
        input: 'top-level input',
        requestId: 'req_1',
      },
      'request',
    );
    const out = lines.join('');
    for (const secret of ['sk-live-123', 'sk-live-456', 'k-789', 'sk-abc', 'sk-def', '13812345678', 'secret input', 'secret prompt', 'top-level input']) {
      expect(out).not.toContain(secret);
    }
    expect(JSON.parse(out)).toMatchObject({ requestId: 'req_1', provider: { name: 'openai', apiKey: '[redacted]' }, msg: 'request' });
  });
});

describe('request logger', () => {
  it('writes the per-request line to the same destination in the same format, following the root level but not a child\'s', () => {
    const { logger, lines } = capture();
    const requests = requestLogger(logger);
    expect(requests).not.toBe(logger);
    requests.info({ requestId: 'req_a', status: 200 }, 'request');
    logger.info({ requestId: 'req_b' }, 'other');
    const [a, b] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(a!)).toEqual(['level', 'time', 'name', 'requestId', 'status', 'msg']);
    expect(Object.keys(b!)).toEqual(['level', 'time', 'name', 'requestId', 'msg']);

    logger.child({ component: 'x' }).level = 'error';
    requests.info({ requestId: 'req_c' }, 'request');
    logger.level = 'warn';
    requests.info({ requestId: 'req_d' }, 'request');
    requests.warn({ requestId: 'req_e' }, 'request');
    expect(lines.slice(2).map((l) => (JSON.parse(l) as { requestId: string }).requestId)).toEqual(['req_c', 'req_e']);
  });

  it('is the logger itself for loggers not made by createLogger', () => {
    const { logger } = capture();
    const child = logger.child({ component: 'x' });
    expect(requestLogger(child)).toBe(child);
  });
});
