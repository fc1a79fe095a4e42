/**
 * Directives steer the local demo model from the prompt, so demos and tests can make it say exactly
 * what they need. They are read from the LAST user message (or Responses `input`, or completions
 * `prompt`) and written `[[name]]` or `[[name: argument]]`. Documented in docs/gateway.md.
 *
 *   [[echo]]               answer with the last user message (directives removed)
 *   [[echo: all]]          answer with every message, one `role: text` line each (what the model saw)
 *   [[emit: TEXT]]         answer with TEXT (`\n` becomes a newline)
 *   [[fixture: NAME]]      answer with a named fixture text (see FIXTURES)
 *   [[tokens: N]]          answer with exactly N tokens
 *   [[tool: NAME {json}]]  call tool NAME with the JSON arguments
 *   [[delay: MS]]          wait MS milliseconds before each streamed token (and before a non-streamed answer)
 *   [[error: STATUS]]      fail as an upstream answering STATUS would (429, 500, 503 …)
 * Without a directive the model greets and echoes the last user message.
 */

export const FIXTURES: Record<string, string> = {
  hello: 'Hello! I am sealgate-demo, the offline demo model built into SealGate.',
  'pii-en': 'Sure. Contact John Smith at john.smith@example.com or +1 415 555 0132; card 4111 1111 1111 1111.',
  'pii-zh': '好的。请联系张三，手机号码13812345678，身份证号11010519491231002X，邮箱zhangsan@example.cn。',
  'secret-key': 'Here is the config: OPENAI_API_KEY=sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 and AWS key AKIAIOSFODNN7EXAMPLE.',
  lorem:
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
  mixed: 'SealGate 是一个 LLM 安全网关。It checks prompts and answers in English and 中文.',
  json: '{"name":"sealgate-demo","ok":true,"items":[1,2,3]}',
};

const LOREM_WORDS = FIXTURES.lorem.replace(/[.,]/g, '').toLowerCase().split(' ');

export type Plan =
  | { kind: 'text'; text: string; delayMs: number }
  | { kind: 'tool_call'; name: string; arguments: string; delayMs: number }
  | { kind: 'error'; status: number; delayMs: number };

/** The opening of a directive, `[[name` then `:` or its closing `]]`; the argument is found by indexOf below. */
const DIRECTIVE_HEAD = /\[\[\s*([a-z]+)\s*(:\s*)?/iy;
const SPACE = /\s/;

interface Directive {
  index: number;
  end: number;
  name: string;
  arg: string | undefined;
}

/**
 * The directives of a text, left to right: what /\[\[\s*([a-z]+)\s*(?::\s*([\s\S]*?))?\s*\]\]/gi matched (the
 * argument runs to the first `]]`, without the white space before it). That regex backtracked cubically on
 * white space after `[[a:` with no closing brackets (2 KB of tabs blocked the event loop 23 s): here each
 * `[[` is read once and the closing `]]` found with one indexOf, so the scan is linear.
 */
function findDirectives(text: string): Directive[] {
  const found: Directive[] = [];
  let from = 0;
  for (;;) {
    const index = text.indexOf('[[', from);
    if (index === -1) return found;
    DIRECTIVE_HEAD.lastIndex = index;
    const head = DIRECTIVE_HEAD.exec(text);
    if (head === null) {
      from = index + 1;
      continue;
    }
    const after = DIRECTIVE_HEAD.lastIndex;
    if (head[2] === undefined) {
      if (!text.startsWith(']]', after)) {
        from = index + 1;
        continue;
      }
      found.push({ index, end: after + 2, name: head[1]!, arg: undefined });
      from = after + 2;
      continue;
    }
    const close = text.indexOf(']]', after);
    // No `]]` after this one: no later directive can close either.
    if (close === -1) return found;
    let argEnd = close;
    while (argEnd > after && SPACE.test(text[argEnd - 1]!)) argEnd -= 1;
    found.push({ index, end: close + 2, name: head[1]!, arg: text.slice(after, argEnd) });
    from = close + 2;
  }
}

export function stripDirectives(text: string): string {
  let kept = '';
  let from = 0;
  for (const d of findDirectives(text)) {
    kept += text.slice(from, d.index);
    from = d.end;
  }
  kept += text.slice(from);
  return kept.replace(/\s{2,}/g, ' ').trim();
}

export function planAnswer(messages: readonly { role: string; text: string }[]): Plan {
  const lastUser = [...messages].reverse().find((m) => m.role === 'user')?.text ?? '';
  let delayMs = 0;
  let plan: Plan | undefined;
  for (const match of findDirectives(lastUser)) {
    const name = match.name.toLowerCase();
    const arg = (match.arg ?? '').trim();
    if (name === 'delay') delayMs = clampInt(arg, 0, 60_000);
    else if (plan) continue; // first answer directive wins
    else if (name === 'echo') {
      plan =
        arg === 'all'
          ? { kind: 'text', text: messages.map((m) => `${m.role}: ${stripDirectives(m.text)}`).join('\n'), delayMs }
          : { kind: 'text', text: stripDirectives(lastUser), delayMs };
    } else if (name === 'emit') plan = { kind: 'text', text: arg.replace(/\\n/g, '\n'), delayMs };
    else if (name === 'fixture') plan = { kind: 'text', text: FIXTURES[arg] ?? `Unknown fixture "${arg}". Fixtures: ${Object.keys(FIXTURES).join(', ')}.`, delayMs };
    else if (name === 'tokens') {
      const n = clampInt(arg, 0, 100_000);
      plan = { kind: 'text', text: Array.from({ length: n }, (_, i) => (i === 0 ? '' : ' ') + LOREM_WORDS[i % LOREM_WORDS.length]).join(''), delayMs };
    } else if (name === 'tool') {
      const space = arg.search(/\s/);
      const toolName = space === -1 ? arg : arg.slice(0, space);
      const rawArgs = space === -1 ? '{}' : arg.slice(space + 1).trim();
      plan = { kind: 'tool_call', name: toolName || 'tool', arguments: isJson(rawArgs) ? rawArgs : JSON.stringify({ input: rawArgs }), delayMs };
    } else if (name === 'error') plan = { kind: 'error', status: clampInt(arg, 400, 599), delayMs };
  }
  // Keep the delay even when it came after the answer directive.
  if (plan) return { ...plan, delayMs };
  const said = stripDirectives(lastUser);
  return { kind: 'text', text: said ? `Hello from sealgate-demo (offline demo model). You said: ${said}` : FIXTURES.hello, delayMs };
}

function clampInt(raw: string, min: number, max: number): number {
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return min;
  return Math.min(max, Math.max(min, n));
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
