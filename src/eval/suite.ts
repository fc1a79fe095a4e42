/**
 * Evaluation suites: our own red-team / benign suites (datasets/redteam/*.jsonl, one taxonomy category
 * per prompt) and the shared public sets (../shared/datasets/<topic>/<source>/<source>.jsonl, uniform
 * schema text/label/lang/source), read in place so they are never copied into the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { isTaxonomyId } from '../../guardrails/core/taxonomy.js';

export type ItemLabel = 'attack' | 'benign';

export interface SuiteItem {
  id: string;
  text: string;
  label: ItemLabel;
  /** Taxonomy id the attack belongs to, or (benign) the category it resembles; `benign` for plain benign prompts. */
  category: string;
  lang: string;
  /** Suite or source name (`redteam/intent`, `injection/bipia` …). */
  source: string;
}

export class SuiteError extends Error {}

/** The shape of our suites' lines (datasets/redteam/README in docs/eval.md). */
const ownItemSchema = z
  .object({
    id: z.string().min(1),
    text: z.string().min(1),
    label: z.enum(['attack', 'benign']),
    category: z.string().refine((c) => c === 'benign' || isTaxonomyId(c), { message: 'not a taxonomy id (guardrails/core/taxonomy.ts) or "benign"' }),
    lang: z.enum(['en', 'zh']),
    note: z.string().optional(),
  })
  .strict();

const sharedItemSchema = z.object({ text: z.string().min(1), label: z.string(), lang: z.string(), source: z.string().optional(), id: z.union([z.string(), z.number()]).optional() });

/** Shared labels → what the gateway should do. Labels not listed (pii, no_pii, sensitive) are skipped: not a block/allow question. */
const SHARED_LABELS: Record<string, { label: ItemLabel; category?: string }> = {
  injection: { label: 'attack', category: 'intent.prompt_injection' },
  jailbreak: { label: 'attack', category: 'intent.jailbreak' },
  harmful: { label: 'attack', category: 'intent.harmful' },
  toxic: { label: 'attack', category: 'toxicity.toxic' },
  benign: { label: 'benign' },
  safe: { label: 'benign' },
  non_toxic: { label: 'benign' },
};

/** Benign rows of a topic folder resemble that topic's attacks: their FPR is reported under it. */
const TOPIC_LOOKALIKE: Record<string, string> = { injection: 'intent.prompt_injection', harmful: 'intent.harmful', toxicity: 'toxicity.toxic' };

function jsonlFiles(path: string, skipOriginals: boolean): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new SuiteError(`suite not found: ${path}`);
  if (stat.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!(skipOriginals && entry.name === 'original')) out.push(...jsonlFiles(join(path, entry.name), skipOriginals));
    } else if (entry.name.endsWith('.jsonl')) out.push(join(path, entry.name));
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function* lines(file: string): Generator<{ line: number; value: unknown }> {
  let text: string;
  try {
    // fatal: a Latin-1 or GBK export would otherwise be read with U+FFFD in place of its letters.
    text = utf8.decode(readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) throw new SuiteError(`${file}: not valid UTF-8`);
    throw error;
  }
  // A byte-order mark (files saved by Windows tools) is not part of the first line.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let n = 0;
  for (const raw of text.split('\n')) {
    n++;
    if (raw.trim() === '') continue;
    try {
      yield { line: n, value: JSON.parse(raw) };
    } catch {
      throw new SuiteError(`${file}:${n}: invalid JSON`);
    }
  }
}

/** Reads our suites (a file or a directory of *.jsonl). Any malformed line is an error naming file:line. */
export function loadOwnSuites(paths: readonly string[]): SuiteItem[] {
  const items: SuiteItem[] = [];
  const ids = new Set<string>();
  for (const file of paths.flatMap((p) => jsonlFiles(p, false))) {
    const source = `redteam/${basename(file, '.jsonl')}`;
    for (const { line, value } of lines(file)) {
      const parsed = ownItemSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new SuiteError(`${file}:${line}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
      }
      const { id, text, label, category, lang } = parsed.data;
      if (ids.has(id)) throw new SuiteError(`${file}:${line}: duplicate id "${id}"`);
      ids.add(id);
      items.push({ id, text, label, category, lang, source });
    }
  }
  return items;
}

export interface SharedLoadOptions {
  /** At most this many rows per source file, spread evenly over the file (deterministic). */
  limit?: number;
}

export interface SharedLoadResult {
  items: SuiteItem[];
  /** Rows whose label is not a block/allow question (pii, sensitive …), by label. */
  skipped: Record<string, number>;
}

/** Reads the shared datasets' uniform JSONL in place (a source file, a topic folder or the whole tree). */
export function loadSharedSuites(paths: readonly string[], options: SharedLoadOptions = {}): SharedLoadResult {
  const items: SuiteItem[] = [];
  const skipped: Record<string, number> = {};
  for (const root of paths) {
    for (const file of jsonlFiles(root, true)) {
      // Layout: <topic>/<source>/<source>.jsonl; the topic says what the benign rows resemble.
      const topic = basename(dirname(dirname(file)));
      const sourceName = `${topic}/${basename(dirname(file))}`;
      const rows: SuiteItem[] = [];
      for (const { line, value } of lines(file)) {
        const parsed = sharedItemSchema.safeParse(value);
        if (!parsed.success) throw new SuiteError(`${file}:${line}: not the shared schema (text, label, lang)`);
        const mapped = SHARED_LABELS[parsed.data.label];
        if (!mapped) {
          skipped[parsed.data.label] = (skipped[parsed.data.label] ?? 0) + 1;
          continue;
        }
        rows.push({
          id: `${sourceName}#${parsed.data.id ?? line}`,
          text: parsed.data.text,
          label: mapped.label,
          category: mapped.category ?? TOPIC_LOOKALIKE[topic] ?? 'benign',
          lang: parsed.data.lang,
          source: sourceName,
        });
      }
      items.push(...sample(rows, options.limit));
    }
  }
  return { items, skipped };
}

/** Evenly spaced rows (deterministic): a limit samples the whole file, not just its head. */
function sample<T>(rows: T[], limit: number | undefined): T[] {
  if (limit === undefined || rows.length <= limit) return rows;
  return Array.from({ length: limit }, (_, i) => rows[Math.floor((i * rows.length) / limit)]!);
}
