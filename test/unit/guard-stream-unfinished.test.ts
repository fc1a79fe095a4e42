/**
 * An upstream stream that ends without a finish chunk (a provider that omits finish_reason, or a
 * stream cut after the last delta): the guard releases withheld text at the end, and it must also
 * release the tool calls it was buffering for their finish chunk (guarded), not drop them silently.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicySet } from '../../guardrails/policy/index.js';
import { createDetector } from '../../guardrails/registry.js';
import { guardrailsSection } from '../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../src/pipeline/guard.js';
import type { GuardStage } from '../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../src/pipeline/types.js';
import type { Chunk } from '../../src/upstream/openai-shapes.js';

let stage: GuardStage;

beforeAll(async () => {
  const detectors = [await createDetector('pii'), await createDetector('toxicity'), await createDetector('intent')];
  const policy = { output: [{ category: 'secret.*', action: 'redact' as const }] };
  stage = createGuardStage({ config: guardrailsSection.parse({}), policies: { current: loadPolicySet({ defaultPolicy: policy }) }, scanner: new Scanner(detectors) });
});

const ctx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });
const chunk = (delta: Record<string, unknown>): Chunk => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] });

async function run(chunks: Chunk[]) {
  async function* upstream(): AsyncIterable<Chunk> {
    yield* chunks;
  }
  const out: Chunk[] = [];
  for await (const c of stage.outputStream!({ surface: 'chat.completions', body: { model: 'm', messages: [] }, ctx: ctx(), chunks: upstream() })) out.push(c);
  return out;
}

describe('streaming output guard: an upstream stream with no finish chunk', () => {
  it('still delivers its tool calls, guarded', async () => {
    const key = 'sk-proj-Qz7vK2mWc9RtY4uH8nBx3LpA6sDf1GjE5oIw0yTr';
    const out = await run([
      chunk({ role: 'assistant', content: null }),
      chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: `${key}"}` } }] }),
    ]);
    const calls = out.flatMap((c) => ((c.choices as { delta?: { tool_calls?: { id?: string; function: { name?: string; arguments: string } }[] } }[])[0]?.delta?.tool_calls ?? []));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: 'call_1', function: { name: 'lookup' } });
    expect(calls[0]!.function.arguments).toBe('{"q":"[REDACTED]"}');
  });
});
