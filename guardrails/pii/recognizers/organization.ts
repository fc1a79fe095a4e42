import { EN_KNOWN_ORGS, EN_ORG_SUFFIXES, ZH_KNOWN_ORGS, ZH_ORG_SUFFIXES } from '../dictionaries/organizations.js';
import { forEachMatch, type Candidate, type Recognizer } from '../types.js';
import { DictionaryMatcher } from './dictionary-matcher.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN = "(?:\\p{Lu}[\\p{L}'’&\\-]*|\\p{Lu}{2,})";
const SUFFIXES = [...EN_ORG_SUFFIXES].sort((a, b) => b.length - a.length).map(escape).join('|');
/** Capitalised words ending in a legal form or institution word: Careset Systems, Fernandez Inc., Weeks-Rivas LLC. */
const EN_SUFFIXED = new RegExp(`(?<![\\p{L}])${TOKEN}(?:[ ](?:&[ ]|and[ ]|of[ ])?${TOKEN}){0,4}?,?[ ](?:${SUFFIXES})(?![\\p{L}])`, 'gu');
/** University of Oxford, Bank of China, Ministry of Health */
const EN_OF = /(?<![\p{L}])(?:University|Bank|Ministry|Department|Institute|College|Museum|Church|Council|Board|Office) of(?: the)?(?: \p{Lu}[\p{L}'\-]*){1,4}/gu;
const ZH_SUFFIXES = [...ZH_ORG_SUFFIXES].sort((a, b) => b.length - a.length).join('|');
const ZH_ORG = new RegExp(
  `[^\\s\\p{P}\\p{S}\\d的是在我你他她到于从和与及或也都就请把给了被让对向]{2,12}(?:${ZH_SUFFIXES})`,
  'gu',
);
const enKnown = new DictionaryMatcher(EN_KNOWN_ORGS, /[\p{L}\p{N}]/u);
const zhKnown = new DictionaryMatcher(ZH_KNOWN_ORGS);

export const organizationRecognizer: Recognizer = {
  name: 'organization',
  entityTypes: ['ORGANIZATION'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    const push = (start: number, end: number, score: number, validator: string) =>
      out.push({ type: 'ORGANIZATION', start, end, score, validator, contextApplied: true });
    if (facts.hasUpper) {
      forEachMatch(EN_SUFFIXED, text, (m) => push(m.index, m.index + m[0].length, 0.7, 'en-org-suffix'));
      forEachMatch(EN_OF, text, (m) => push(m.index, m.index + m[0].length, 0.7, 'en-org-of'));
      for (const hit of enKnown.find(text)) push(hit.start, hit.end, 0.65, 'en-org-gazetteer');
    }
    if (facts.hasCjk) {
      forEachMatch(ZH_ORG, text, (m) => push(m.index, m.index + m[0].length, 0.7, 'zh-org-suffix'));
      for (const hit of zhKnown.find(text)) push(hit.start, hit.end, 0.65, 'zh-org-gazetteer');
    }
    return out;
  },
};
