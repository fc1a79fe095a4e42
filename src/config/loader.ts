/**
 * Loads the config: defaults ← file (YAML or JSON) ← environment ← explicit overrides (CLI flags),
 * validated by the composed zod schema. An invalid config throws ConfigError naming every bad field,
 * and start-up stops there.
 *
 * Environment: SEALGATE_CONFIG (file path), SEALGATE_PORT, SEALGATE_HOST, SEALGATE_LOG_LEVEL,
 * SEALGATE_BODY_LIMIT, SEALGATE_TLS_CERT, SEALGATE_TLS_KEY, REDIS_URL.
 * Inside the file, `${VAR}` and `${VAR:-default}` are replaced from the environment (for URLs, not keys:
 * keys are named by `apiKeyEnv` and read at call time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { configSchema, type SealGateConfig } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'sealgate.config.yaml';

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(source: string, issues: string[]) {
    super(`Invalid config (${source}):\n  - ${issues.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export interface LoadConfigOptions {
  /** Config file; default $SEALGATE_CONFIG, else ./sealgate.config.yaml if present, else built-in defaults. */
  path?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Highest precedence (CLI flags, tests). Deep-merged over file and env. */
  overrides?: Record<string, unknown>;
}

export interface LoadedConfig {
  config: SealGateConfig;
  /** The file the config came from, if any. */
  source?: string;
}

export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const explicit = opts.path ?? env.SEALGATE_CONFIG;
  let source: string | undefined;
  let fromFile: Record<string, unknown> = {};

  if (explicit) {
    source = resolve(cwd, explicit);
    if (!existsSync(source)) throw new ConfigError(source, [`config file not found: ${source}`]);
  } else if (existsSync(resolve(cwd, DEFAULT_CONFIG_FILE))) {
    source = resolve(cwd, DEFAULT_CONFIG_FILE);
  }
  if (source) fromFile = readConfigFile(source, env);

  const fromEnv = envOverrides(env);
  const overrides = opts.overrides ?? {};
  const merged = deepMerge(deepMerge(fromFile, fromEnv), overrides);
  const result = configSchema.safeParse(merged);
  if (result.success) return { config: result.data, source };
  // Blame the environment variable, not the file, for a value the environment set (SEALGATE_PORT=abc
  // used to read "Invalid config (sealgate.config.yaml): server.port ..."). Values are never echoed
  // (REDIS_URL may carry a password).
  const vars = envVariables(env).filter((v) => getPath(overrides, v.path) === undefined);
  const blamed = new Set<string>();
  let others = 0;
  const issues = result.error.issues.map((issue) => {
    const text = formatIssues({ issues: [issue] } as z.ZodError)[0]!;
    const path = issue.path.map(String);
    const names = path.length >= 2 || (path.length === 1 && path[0] === 'redisUrl') ? vars.filter((v) => startsWith(path, v.path) || startsWith(v.path, path)).map((v) => v.name) : [];
    if (names.length === 0) {
      others += 1;
      return text;
    }
    names.forEach((name) => blamed.add(name));
    const at = text.indexOf(': ');
    return `${text.slice(0, at)} (environment variable ${names.join(', ')})${text.slice(at)}`;
  });
  const fileSource = source ?? 'defaults';
  const envSource = `environment: ${[...blamed].join(', ')}`;
  throw new ConfigError(blamed.size === 0 ? fileSource : others === 0 ? envSource : `${fileSource}; ${envSource}`, issues);
}

/** The config fields the environment sets, each with the variable that sets it. */
function envVariables(env: NodeJS.ProcessEnv): { name: string; path: string[] }[] {
  const fields: [string, string[]][] = [
    ['SEALGATE_PORT', ['server', 'port']],
    ['SEALGATE_HOST', ['server', 'host']],
    ['SEALGATE_LOG_LEVEL', ['server', 'logLevel']],
    ['SEALGATE_BODY_LIMIT', ['server', 'bodyLimit']],
    // Either one alone is an incomplete server.tls: an issue anywhere under it is theirs.
    ['SEALGATE_TLS_CERT', ['server', 'tls']],
    ['SEALGATE_TLS_KEY', ['server', 'tls']],
    ['REDIS_URL', ['redisUrl']],
  ];
  return fields.filter(([name]) => env[name] !== undefined && env[name] !== '').map(([name, path]) => ({ name, path }));
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

function getPath(obj: Record<string, unknown>, path: readonly string[]): unknown {
  let at: unknown = obj;
  for (const part of path) {
    if (!isPlainObject(at)) return undefined;
    at = at[part];
  }
  return at;
}

/** Validates a plain object against the schema (for tests and programmatic use). */
export function validateConfig(input: unknown, source = 'config'): SealGateConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) throw new ConfigError(source, formatIssues(result.error));
  return result.data;
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    if (issue.code === 'unrecognized_keys') return `${path === '(root)' ? '' : `${path}.`}${issue.keys.join(', ')}: unknown field`;
    return `${path}: ${issue.message}`;
  });
}

function readConfigFile(path: string, env: NodeJS.ProcessEnv): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // A directory, an unreadable file: a config error naming the file, not a stack trace.
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(path, [code === 'EISDIR' ? `${path} is a directory, not a config file` : `cannot read: ${code ?? (err as Error).message}`]);
  }
  // A byte-order mark (PowerShell 5, Notepad) is not part of the file: JSON.parse refused it, the YAML reader skipped it.
  const raw = interpolateEnv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, env);
  let parsed: unknown;
  try {
    parsed = extname(path).toLowerCase() === '.json' ? JSON.parse(raw) : parseYaml(raw);
  } catch (err) {
    throw new ConfigError(path, [`cannot parse: ${(err as Error).message.split('\n')[0]}`]);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(path, ['(root): expected a mapping of sections']);
  return parsed as Record<string, unknown>;
}

function interpolateEnv(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (_, name: string, fallback?: string) => env[name] ?? fallback ?? '');
}

function envOverrides(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const server: Record<string, unknown> = {};
  const out: Record<string, unknown> = {};
  if (env.SEALGATE_PORT !== undefined && env.SEALGATE_PORT !== '') server.port = numberOrRaw(env.SEALGATE_PORT);
  if (env.SEALGATE_HOST) server.host = env.SEALGATE_HOST;
  if (env.SEALGATE_LOG_LEVEL) server.logLevel = env.SEALGATE_LOG_LEVEL;
  if (env.SEALGATE_BODY_LIMIT) server.bodyLimit = numberOrRaw(env.SEALGATE_BODY_LIMIT);
  if (env.SEALGATE_TLS_CERT || env.SEALGATE_TLS_KEY) server.tls = { certFile: env.SEALGATE_TLS_CERT, keyFile: env.SEALGATE_TLS_KEY };
  if (Object.keys(server).length) out.server = server;
  if (env.REDIS_URL) out.redisUrl = env.REDIS_URL;
  return out;
}

// A non-numeric value stays a string so validation names the field instead of silently dropping it.
function numberOrRaw(value: string): number | string {
  return /^\d+$/.test(value.trim()) ? Number(value) : value;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge recursively; arrays and scalars from `over` replace. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  }
  return out;
}
