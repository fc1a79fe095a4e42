/**
 * The streaming output guard scans each window and each sentence in it on its own. A finished sentence that
 * is still within the holdback is in the next window too, unchanged and at the same place: it is not scanned
 * again (its findings are reused), and what the guard sends and records is what it was when it was rescanned.
 * Real detectors; the scanner only counts what it is given.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Detector } from '../../guardrails/core/types.js';
import { loadPolicySet } from '../../guardrails/policy/index.js';
import { createDetector } from '../../guardrails/registry.js';
import { guardrailsSection } from '../../src/config/sections/guardrails.js';
import { createGuardStage, Scanner } from '../../src/pipeline/guard.js';
import type { GuardStage } from '../../src/pipeline/pipeline.js';
import type { RequestContext } from '../../src/pipeline/types.js';
import { chatChunks, type Chunk } from '../../src/upstream/openai-shapes.js';

/** A scanner that records every text it scans (then scans it as the real one does; `scan` goes through `scanNow`). */
class RecordingScanner extends Scanner {
  readonly texts: string[] = [];
  override scanNow(...args: Parameters<Scanner['scanNow']>): ReturnType<Scanner['scanNow']> {
    this.texts.push(args[0]);
    return super.scanNow(...args);
  }
}

let detectors: Detector[];
beforeAll(async () => {
  detectors = [await createDetector('pii'), await createDetector('toxicity'), await createDetector('intent')];
});

function stageWith(scanner: Scanner): GuardStage {
  return createGuardStage({ config: guardrailsSection.parse({}), policies: { current: loadPolicySet({}) }, scanner });
}

const newCtx = (): RequestContext => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });

async function* upstream(chunks: Chunk[]): AsyncIterable<Chunk> {
  for (const c of chunks) yield c;
}

async function stream(stage: GuardStage, ctx: RequestContext, text: string, size: number): Promise<{ text: string; finish: unknown }> {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  const body = { model: 'm', stream: true, messages: [{ role: 'user', content: 'Tell me about the trip.' }] };
  await stage.input!({ surface: 'chat.completions', body, ctx });
  let sent = '';
  let finish: unknown = null;
  for await (const chunk of stage.outputStream!({ surface: 'chat.completions', body, ctx, chunks: upstream([...chatChunks('m', { kind: 'text', pieces }, { promptTokens: 1, completionTokens: 1 }, false)]) })) {
    const choice = (chunk.choices as { delta?: { content?: string }; finish_reason?: string | null }[])[0];
    sent += choice?.delta?.content ?? '';
    if (choice?.finish_reason) finish = choice.finish_reason;
  }
  return { text: sent, finish };
}

/** Sentences of different lengths, none repeated, so that every text the guard scans twice is a rescan. */
const ANSWER = [
  'We left early on Monday.',
  'The road through the valley was empty and the light was soft.',
  'By noon we reached the lake.',
  'A ranger told us the northern trail had been closed since the storm, so we walked along the shore instead.',
  'Lunch was bread and cheese.',
  'In the afternoon the wind picked up and the boats came in one after another.',
  'We drove back before dark.',
].join(' ');

describe('stream guard: sentence scans', () => {
  it('scans no text twice: a finished sentence still held back is not scanned again in the next window', async () => {
    for (const size of [1, 4, 16]) {
      const scanner = new RecordingScanner(detectors);
      const { text, finish } = await stream(stageWith(scanner), newCtx(), ANSWER, size);
      expect(text).toBe(ANSWER);
      expect(finish).toBe('stop');
      const twice = scanner.texts.filter((t, i) => scanner.texts.indexOf(t) !== i);
      expect(twice).toEqual([]);
    }
  });

  it('applies a remembered sentence finding as a fresh one: a secret in a held-back sentence is redacted, verdicts unchanged', async () => {
    const key = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefghij';
    const answer = `We left early on Monday. The key for the account is ${key} and it works. By noon we reached the lake, and the boats came in.`;
    for (const size of [1, 4, 16]) {
      const ctx = newCtx();
      const { text, finish } = await stream(stageWith(new Scanner(detectors)), ctx, answer, size);
      expect(finish).toBe('stop');
      expect(text).toBe(answer.replace(key, '[REDACTED]'));
      const secret = ctx.verdicts.filter((v) => v.category.startsWith('secret.'));
      expect(secret.map((v) => [v.action, v.count])).toEqual([['redact', 1]]);
    }
  });
});
