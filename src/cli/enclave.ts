/**
 * `sealgate enclave init|measure|pubkey`: manage the simulated hardware root and publish what
 * clients pin. `init` creates the root Ed25519 key pair file (mode 0600) that only the enclave
 * worker reads; `measure` prints the measurement this checkout + config produces (the value for
 * clients' allow-lists); `pubkey` prints the root public key again.
 */
import type { Command } from 'commander';
import type { RegisterCommand } from './commands.js';
import type { SealGateConfig } from '../config/schema.js';
import { ConfigError, loadConfig } from '../config/loader.js';
import { initRootKey, readRootPublicKey } from '../../enclave-sim/root-key.js';
import { detectorModelDirs, measureEnclave, policyBundleFiles, policyConfigOf } from '../../enclave-sim/measurement.js';
import { PolicyLoadError } from '../../guardrails/policy/index.js';

function configFrom(path: string | undefined): SealGateConfig {
  try {
    return loadConfig({ path }).config;
  } catch (error) {
    // A config that does not load is bad input: exit 2, as for scan, audit and policy check.
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
}

function fail(message: string, code: 1 | 2 = 1): never {
  process.stderr.write(`sealgate enclave: ${message}\n`);
  process.exit(code);
}

export async function measureFromConfig(config: SealGateConfig) {
  return measureEnclave({
    modelDir: config.confidential.modelDir,
    policyConfig: policyConfigOf(config),
    policyFiles: await policyBundleFiles(config),
    detectorModelDirs: detectorModelDirs(config),
  });
}

export const registerEnclave: RegisterCommand = (enclave: Command) => {
  enclave
    .command('init')
    .description('Create the root Ed25519 key pair clients pin (refuses to overwrite without --force)')
    .option('-f, --file <path>', 'key file (default: confidential.rootKeyFile from the config)')
    .option('-c, --config <file>', 'config file')
    .option('--force', 'replace an existing key (every client pinning the old key will refuse the enclave)')
    .option('--json', 'machine-readable output')
    .action(async (flags: { file?: string; config?: string; force?: boolean; json?: boolean }) => {
      const path = flags.file ?? configFrom(flags.config).confidential.rootKeyFile;
      let created;
      try {
        created = await initRootKey(path, { force: flags.force });
      } catch (error) {
        fail((error as Error).message);
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({ file: path, rootPublicKey: created.publicKey, rootKeyId: created.rootKeyId })}\n`);
        return;
      }
      process.stdout.write(
        `Created enclave root key ${path} (mode 0600; only the enclave reads it)\n` +
          `root public key (clients pin this): ${created.publicKey}\n` +
          `root key id: ${created.rootKeyId}\n` +
          `Next: \`sealgate enclave measure\` for the measurement clients allow, then set confidential.enabled: true.\n`,
      );
    });

  enclave
    .command('measure')
    .description('Print the measurement (code, model weights, policy) the enclave will attest with this config')
    .option('-c, --config <file>', 'config file')
    .option('--json', 'machine-readable output')
    .action(async (flags: { config?: string; json?: boolean }) => {
      const config = configFrom(flags.config);
      let measured;
      try {
        measured = await measureFromConfig(config);
      } catch (error) {
        // A policy the guard would reject (the enclave would not start): the file and why, not a stack trace.
        if (error instanceof PolicyLoadError) fail(`policy rejected: ${error.file}: ${error.reason}`);
        const e = error as NodeJS.ErrnoException;
        fail(`${e.code ? `${e.code}: ` : ''}${e.message}`);
      }
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(measured)}\n`);
        return;
      }
      process.stdout.write(
        `measurement: ${measured.measurement}\n  code:   ${measured.parts.code}\n  models: ${measured.parts.models}\n  policy: ${measured.parts.policy}\n`,
      );
    });

  enclave
    .command('pubkey')
    .description('Print the root public key clients pin')
    .option('-f, --file <path>', 'key file (default: confidential.rootKeyFile from the config)')
    .option('-c, --config <file>', 'config file')
    .action(async (flags: { file?: string; config?: string }) => {
      const path = flags.file ?? configFrom(flags.config).confidential.rootKeyFile;
      try {
        process.stdout.write(`${await readRootPublicKey(path)}\n`);
      } catch (error) {
        fail((error as Error).message);
      }
    });
};
