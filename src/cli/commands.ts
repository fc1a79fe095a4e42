import type { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerKeys } from './keys.js';
import { registerDoctor } from './doctor.js';
import { registerScan } from './scan.js';
import { registerEnclave } from './enclave.js';
import { registerAttest } from './attest.js';
import { registerAudit } from './audit.js';
import { registerPolicy } from './policy.js';
import { registerClean } from './clean.js';
import { registerEval } from './eval.js';

/** A CLI command file exports one of these; add it to the list below. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerServe, registerKeys, registerDoctor, registerScan, registerEnclave, registerAttest, registerAudit, registerPolicy, registerClean, registerEval];
