/**
 * More ways a model re-types a placeholder (task H2): HTML-escaped `&lt;EMAIL_1&gt;`, JSON/Unicode-escaped
 * `\u003cEMAIL_1\u003e` in prose or code, self-closing `<PHONE_1/>`, full-width letters and digits in the name
 * `<ＥＭＡＩＬ_１>`, lower case with a space `<email 1>`, a zero-width character inside `<EMAIL\u200B_1>`. They went
 * to the client as placeholders, the value lost. Restored now (only names this session issued), whole and split at
 * every point of a stream, by the library's stream restorer and by the gateway's stream cutting; text that cannot
 * become an issued placeholder is not held back.
 */
import { describe, expect, it } from 'vitest';
import { createPiiSession, type PiiSession } from '../../../guardrails/pii/index.js';
import { PseudonymVault } from '../../../src/pipeline/guard/transform.js';

const EMAIL = 'wf@example.com';
const PHONE = '13800138000';
const ID = '11010519491231002X';

function session(): PiiSession {
  const s = createPiiSession();
  expect(s.placeholderFor('EMAIL', EMAIL)).toBe('<EMAIL_1>');
  expect(s.placeholderFor('PHONE', PHONE)).toBe('<PHONE_1>');
  expect(s.placeholderFor('ID_NUMBER', ID)).toBe('<ID_NUMBER_1>');
  return s;
}

/** Every way of cutting `answer` into three pieces, restored through one stream restorer each. */
function everySplit(s: PiiSession, answer: string): string[] {
  const outs = new Set<string>();
  for (let i = 0; i <= answer.length; i++) {
    for (let j = i; j <= answer.length; j++) {
      const r = s.createStreamRestorer();
      outs.add(r.push(answer.slice(0, i)) + r.push(answer.slice(i, j)) + r.push(answer.slice(j)) + r.flush());
    }
  }
  return [...outs];
}

const cases: Array<[string, string, string]> = [
  ['&lt;EMAIL_1&gt;', EMAIL, 'HTML-escaped'],
  ['&lt;ID_NUMBER_1&gt;', ID, 'HTML-escaped'],
  ['\\u003cEMAIL_1\\u003e', EMAIL, 'Unicode-escaped'],
  ['\\u003CPHONE_1\\u003E', PHONE, 'Unicode-escaped, upper-case hex'],
  ['<PHONE_1/>', PHONE, 'self-closing'],
  ['<PHONE_1 />', PHONE, 'self-closing with a space'],
  ['<ＥＭＡＩＬ_１>', EMAIL, 'full-width letters and digit'],
  ['<ＩＤ＿ＮＵＭＢＥＲ＿０１>', ID, 'full-width underscore and zero-padded digits'],
  ['＜ＰＨＯＮＥ_１＞', PHONE, 'full-width all through'],
  ['<email 1>', EMAIL, 'lower case with a space'],
  ['<id number 1>', ID, 'lower case with spaces'],
  ['<EMAIL\u200B_1>', EMAIL, 'zero-width space inside'],
  ['<EM\u200DAIL_\u200B1>', EMAIL, 'zero-width joiner and space inside'],
  ['<\uFEFFPHONE_1\u2060>', PHONE, 'BOM and word joiner at the edges'],
];

describe('placeholders re-typed in more ways', () => {
  it.each(cases)('%s is restored (%s)', (written, value) => {
    const s = session();
    expect(s.restore(`联系 ${written}，谢谢。`)).toBe(`联系 ${value}，谢谢。`);
  });

  it.each(cases)('%s split at every point of a stream is restored', (written, value) => {
    const s = session();
    expect(everySplit(s, `联系 ${written}，谢谢。`)).toEqual([`联系 ${value}，谢谢。`]);
  });

  it.each(cases)('%s: the gateway never cuts a stream inside it', (written, value) => {
    const vault = new PseudonymVault();
    vault.session.placeholderFor('EMAIL', EMAIL);
    vault.session.placeholderFor('PHONE', PHONE);
    vault.session.placeholderFor('ID_NUMBER', ID);
    const text = `联系 ${written}，谢谢 ${written}。`;
    const whole = vault.restore(text);
    expect(whole).toBe(`联系 ${value}，谢谢 ${value}。`);
    for (let cut = 0; cut <= text.length; cut++) {
      const at = vault.safeCut(text, cut);
      expect(vault.restore(text.slice(0, at)) + vault.restore(text.slice(at)), `cut ${cut} -> ${at}`).toBe(whole);
    }
  });

  it('names the session did not issue stay as written, in every new form', () => {
    const s = session();
    const text = '&lt;EMAIL_2&gt; \\u003cOTHER_1\\u003e <CARD_1/> <ＥＭＡＩＬ_２> <email 3> <PHONE\u200B_9> &lt;b&gt; <br/> \\u003cdiv\\u003e';
    expect(s.restore(text)).toBe(text);
    expect(everySplit(s, text)).toEqual([text]);
  });

  it('a value restored into escaped text is escaped as the placeholder was', () => {
    const s = createPiiSession();
    s.placeholderFor('PERSON', 'A "Bo" <b> & co');
    expect(s.restore('const name = "\\u003cPERSON_1\\u003e";')).toBe('const name = "A \\"Bo\\" <b> & co";');
    expect(s.restore('<p>&lt;PERSON_1&gt;</p>')).toBe('<p>A "Bo" &lt;b&gt; &amp; co</p>');
  });

  it('an escaped backslash before \\u003c is not an escape of the placeholder', () => {
    const s = session();
    expect(s.restore('path \\\\u003cEMAIL_1\\u003e')).toBe('path \\\\u003cEMAIL_1\\u003e');
  });

  it('inside tool-call arguments (JSON source) the escaped forms restore JSON-escaped', () => {
    const vault = new PseudonymVault();
    vault.session.placeholderFor('EMAIL', EMAIL);
    const args = JSON.stringify({ to: '\\u003cEMAIL_1\\u003e', html: '&lt;EMAIL_1&gt;' }).replace('\\\\u003c', '\\u003c').replace('\\\\u003e', '\\u003e');
    expect(JSON.parse(vault.restore(args, 'arguments'))).toEqual({ to: EMAIL, html: EMAIL });
  });
});

describe('only what could still become an issued placeholder is held back', () => {
  it('every prefix of every placeholder the pattern matches is held back for its name (seeded property)', async () => {
    const { OPEN_PREFIX, PLACEHOLDER_PATTERN, canonicalPlaceholderName, mayBecomePlaceholder } = await import('../../../guardrails/pii/operators/placeholder-syntax.js');
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pick = <T,>(xs: readonly T[]) => xs[rand(xs.length)]!;
    let matches = 0;
    for (let k = 0; k < 3000; k++) {
      const parts = Array.from({ length: rand(6) }, () => pick(['A', 'Ｑ', 'z', 'ｂ', '_', '＿', '\\_', ' ', '\u200B']));
      const open = pick(['<', '\\<', '＜', '〈', '&lt;', '\\u003c', '\\u003C']);
      const close = pick(['>', '\\>', '＞', '〉', '&gt;', '\\u003e', '/>', ' />', '/\\u003E']);
      const s = `${open}${pick(['', ' ', '\uFEFF'])}${pick(['P', 'p', 'Ｐ'])}${parts.join('')}${pick(['_', '\\_', ' ', '＿'])}${pick(['', '\u200B'])}${pick(['1', '07', '１２', '123456'])}${pick(['', ' ', '\u2060'])}${close}`;
      for (const m of s.matchAll(PLACEHOLDER_PATTERN)) {
        matches++;
        const names = [canonicalPlaceholderName(m[1]!)];
        for (let end = 1; end < m[0].length; end++) {
          const prefix = m[0].slice(0, end);
          expect(OPEN_PREFIX.test(prefix), `${m[0]} @${end}`).toBe(true);
          expect(mayBecomePlaceholder(prefix, names), `${m[0]} @${end}`).toBe(true);
        }
      }
    }
    expect(matches).toBeGreaterThan(800);
  });

  it('prose and markup after an opener are released at once', () => {
    const s = session();
    const r = s.createStreamRestorer();
    expect(r.push('if a < not a placeholder')).toBe('if a < not a placeholder');
    expect(r.push(' and <div class')).toBe(' and <div class');
    expect(r.push(' &lt;span')).toBe(' &lt;span');
    expect(r.push(' x <email')).toBe(' x ');
    expect(r.push(' 1> y')).toBe(`${EMAIL} y`);
    expect(r.push(' a &')).toBe(' a ');
    expect(r.push('amp; b')).toBe('&amp; b');
  });

  it('the gateway does not hold back an opener no issued name can follow', () => {
    const vault = new PseudonymVault();
    vault.session.placeholderFor('EMAIL', EMAIL);
    const text = 'see &lt;div class="x" and more text here';
    expect(vault.safeCut(text, 20)).toBe(20);
    const open = 'see &lt;EMAIL_1&gt; done';
    expect(vault.safeCut(open, 12)).toBe(4);
    expect(vault.safeCut(open, 5)).toBe(4);
  });
});

describe('through the guard stage (chat and Responses streams)', async () => {
  const { loadPolicySet } = await import('../../../guardrails/policy/index.js');
  const { createDetector } = await import('../../../guardrails/registry.js');
  const { guardrailsSection } = await import('../../../src/config/sections/guardrails.js');
  const { createGuardStage, Scanner } = await import('../../../src/pipeline/guard.js');
  const { chatChunks, responseEvents } = await import('../../../src/upstream/openai-shapes.js');
  type Ctx = import('../../../src/pipeline/types.js').RequestContext;
  type Chunk = import('../../../src/upstream/types.js').Chunk;

  const policies = { current: loadPolicySet({ defaultPolicy: { input: [{ category: 'pii.*', action: 'pseudonymize' }], output: [] } }) };
  const stage = createGuardStage({ config: guardrailsSection.parse({}), policies, scanner: new Scanner([await createDetector('pii')]) });
  const newCtx = (): Ctx => ({ requestId: 'r', tenantId: 't', keyId: 'k', signal: new AbortController().signal, timings: {}, verdicts: [] });
  async function* upstream(chunks: Chunk[]): AsyncIterable<Chunk> {
    for (const c of chunks) yield c;
  }
  const pieces = (text: string, step: number) => Array.from({ length: Math.ceil(text.length / step) }, (_, i) => text.slice(i * step, (i + 1) * step));

  async function pseudonymized(surface: 'chat.completions' | 'responses'): Promise<Ctx> {
    const ctx = newCtx();
    const body = surface === 'responses' ? { model: 'm', input: `call ${PHONE} or ${EMAIL}` } : { model: 'm', messages: [{ role: 'user', content: `call ${PHONE} or ${EMAIL}` }] };
    const decision = await stage.input!({ surface, body, ctx });
    expect(JSON.stringify((decision as { body: unknown }).body)).toContain('<PHONE_1>');
    return ctx;
  }

  async function chat(ctx: Ctx, answer: string, step: number): Promise<string> {
    const chunks = [...chatChunks('m', { kind: 'text', pieces: pieces(answer, step) }, { promptTokens: 1, completionTokens: 1 }, false)];
    let text = '';
    for await (const chunk of stage.outputStream!({ surface: 'chat.completions', body: { model: 'm', messages: [] }, ctx, chunks: upstream(chunks) })) {
      text += (chunk.choices as { delta?: { content?: string } }[])[0]?.delta?.content ?? '';
    }
    return text;
  }

  async function responses(ctx: Ctx, answer: string, step: number): Promise<string> {
    const events = [...responseEvents('m', { kind: 'text', pieces: pieces(answer, step) }, { promptTokens: 1, completionTokens: 1 }, {})];
    let text = '';
    for await (const e of stage.outputStream!({ surface: 'responses', body: { model: 'm' }, ctx, chunks: upstream(events) })) {
      if (e.type === 'response.output_text.delta') text += e.delta as string;
    }
    return text;
  }

  const answer = 'Call &lt;PHONE_1&gt; or \\u003cemail_1\\u003e, <PHONE_1/>, <ＥＭＡＩＬ_１>, <email 1>, <EMAIL\u200B_1> today.';
  const restored = `Call ${PHONE} or ${EMAIL}, ${PHONE}, ${EMAIL}, ${EMAIL}, ${EMAIL} today.`;

  it.each([1, 2, 3, 5, 7, 11])('every variant is restored in a chat stream cut every %i characters', async (step) => {
    expect(await chat(await pseudonymized('chat.completions'), answer, step)).toBe(restored);
  });

  it.each([1, 3, 7])('every variant is restored in a Responses stream cut every %i characters', async (step) => {
    expect(await responses(await pseudonymized('responses'), answer, step)).toBe(restored);
  });

  it('an answer ending in an unclosed opener keeps its end (nothing can complete it)', async () => {
    const ctx = await pseudonymized('chat.completions');
    for (const end of ['so a < b', 'ending with <PHO', 'and &lt;EMAIL', 'a &l', 'x \\u00']) {
      for (const step of [1, 4, 50]) expect(await chat(ctx, `<PHONE_1> ${end}`, step), `${end} / ${step}`).toBe(`${PHONE} ${end}`);
    }
  });
});
