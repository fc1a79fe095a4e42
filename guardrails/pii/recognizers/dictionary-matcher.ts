/**
 * Exact multi-word dictionary lookup in one left-to-right pass: a Map from first character to the entries
 * starting with it (longest first). Linear in text length times the (small) bucket size; no regex.
 */
export interface DictionaryHit {
  start: number;
  end: number;
  entry: string;
}

export class DictionaryMatcher {
  private readonly byFirst = new Map<string, string[]>();

  constructor(
    entries: readonly string[],
    /** Characters that must not touch a hit on either side (e.g. letters for English words). */
    private readonly boundary?: RegExp,
  ) {
    for (const e of entries) {
      const bucket = this.byFirst.get(e[0]!) ?? [];
      bucket.push(e);
      this.byFirst.set(e[0]!, bucket);
    }
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.length - a.length);
  }

  find(text: string): DictionaryHit[] {
    const hits: DictionaryHit[] = [];
    let i = 0;
    while (i < text.length) {
      const bucket = this.byFirst.get(text[i]!);
      let matched = 0;
      if (bucket) {
        for (const e of bucket) {
          if (!text.startsWith(e, i)) continue;
          if (this.boundary) {
            if (i > 0 && this.boundary.test(text[i - 1]!)) continue;
            const after = text[i + e.length];
            if (after !== undefined && this.boundary.test(after)) continue;
          }
          hits.push({ start: i, end: i + e.length, entry: e });
          matched = e.length;
          break;
        }
      }
      i += matched || 1;
    }
    return hits;
  }
}
