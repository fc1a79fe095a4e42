/**
 * An upstream error whose `code` echoes the prompt (found by QA round 6). The enclave released the
 * upstream's `code` string to the main thread as the request's errorCode, and the gateway logged it
 * as it was: in confidential mode, prompt text chosen by a server outside the enclave reached the
 * main thread's log. The sealed answer keeps the upstream's error as it came; what the enclave
 * releases is the code only when it is code-shaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startConfidentialGateway, type ConfidentialSetup } from './confidential-fixture.js';
import { auditFileLines } from '../fixtures/audit.js';
import { capturingLogger } from '../fixtures/gateway.js';

const SECRET = 'qa6 leaked e-mail qa6.leak@example-mail.test';
let logLines: string[] = [];
let setup: ConfidentialSetup;

beforeAll(async () => {
  const capture = capturingLogger('trace');
  const logger = capture.logger;
  logLines = capture.lines;
  setup = await startConfidentialGateway({ guardrails: { enabled: false } }, { logger });
}, 60_000);
afterAll(async () => {
  await setup?.close();
});

describe('an upstream error code that echoes the prompt, in confidential mode', () => {
  it('reaches the client sealed, and neither the main thread log nor the audit trail', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'rejected', code: `invalid prompt: ${SECRET}` });
    const error = await setup.client().openai.chat.completions.create(ask(SECRET)).catch((e: unknown) => e);
    // The client gets the upstream's error, sealed end to end.
    expect(error).toMatchObject({ status: 400, code: `invalid prompt: ${SECRET}` });
    const audit = setup.gw.running.gateway.deps.audit!;
    await audit.trail.drain();
    const requestLog = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request' && l.route === '/v1/confidential/chat/completions');
    expect(requestLog.at(-1)).toMatchObject({ status: 400, errorCode: 'upstream_rejected' });
    expect(logLines.join('\n')).not.toContain('qa6.leak');
    expect(auditFileLines(setup.gw.config.audit.file.dir).join('\n')).not.toContain('qa6.leak');
  });

  it('a code-shaped upstream code is released as it is', async () => {
    setup.fake.script({ kind: 'status', status: 400, message: 'too long', code: 'context_length_exceeded' });
    const error = await setup.client().openai.chat.completions.create(ask('x')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded' });
    const requestLog = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request' && l.route === '/v1/confidential/chat/completions');
    expect(requestLog.at(-1)).toMatchObject({ status: 400, errorCode: 'context_length_exceeded' });
  });
});
