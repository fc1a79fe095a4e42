import type { Command } from 'commander';

/**
 * A CLI command file exports one of these: it adds its options, subcommands and action to the command
 * `index.ts` created with the name and description listed below.
 */
export type RegisterCommand = (command: Command) => void;

export interface CommandEntry {
  name: string;
  description: string;
  /** Imported only when this command runs (or its help is asked for): `--help` and each command load no other command's code. */
  load(): Promise<RegisterCommand>;
}

export const commands: CommandEntry[] = [
  { name: 'serve', description: 'Start the gateway (OpenAI-compatible API on /v1; /healthz, /readyz, /metrics)', load: async () => (await import('./serve.js')).registerServe },
  { name: 'keys', description: 'Manage API keys (stored as hashes in the keys file, or in Redis when configured)', load: async () => (await import('./keys.js')).registerKeys },
  { name: 'doctor', description: 'Report risky configuration (exposure without TLS, dev key, guardrails/audit off, plain-HTTP upstreams …)', load: async () => (await import('./doctor.js')).registerDoctor },
  { name: 'scan', description: 'Run guardrail detectors over a JSONL file and write one verdict per line', load: async () => (await import('./scan.js')).registerScan },
  { name: 'enclave', description: 'Confidential mode: the enclave root key and measurement', load: async () => (await import('./enclave.js')).registerEnclave },
  { name: 'attest', description: "Fetch, print and verify a gateway's confidential-mode attestation document", load: async () => (await import('./attest.js')).registerAttest },
  { name: 'audit', description: 'Verify, query and maintain the tamper-evident audit trail', load: async () => (await import('./audit.js')).registerAudit },
  { name: 'policy', description: 'Guardrail policies: validate before deploying', load: async () => (await import('./policy.js')).registerPolicy },
  { name: 'clean', description: 'Detoxify and PII-scrub a training corpus (JSONL or text lines), with a report of counts and digests', load: async () => (await import('./clean.js')).registerClean },
  { name: 'eval', description: 'Run red-team and benign suites through a gateway; report block and false-positive rates per risk category (CI gate)', load: async () => (await import('./eval.js')).registerEval },
];
