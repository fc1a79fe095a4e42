/**
 * Keyword lexicons that refine a learned parent score into fine taxonomy categories. Matching runs on
 * the evasion-normalised text (lower-case, de-leeted), so lexicon entries are plain lower-case words.
 * English entries match at word starts (stems: "threat" matches "threatening"); Chinese entries match
 * as substrings (no word boundaries in Chinese).
 */
export interface LexiconEntry {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export type Lexicon = Readonly<Record<string, LexiconEntry>>;

export interface CompiledLexicon {
  /** Categories whose words occur in the normalised text, in lexicon order. */
  match(normalized: string): string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const compiled = Object.entries(lexicon).map(([category, entry]) => {
    const parts: string[] = [];
    if (entry.en.length > 0) parts.push(`(?<![a-z])(?:${entry.en.map(escape).join('|')})`);
    if (entry.zh.length > 0) parts.push(`(?:${entry.zh.map(escape).join('|')})`);
    return { category, re: new RegExp(parts.join('|')) };
  });
  return {
    match(normalized: string): string[] {
      return compiled.filter((c) => c.re.test(normalized)).map((c) => c.category);
    },
  };
}
