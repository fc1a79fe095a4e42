/**
 * Category/detector patterns used by policies, topics and the knowledge base:
 * `*` matches everything, `pii.*` matches `pii` and everything under it, anything else matches exactly.
 */
export function globMatches(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    const stem = pattern.slice(0, -2);
    return value === stem || (value.startsWith(stem) && value.charCodeAt(stem.length) === 46 /* . */);
  }
  return pattern === value;
}

/** Two patterns can match a common value. */
export function globsOverlap(a: string, b: string): boolean {
  return globMatches(a, representative(b)) || globMatches(b, representative(a));
}

/** A value only `pattern` (and patterns containing it) match: used to probe decisions. */
export function representative(pattern: string): string {
  if (pattern === '*') return '\u0000any';
  if (pattern.endsWith('.*')) return `${pattern.slice(0, -2)}.\u0000any`;
  return pattern;
}

/** Specificity for "most specific rule wins": exact > longer prefix > shorter prefix > `*`. */
export function globSpecificity(pattern: string | undefined): number {
  if (pattern === undefined || pattern === '*') return 0;
  if (pattern.endsWith('.*')) return 1 + pattern.split('.').length - 1;
  return 100;
}
