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
  // stdout by default, written synchronously: pino's default destination hands every line to the
  // libuv thread pool (a wake-up there and a callback back, per line), which cost more CPU than the
  // write itself. A log reader that stops reading stalls the gateway once the pipe is full, as it
  // would for any synchronous logger; nothing is lost on a crash.
  const destination = opts.destination ?? pino.destination({ dest: 1, sync: true });
  const logger = pino({ ...options, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
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
