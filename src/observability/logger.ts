/**
 * pino logger. Logs carry ids, statuses, timings and verdicts, never message content or secrets;
 * the redaction paths are a safety net for anything that slips into a log object anyway.
 */
import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-api-key"]',
  'req.headers["x-api-key"]',
  'apiKey',
  '*.apiKey',
  'key',
  '*.key',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'password',
  'messages',
  '*.messages',
  'input',
  '*.input',
  'prompt',
  '*.prompt',
  'content',
  '*.content',
  'body',
  '*.body',
  'text',
  '*.text',
];

/** Per logger made by createLogger: a twin without redaction for the per-request line (see requestLogger). */
const unredacted = new WeakMap<Logger, Logger>();

export function createLogger(opts: { level?: string; destination?: DestinationStream; name?: string } = {}): Logger {
  const options = {
    name: opts.name ?? 'sealgate',
    level: opts.level ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  const logger = pino({ ...options, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, opts.destination);
  // Same stream, same format and level, no redaction pass (which cost more than the rest of the line).
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  const twin = pino(options, stream);
  // Children share the root's listeners: follow only the root's own level.
  logger.on('level-change', (level: string, _value: number, _prev: string, _prevValue: number, source: unknown) => {
    if (source === logger) twin.level = level;
  });
  unredacted.set(logger, twin);
  return logger;
}

/**
 * The logger for the one line per request (request-lifecycle.ts). Its fields are fixed — ids that
 * pass the request-id check, status, route label, model and provider names, timings, token counts,
 * verdicts (detector/category/score/action, never text) — none of which a redaction path names, so
 * redacting it is pure cost. Any other logger (tests, custom) is returned as it is.
 */
export function requestLogger(logger: Logger): Logger {
  return unredacted.get(logger) ?? logger;
}
