import { EN_KNOWN_ORGS, EN_ORG_SUFFIXES, ZH_KNOWN_ORGS, ZH_ORG_SHORT_SUFFIXES, ZH_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { zhCharModel } from '../zh/char-model.js';
import type { Candidate, Recognizer } from '../types.js';
import { DictionaryMatcher } from './dictionary-matcher.js';

/**
 * Organisations. English: a capitalised word that is a legal form / institution word (Inc, LLC, Systems,
 * University …) extended left over up to four capitalised words (`of`, `and`, `&` may join them), or
 * `University of X` forms, or a gazetteer name. Chinese: a suffix (有限公司, 银行, 大学 …) extended left over
 * up to 12 name characters, or a gazetteer name. All linear scans (no regex alternation over the lists).
 */
const SUFFIX_SET = new Set(EN_ORG_SUFFIXES.map((s) => s.replace(/\.$/, '')));
const OF_HEADS = new Set(['University', 'Bank', 'Ministry', 'Department', 'Institute', 'College', 'Museum', 'Church', 'Council', 'Board', 'Office']);
/** Capitalised tokens only (ASCII + Latin-1 letters): the only places an organisation can end or start. */
const CAP_TOKEN = /[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’&\-.]*/g;
/** Up to four capitalised words (joined by of / and / & / the) right before a suffix; anchored at the end. */
const NAME_BEFORE = /(?:^|[^A-Za-z\u00c0-\u024f'’&\-])((?:[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’&\-]*(?: (?:of|and|&|the|for|de))? ){1,4}),? ?$/;
const NAME_AFTER_OF = /^ of(?: the)?((?: [A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'’\-]*){1,4})/;

function englishOrgs(text: string, push: (s: number, e: number, score: number, v: string) => void): void {
  CAP_TOKEN.lastIndex = 0;
  for (let m = CAP_TOKEN.exec(text); m; m = CAP_TOKEN.exec(text)) {
    const raw = m[0];
    const bare = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    let matched = false;
    if (SUFFIX_SET.has(bare) || SUFFIX_SET.has(raw)) {
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index));
      const words = before ? before[1]!.trim().split(' ') : [];
      matched = before !== null && !words.every((w) => SUFFIX_SET.has(w));
    }
    if (matched) {
      const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index))!;
      const end = m.index + (SUFFIX_SET.has(raw) ? raw.length : bare.length);
      const sliceStart = Math.max(0, m.index - 80);
      push(sliceStart + before.index + before[0].indexOf(before[1]!), end, 0.7, 'en-org-suffix');
    } else if (OF_HEADS.has(raw)) {
      // University of Oxford, Bank of China
      const after = NAME_AFTER_OF.exec(text.slice(m.index + raw.length, m.index + raw.length + 80));
      if (after) push(m.index, m.index + raw.length + after[0].length, 0.7, 'en-org-of');
    }
  }
}

const ZH_STOP = new Set('的是在我你他她到于从和与及或也都就请把给了被让对向么候去问们以前特这那哪些个送，。、；：！？“”‘’（）()《》【】 \n\t,.;:!?"\''.split(''));
const isNameChar = (ch: string) => !ZH_STOP.has(ch) && !/[\d\s]/.test(ch);
const zhSuffixes = new DictionaryMatcher([...ZH_ORG_SUFFIXES, ...ZH_ORG_SHORT_SUFFIXES]);
const SHORT_SUFFIX = new Set(ZH_ORG_SHORT_SUFFIXES);
const LONG_SUFFIX = new Set(ZH_ORG_SUFFIXES);
const enKnown = new DictionaryMatcher(EN_KNOWN_ORGS, 'word');
const zhKnown = new DictionaryMatcher(ZH_KNOWN_ORGS);

function chineseOrgs(text: string, push: (s: number, e: number, score: number, v: string) => void): void {
  const found: Array<[number, number, number]> = [];
  const model = zhCharModel();
  for (const hit of zhSuffixes.find(text)) {
    const previous = found[found.length - 1];
    const floor = previous ? previous[1] : 0;
    let s = hit.start;
    while (s > floor && hit.start - s < 12 && isNameChar(text[s - 1]!)) s--;
    const short = SHORT_SUFFIX.has(hit.entry) && !LONG_SUFFIX.has(hit.entry);
    // 上网 / 全部 / 结局: a one-character suffix that forms a word with the character before it is no suffix.
    if (short && (hit.start - s < 2 || model.pmi(text.charCodeAt(hit.start - 1), text.charCodeAt(hit.start)) > 2)) continue;
    // 网络 + 技术有限公司: a suffix continuing the previous organisation extends it.
    if (previous && s === floor && hit.start - s < 12) previous[1] = hit.end;
    else if (hit.start - s >= 2) {
      // 普通公司 / 一般公司 / 土豪公司: a two-character common word before the suffix is a description, not a name.
      const described = !short && hit.start - s === 2 && model.pmi(text.charCodeAt(s), text.charCodeAt(s + 1)) > 3;
      found.push([s, hit.end, described ? 0.4 : short ? 0.6 : 0.7]);
    }
  }
  for (const [s, e, score] of found) push(s, e, score, 'zh-org-suffix');
}

export const organizationRecognizer: Recognizer = {
  name: 'organization',
  entityTypes: ['ORGANIZATION'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, score: number, validator: string) =>
      out.push({ type: 'ORGANIZATION', start, end, score, validator, contextApplied: true });
    if (facts.hasUpper) {
      englishOrgs(text, push);
      for (const hit of enKnown.find(text)) push(hit.start, hit.end, 0.65, 'en-org-gazetteer');
    }
    if (facts.hasCjk) {
      chineseOrgs(text, push);
      for (const hit of zhKnown.find(text)) push(hit.start, hit.end, 0.65, 'zh-org-gazetteer');
    }
    return out;
  },
};
