/**
 * The `portkey-guardrails` baseline of the gateway bench: Portkey's open-source gateway with the
 * closest guardrails it runs locally (its built-in `default.*` plugins, no external service), on input
 * (before_request_hooks) and output (after_request_hooks), each a `deny: true` guardrail so a match
 * blocks the request with Portkey's hook error status (446). Sent per request in `x-portkey-config`,
 * as a self-hosted Portkey user configures it. `provePortkeyGuardrails` shows at start-up that the
 * hooks really run, so the baseline is honest.
 */
import { z } from 'zod';

/** Portkey answers a request that a `deny: true` guardrail failed with this status. */
export const PORTKEY_HOOK_DENIED_STATUS = 446;

// `default.regexMatch` compiles its rule with `new RegExp(rule)` (no flags) and passes when it matches;
// `not: true` inverts that, so the check fails (and the hook denies) when the pattern is found.
const PATTERNS = {
  email: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}',
  phone: '(?:\\+\\d{1,3}[ .-]?)?\\(?\\b\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}\\b|\\b1[3-9]\\d{9}\\b',
  paymentCard: '\\b(?:\\d[ -]?){12,18}\\d\\b',
  nationalId: '\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{17}[\\dXx]\\b',
  secret: '\\bsk-[A-Za-z0-9_-]{20,}|\\bAKIA[0-9A-Z]{16}\\b|\\bghp_[A-Za-z0-9]{36}\\b|-----BEGIN [A-Z ]*PRIVATE KEY-----',
} as const;

// `default.contains` with operator `none` passes when no word occurs (plain case-sensitive substring).
const INJECTION_PHRASES = [
  'ignore previous instructions',
  'ignore all previous instructions',
  'disregard your instructions',
  'reveal your system prompt',
  'developer mode',
  'do anything now',
  'jailbreak',
];
const TOXIC_WORDS = ['idiot', 'moron', 'stupid', 'shut up', 'kill yourself', 'i hate you'];

interface Check {
  id: string;
  parameters: Record<string, unknown>;
}

const PATTERN_LABELS: Record<keyof typeof PATTERNS, string> = {
  email: 'e-mail',
  phone: 'phone (North American or Chinese mobile)',
  paymentCard: 'payment card (13-19 digits, no Luhn)',
  nationalId: 'US SSN / Chinese resident id',
  secret: 'API keys (sk-, AKIA, ghp_) and private keys',
};

const regexChecks: Check[] = Object.values(PATTERNS).map((rule) => ({ id: 'default.regexMatch', parameters: { rule, not: true } }));
const words = (list: string[]): Check => ({ id: 'default.contains', parameters: { words: list, operator: 'none' } });

export const PORTKEY_INPUT_CHECKS: Check[] = [...regexChecks, words(INJECTION_PHRASES), words(TOXIC_WORDS)];
export const PORTKEY_OUTPUT_CHECKS: Check[] = [...regexChecks, words(TOXIC_WORDS)];

function config(outputChecks: Check[]) {
  return {
    before_request_hooks: [{ type: 'guardrail', id: 'bench-input', deny: true, checks: PORTKEY_INPUT_CHECKS }],
    after_request_hooks: [{ type: 'guardrail', id: 'bench-output', deny: true, checks: outputChecks }],
  };
}

/** The `x-portkey-config` header value of the benchmarked target. */
export const PORTKEY_GUARDRAILS_CONFIG = JSON.stringify(config(PORTKEY_OUTPUT_CHECKS));

/** For the docs: what the hooks check, in words. */
export const PORTKEY_GUARDRAILS_DESCRIPTION =
  `input: ${PORTKEY_INPUT_CHECKS.length} checks on the last message (\`default.regexMatch\` with \`not: true\` for ${Object.values(PATTERN_LABELS).join(', ')}; ` +
  `\`default.contains\` \`none\` for ${INJECTION_PHRASES.length} injection/jailbreak phrases and ${TOXIC_WORDS.length} insults, case-sensitive substrings); ` +
  `output: the same regexes and insult list on the answer (${PORTKEY_OUTPUT_CHECKS.length} checks); one \`deny: true\` guardrail hook per direction`;

const checkResult = z.object({ id: z.string(), verdict: z.boolean(), error: z.unknown().optional() });
const hookResult = z.object({ id: z.string(), verdict: z.boolean(), checks: z.array(checkResult) });
const hookResults = z.object({
  hook_results: z.object({ before_request_hooks: z.array(hookResult), after_request_hooks: z.array(hookResult) }),
});

export interface PortkeyGuardrailsProof {
  /** Status of a prompt with an (invented) e-mail address, non-streamed / streamed: the input hook denied it. */
  inputDeniedStatus: { nonStreaming: number; streaming: number };
  /** Checks that ran and passed on a benign request's prompt and answer (non-streamed), per hook. */
  checksRun: { input: number; output: number };
  /** With the answer's own word added to the output deny list: non-streamed is denied (446); streamed status as measured. */
  outputDeniedStatus: { nonStreaming: number; streaming: number };
  /** false when Portkey's after_request_hooks let a streamed answer through that they deny non-streamed. */
  outputHooksCheckStreams: boolean;
}

/**
 * Proves that Portkey runs the benchmarked hooks; throws if not. `url` is the gateway's /v1 base,
 * `headers` the target's headers without `x-portkey-config`; `answerWord` a word the fake upstream's
 * answer contains. No prompt or answer text is logged or returned.
 */
export async function provePortkeyGuardrails(url: string, headers: Record<string, string>, model: string, answerWord: string): Promise<PortkeyGuardrailsProof> {
  const call = async (content: string, stream: boolean, portkeyConfig: string) => {
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'x-portkey-config': portkeyConfig },
      body: JSON.stringify({ model, messages: [{ role: 'user', content }], ...(stream ? { stream: true } : {}) }),
    });
    return { status: res.status, text: await res.text() };
  };
  const fail = (what: string, status: number) => new Error(`portkey-guardrails start-up proof: ${what} (HTTP ${status})`);

  const pii = 'Please write to jane.roe@example.org about the invoice.';
  const inputDenied = { nonStreaming: 0, streaming: 0 };
  for (const stream of [false, true]) {
    const r = await call(pii, stream, PORTKEY_GUARDRAILS_CONFIG);
    if (r.status !== PORTKEY_HOOK_DENIED_STATUS) throw fail(`a prompt with an e-mail address was not refused${stream ? ' (streamed)' : ''}`, r.status);
    const input = hookResults.parse(JSON.parse(r.text)).hook_results.before_request_hooks[0];
    if (!input || input.verdict || !input.checks.some((c) => c.id === 'default.regexMatch' && !c.verdict && !c.error)) throw fail('refusal did not come from the e-mail regex', r.status);
    inputDenied[stream ? 'streaming' : 'nonStreaming'] = r.status;
  }

  const benign = await call('Say hello to the benchmark, please.', false, PORTKEY_GUARDRAILS_CONFIG);
  if (benign.status !== 200) throw fail('a benign request was refused', benign.status);
  const { before_request_hooks: before, after_request_hooks: after } = hookResults.parse(JSON.parse(benign.text)).hook_results;
  const ran = (h: z.infer<typeof hookResult> | undefined, n: number) => h !== undefined && h.checks.length === n && h.checks.every((c) => c.verdict && !c.error);
  if (!ran(before[0], PORTKEY_INPUT_CHECKS.length)) throw fail('input checks did not all run and pass on a benign prompt', benign.status);
  if (!ran(after[0], PORTKEY_OUTPUT_CHECKS.length)) throw fail('output checks did not all run and pass on the answer', benign.status);

  const denyAnswer = JSON.stringify(config([...regexChecks, words([...TOXIC_WORDS, answerWord])]));
  const outputDenied = { nonStreaming: 0, streaming: 0 };
  for (const stream of [false, true]) outputDenied[stream ? 'streaming' : 'nonStreaming'] = (await call('Say hello to the benchmark, please.', stream, denyAnswer)).status;
  if (outputDenied.nonStreaming !== PORTKEY_HOOK_DENIED_STATUS) throw fail('an answer matching the output deny list was not refused', outputDenied.nonStreaming);

  return {
    inputDeniedStatus: inputDenied,
    checksRun: { input: before[0]!.checks.length, output: after[0]!.checks.length },
    outputDeniedStatus: outputDenied,
    outputHooksCheckStreams: outputDenied.streaming === PORTKEY_HOOK_DENIED_STATUS,
  };
}
