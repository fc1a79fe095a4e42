/**
 * How deeply a JSON text nests. JSON.parse accepts any depth, but the gateway and the enclave walk a
 * request recursively afterwards (JSON.stringify for the upstream call and the audit digest, zod,
 * canonical JSON), and a few thousand levels — 30 KB of `{"a":` — overflow the stack there. Bodies
 * are refused above MAX_JSON_DEPTH before anything runs; real requests (tool schemas included) stay
 * far below it.
 */
export const MAX_JSON_DEPTH = 256;

/** True when `text` opens more than `max` arrays/objects at once (strings skipped). One pass, no allocation. */
export function jsonNestingExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string (most of a body): to the next quote not escaped by an odd run of backslashes.
      for (;;) {
        const quote = text.indexOf('"', i + 1);
        if (quote === -1) return false;
        let slashes = 0;
        while (text.charCodeAt(quote - 1 - slashes) === 0x5c) slashes++;
        i = quote;
        if (slashes % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}
