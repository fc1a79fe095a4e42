import { z } from 'zod';

/** Accepts bytes (number) or a size string such as "1mb", "512kb". */
const byteSize = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i, 'a size like 1048576, "512kb" or "1mb"')
    .transform((s) => {
      const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(s)!;
      const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
      return Math.floor(Number(m[1]) * unit);
    })
    // "0kb" or "0.0001kb" came to 0 bytes: every request with a body would get 413.
    .refine((bytes) => bytes > 0, 'must come to at least 1 byte'),
], { error: 'a size like 1048576, "512kb" or "1mb"' });

/** `https://app.example.com` yes; `https://app.example.com/` or `/app` no. Other schemes (browser extensions) as host only. */
function isBareOrigin(text: string): boolean {
  const url = new URL(text);
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin === text;
  return text.startsWith(`${url.protocol}//`) && !/[/?#]/.test(text.slice(url.protocol.length + 2));
}

/** `server` section: where and how the gateway listens. */
export const serverSection = z
  .object({
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8787),
    /** Largest accepted JSON body; larger bodies get 413. */
    bodyLimit: byteSize.default(1024 * 1024),
    /** On SIGTERM: stop accepting, then give in-flight requests and streams this long to finish. */
    shutdownGraceMs: z.number().int().min(0).default(10_000),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** HTTPS when cert and key are given (PEM file paths); TLS 1.2+ only. Client-cert → tenant mapping lives in `access`. */
    tls: z
      .object({
        certFile: z.string().min(1),
        keyFile: z.string().min(1),
        /** CA bundle that signs client certificates (mutual TLS). */
        caFile: z.string().min(1).optional(),
        /** Ask clients for a certificate; `required` rejects handshakes without a valid one. */
        clientCert: z.enum(['none', 'optional', 'required']).default('none'),
      })
      .strict()
      // Without a CA of its own, node verifies client certificates against its public root store: any
      // certificate a public CA issued (with a mapped subject CN) would then authenticate as a tenant.
      .refine((tls) => tls.clientCert === 'none' || tls.caFile !== undefined, {
        path: ['caFile'],
        message: 'clientCert "optional" or "required" needs caFile, the CA that signs your client certificates (otherwise any publicly trusted certificate would be verified)',
      })
      .optional(),
    /** Browser access: origins allowed to call the API (exact `https://app.example.com`, or `*`). Empty = no CORS. */
    cors: z
      .object({
        // A browser's Origin header is exactly scheme://host[:port]: 'https://app.example.com/' (a trailing
        // slash or any path) never equals it, so such an entry silently allowed no one.
        allowedOrigins: z
          .array(
            z.union([
              z.literal('*'),
              z
                .string()
                .url()
                .refine(isBareOrigin, 'an origin is scheme://host[:port] with no path or trailing slash, e.g. https://app.example.com'),
            ]),
          )
          .default([]),
        maxAgeSeconds: z.number().int().min(0).max(86_400).default(600),
      })
      .strict()
      .prefault({}),
    /**
     * `GET /metrics` shows tenant ids, models and request rates. With `tokenEnv`, scrapers must send
     * `Authorization: Bearer <that variable's value>` (Prometheus `authorization.credentials_file`).
     */
    metrics: z
      .object({ tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional() })
      .strict()
      .prefault({}),
    /** Trust X-Forwarded-For from these proxies (express `trust proxy` value); off by default. */
    trustProxy: z.union([z.boolean(), z.string(), z.array(z.string())]).default(false),
  })
  .strict();

export type ServerConfig = z.infer<typeof serverSection>;
