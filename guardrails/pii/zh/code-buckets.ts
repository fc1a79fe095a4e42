/**
 * A word list split by the UTF-16 code of each word's first (or last) character, in list order within each
 * bucket. A loop "the first word of the list that starts (ends) here" visits only the words with the text's code
 * at that end — the same first word, since no other word can match there — instead of calling startsWith for
 * every word of the list at every position asked (the organisation recognizer's leading-verb and descriptor
 * checks made ~42 000 such calls per pass over the Chinese records, the location recognizer's generic-word check
 * ~21 000).
 */
const NONE: readonly string[] = [];

export class CodeBuckets {
  /** 0: no word has that code at that end; else 1 + the index of its bucket. */
  private readonly index = new Uint16Array(65536);
  private readonly buckets: string[][] = [];

  constructor(words: readonly string[], end: 'first' | 'last') {
    for (const w of words) {
      if (w.length === 0) throw new Error('CodeBuckets: empty word');
      const code = w.charCodeAt(end === 'first' ? 0 : w.length - 1);
      let b = this.index[code]!;
      if (b === 0) {
        this.buckets.push([]);
        b = this.index[code] = this.buckets.length;
      }
      this.buckets[b - 1]!.push(w);
    }
  }

  /** The words with `code` at their first (last) character, in list order; none for a code outside 0–0xFFFF (-1, NaN). */
  of(code: number): readonly string[] {
    const b = code >= 0 && code < 65536 ? this.index[code]! : 0;
    return b === 0 ? NONE : this.buckets[b - 1]!;
  }
}
