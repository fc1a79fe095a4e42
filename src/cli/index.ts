/** `sealgate <command>`: each command lives in its own file and registers itself here. */
import { Command } from 'commander';
import { commands } from './commands.js';

const program = new Command()
  .name('sealgate')
  .description('SealGate: LLM guardrail and confidential inference gateway (OpenAI-compatible)')
  .version('0.1.0')
  .showHelpAfterError();

for (const register of commands) register(program);

await program.parseAsync(process.argv);
