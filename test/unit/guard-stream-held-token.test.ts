/**
 * A long unbroken run of key/URL characters in a streamed answer (a model asked to print a blob) is
 * withheld until it ends or reaches 4096 characters, so no part of a secret is released early. While
 * it is withheld nothing can be released, whatever a scan finds, so scanning the growing run every
 * `scanStepChars` was pure cost: ~64 scans of up to 4 KB per 4 KB of output (a 32 KB run took ~12 s
 * of gateway CPU against a local upstream, prose of the same length ~0.5 s). Counted here as detector
 * calls, with the real detectors and the real guard stage; only the upstream's chunks are synthetic.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Detector } from '../../guardrails/core/types.js';
import { loadPolicySet, type PolicyFileInput } from '../../guardrails/policy/index.js';
import { createDetector } from '../../guardrails/registry.js';
import { guardrailsSection } from '../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../src/pipeline/guard.js';
import type { GuardStage } from '../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../src/pipeline/types.js';
import { chatChunks, type Chunk } from '../../src/upstream/openai-shapes.js';

const POLICY: PolicyFileInput = {
  output: [
    { category: 'toxicity.*', threshold: 0.7, action: 'block' },
    { category: 'secret.*', action: 'redact' },
  ],
};

let stage: GuardStage;
let scans = 0;

beforeAll(async () => {
  const pii = await createDetector('pii');
  // The real PII detector, counted: every guard scan runs it exactly once.
  const counted: Detector = { ...pii, detect: (text, ctx) => (scans++, pii.detect(text, ctx)) };
  Object.setPrototypeOf(counted, Object.getPrototypeOf(pii));
  const detectors = [counted, await createDetector('toxicity'), await createDetector('intent')];
  stage = createGuardStage({ config: guardrailsSection.parse({}), policies: { current: loadPolicySet({ defaultPolicy: POLICY }) }, scanner: new Scanner(detectors) });
});

const newCtx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

async function streamed(text: string, pieceChars: number): Promise<string> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += pieceChars) pieces.push(text.slice(i, i + pieceChars));
  async function* upstream(): AsyncIterable<Chunk> {
    yield* chatChunks('m', { kind: 'text', pieces }, { promptTokens: 1, completionTokens: 1 }, false);
  }
  let out = '';
  for await (const chunk of stage.outputStream!({ surface: 'chat.completions', body: { model: 'm', messages: [] }, ctx: newCtx(), chunks: upstream() })) {
    out += (chunk.choices as { delta?: { content?: string } }[])[0]?.delta?.content ?? '';
  }
  return out;
}

const blob = (n: number) => Array.from({ length: n }, (_, i) => 'abcdefghijKLMNOP0123456789'[(i * 7 + i * i) % 26]).join('');

describe('streaming output guard: a long withheld token', () => {
  it('is scanned when it can be released, not at every step while it grows', async () => {
    const text = `Here it is: ${blob(16_000)} and that is all.`;
    scans = 0;
    const out = await streamed(text, 4);
    expect(out).toBe(text);
    // 16 KB: four releases at the 4096-character cap, the prose around it, the sentence pieces.
    // Scanning at every 64-character step while withholding made this ~300.
    expect(scans).toBeLessThan(40);
  });

  it('still withholds and redacts a secret that ends inside the run, one character at a time', async () => {
    const key = 'sk-proj-Qz7vK2mWc9RtY4uH8nBx3LpA6sDf1GjE5oIw0yTr';
    const out = await streamed(`The key is ${key} so keep it safe.`, 1);
    expect(out).toBe('The key is [REDACTED] so keep it safe.');
  });

  it('prose streams as before', async () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
    expect(await streamed(text, 3)).toBe(text);
  });
});
