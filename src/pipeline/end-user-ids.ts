/**
 * The end-user id fields of a request (`user`, `safety_identifier`, `prompt_cache_key`) are often an e-mail address or a
 * customer number. This stage decides what of them the upstream sees (`privacy.endUserIds`): a keyed
 * digest (stable per user, so the provider's abuse monitoring still tells users apart), the value as
 * sent, or nothing. Responses API objects echo these fields; the echo is given back as the client sent it.
 */
import { createHmac } from 'node:crypto';
import type { GuardStage } from './pipeline.js';
import type { RequestContext } from './types.js';
import type { Chunk } from '../upstream/types.js';

/**
 * `prompt_cache_key` too: OpenAI's replacement for `user` in cache routing, which apps set to a user or session id
 * (an e-mail address as often as not). A keyed digest routes the same value alike, so caching works as before.
 */
export const END_USER_ID_FIELDS = ['user', 'safety_identifier', 'prompt_cache_key'] as const;

export type EndUserIdMode = 'hash' | 'relay' | 'drop';

/** OpenAI caps `safety_identifier` at 64 characters; 3 + 43 fits. */
export function hashEndUserId(value: string, key: Buffer): string {
  return `sg-${createHmac('sha256', key).update('end-user-id\u0000').update(value).digest('base64url')}`;
}

const CONTINUE = { action: 'continue' } as const;

export function createEndUserIdStage(mode: EndUserIdMode, key: Buffer): GuardStage | undefined {
  if (mode === 'relay') return undefined;
  // Per request, the values the client sent (for the echo); later stages may copy the body again.
  const sent = new WeakMap<RequestContext, Map<string, string>>();

  const restoreEcho = (response: unknown, originals: Map<string, string>): unknown => {
    if (!response || typeof response !== 'object') return response;
    const r = response as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const field of END_USER_ID_FIELDS) {
      const original = originals.get(field);
      if (original === undefined) continue;
      if (mode === 'drop' ? r[field] === null || r[field] === undefined : r[field] === hashEndUserId(original, key)) (copy ??= { ...r })[field] = original;
    }
    return copy ?? response;
  };

  return {
    name: 'end_user_ids',
    input({ body, ctx }) {
      let out: Record<string, unknown> | undefined;
      let originals: Map<string, string> | undefined;
      for (const field of END_USER_ID_FIELDS) {
        const value = body[field];
        if (typeof value !== 'string') continue;
        out ??= { ...body };
        (originals ??= new Map()).set(field, value);
        if (mode === 'drop') delete out[field];
        else out[field] = hashEndUserId(value, key);
      }
      if (!out) return CONTINUE;
      sent.set(ctx, originals!);
      return { action: 'continue', body: out };
    },
    output({ surface, ctx, response }) {
      const originals = surface === 'responses' ? sent.get(ctx) : undefined;
      return originals ? restoreEcho(response, originals) : response;
    },
    outputStream({ surface, ctx, chunks }) {
      const originals = surface === 'responses' ? sent.get(ctx) : undefined;
      if (!originals) return chunks;
      return (async function* (): AsyncIterable<Chunk> {
        for await (const event of chunks) {
          const inner = event.response;
          const restored = inner ? restoreEcho(inner, originals) : inner;
          yield restored === inner ? event : { ...event, response: restored };
        }
      })();
    },
  };
}
