import { z } from 'zod';

/**
 * `guardrails` section: which detectors run, where the policies live, how the streaming output guard
 * behaves, and how repeat offenders are handled. Owned by the POLICY room (guardrails/policy,
 * guardrails/rules, src/pipeline/guard*). Documented in docs/policies.md.
 */

const detectorSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Passed to the detector factory (guardrails/registry.ts), e.g. thresholds or model paths. */
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const offenderRuleSchema = z
  .object({
    /** Trigger on this many violating requests in a row … */
    consecutive: z.number().int().positive().optional(),
    /** … or on this many within `windowSeconds`. */
    inWindow: z.number().int().positive().optional(),
    /** Key rules only: … or once this many distinct end users of the key had a blocked input within `windowSeconds`. */
    distinctUsers: z.number().int().positive().optional(),
    response: z.enum(['warn', 'throttle', 'suspend']),
    /** How long a throttle or suspension lasts. */
    durationSeconds: z.number().int().positive().default(600),
    /** Throttle: at most one request per this many seconds while it lasts. */
    throttleIntervalSeconds: z.number().positive().default(10),
  })
  .strict()
  .refine((r) => r.consecutive !== undefined || r.inWindow !== undefined || r.distinctUsers !== undefined, { message: 'set consecutive, inWindow and/or distinctUsers' });

export const guardrailsSection = z
  .object({
    /** Master switch: off = the pipeline is a pass-through (benchmarks compare both). */
    enabled: z.boolean().default(true),
    policies: z
      .object({
        /** Directory with baseline.yaml, default.yaml and <tenant>.yaml. Unset = built-in default policy. */
        dir: z.string().min(1).optional(),
        /** Organisation baseline file (defaults to <dir>/baseline.yaml when it exists). */
        baselineFile: z.string().min(1).optional(),
        /**
         * Directories, besides a policy file's own, its term lists (`files:`) may be read from. A list anywhere else
         * (`../x`, an absolute path, a symlink out of the directory) is a load error: a tenant's file must not read the host's files.
         */
        listDirs: z.array(z.string().min(1)).default([]),
        /** Reload when a policy or term-list file changes. */
        watch: z.boolean().default(true),
        reloadOnSighup: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Detectors run on every guarded text, by registry name; `rules` comes from each tenant's policy. */
    detectors: z
      .record(z.string().regex(/^[a-z][a-z0-9_-]*$/), detectorSchema)
      .default({ pii: { enabled: true, options: {} }, toxicity: { enabled: true, options: {} }, intent: { enabled: true, options: {} } }),
    input: z
      .object({
        enabled: z.boolean().default(true),
        /** Run every detector only on the newest N chat messages (earlier turns were guarded when new). 0 = all. */
        lastMessages: z.number().int().min(0).default(0),
        /** Detectors still run on older messages when `lastMessages` is set (PII: pseudonymization stays complete). */
        historyDetectors: z.array(z.string().min(1)).default(['pii']),
        /**
         * Detectors that read short names in tool and schema definitions (`system_prompt`, `instructions`):
         * identifiers, not sentences, which classifiers misread as attacks. Names of four or more words
         * (or six or more CJK characters) are read by every detector. `rules` = the tenant's rules.
         */
        identifierDetectors: z.array(z.string().min(1)).default(['pii', 'rules']),
        /**
         * Attached files the guard cannot read (a PDF, a Word document, any binary `file_data`, a `file_id` uploaded to the
         * provider, a `file_url` it fetches): `block` refuses the request (400 `unreadable_file`), `allow` sends them
         * upstream unread. Text files (text/plain, CSV, JSON … as base64 data URLs) are read either way.
         */
        unreadableFiles: z.enum(['block', 'allow']).default('block'),
        /** Images, audio and video parts (no text detector reads them): `allow` sends them unread, `block` refuses (400 `unreadable_media`). */
        unreadableMedia: z.enum(['allow', 'block']).default('allow'),
      })
      .strict()
      .prefault({}),
    output: z
      .object({
        enabled: z.boolean().default(true),
        /** Streaming: characters withheld at the tail so a span still being generated is never sent. */
        holdbackChars: z.number().int().min(8).max(4096).default(48),
        /** Streaming: new characters accumulated between scans after the first release (bigger = less CPU, burstier output). */
        scanStepChars: z.number().int().min(1).max(4096).default(64),
        /** Streaming: released text kept as context for classifiers scanning the window. */
        contextChars: z.number().int().min(0).max(8192).default(256),
      })
      .strict()
      .prefault({}),
    /**
     * Long single texts: scanned in worker threads so that one (a 1 MB message scans for ~0.5 s) does not
     * hold the event loop other requests share. Same findings as in-thread (docs/gateway.md "Long texts").
     */
    offload: z
      .object({
        /** Texts of at least this many characters (UTF-16 code units) go to a worker; shorter ones scan in-thread as before. */
        minChars: z.number().int().min(1).default(16_384),
        /** Worker threads at most, started on the first long text (each holds its own copy of the detectors). 0 = scan every text in-thread. */
        workers: z.number().int().min(0).max(32).default(1),
      })
      .strict()
      .prefault({}),
    /** Scanner failure (a detector throws): false = fail closed with 503, true = let the request through. */
    failOpen: z.boolean().default(false),
    repeatOffenders: z
      .object({
        enabled: z.boolean().default(true),
        /** Header naming the end user when the body has no `user` field. */
        endUserHeader: z.string().min(1).default('x-sealgate-end-user'),
        windowSeconds: z.number().int().positive().default(86_400),
        /**
         * Removed: the API key is always counted (with `keyRules`). `perKey: false` let a client that sends
         * a fresh `user` with each request evade every rule; `keyRules: []` is the explicit way to never penalize a key.
         */
        perKey: z
          .boolean()
          .optional()
          .refine((v) => v !== false, { message: 'perKey: false is no longer supported: the API key is always counted (set keyRules: [] to never penalize a key)' }),
        /** Applied per end user. */
        rules: z
          .array(offenderRuleSchema.refine((r) => r.distinctUsers === undefined, { message: 'distinctUsers applies to keyRules only' }))
          .default([
            { consecutive: 3, response: 'warn', durationSeconds: 600, throttleIntervalSeconds: 10 },
            { inWindow: 5, response: 'throttle', durationSeconds: 600, throttleIntervalSeconds: 10 },
            { inWindow: 10, response: 'suspend', durationSeconds: 3600, throttleIntervalSeconds: 10 },
          ]),
        /**
         * Applied per API key, to every blocked input on it whatever `user` it names (and to requests that
         * name none). Higher bars than `rules`: a key is shared by its tenant's end users, and one abusive
         * end user is suspended by `rules` long before the key's counts reach these. `distinctUsers` is the
         * rotation signal: one persistent offender counts 1, a client inventing a `user` per request 1 per request.
         */
        keyRules: z
          .array(offenderRuleSchema)
          .default([
            { inWindow: 20, response: 'warn', durationSeconds: 600, throttleIntervalSeconds: 10 },
            { distinctUsers: 50, response: 'throttle', durationSeconds: 600, throttleIntervalSeconds: 1 },
            { inWindow: 100, response: 'throttle', durationSeconds: 600, throttleIntervalSeconds: 1 },
            { inWindow: 500, response: 'suspend', durationSeconds: 3600, throttleIntervalSeconds: 1 },
          ]),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type GuardrailsConfig = z.infer<typeof guardrailsSection>;
export type OffenderRule = z.infer<typeof offenderRuleSchema>;
