/** `sealgate <command>`: each command lives in its own file, listed in commands.ts and loaded only when used. */
import { Command } from 'commander';
import { commands } from './commands.js';

const program = new Command()
  .name('sealgate')
  .description('SealGate: LLM guardrail and confidential inference gateway (OpenAI-compatible)')
  .version('0.1.0')
  .showHelpAfterError();

// The command named on the line (`sealgate help <command>` names it second) gets its full definition;
// the others are listed by name and description, so top-level help and "unknown command" still know them.
const args = process.argv.slice(2);
const named = args[0] === 'help' ? args[1] : args[0];
for (const entry of commands) {
  const command = program.command(entry.name).description(entry.description);
  if (entry.name === named) (await entry.load())(command);
}

await program.parseAsync(process.argv);
