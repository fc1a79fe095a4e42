/** Reads prompt text out of OpenAI request bodies, and splits text into demo "tokens". */

export interface PromptMessage {
  role: string;
  text: string;
}

/** Text of a message `content`: a string or an array of parts ({type:'text'|'input_text', text}). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

/** The conversation as (role, text) pairs for chat, Responses (`instructions` + `input`) and completions (`prompt`). */
export function promptMessages(surface: string, body: Record<string, unknown>): PromptMessage[] {
  if (surface === 'chat.completions') {
    const messages = Array.isArray(body.messages) ? body.messages : [];
    return messages.map((m) => ({ role: String((m as { role?: unknown }).role ?? 'user'), text: contentText((m as { content?: unknown }).content) }));
  }
  if (surface === 'responses') {
    const out: PromptMessage[] = [];
    if (typeof body.instructions === 'string') out.push({ role: 'system', text: body.instructions });
    if (typeof body.input === 'string') out.push({ role: 'user', text: body.input });
    else if (Array.isArray(body.input)) {
      for (const item of body.input) {
        const it = item as { role?: unknown; content?: unknown; type?: unknown; output?: unknown };
        if (it.type === 'function_call_output') out.push({ role: 'tool', text: typeof it.output === 'string' ? it.output : JSON.stringify(it.output) });
        else if (it.role !== undefined || it.content !== undefined) out.push({ role: String(it.role ?? 'user'), text: contentText(it.content) });
      }
    }
    return out;
  }
  if (surface === 'completions') {
    const prompt = body.prompt;
    const text = typeof prompt === 'string' ? prompt : Array.isArray(prompt) ? prompt.filter((p) => typeof p === 'string').join('\n') : '';
    return [{ role: 'user', text }];
  }
  return [];
}

// A CJK character is one token; otherwise a token is a run of non-space characters with its leading space.
const TOKEN = /\s*[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]|\s*[^\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/gu;

export function splitTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function countTokens(messages: readonly PromptMessage[]): number {
  // ~3 tokens of framing per message, like OpenAI's chat format.
  return messages.reduce((sum, m) => sum + splitTokens(m.text).length + 3, 0);
}
