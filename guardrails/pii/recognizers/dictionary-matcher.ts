/**
 * Exact dictionary lookup in one left-to-right pass: entries bucketed by their first two characters
 * (longest first). `word` mode only tries positions that start a word and requires a word end after the hit
 * (for Latin-script names); otherwise every position is tried (Chinese has no word boundaries).
 */
export interface DictionaryHit {
  start: number;
  end: number;
  entry: string;
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

export class DictionaryMatcher {
  private readonly byPrefix = new Map<string, string[]>();
  private readonly firstChars = new Set<number>();
  private readonly hasSingles: boolean;
  /** Jumps straight to the next position where an entry could start (V8 scans a char class much faster than a JS loop). */
  private readonly candidate: RegExp;

  constructor(
    entries: readonly string[],
    private readonly mode: 'word' | 'any' = 'any',
  ) {
    for (const e of entries) {
      const key = e.slice(0, 2);
      const bucket = this.byPrefix.get(key) ?? [];
      bucket.push(e);
      this.byPrefix.set(key, bucket);
      this.firstChars.add(e.charCodeAt(0));
    }
    for (const bucket of this.byPrefix.values()) bucket.sort((a, b) => b.length - a.length);
    this.hasSingles = entries.some((e) => e.length === 1);
    const chars = [...this.firstChars].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('');
    const edge = mode === 'word' ? '(?<![0-9A-Za-z\\u00c0-\\u024f])' : '';
    this.candidate = new RegExp(`${edge}[${chars}]`, 'g');
  }

  private tryBucket(bucket: string[] | undefined, text: string, i: number, hits: DictionaryHit[]): number {
    if (!bucket) return 0;
    for (const e of bucket) {
      if (!text.startsWith(e, i)) continue;
      const after = i + e.length;
      if (this.mode === 'word' && after < text.length && isWordChar(text.charCodeAt(after))) continue;
      hits.push({ start: i, end: after, entry: e });
      return e.length;
    }
    return 0;
  }

  find(text: string): DictionaryHit[] {
    const hits: DictionaryHit[] = [];
    const candidate = this.candidate;
    candidate.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = candidate.exec(text)) !== null) {
      const i = m.index;
      let matched = this.tryBucket(this.byPrefix.get(text.slice(i, i + 2)), text, i, hits);
      if (!matched && this.hasSingles) matched = this.tryBucket(this.byPrefix.get(text[i]!), text, i, hits);
      if (matched) candidate.lastIndex = i + matched;
    }
    return hits;
  }
}
