import { forEachRunStartMatch, type Candidate, type EntityType, type Recognizer } from '../types.js';
import { entropy } from '../validators.js';

interface TokenRule {
  type: EntityType;
  regex: RegExp;
  validator: string;
  score: number;
  /** Minimum Shannon entropy (bits/char) of the match: placeholders like sk-xxxxxxxx… are not secrets. */
  minEntropy?: number;
  /** Every match holds one of these literals, `hintOffset` characters after its start (default 0). */
  hints: readonly string[];
  hintOffset?: number;
}

const TOKEN_RULES: TokenRule[] = [
  { type: 'CLOUD_ACCESS_KEY', validator: 'aws-access-key-id', hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AROA'], score: 0.95, regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, minEntropy: 2.5 },
  { type: 'CLOUD_ACCESS_KEY', validator: 'aliyun-access-key-id', hints: ['LTAI'], score: 0.95, regex: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/g, minEntropy: 2.5 },
  { type: 'CLOUD_ACCESS_KEY', validator: 'tencent-secret-id', hints: ['AKID'], score: 0.9, regex: /(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/g, minEntropy: 3 },
  { type: 'CLOUD_ACCESS_KEY', validator: 'google-api-key', hints: ['AIza'], score: 0.9, regex: /(?<![\w\-])AIza[0-9A-Za-z_\-]{35}(?![\w\-])/g, minEntropy: 3 },
  { type: 'API_TOKEN', validator: 'openai-key', hints: ['sk-'], score: 0.9, regex: /(?<![\w\-])sk-(?:proj-|svcacct-|admin-|ant-(?:api\d\d-)?)?[A-Za-z0-9_\-]{20,200}(?![\w\-])/g, minEntropy: 3.2 },
  { type: 'API_TOKEN', validator: 'github-token', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], score: 0.95, regex: /(?<![\w])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![\w])/g, minEntropy: 3 },
  { type: 'API_TOKEN', validator: 'slack-token', hints: ['xox'], score: 0.95, regex: /(?<![\w\-])xox[abposr]-[A-Za-z0-9\-]{10,250}(?![\w\-])/g, minEntropy: 2.5 },
  { type: 'API_TOKEN', validator: 'stripe-key', hints: ['_live_', '_test_'], hintOffset: 2, score: 0.95, regex: /(?<![\w])(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{16,247}(?![\w])/g, minEntropy: 3 },
  { type: 'JWT', validator: 'jwt-structure', hints: ['eyJ'], score: 0.95, regex: /(?<![\w\-])eyJ[A-Za-z0-9_\-]{8,4096}\.eyJ[A-Za-z0-9_\-]{8,8192}\.[A-Za-z0-9_\-]{0,1024}(?![\w\-.])/g },
  // Whole block up to the END line (bounded lazy scan); a truncated key is the header plus its base64 lines.
  { type: 'PRIVATE_KEY', validator: 'pem', hints: ['-----BEGIN'], score: 0.99, regex: /-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----(?:[\s\S]{0,12000}?-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----|(?:\s+[A-Za-z0-9+\/=]{16,128}){0,400})/g },
];

/** Every rule's hints in one alternation: most texts hold none, and one scan replaces ~25 `includes` calls. */
const ANY_TOKEN_HINT = new RegExp(TOKEN_RULES.flatMap((r) => r.hints).map((h) => h.replace(/[.*+?^${}()|[\]\\/\-]/g, '\\$&')).join('|'), 'g');
/** The rule each hint belongs to (every hint is one rule's). */
const RULE_OF_HINT = new Map(TOKEN_RULES.flatMap((r, i) => r.hints.map((h) => [h, i] as const)));
if (RULE_OF_HINT.size !== TOKEN_RULES.reduce((n, r) => n + r.hints.length, 0)) throw new Error('secrets: a hint is shared by two rules');
for (const a of RULE_OF_HINT.keys()) for (const b of RULE_OF_HINT.keys()) if (a !== b && b.startsWith(a)) throw new Error(`secrets: hint ${a} starts hint ${b}`);
/** Each rule's regex, sticky: tried only where a hint puts a possible start. */
const STICKY = TOKEN_RULES.map((r) => new RegExp(r.regex.source, 'y'));

/**
 * `password=…`, `"api_key": "…"`, `密码：…`: the VALUE is the finding. Keys are matched on a word boundary;
 * the value stops at whitespace, a quote or punctuation that ends a clause.
 */
export const ASSIGNMENT =
  /(?<![A-Za-z0-9_])(password|passwd|pwd|passcode|pass|secret|client_secret|api[_\-]?key|apikey|access[_\-]?token|auth[_\-]?token|token|密码|口令|密钥)["']?\s{0,3}(?:[:=：]|是|为)\s{0,3}["']?([^\s"'`,;，。；、]{4,128})/gi;
/** Every assignment key holds one of these stems (case-insensitive, like ASSIGNMENT) ... */
const ASSIGNMENT_HINT = /pass|pwd|secret|key|token|密码|口令|密钥/gi;
/** ... this many characters after the key's start (client_secret, api_key / apikey, access_token / authtoken …). */
const STEM_OFFSETS: Record<string, readonly number[]> = { pass: [0], pwd: [0], secret: [0, 7], key: [3, 4], token: [0, 4, 5, 6, 7] };
const ASSIGNMENT_STICKY = new RegExp(ASSIGNMENT.source, 'iy');
/**
 * ASSIGNMENT's lookbehind class [A-Za-z0-9_]: under the `i` flag without `u` it holds exactly these (no non-ASCII
 * character canonicalises into ASCII there), so a key start after one of them cannot match.
 */
const isKeyWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const TOKEN_KEYS = /key|token|secret|密钥/i;
/** Obvious non-values: redacted placeholders, template variables, booleans. */
export const NOT_A_VALUE = /^(?:\*+|x+|\.{3,}|<[^>]*>|\$\{?[\w.]+\}?|\{\{.*\}\}|%s|null|none|true|false|undefined|redacted|\[redacted\]|changeme)$/i;

/** scheme://user:password@host → the `user:password` part. */
const URL_CREDENTIALS = /(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]{1,20}:\/\/([^\s:\/@]{1,64}:[^\s\/@]{1,128})@[A-Za-z0-9.\-\[\]]{1,253}/y;
const isSchemeChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 45 || c === 46;

/** The token rules' matches, rule by rule (see TOKEN_RULES). */
function tokenSecrets(text: string, out: Candidate[]): void {
  // Each rule's matches start `hintOffset` before one of its hints: find every hint position (one scan for all
  // rules), then per rule try its sticky regex at those starts in text order, skipping starts inside its
  // previous match: the matches of a global scan per rule, in the same order (rule by rule).
  let starts: number[][] | undefined;
  ANY_TOKEN_HINT.lastIndex = 0;
  for (let h = ANY_TOKEN_HINT.exec(text); h !== null; h = ANY_TOKEN_HINT.exec(text)) {
    const at = h.index;
    ANY_TOKEN_HINT.lastIndex = at + 1;
    // No hint starts another, so the one matched here is the only one at this position.
    const r = RULE_OF_HINT.get(h[0])!;
    const start = at - (TOKEN_RULES[r]!.hintOffset ?? 0);
    if (start < 0) continue;
    const list = (starts ??= TOKEN_RULES.map(() => []))[r]!;
    if (list.length === 0 || list[list.length - 1] !== start) list.push(start);
  }
  if (starts) for (let r = 0; r < TOKEN_RULES.length; r++) {
    const rule = TOKEN_RULES[r]!;
    const sticky = STICKY[r]!;
    let lastEnd = 0;
    for (const start of starts[r]!) {
      if (start < lastEnd) continue;
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (m === null) continue;
      lastEnd = start + m[0].length;
      if (rule.minEntropy !== undefined && entropy(m[0]) < rule.minEntropy) continue;
      out.push({ type: rule.type, start, end: lastEnd, score: rule.score, validator: rule.validator, contextApplied: true });
    }
  }
}

/** `key = value` secrets (ASSIGNMENT), in text order. */
function assignments(text: string, out: Candidate[]): void {
  // ASSIGNMENT runs sticky only where a key can start (a stem's position minus its offsets), in text order,
  // skipping starts inside the previous match: the matches of a global scan.
  const keyStarts: number[] = [];
  ASSIGNMENT_HINT.lastIndex = 0;
  for (let h = ASSIGNMENT_HINT.exec(text); h !== null; h = ASSIGNMENT_HINT.exec(text)) {
    ASSIGNMENT_HINT.lastIndex = h.index + 1;
    for (const offset of STEM_OFFSETS[h[0].toLowerCase()] ?? [0]) if (h.index >= offset) keyStarts.push(h.index - offset);
  }
  if (keyStarts.length > 1) keyStarts.sort((x, y) => x - y);
  let lastKeyEnd = 0;
  for (let k = 0; k < keyStarts.length; k++) {
    const start = keyStarts[k]!;
    if (start < lastKeyEnd || (k > 0 && start === keyStarts[k - 1])) continue;
    // The lookbehind, by code: most stems sit inside words (passport, monkey, tokens), where the regex would fail.
    if (start > 0 && isKeyWordChar(text.charCodeAt(start - 1))) continue;
    ASSIGNMENT_STICKY.lastIndex = start;
    const m = ASSIGNMENT_STICKY.exec(text);
    if (m === null) continue;
    const end = start + m[0].length;
    lastKeyEnd = end;
    const value = m[2]!;
    if (NOT_A_VALUE.test(value)) continue;
    const type: EntityType = TOKEN_KEYS.test(m[1]!) ? 'API_TOKEN' : 'PASSWORD';
    out.push({ type, start: end - value.length, end, score: 0.85, validator: 'assignment', contextApplied: true });
  }
}

export const secretsRecognizer: Recognizer = {
  name: 'secrets',
  entityTypes: ['CLOUD_ACCESS_KEY', 'API_TOKEN', 'JWT', 'PRIVATE_KEY', 'PASSWORD', 'URL_CREDENTIALS'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    // Without a token hint's characters (TextFacts.tokenHint: one of its pairs or triples is in every hint) no rule
    // matches, and without a separator no assignment does: both scans skipped (most prose rows).
    if (facts.tokenHint !== false) tokenSecrets(text, out);
    if (facts.assignmentSeparator !== false || facts.hasCjk) assignments(text, out);
    // A match's scheme is the whole run of [A-Za-z0-9+.\-] before a `://` (the lookbehind), 2-21 long and starting
    // with a letter: the sticky regex is tried once per `://`, at that run's start, in text order.
    forEachRunStartMatch(text, '://', 21, isSchemeChar, URL_CREDENTIALS, (start, m) => {
      const userinfo = m[1]!;
      const from = start + m[0].indexOf('://') + 3;
      out.push({ type: 'URL_CREDENTIALS', start: from, end: from + userinfo.length, score: 0.98, validator: 'url-userinfo', contextApplied: true });
    });
    return out;
  },
};
