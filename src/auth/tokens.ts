/**
 * Short-lived tokens for clients that must not hold a long-lived key (browsers, mobile apps):
 * a compact JWT (HS256) minted by `POST /v1/tokens` from a key, carrying a scope no wider than the
 * key's. Verification pins the algorithm (no `alg: none`, no key confusion), compares the MAC in
 * constant time and checks expiry; the access layer also re-checks the parent key, so revoking a
 * key revokes its tokens.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { limitsSchema, modelsSchema } from '../config/sections/access.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const ISSUER = 'sealgate';

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  /** Parent key id. */
  sub: z.string().min(1),
  tid: z.string().min(1),
  jti: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  models: modelsSchema,
  limits: limitsSchema,
});
export type TokenClaims = z.infer<typeof claimsSchema>;

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export class TokenSigner {
  private readonly secret: Buffer;

  constructor(secret: string | Buffer) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
    if (this.secret.length < 32) throw new Error('token signing secret must be at least 32 bytes');
  }

  static random(): TokenSigner {
    return new TokenSigner(randomBytes(32));
  }

  sign(claims: Omit<TokenClaims, 'iss' | 'jti' | 'iat' | 'exp'>, ttlSeconds: number, now = Date.now()): { token: string; claims: TokenClaims } {
    const iat = Math.floor(now / 1000);
    const full: TokenClaims = { iss: ISSUER, jti: randomBytes(12).toString('base64url'), iat, exp: iat + Math.round(ttlSeconds), ...claims };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(full)).toString('base64url')}`;
    return { token: `${body}.${this.mac(body).toString('base64url')}`, claims: full };
  }

  verify(token: string, now = Date.now()): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'malformed' };
    const presented = Buffer.from(parts[2]!, 'base64url');
    const expected = this.mac(`${parts[0]}.${parts[1]}`);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: 'bad_signature' };
    let claims: TokenClaims;
    try {
      claims = claimsSchema.parse(JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.secret).update(data).digest();
  }
}

/** Cheap shape test used to route a Bearer credential to token verification. */
export function looksLikeToken(credential: string): boolean {
  return credential.startsWith(`${HEADER}.`);
}
