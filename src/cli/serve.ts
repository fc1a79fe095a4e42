/** `sealgate serve`: load and validate the config, start the gateway, drain gracefully on SIGTERM/SIGINT. */
import type { Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { diagnose } from './doctor.js';

interface ServeFlags {
  port?: string;
  host?: string;
  config?: string;
  logLevel?: string;
}

export const registerServe: RegisterCommand = (command: Command) => {
  command
    .option('-p, --port <port>', 'port to listen on (env SEALGATE_PORT; default 8787; 0 = any free port)')
    .option('-H, --host <host>', 'interface to bind (env SEALGATE_HOST; default 127.0.0.1)')
    .option('-c, --config <file>', 'YAML or JSON config file (env SEALGATE_CONFIG; default ./sealgate.config.yaml if present)')
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace | silent')
    .action(async (flags: ServeFlags) => {
      await serve(flags);
    });
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A bad flag value, named as the flag (the config loader would report it as an invalid config file). */
function badFlag(message: string): never {
  process.stderr.write(`sealgate serve: ${message}\n`);
  process.exit(2);
}

async function serve(flags: ServeFlags): Promise<void> {
  const server: Record<string, unknown> = {};
  if (flags.port !== undefined) {
    if (!/^\d{1,5}$/.test(flags.port) || Number(flags.port) > 65_535) badFlag(`--port: "${flags.port}" is not a port (a whole number 0-65535)`);
    server.port = Number(flags.port);
  }
  if (flags.logLevel !== undefined && !LOG_LEVELS.includes(flags.logLevel)) badFlag(`--log-level: "${flags.logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  if (flags.host !== undefined) server.host = flags.host;
  if (flags.logLevel !== undefined) server.logLevel = flags.logLevel;

  let loaded;
  try {
    loaded = loadConfig({ path: flags.config, overrides: Object.keys(server).length ? { server } : {} });
  } catch (err) {
    if (err instanceof ConfigError) {
      // Bad input, exit 2, as for every other command that reads a config (1 is "could not start": a busy port).
      process.stderr.write(`sealgate serve: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const { config, source } = loaded;
  // Loaded here, not at the top: every other command (and --help) would otherwise load the whole gateway.
  const [{ startServer }, { createLogger }] = await Promise.all([import('../gateway/server.js'), import('../observability/logger.js')]);
  const logger = createLogger({ level: config.server.logLevel });
  // Secure by default: the same checks as `sealgate doctor`, as start-up warnings.
  for (const warning of diagnose(config)) logger.warn({ code: warning.code, field: warning.field }, warning.message);

  let running;
  try {
    running = await startServer(config, { logger });
  } catch (err) {
    const listenProblem = listenErrorMessage(err, config.server.host, config.server.port);
    // Said plainly on stderr (the JSON log line is for machines); nothing was claimed or written before the bind.
    if (listenProblem) process.stderr.write(`sealgate serve: ${listenProblem}\n`);
    logger.fatal({ err: err instanceof Error ? err.message : String(err) }, 'could not start the gateway');
    logger.flush();
    process.exit(1);
  }
  logger.info(
    { url: running.url, config: source ?? 'built-in defaults', providers: config.upstream.providers.map((p) => p.name), devMode: config.access.devMode },
    'sealgate listening',
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.server.shutdownGraceMs }, 'shutting down: draining in-flight requests');
    running.close().then(
      () => {
        logger.info('shutdown complete');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** What a failed bind means and what to do about it; undefined for any other start-up error. */
export function listenErrorMessage(err: unknown, host: string, port: number): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (code === 'EADDRINUSE') return `${where} is already in use (another sealgate or another program listens there): stop it, or pick another port with --port or SEALGATE_PORT`;
  if (code === 'EACCES') return `no permission to listen on ${where} (ports below 1024 need privileges): pick another port with --port or SEALGATE_PORT`;
  if (code === 'EADDRNOTAVAIL') return `cannot listen on ${where}: ${host} is not an address of this machine (--host or SEALGATE_HOST)`;
  return undefined;
}
