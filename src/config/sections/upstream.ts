import { z } from 'zod';

/**
 * `upstream` section: the model providers and how requests are routed to them.
 *
 *   providers: ordered list; a model served by several providers falls back in this order.
 *   models:    aliases → targets (`provider/model`) in fallback order, e.g. `fast: [openai/gpt-4o-mini, local/sealgate-demo]`.
 * A client may also address a provider directly with `provider/model`.
 */
const providerName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'provider names are letters, digits, "-" and "_" (no "/")');

const localProvider = z
  .object({
    name: providerName,
    type: z.literal('local'),
    /** Model ids the demo model answers to. */
    models: z.array(z.string().min(1)).min(1).default(['sealgate-demo']),
  })
  .strict();

const openaiProvider = z
  .object({
    name: providerName,
    type: z.literal('openai'),
    /** OpenAI-compatible base URL including `/v1`, e.g. https://api.openai.com/v1. */
    baseUrl: z
      .string()
      .url()
      .refine((url) => /^https?:$/.test(new URL(url).protocol), 'an http:// or https:// URL (the OpenAI-compatible API root, e.g. https://api.openai.com/v1)'),
    /** NAME of the environment variable holding the key (the key itself never goes in config). */
    apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
    models: z.array(z.string().min(1)).min(1),
    /** Overrides upstream.timeoutMs for this provider. */
    timeoutMs: z.number().int().positive().optional(),
    /** Ask for usage on every stream (rate limits and audit charge real tokens); turn off for servers that reject `stream_options`. */
    streamUsage: z.boolean().default(true),
    /** Extra headers sent upstream (e.g. an org id). Not for secrets: use apiKeyEnv. */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const providerSchema = z.discriminatedUnion('type', [localProvider, openaiProvider]);
export type ProviderConfig = z.infer<typeof providerSchema>;

export const upstreamSection = z
  .object({
    providers: z.array(providerSchema).min(1).default([{ name: 'local', type: 'local', models: ['sealgate-demo'] }]),
    models: z.record(z.string().min(1), z.array(z.string().regex(/^[^/]+\/.+$/, 'targets are "provider/model"')).min(1)).default({}),
    /** Per attempt: time to the whole answer (non-streaming) or to the first chunk, and between chunks (streaming). */
    timeoutMs: z.number().int().positive().default(60_000),
    /**
     * Largest upstream answer read, in bytes: a non-streamed body (and an error body), or all of a stream's
     * bytes together. Past it the attempt fails as an upstream error (502) and the connection is dropped;
     * nothing beyond it is buffered. Guards against a buggy or hostile upstream or a misrouted URL.
     */
    maxResponseBytes: z.number().int().positive().default(32 * 1024 * 1024),
    retries: z
      .object({
        /** Attempts per provider (1 = no retry) before falling back to the next target. */
        maxAttempts: z.number().int().min(1).max(10).default(2),
        baseDelayMs: z.number().int().min(0).default(100),
        maxDelayMs: z.number().int().min(0).default(2_000),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((section, ctx) => {
    const names = new Set<string>();
    section.providers.forEach((p, i) => {
      if (names.has(p.name)) ctx.addIssue({ code: 'custom', path: ['providers', i, 'name'], message: `duplicate provider name "${p.name}"` });
      names.add(p.name);
    });
    for (const [alias, targets] of Object.entries(section.models)) {
      targets.forEach((target, i) => {
        const [provider, ...rest] = target.split('/');
        const p = section.providers.find((x) => x.name === provider);
        if (!p) ctx.addIssue({ code: 'custom', path: ['models', alias, i], message: `unknown provider "${provider}"` });
        else if (!p.models.includes(rest.join('/'))) ctx.addIssue({ code: 'custom', path: ['models', alias, i], message: `provider "${provider}" does not serve "${rest.join('/')}"` });
      });
    }
  });

export type UpstreamConfig = z.infer<typeof upstreamSection>;
