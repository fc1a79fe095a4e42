import type { Command } from 'commander';
import { registerServe } from './serve.js';

/** A CLI command file exports one of these; add it to the list below. */
export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [registerServe];
