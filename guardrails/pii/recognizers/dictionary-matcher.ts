/**
 * Exact dictionary lookup in one left-to-right pass. At each position the longest entry wins and the scan
 * continues after it. `word` mode requires word edges on both sides (for Latin-script names); `any` mode
 * matches anywhere (Chinese has no word boundaries).
 *
 * `word` mode compiles the entries into one alternation behind a look-behind, so V8's regex engine does the
 * scanning (faster than a JS loop on Latin text, where many positions start some entry). `any` mode (Chinese)
 * indexes the entries by their first character instead; a position goes on to that index only when its
 * character is a one-character entry or its two characters may start a longer one (a PairSet read). Both give
 * the same hits.
 */
import { addCode, hasCode, newCodeSet } from '../../core/code-set.js';
import { PairSet } from '../zh/pair-matcher.js';
import { registerMatcher, type ScannedMatcher } from '../zh/scan.js';

export interface DictionaryHit {
  start: number;
  end: number;
  entry: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD_CHAR = '0-9A-Za-z\\u00c0-\\u024f';
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);

export class DictionaryMatcher implements ScannedMatcher {
  /** First character code → entries starting with it, longest first. */
  private readonly byFirst = new Map<number, string[]>();
  /** Where some entry starts, by UTF-16 code (a CodeSet): most positions of a text are ruled out by one read. */
  private readonly firstCode = newCodeSet();
  /**
   * Then the first two codes of every entry of two characters or more, and the one-character entries: a position
   * whose character starts some entry goes on to the Map lookup and string comparisons only when it is a
   * one-character entry or its two characters may start a longer one. (The first code alone let through every
   * 大 / 中 / 小 / 学 / 路 … — frequent characters that start some suffix or place word.)
   */
  private readonly pairs = new PairSet();
  private readonly singles = newCodeSet();
  private readonly word: boolean;
  private readonly regex: RegExp | undefined;
  private readonly pairList: Array<readonly [number, number]> = [];
  private readonly singleList: number[] = [];
  /** `any` mode shares the walk over Chinese text with the other Chinese matchers (zh/scan.ts). */
  readonly scanSlot: number;

  constructor(entries: readonly string[], mode: 'word' | 'any' = 'any') {
    this.word = mode === 'word';
    this.scanSlot = this.word ? -1 : registerMatcher(this);
    const sorted = [...new Set(entries)].filter(Boolean).sort((a, b) => b.length - a.length);
    if (this.word) this.regex = new RegExp(`(?<![${WORD_CHAR}])(?:${sorted.map(escape).join('|')})(?![${WORD_CHAR}])`, 'g');
    else for (const entry of sorted) {
      const first = entry.charCodeAt(0);
      addCode(this.firstCode, first);
      if (entry.length === 1) {
        addCode(this.singles, first);
        this.singleList.push(first);
      } else {
        this.pairs.add(first, entry.charCodeAt(1));
        this.pairList.push([first, entry.charCodeAt(1)]);
      }
      const list = this.byFirst.get(first);
      if (list) list.push(entry);
      else this.byFirst.set(first, [entry]);
    }
  }

  entryPairs(): Iterable<readonly [number, number]> {
    return this.pairList;
  }

  singleEntries(): Iterable<number> {
    return this.singleList;
  }

  /** What find (`any` mode) takes at position i (zh/scan.ts): the longest entry starting there, if any. */
  entryAt(text: string, i: number, code: number, next: number): string | undefined {
    if (!hasCode(this.firstCode, code)) return undefined;
    if (!hasCode(this.singles, code) && (next < 0 || !this.pairs.mayHave(code, next))) return undefined;
    const list = this.byFirst.get(code);
    if (list === undefined) return undefined;
    for (let k = 0; k < list.length; k++) if (text.startsWith(list[k]!, i)) return list[k]!;
    return undefined;
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
    const pairs = this.pairs;
    const singles = this.singles;
    const word = this.word;
    const last = text.length - 1;
    for (let i = 0; i <= last; i++) {
      const code = text.charCodeAt(i);
      if (!hasCode(firstCode, code)) continue;
      // No entry can start here: not a one-character entry, and no longer entry starts with these two codes.
      if (!hasCode(singles, code) && (i === last || !pairs.mayHave(code, text.charCodeAt(i + 1)))) continue;
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
