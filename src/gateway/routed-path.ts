/**
 * The path a request is routed by. Express matches routes case-insensitively and with an optional
 * trailing slash, so POST /V1/Chat/Completions/ reaches the chat route: any check that picks requests
 * by path before routing (the token budget, route labels) must read the path the same way.
 */
export function routedPath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
