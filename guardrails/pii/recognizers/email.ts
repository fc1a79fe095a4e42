import { forEachMatch, type Candidate, type Recognizer } from '../types.js';

// The left lookbehind pins the start to a token boundary, so a long run of word characters without `@`
// is scanned once (linear), not once per start position. Domain labels end in a literal dot: no ambiguity.
const EMAIL =
  /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9\-])/g;

export const emailRecognizer: Recognizer = {
  name: 'email',
  entityTypes: ['EMAIL_ADDRESS'],
  recognize(text, facts) {
    if (!facts.hasAt) return [];
    const out: Candidate[] = [];
    forEachMatch(EMAIL, text, (m) => {
      out.push({ type: 'EMAIL_ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.95, validator: 'rfc5322-subset' });
    });
    return out;
  },
};
