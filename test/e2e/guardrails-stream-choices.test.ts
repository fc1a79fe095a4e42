/**
 * A streamed answer with several choices (`n` > 1) where the output guardrails block one of them: every
 * choice used to end with `content_filter` and the stream closed, so the clean choices were cut and the usage
 * chunk (`stream_options.include_usage`) never came. Now the blocked choice ends with its block (its flagged
 * text never sent), the others run to their own end, and the usage chunk arrives before `[DONE]`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from '../fixtures/fake-upstream.js';
import { fakeProvider, startGateway, type TestGateway } from '../fixtures/gateway.js';

const POLICY = `
version: choices-1
output:
  - { category: "rules.*", action: block }
rules:
  keywords:
    - { id: banned, category: rules.banned_terms, terms: ["project nightingale"] }
`;

let fake: FakeUpstream;
let gw: TestGateway;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-choices-'));
  writeFileSync(join(dir, 'dev.yaml'), POLICY);
  fake = await startFakeUpstream();
  gw = await startGateway({ upstream: { providers: [fakeProvider(fake)] }, guardrails: { policies: { dir, watch: false, reloadOnSighup: false } }, audit: { enabled: false } });
});
afterAll(async () => {
  await gw?.close();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

const CLEAN = 'The schedule for the week is on the shared calendar, with the review on Thursday afternoon as usual.';
const BLOCKED = 'Sure, here you go: the launch of project nightingale is on Monday morning.';

async function stream(path: string, body: Record<string, unknown>): Promise<{ chunks: Record<string, unknown>[]; done: boolean; raw: string }> {
  const res = await fetch(`${gw.baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake-model', stream: true, stream_options: { include_usage: true }, n: 2, ...body }),
  });
  expect(res.status).toBe(200);
  const raw = await res.text();
  const data = raw
    .split('\n\n')
    .map((frame) => frame.split('\n').find((l) => l.startsWith('data: '))?.slice(6))
    .filter((d): d is string => d !== undefined);
  return { chunks: data.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d) as Record<string, unknown>), done: data.at(-1) === '[DONE]', raw };
}

interface StreamedChoice {
  index: number;
  delta?: { content?: string };
  text?: string;
  finish_reason: string | null;
}

function byChoice(chunks: Record<string, unknown>[]): Map<number, { text: string; finishes: string[] }> {
  const out = new Map<number, { text: string; finishes: string[] }>();
  for (const c of chunks) {
    for (const choice of (c.choices as StreamedChoice[] | undefined) ?? []) {
      const entry = out.get(choice.index) ?? { text: '', finishes: [] };
      entry.text += choice.delta?.content ?? choice.text ?? '';
      if (choice.finish_reason) entry.finishes.push(choice.finish_reason);
      out.set(choice.index, entry);
    }
  }
  return out;
}

describe.each([
  ['chat completions', '/chat/completions', { messages: [{ role: 'user', content: 'What is on the schedule?' }] }],
  ['legacy completions', '/completions', { prompt: 'What is on the schedule?' }],
])('%s, n=2, one choice blocked', (_name, path, body) => {
  it.each([
    ['the second choice blocked', [CLEAN, BLOCKED], 0, 1],
    ['the first choice blocked', [BLOCKED, CLEAN], 1, 0],
  ])('%s: the other choice completes and the usage chunk arrives before [DONE]', async (_case, texts, clean, blocked) => {
    fake.script({ kind: 'choices', texts });
    const { chunks, done, raw } = await stream(path, body);
    const choices = byChoice(chunks);
    expect(choices.get(clean)).toEqual({ text: CLEAN, finishes: ['stop'] });
    expect(choices.get(blocked)!.finishes).toEqual(['content_filter']);
    expect(raw.toLowerCase()).not.toContain('nightingale');
    const usage = chunks.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
    expect(done).toBe(true);
    // Nothing of the blocked choice after its content_filter chunk.
    const finishAt = chunks.findIndex((c) => (c.choices as StreamedChoice[]).some((ch) => ch.index === blocked && ch.finish_reason === 'content_filter'));
    expect(chunks.slice(finishAt + 1).some((c) => (c.choices as StreamedChoice[]).some((ch) => ch.index === blocked))).toBe(false);
  });

  it('both choices blocked: each ends with content_filter', async () => {
    fake.script({ kind: 'choices', texts: [BLOCKED, BLOCKED] });
    const { chunks, raw } = await stream(path, body);
    const choices = byChoice(chunks);
    expect(choices.get(0)!.finishes).toEqual(['content_filter']);
    expect(choices.get(1)!.finishes).toEqual(['content_filter']);
    expect(raw.toLowerCase()).not.toContain('nightingale');
  });
});

it('n=1: a block still ends the stream with content_filter', async () => {
  fake.script({ kind: 'choices', texts: [BLOCKED] });
  const { chunks, raw } = await stream('/chat/completions', { n: 1, messages: [{ role: 'user', content: 'hi' }] });
  expect(byChoice(chunks).get(0)!.finishes).toEqual(['content_filter']);
  expect(raw.toLowerCase()).not.toContain('nightingale');
});

/**
 * Not streamed, the same rule: with several choices and some blocked, only those are withheld (finish_reason
 * `content_filter`, no text, no logprobs), the others are delivered and usage kept. The whole answer used to
 * be a 400 `content_policy_violation`, which threw the clean choices away. Every choice blocked: still the 400.
 */
describe.each([
  ['chat completions', '/chat/completions', { messages: [{ role: 'user', content: 'What is on the schedule?' }] }],
  ['legacy completions', '/completions', { prompt: 'What is on the schedule?' }],
])('%s, n=2, not streamed', (name, path, body) => {
  const post = async (texts: string[]) => {
    fake.script({ kind: 'choices', texts });
    const res = await fetch(`${gw.baseURL}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gw.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake-model', n: 2, ...body }),
    });
    const raw = await res.text();
    return { status: res.status, raw, json: JSON.parse(raw) as Record<string, unknown> };
  };
  const textOf = (choice: Record<string, unknown>): unknown => (name === 'chat completions' ? (choice.message as { content: unknown }).content : choice.text);

  it.each([
    ['the second choice blocked', [CLEAN, BLOCKED], 0, 1],
    ['the first choice blocked', [BLOCKED, CLEAN], 1, 0],
  ])('%s: the other choice is delivered, the blocked one withheld, usage kept', async (_case, texts, clean, blocked) => {
    const { status, raw, json } = await post(texts);
    expect(status).toBe(200);
    expect(raw.toLowerCase()).not.toContain('nightingale');
    const choices = json.choices as Record<string, unknown>[];
    expect(choices.map((c) => c.index)).toEqual([0, 1]);
    expect(textOf(choices[clean]!)).toBe(CLEAN);
    expect(choices[clean]!.finish_reason).toBe('stop');
    expect(choices[blocked]!.finish_reason).toBe('content_filter');
    expect(textOf(choices[blocked]!)).toBe(name === 'chat completions' ? null : '');
    expect(json.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
  });

  it('both choices blocked: the answer is refused whole (400 content_policy_violation)', async () => {
    const { status, raw, json } = await post([BLOCKED, BLOCKED]);
    expect(status).toBe(400);
    expect(raw.toLowerCase()).not.toContain('nightingale');
    expect((json.error as { code: string }).code).toBe('content_policy_violation');
  });
});
