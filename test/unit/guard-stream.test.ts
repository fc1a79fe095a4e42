/**
 * The streaming output guard, driven through the real guard stage with the real detectors, over
 * random chunkings of the upstream stream (property tests). Only the upstream's chunks are synthetic,
 * built with the same OpenAI shape builders the fake upstream uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Detector } from '../../guardrails/core/types.js';
import { loadPolicySet, type PolicyFileInput } from '../../guardrails/policy/index.js';
import { createDetector } from '../../guardrails/registry.js';
import { guardrailsSection } from '../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../src/pipeline/guard.js';
import type { GuardStage } from '../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../src/pipeline/types.js';
import { chatChunks, responseEvents, type Chunk } from '../../src/upstream/openai-shapes.js';

const POLICY: PolicyFileInput = {
  input: [{ category: 'pii.*', action: 'pseudonymize' }],
  output: [
    { category: 'rules.*', action: 'block' },
    { category: 'toxicity.*', threshold: 0.7, action: 'block' },
    { category: 'secret.*', action: 'redact' },
  ],
  rules: { keywords: [{ id: 'banned', category: 'rules.banned_terms', terms: ['project nightingale', '夜莺计划'] }] },
};

let stage: GuardStage;
let detectors: Detector[];

beforeAll(async () => {
  detectors = [await createDetector('pii'), await createDetector('toxicity'), await createDetector('intent')];
  const policies = { current: loadPolicySet({ defaultPolicy: POLICY }) };
  stage = createGuardStage({ config: guardrailsSection.parse({}), policies, scanner: new Scanner(detectors) });
});

const newCtx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

async function* upstream(chunks: Chunk[]): AsyncIterable<Chunk> {
  for (const c of chunks) yield c;
}

/** Splits `text` at the given cut points into stream pieces. */
function piecesOf(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const p of points) {
    if (p > last) pieces.push(text.slice(last, p));
    last = Math.max(last, p);
  }
  if (last < text.length) pieces.push(text.slice(last));
  return pieces;
}

async function runChat(ctx: RequestContext, pieces: string[], body: Record<string, unknown> = { model: 'm', messages: [] }) {
  const chunks = [...chatChunks('m', { kind: 'text', pieces }, { promptTokens: 1, completionTokens: 1 }, false)];
  let text = '';
  let finish: unknown = null;
  let afterFinish = 0;
  for await (const chunk of stage.outputStream!({ surface: 'chat.completions', body, ctx, chunks: upstream(chunks) })) {
    const choice = (chunk.choices as { delta?: { content?: string }; finish_reason?: string | null }[])[0];
    if (finish) afterFinish++;
    text += choice?.delta?.content ?? '';
    if (choice?.finish_reason) finish = choice.finish_reason;
  }
  return { text, finish, afterFinish };
}

describe('streaming output guard', () => {
  it('never sends any part of a flagged span, whatever the chunking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 120, unit: fc.constantFrom('a', 'b', ' ', '.', '好', '的') }),
        fc.constantFrom('project nightingale', 'Project  NIGHTINGALE', '夜莺计划'),
        fc.string({ minLength: 0, maxLength: 60, unit: fc.constantFrom('x', ' ', '!') }),
        fc.array(fc.nat(400), { maxLength: 40 }),
        async (before, bad, after, cuts) => {
          const text = `${before} ${bad} ${after}`;
          const spanStart = before.length + 1;
          const { text: sent, finish, afterFinish } = await runChat(newCtx(), piecesOf(text, cuts));
          expect(finish).toBe('content_filter');
          expect(afterFinish).toBe(0);
          expect(sent.length).toBeLessThanOrEqual(spanStart);
          expect(text.startsWith(sent)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('cuts a toxic answer found by the classifier before the insult is sent', async () => {
    const clean = 'Here is the summary you asked for, covering the three main points of the report. ';
    const ctx = newCtx();
    const { text, finish } = await runChat(ctx, piecesOf(`${clean}Honestly, you are a worthless idiot and I will kill you.`, [3, 17, 40, 41, 80, 95, 101, 110]));
    expect(finish).toBe('content_filter');
    expect(text).not.toContain('idiot');
    expect(ctx.verdicts.some((v) => v.stage === 'output' && v.category.startsWith('toxicity.') && v.action === 'block')).toBe(true);
  });

  it('passes a clean answer through unchanged, whatever the chunking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200, unit: fc.constantFrom('a', 'b', ' ', '.', '中', '文', '\n') }), fc.array(fc.nat(300), { maxLength: 30 }), async (text, cuts) => {
        const { text: sent, finish } = await runChat(newCtx(), piecesOf(text, cuts));
        expect(sent).toBe(text);
        expect(finish).toBe('stop');
      }),
      { numRuns: 100 },
    );
  });

  it('redacts secrets in a streamed answer before any piece of them is sent (property)', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const key = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij';
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(jwt, key), fc.array(fc.nat(300), { maxLength: 40 }), async (secret, cuts) => {
        const text = `Here is the credential you asked for: ${secret} and that is all there is to it.`;
        const { text: sent, finish } = await runChat(newCtx(), piecesOf(text, cuts));
        expect(finish).toBe('stop');
        expect(sent).toContain('[REDACTED]');
        for (let i = 0; i + 10 <= secret.length; i += 5) expect(sent).not.toContain(secret.slice(i, i + 10));
        expect(sent.endsWith('and that is all there is to it.')).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('restores pseudonyms split across chunks (property)', async () => {
    const ctx = newCtx();
    // The input stage pseudonymizes the phone and email; the model echoes the placeholders back.
    const decision = await stage.input!({ surface: 'chat.completions', body: { model: 'm', messages: [{ role: 'user', content: 'call 13800138000 or li.lei@example.com' }] }, ctx });
    expect(decision.action).toBe('continue');
    const sentUpstream = JSON.stringify((decision as { body: unknown }).body);
    expect(sentUpstream).toContain('<PHONE_1>');
    expect(sentUpstream).not.toContain('13800138000');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(80), { maxLength: 25 }), async (cuts) => {
        const { text } = await runChat(ctx, piecesOf('Sure: I will call <PHONE_1> and write to <EMAIL_1> today.', cuts));
        expect(text).toBe('Sure: I will call 13800138000 and write to li.lei@example.com today.');
      }),
      { numRuns: 100 },
    );
  });

  it('ends a Responses API stream with response.incomplete (content_filter) and renumbers events', async () => {
    const events = [...responseEvents('m', { kind: 'text', pieces: piecesOf('All good so far, nothing to see here. Then project nightingale.', [5, 9, 30, 50]) }, { promptTokens: 1, completionTokens: 1 }, {})];
    const out: Chunk[] = [];
    for await (const e of stage.outputStream!({ surface: 'responses', body: { model: 'm' }, ctx: newCtx(), chunks: upstream(events) })) out.push(e);
    const last = out[out.length - 1]!;
    expect(last.type).toBe('response.incomplete');
    expect((last.response as { incomplete_details: unknown }).incomplete_details).toEqual({ reason: 'content_filter' });
    expect(out.map((e) => e.sequence_number)).toEqual(out.map((_, i) => i));
    expect(JSON.stringify(out).toLowerCase()).not.toContain('nightingale');
  });
});
