/**
 * `sealgate doctor`: reports risky configuration. `serve` runs the same `diagnose(config)` at start-up
 * and logs each finding as a warning; `doctor --strict` exits 1 when there is any (for CI gates).
 */
import { statSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import type { SealGateConfig } from '../config/schema.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { count } from './plural.js';

export interface Warning {
  /** Stable identifier, e.g. `plaintext_beyond_loopback`. */
  code: string;
  /** Config path the warning is about, e.g. `server.host`. */
  field: string;
  message: string;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/** Sections owned by other rooms may grow an `enabled` switch; read them without depending on their shape. */
function switchedOff(section: unknown, ...path: string[]): boolean {
  let node: unknown = section;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && (node as Record<string, unknown>).enabled === false;
}

export function diagnose(config: SealGateConfig, env: NodeJS.ProcessEnv = process.env): Warning[] {
  const warnings: Warning[] = [];
  const { server, access, upstream } = config;
  const exposed = !isLoopbackHost(server.host);

  if (exposed && !server.tls)
    warnings.push({
      code: 'plaintext_beyond_loopback',
      field: 'server.host',
      message: `Listening on ${server.host} without TLS: keys and prompts cross the network in clear text. Set server.tls (certFile, keyFile) or bind 127.0.0.1.`,
    });
  if (access.devMode && exposed)
    warnings.push({
      code: 'dev_key_exposed',
      field: 'access.devMode',
      message: `Dev mode is on while listening on ${server.host}: anyone who reaches the port can use the published dev key. Set access.devMode: false and create keys with \`sealgate keys create\`.`,
    });
  if (exposed && !server.metrics.tokenEnv)
    warnings.push({
      code: 'metrics_open',
      field: 'server.metrics.tokenEnv',
      message: `GET /metrics answers anyone who reaches ${server.host}: it lists tenant ids, models and request rates. Set server.metrics.tokenEnv (scrapers send it as a bearer token) or keep the port private.`,
    });
  if (server.metrics.tokenEnv && !env[server.metrics.tokenEnv])
    warnings.push({
      code: 'metrics_token_missing',
      field: 'server.metrics.tokenEnv',
      message: `server.metrics.tokenEnv names ${server.metrics.tokenEnv}, which is not set: the gateway will not start.`,
    });
  if (server.trustProxy === true)
    warnings.push({
      code: 'trust_any_proxy',
      field: 'server.trustProxy',
      message: 'trustProxy: true believes X-Forwarded-For from any client, which lets callers spoof their address past key CIDR restrictions. List your proxies instead.',
    });

  const guardrails: unknown = config.guardrails;
  if (switchedOff({ guardrails }, 'guardrails'))
    warnings.push({ code: 'guardrails_off', field: 'guardrails.enabled', message: 'Guardrails are switched off: prompts and answers pass unchecked.' });
  for (const stage of ['input', 'output'])
    if (switchedOff(guardrails, stage))
      warnings.push({ code: 'guardrails_off', field: `guardrails.${stage}.enabled`, message: `${stage === 'input' ? 'Input' : 'Output'} guardrails are switched off.` });
  const detectors = (guardrails as { detectors?: unknown } | undefined)?.detectors;
  if (detectors && typeof detectors === 'object')
    for (const name of Object.keys(detectors))
      if (switchedOff(detectors, name))
        warnings.push({ code: 'detector_off', field: `guardrails.detectors.${name}.enabled`, message: `The ${name} detector is switched off.` });
  if ((guardrails as { failOpen?: unknown } | undefined)?.failOpen === true)
    warnings.push({ code: 'guardrails_fail_open', field: 'guardrails.failOpen', message: 'failOpen: true lets requests through unchecked whenever a detector fails.' });
  if ((guardrails as { input?: { unreadableFiles?: unknown } } | undefined)?.input?.unreadableFiles === 'allow')
    warnings.push({ code: 'unreadable_files_allowed', field: 'guardrails.input.unreadableFiles', message: 'unreadableFiles: allow sends attached files no detector can read (PDF, Word, file ids, file URLs) upstream unchecked.' });
  const audit: unknown = config.audit;
  if (switchedOff({ audit }, 'audit'))
    warnings.push({ code: 'audit_off', field: 'audit.enabled', message: 'The audit trail is switched off: requests leave no tamper-evident record.' });

  upstream.providers.forEach((provider, i) => {
    if (provider.type !== 'openai') return;
    // Without it the provider sends a placeholder key: every request fails upstream (401) and clients see 502s.
    if (provider.apiKeyEnv && !env[provider.apiKeyEnv])
      warnings.push({
        code: 'upstream_key_missing',
        field: `upstream.providers.${i}.apiKeyEnv`,
        message: `Provider "${provider.name}" reads its key from ${provider.apiKeyEnv}, which is not set: the upstream will refuse every request and clients get 502 upstream_error.`,
      });
    let url: URL;
    try {
      url = new URL(provider.baseUrl);
    } catch {
      return;
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
      warnings.push({
        code: 'upstream_plain_http',
        field: `upstream.providers.${i}.baseUrl`,
        message: `Provider "${provider.name}" is reached over plain HTTP at ${url.host}: prompts and the upstream key travel unencrypted. Use https://.`,
      });
  });

  if (config.redisUrl) {
    try {
      const url = new URL(config.redisUrl);
      if (url.protocol === 'redis:' && !isLoopbackHost(url.hostname))
        warnings.push({ code: 'redis_plain', field: 'redisUrl', message: `Redis at ${url.hostname} is reached without TLS; use rediss:// across a network.` });
    } catch {
      // schema already validated it as a URL
    }
    if (config.privacy.endUserIds === 'hash' && !env[config.privacy.hashKeyEnv])
      warnings.push({
        code: 'hash_key_per_instance',
        field: 'privacy.hashKeyEnv',
        message: `${config.privacy.hashKeyEnv} is not set: each gateway instance hashes end-user ids and hash-operator values with its own random key, so one user gets a different id upstream on each instance and after a restart.`,
      });
    if (!env[access.tokens.signingKeyEnv])
      warnings.push({
        code: 'token_secret_per_instance',
        field: 'access.tokens.signingKeyEnv',
        message: `${access.tokens.signingKeyEnv} is not set: each gateway instance signs tokens with its own random secret, so a token works only on the instance that minted it and not after a restart.`,
      });
  }

  if (access.mtls.clients.length > 0 && (!server.tls?.caFile || server.tls.clientCert === 'none'))
    warnings.push({
      code: 'mtls_mapping_unused',
      field: 'access.mtls.clients',
      message: 'Client-certificate mappings are configured but the server does not ask for client certificates (set server.tls.caFile and server.tls.clientCert).',
    });

  if (!config.redisUrl) {
    try {
      const mode = statSync(access.keysFile).mode & 0o777;
      if (mode & 0o077)
        warnings.push({ code: 'keys_file_permissions', field: 'access.keysFile', message: `${access.keysFile} is readable by other users (mode ${mode.toString(8)}); chmod 600 it.` });
    } catch {
      // no keys file yet
    }
  }
  if (config.privacy.endUserIds === 'relay')
    warnings.push({ code: 'end_user_ids_relayed', field: 'privacy.endUserIds', message: 'End-user ids (user, safety_identifier, prompt_cache_key; often e-mail addresses) go to the upstream as sent. Set privacy.endUserIds: hash to send a keyed digest.' });
  if (access.disableUnusedAfterDays === 0)
    warnings.push({ code: 'keys_never_expire_unused', field: 'access.disableUnusedAfterDays', message: 'Unused keys are never disabled automatically.' });
  return warnings;
}

export const registerDoctor: RegisterCommand = (command: Command) => {
  command
    .option('-c, --config <file>', 'YAML or JSON config file (env SEALGATE_CONFIG; default ./sealgate.config.yaml if present)')
    .option('--json', 'print the findings as JSON')
    .option('--strict', 'exit with status 1 when anything is reported')
    .action((flags: { config?: string; json?: boolean; strict?: boolean }) => {
      let config: SealGateConfig;
      let source: string | undefined;
      try {
        ({ config, source } = loadConfig({ path: flags.config }));
      } catch (err) {
        // Exit 2, as scan, audit and policy check do: 1 is --strict's "risky configuration found", which a config
        // that does not even load must not pass for.
        if (err instanceof ConfigError) {
          process.stderr.write(`sealgate doctor: ${err.message}\n`);
          process.exit(2);
        }
        throw err;
      }
      const warnings = diagnose(config);
      if (flags.json) process.stdout.write(JSON.stringify({ config: source ?? null, warnings }, null, 2) + '\n');
      else if (warnings.length === 0) process.stdout.write(`sealgate doctor: no risky configuration found (${source ?? 'built-in defaults'}).\n`);
      else {
        process.stdout.write(`sealgate doctor: ${count(warnings.length, 'warning')} for ${source ?? 'built-in defaults'}\n`);
        for (const w of warnings) process.stdout.write(`  ! [${w.code}] ${w.field}: ${w.message}\n`);
      }
      if (flags.strict && warnings.length > 0) process.exitCode = 1;
    });
};
