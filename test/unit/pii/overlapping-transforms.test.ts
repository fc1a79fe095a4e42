/**
 * Overlapping findings were replaced first-come: the earlier span's replacement, then the later one skipped, so
 * the rest of the later span went upstream in clear. A tenant keyword rule overlapping personal data did it
 * through the gateway: `email wf` (redact) over `wf@example.com` sent `[REDACTED]@example.com`, `打给王` over 王芳
 * sent `[REDACTED]芳` (found by H2's QA). Overlapping findings are now replaced as one span, their union, by the
 * operator that reveals least; an allowed finding does not widen anything.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../guardrails/core/types.js';
import { anonymize, createPiiSession, type OperatorName } from '../../../guardrails/pii/index.js';
import { loadPolicySet, type PolicyFileInput } from '../../../guardrails/policy/index.js';
import { createDetector } from '../../../guardrails/registry.js';
import { guardrailsSection } from '../../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../../src/pipeline/guard.js';
import type { RequestContext } from '../../../src/pipeline/types.js';

const text = 'call 13800138000 now';
const f = (start: number, end: number, type: string): Finding => ({ start, end, type, category: `pii.${type.toLowerCase()}`, score: 0.9, detector: 'test' }) as Finding;
const hashKey = Buffer.alloc(32, 7);

describe('overlapping findings are replaced as one span', () => {
  it.each(['redact', 'hash', 'placeholder', 'pseudonymize'] as const)('%s: nothing of either span is left in clear', (op) => {
    const out = anonymize(text, [f(5, 12, 'PHONE_NUMBER'), f(9, 16, 'BANK_ACCOUNT')], op, { hashKey }).text;
    expect(out.replace(/<[^<>]*>|\[REDACTED\]/, '#')).toBe('call # now');
  });

  it('mask masks the union as one value', () => {
    expect(anonymize(text, [f(5, 12, 'PHONE_NUMBER'), f(9, 16, 'BANK_ACCOUNT')], 'mask').text).toBe('call *******8000 now');
  });

  it('the operator that reveals least replaces the union, whichever span starts first', () => {
    const choose = (op: Record<string, OperatorName>) => (finding: Finding) => op[finding.type!]!;
    expect(anonymize(text, [f(5, 16, 'PHONE_NUMBER'), f(5, 10, 'X')], choose({ PHONE_NUMBER: 'mask', X: 'redact' })).text).toBe('call [REDACTED] now');
    expect(anonymize(text, [f(5, 10, 'X'), f(7, 16, 'PHONE_NUMBER')], choose({ PHONE_NUMBER: 'redact', X: 'mask' })).text).toBe('call [REDACTED] now');
    const s = createPiiSession();
    const { text: safe, restore } = anonymize(text, [f(5, 12, 'PHONE_NUMBER'), f(9, 16, 'BANK_ACCOUNT')], 'pseudonymize', { session: s });
    expect(safe).toBe('call <PHONE_1> now');
    expect(restore!('ok <PHONE_1>')).toBe('ok 13800138000');
  });

  it('an allowed finding widens nothing; nested and chained overlaps', () => {
    const choose = (finding: Finding) => (finding.type === 'ALLOWED' ? 'allow' : 'redact') as OperatorName | 'allow';
    expect(anonymize(text, [f(5, 16, 'ALLOWED'), f(9, 16, 'X')], choose).text).toBe('call 1380[REDACTED] now');
    expect(anonymize(text, [f(0, 7, 'X'), f(5, 12, 'Y'), f(11, 16, 'Z'), f(17, 20, 'W')], 'redact').text).toBe('[REDACTED] [REDACTED]');
    expect(anonymize(text, [f(5, 16, 'X'), f(7, 9, 'Y')], 'redact').text).toBe('call [REDACTED] now');
  });
});

describe('through the guard stage: a tenant keyword rule over personal data', () => {
  const POLICY: PolicyFileInput = {
    input: [{ category: 'pii.*', action: 'pseudonymize' }, { category: 'rules.*', action: 'redact' }],
    output: [],
    rules: { keywords: [{ id: 'k', category: 'rules.codename', terms: ['email wf', 'transfer to zhang', '打给王'] }] },
  };
  const newCtx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

  it.each([
    ['email wf@example.com now', '[REDACTED] now'],
    ['请打给王芳，电话13800138000', '请[REDACTED]，电话<PHONE_1>'],
  ])('%s goes upstream as %s', async (content, upstream) => {
    const stage = createGuardStage({ config: guardrailsSection.parse({}), policies: { current: loadPolicySet({ defaultPolicy: POLICY }) }, scanner: new Scanner([await createDetector('pii')]) });
    const decision = await stage.input!({ surface: 'chat.completions', body: { model: 'm', messages: [{ role: 'user', content }] }, ctx: newCtx() });
    expect((decision as unknown as { body: { messages: Array<{ content: string }> } }).body.messages[0]!.content).toBe(upstream);
  });
});
