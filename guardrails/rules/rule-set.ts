/**
 * A compiled rule set: one Aho-Corasick automaton over every keyword list, topic keyword and
 * knowledge-base keyword (one pass over the text), validated regexes, an allow-list matcher and the
 * knowledge base. Immutable once built, so a policy reload swaps it atomically.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { latinLookalikes } from '../core/homoglyphs.js';
import { normalize, type NormalizedText } from '../core/normalize.js';
import type { Detector, Finding } from '../core/types.js';
import { AhoCorasick } from './aho-corasick.js';
import { foldTerm, isBoundarySensitive, prepareForMatching, withoutMarks } from './fold.js';
import { globMatches } from './glob.js';
import { checkRegexSafety } from './regex-safety.js';
import { ruleSetSchema, type KnowledgeEntry, type RuleSetSpec, type RuleSetSpecInput } from './schema.js';

export const RULES_DETECTOR = 'rules';

/** Where a dictionary term came from: the finding it produces. */
interface TermOwner {
  detector: string;
  category: string;
  score: number;
  rule: string;
  wholeWord: 'auto' | 'always' | 'never';
}

interface CompiledRegex {
  id: string;
  category: string;
  score: number;
  regex: RegExp;
}

export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
}

export interface CompileOptions {
  /** Directory that relative `files` paths are resolved against (the policy file's directory). */
  baseDir?: string;
  /** Time budget per regex for the backtracking probe. */
  regexBudgetMs?: number;
  /** Told about every term file read, so the policy hash covers list contents too. */
  onFileRead?: (path: string, content: string) => void;
  /** Supplies a term file's content (absolute path) instead of reading it; `undefined` = read from disk. */
  readFile?: (path: string) => string | undefined;
  /**
   * Directories term files must lie in (after resolving symlinks); unset = anywhere. The policy loader passes the
   * policy file's directory and `guardrails.policies.listDirs`.
   */
  termFileRoots?: readonly string[];
}

/** Every term file a rule-set spec references, as written (relative to its base directory). */
export function termFilesOf(spec: RuleSetSpec): string[] {
  return [...spec.keywords.flatMap((k) => k.files), ...spec.topics.flatMap((t) => t.files), ...spec.allow.files];
}

/** Every term file a rule-set spec references, with the rule naming it (`keyword list "banned"`), for load errors. */
export function termFileRefs(spec: RuleSetSpec): { file: string; owner: string }[] {
  return [
    ...spec.keywords.flatMap((k) => k.files.map((file) => ({ file, owner: `keyword list "${k.id}"` }))),
    ...spec.topics.flatMap((t) => t.files.map((file) => ({ file, owner: `topic "${t.id}"` }))),
    ...spec.allow.files.map((file) => ({ file, owner: 'allow-list' })),
  ];
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * The absolute path of a term file named by a policy, refused (RuleSetError naming the rule and the path as written)
 * when it lies outside every root, as written (`../x`, an absolute path) or once symlinks are resolved, or is not a
 * regular file (a FIFO or `/dev/zero` would hang the load). A tenant's policy file must not read the host's files.
 */
export function confineTermFile(baseDir: string, file: string, owner: string, roots: readonly string[]): string {
  const path = resolve(baseDir, file);
  const allowedRoots = roots.map((root) => resolve(root));
  const outside = () =>
    new RuleSetError(
      `${owner}: term file "${file}" lies outside the policy file's directory; term lists are read from the policy directory ` +
        `(or a directory listed in guardrails.policies.listDirs)`,
    );
  if (!allowedRoots.some((root) => within(root, path))) throw outside();
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    throw new RuleSetError(`${owner}: cannot read term file "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!allowedRoots.some((root) => within(realOrSelf(root), real))) throw outside();
  if (!statSync(real).isFile()) throw new RuleSetError(`${owner}: term file "${file}" is not a regular file`);
  return path;
}

/** Parses a term list: one term per line, blank lines and `#` comments skipped. */
export function parseTermList(content: string): string[] {
  const terms: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    const term = line.trim();
    if (term && !term.startsWith('#')) terms.push(term);
  }
  return terms;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's text, or undefined when it is not UTF-8 (a BOM is dropped). Decoded leniently, a GBK or UTF-16 list
 * loaded as replacement characters: terms that never match what users type, a rule that silently never fires.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A term file's text; RuleSetError naming the rule and the file as written when it is not UTF-8. */
export function decodeTermFile(bytes: Uint8Array, file: string, owner: string): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new RuleSetError(`${owner}: term file "${file}" is not valid UTF-8 (save it as UTF-8)`);
  return text;
}

/** Reads a term file: one term per line, blank lines and `#` comments skipped (Error when it is not UTF-8). */
export function readTermFile(path: string, onFileRead?: CompileOptions['onFileRead']): string[] {
  const content = decodeUtf8(readFileSync(path));
  if (content === undefined) throw new Error('not valid UTF-8 (save it as UTF-8)');
  onFileRead?.(path, content);
  return parseTermList(content);
}

export class RuleSet {
  readonly termCount: number;
  readonly detector: Detector;
  readonly knowledgeBase: readonly KnowledgeEntry[];
  private readonly automaton: AhoCorasick | undefined;
  private readonly owners: TermOwner[][];
  private readonly regexes: CompiledRegex[];
  private readonly allowMatcher: AhoCorasick | undefined;
  private readonly topicsByClassifier: { pattern: string; category: string; minScore: number; rule: string }[];

  constructor(spec: RuleSetSpec, options: CompileOptions = {}) {
    const baseDir = options.baseDir ?? process.cwd();
    const load = (files: readonly string[], owner: string) => files.flatMap((file) => {
      const path = options.termFileRoots ? confineTermFile(baseDir, file, owner, options.termFileRoots) : resolve(baseDir, file);
      let supplied: string;
      try {
        supplied = options.readFile?.(path) ?? decodeTermFile(readFileSync(path), file, owner);
      } catch (error) {
        if (error instanceof RuleSetError) throw error;
        throw new RuleSetError(`cannot read term file "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      options.onFileRead?.(path, supplied);
      return parseTermList(supplied);
    });

    const patternIndex = new Map<string, number>();
    const patterns: string[] = [];
    this.owners = [];
    const addTerms = (terms: readonly string[], owner: TermOwner) => {
      for (const raw of terms) {
        const term = foldTerm(raw);
        if (!term) continue;
        let index = patternIndex.get(term);
        if (index === undefined) {
          index = patterns.length;
          patternIndex.set(term, index);
          patterns.push(term);
          this.owners.push([]);
        }
        const list = this.owners[index]!;
        if (!list.some((o) => o.rule === owner.rule && o.detector === owner.detector)) list.push(owner);
      }
    };

    for (const list of spec.keywords) {
      addTerms([...list.terms, ...load(list.files, `keyword list "${list.id}"`)], {
        detector: 'rules.keywords',
        category: list.category ?? `rules.${list.id}`,
        score: list.score,
        rule: list.id,
        wholeWord: list.wholeWord,
      });
    }
    this.topicsByClassifier = [];
    for (const topic of spec.topics) {
      const topicCategory = topic.category ?? `topic.${topic.id}`;
      addTerms([...topic.keywords, ...load(topic.files, `topic "${topic.id}"`)], {
        detector: 'rules.topics',
        category: topicCategory,
        score: topic.score,
        rule: topic.id,
        wholeWord: topic.wholeWord,
      });
      for (const pattern of topic.classifierCategories) {
        this.topicsByClassifier.push({ pattern, category: topicCategory, minScore: topic.minScore, rule: topic.id });
      }
    }
    for (const entry of spec.knowledgeBase) {
      addTerms(entry.keywords, { detector: 'rules.kb', category: `kb.${entry.id}`, score: 1, rule: entry.id, wholeWord: 'auto' });
    }
    this.termCount = patterns.length;
    this.automaton = patterns.length > 0 ? AhoCorasick.build(patterns) : undefined;

    this.regexes = spec.regexes.map((rule) => {
      const check = checkRegexSafety(rule.pattern, rule.flags, options.regexBudgetMs);
      if (!check.ok) throw new RuleSetError(`regex rule "${rule.id}" rejected: ${check.reason}`);
      return { id: rule.id, category: rule.category ?? `rules.${rule.id}`, score: rule.score, regex: new RegExp(rule.pattern, rule.flags + 'g') };
    });

    const allowTerms = [...spec.allow.terms, ...load(spec.allow.files, 'allow-list')].map(foldTerm).filter(Boolean);
    this.allowMatcher = allowTerms.length > 0 ? AhoCorasick.build(allowTerms) : undefined;
    this.knowledgeBase = spec.knowledgeBase;

    this.detector = { name: RULES_DETECTOR, detect: (text) => this.detect(text) };
  }

  /** Whether an allow-list is set (filterAllowed is a no-op without one). */
  get hasAllowList(): boolean {
    return this.allowMatcher !== undefined;
  }

  get automatonBytes(): number {
    return (this.automaton?.byteSize ?? 0) + (this.allowMatcher?.byteSize ?? 0);
  }

  detect(text: string): Finding[] {
    const findings: Finding[] = [];
    if (!this.automaton && this.regexes.length === 0) return findings;
    const base = normalize(text);
    if (this.automaton) {
      const { folded, normalized } = prepareForMatching(text, base);
      this.automaton.forEachMatch(folded, (index, start, end) => {
        for (const owner of this.owners[index]!) {
          if (!boundaryOk(folded, start, end, owner.wholeWord)) continue;
          const [s, e] = normalized.changed ? normalized.toOriginal(start, end) : [start, end];
          findings.push({ detector: owner.detector, category: owner.category, start: s, end: e, score: owner.score, meta: { rule: owner.rule } });
        }
      });
    }
    if (this.regexes.length === 0) return findings;
    // Regexes are written against what the model reads: ＡＣＭＥ－１２３４ (a Chinese IME's full-width forms) or
    // ACME-12\u200b34 read as ACME-1234 but slipped past `ACME-[0-9]{4,6}` on the raw text. So they also run on
    // the normalised text (NFKC, invisibles removed; no case folding: the rule's flags decide that), spans
    // mapped back. The raw pass stays, for rules written to catch the raw characters themselves. Cyrillic and
    // Greek look-alikes are read as Latin there too (АСМЕ-1234 with Cyrillic А, С, М, Е), one unit for one,
    // so the normalised text's offset map still applies.
    const second = latinLookalikes(base.text);
    // Combining marks composed or dropped and accented Latin letters read as ASCII (`A̲C̲M̲E̲-̲1̲2̲3̲4̲`, `ÁCMÉ-1234`), as
    // for keywords (fold.ts): a third pass when that changes anything.
    const third = withoutMarks(second, base);
    for (const rule of this.regexes) {
      const first = findings.length;
      this.regexPass(rule, text, undefined, findings, first);
      if (base.changed || second !== base.text) this.regexPass(rule, second, base, findings, first);
      if (third) this.regexPass(rule, third.text, third, findings, first);
    }
    return findings;
  }

  /** One regex over `subject`; spans mapped back through `mapped` and skipped when a pass of this rule already found them. */
  private regexPass(rule: CompiledRegex, subject: string, mapped: NormalizedText | undefined, findings: Finding[], ruleStart: number): void {
    rule.regex.lastIndex = 0;
    const rawEnd = findings.length;
    for (const match of subject.matchAll(rule.regex)) {
      if (match[0].length === 0) continue;
      const [start, end] = mapped ? mapped.toOriginal(match.index, match.index + match[0].length) : [match.index, match.index + match[0].length];
      if (mapped && hasSpan(findings, ruleStart, rawEnd, start, end)) continue;
      findings.push({ detector: 'rules.regex', category: rule.category, start, end, score: rule.score, meta: { rule: rule.id } });
    }
  }

  /** Topic findings implied by classifier findings (deny-topics defined by classifier categories). */
  topicsFromClassifiers(findings: readonly Finding[]): Finding[] {
    if (this.topicsByClassifier.length === 0) return [];
    const derived: Finding[] = [];
    for (const finding of findings) {
      for (const topic of this.topicsByClassifier) {
        if (finding.score >= topic.minScore && globMatches(topic.pattern, finding.category)) {
          derived.push({
            detector: 'rules.topics',
            category: topic.category,
            start: finding.start,
            end: finding.end,
            score: finding.score,
            meta: { rule: topic.rule, via: finding.category },
          });
        }
      }
    }
    return derived;
  }

  /** Drops findings that lie entirely inside an allow-listed term occurrence. */
  filterAllowed(text: string, findings: Finding[]): Finding[] {
    if (!this.allowMatcher || findings.length === 0) return findings;
    const spans: [number, number][] = [];
    const { folded, normalized } = prepareForMatching(text);
    this.allowMatcher.forEachMatch(folded, (_index, start, end) => {
      if (boundaryOk(folded, start, end, 'auto')) spans.push(normalized.changed ? normalized.toOriginal(start, end) : [start, end]);
    });
    if (spans.length === 0) return findings;
    return findings.filter((f) => !spans.some(([s, e]) => f.start >= s && f.end <= e));
  }

  /** The vetted answer for a finding: by the entry its keywords matched, else by category. */
  findAnswer(findings: readonly Finding[]): KnowledgeEntry | undefined {
    for (const finding of findings) {
      if (finding.detector === 'rules.kb') {
        const entry = this.knowledgeBase.find((e) => e.id === finding.meta?.rule);
        if (entry) return entry;
      }
    }
    for (const finding of findings) {
      const entry = this.knowledgeBase.find((e) => e.categories.some((pattern) => globMatches(pattern, finding.category)));
      if (entry) return entry;
    }
    return undefined;
  }
}

function hasSpan(findings: readonly Finding[], from: number, to: number, start: number, end: number): boolean {
  for (let i = from; i < to; i++) if (findings[i]!.start === start && findings[i]!.end === end) return true;
  return false;
}

function boundaryOk(text: string, start: number, end: number, mode: TermOwner['wholeWord']): boolean {
  if (mode === 'never') return true;
  const first = text[start];
  const last = text[end - 1];
  const before = text[start - 1];
  const after = text[end];
  if (mode === 'always') return !isWordChar(before) && !isWordChar(after);
  // auto: only where the term edge is itself a spaced-script word character.
  if (isBoundarySensitive(first) && isBoundarySensitive(before)) return false;
  if (isBoundarySensitive(last) && isBoundarySensitive(after)) return false;
  return true;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

/** Validates and compiles a rule set; throws RuleSetError (or a zod error) with the reason. */
export function compileRuleSet(input: RuleSetSpecInput, options?: CompileOptions): RuleSet {
  // A RuleSetError naming each bad field, like every other refusal here (a ZodError's message is a JSON dump of its issues).
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) throw new RuleSetError(`invalid rule set: ${z.prettifyError(parsed.error)}`);
  return new RuleSet(parsed.data, options);
}
