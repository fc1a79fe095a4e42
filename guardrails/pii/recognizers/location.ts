import { EN_COUNTRIES, EN_PLACES, ZH_COUNTRIES, ZH_PLACES, ZH_PREFECTURES } from '../dictionaries/places.js';
import type { Candidate, Recognizer } from '../types.js';
import { DictionaryMatcher } from './dictionary-matcher.js';

const zhPlaces = new DictionaryMatcher([...ZH_PLACES, ...ZH_PREFECTURES, ...ZH_COUNTRIES]);
const enPlaces = new DictionaryMatcher([...EN_PLACES, ...EN_COUNTRIES], 'word');
const ZH_PLACE_SUFFIX = /^(?:省|市|县|区|镇|乡|村|州)/;

/** Countries, provinces and cities from dictionaries (EN + ZH). A city names no one: graded `none` by default. */
export const locationRecognizer: Recognizer = {
  name: 'location',
  entityTypes: ['LOCATION'],
  recognize(text, facts) {
    const out: Candidate[] = [];
    if (facts.hasCjk) {
      for (const hit of zhPlaces.find(text)) {
        // Keep the administrative suffix with the name: 北京市, 海淀区.
        const end = ZH_PLACE_SUFFIX.test(text.slice(hit.end, hit.end + 1)) ? hit.end + 1 : hit.end;
        out.push({ type: 'LOCATION', start: hit.start, end, score: 0.6, validator: 'zh-gazetteer', contextApplied: true });
      }
    }
    if (facts.hasUpper) {
      for (const hit of enPlaces.find(text)) {
        out.push({ type: 'LOCATION', start: hit.start, end: hit.end, score: 0.6, validator: 'en-gazetteer', contextApplied: true });
      }
    }
    return out;
  },
};
