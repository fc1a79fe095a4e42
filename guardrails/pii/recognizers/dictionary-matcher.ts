/**
 * Exact dictionary lookup in one left-to-right pass. The entries are compiled into one alternation, longest
 * first, so V8's regex engine does the scanning (several times faster than a JS loop over candidate
 * characters for dictionaries of a few hundred entries). At each position the longest entry wins and the scan
 * continues after it. `word` mode requires word edges on both sides (for Latin-script names); `any` mode
 * matches anywhere (Chinese has no word boundaries).
 */
export interface DictionaryHit {
  start: number;
  end: number;
  entry: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const WORD_CHAR = '0-9A-Za-z\\u00c0-\\u024f';

export class DictionaryMatcher {
  private readonly regex: RegExp;

  constructor(entries: readonly string[], mode: 'word' | 'any' = 'any') {
    const alternation = [...new Set(entries)].sort((a, b) => b.length - a.length).map(escape).join('|');
    this.regex = mode === 'word' ? new RegExp(`(?<![${WORD_CHAR}])(?:${alternation})(?![${WORD_CHAR}])`, 'g') : new RegExp(alternation, 'g');
  }

  find(text: string): DictionaryHit[] {
    const hits: DictionaryHit[] = [];
    const regex = this.regex;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, entry: m[0] });
    return hits;
  }
}
