/**
 * Exact dictionary lookup in one left-to-right pass. At each position the longest entry wins and the scan
 * continues after it. `word` mode requires word edges on both sides (for Latin-script names); `any` mode
 * matches anywhere (Chinese has no word boundaries).
 *
 * `word` mode compiles the entries into one alternation behind a look-behind, so V8's regex engine does the
 * scanning (faster than a JS loop on Latin text, where many positions start some entry). `any` mode (Chinese)
 * indexes the entries by their first character instead: a position whose character starts no entry costs
 * one Map lookup. Both give the same hits.
 */
import { addCode, hasCode, newCodeSet } from '../../core/code-set.js';

export interface DictionaryHit {
  start: number;
  end: number;
  entry: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD_CHAR = '0-9A-Za-z\\u00c0-\\u024f';
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

export class DictionaryMatcher {
  /** First character code → entries starting with it, longest first. */
  private readonly byFirst = new Map<number, string[]>();
  /** Where some entry starts, by UTF-16 code (a CodeSet): most positions of a text are ruled out by one read. */
  private readonly firstCode = newCodeSet();
  private readonly word: boolean;
  private readonly regex: RegExp | undefined;

  constructor(entries: readonly string[], mode: 'word' | 'any' = 'any') {
    this.word = mode === 'word';
    const sorted = [...new Set(entries)].filter(Boolean).sort((a, b) => b.length - a.length);
    if (this.word) this.regex = new RegExp(`(?<![${WORD_CHAR}])(?:${sorted.map(escape).join('|')})(?![${WORD_CHAR}])`, 'g');
    else for (const entry of sorted) {
      const first = entry.charCodeAt(0);
      addCode(this.firstCode, first);
      const list = this.byFirst.get(first);
      if (list) list.push(entry);
      else this.byFirst.set(first, [entry]);
    }
  }

  find(text: string): DictionaryHit[] {
    const hits: DictionaryHit[] = [];
    const regex = this.regex;
    if (regex) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, entry: m[0] });
      return hits;
    }
    const byFirst = this.byFirst;
    const firstCode = this.firstCode;
    const word = this.word;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!hasCode(firstCode, code)) continue;
      const list = byFirst.get(code);
      if (list === undefined) continue;
      if (word && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      for (let k = 0; k < list.length; k++) {
        const entry = list[k]!;
        if (!text.startsWith(entry, i)) continue;
        const end = i + entry.length;
        if (word && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        hits.push({ start: i, end, entry });
        i = end - 1;
        break;
      }
    }
    return hits;
  }
}
