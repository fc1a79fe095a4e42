import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';

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
