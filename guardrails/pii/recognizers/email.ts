import { forEachRunStartMatch, type Candidate, type Recognizer } from '../types.js';

// The left lookbehind pins the start to a token boundary, so a long run of word characters without `@`
// is scanned once (linear), not once per start position. Domain labels end in a literal dot: no ambiguity.
// Sticky: it is run only at the one position where a match through a given `@` can start (see below).
const EMAIL =
  /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9\-])/y;

/** The local-part class `[A-Za-z0-9._%+\-]` by character code. */
const LOCAL = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-') LOCAL[c.charCodeAt(0)] = 1;
const isLocal = (c: number) => c < 128 && LOCAL[c] === 1;

export const emailRecognizer: Recognizer = {
  name: 'email',
  requires: { at: true },
  entityTypes: ['EMAIL_ADDRESS'],
  recognize(text, facts) {
    if (!facts.hasAt) return [];
    const out: Candidate[] = [];
    // A match's local part is local-class characters only, preceded by none (the lookbehind), and ends at an `@`:
    // so it starts where the run of local-class characters before that `@` starts, and only if that run is at
    // most 64 long. Trying that one start per `@` (left to right, skipping starts inside the previous match)
    // finds exactly the matches a global scan of the whole text finds.
    forEachRunStartMatch(text, '@', 64, isLocal, EMAIL, (start, m) => {
      out.push({ type: 'EMAIL_ADDRESS', start, end: start + m[0].length, score: 0.95, validator: 'rfc5322-subset', contextApplied: false });
    });
    return out;
  },
};
