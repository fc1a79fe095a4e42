/** `sealgate <command>`: each command lives in its own file, listed in commands.ts and loaded only when used. */
import { Command } from 'commander';
import { commands } from './commands.js';

// A reader that stops early (`sealgate scan … | head -1`) closes the pipe: stop at once and quietly, as Unix tools do,
// instead of a command reporting "write EPIPE" as its own failure (exit 2) while it still reads the rest of the input.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command()
  .name('sealgate')
  .description('SealGate: LLM guardrail and confidential inference gateway (OpenAI-compatible)')
  .version('0.1.0')
  .showHelpAfterError()
  // Usage errors the parser catches (unknown or misspelt option, missing required option, rejected flag value,
  // unknown command) exit 2, as every command's own usage errors do. Commander's 1 is each command's verdict
  // (`audit verify`: tampering found, `policy check`: rejected, `eval`: a threshold failed). Set before the commands
  // are created, so every command and subcommand inherits it; help and --version keep their 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

// The command named on the line (`sealgate help <command>` names it second) gets its full definition;
// the others are listed by name and description, so top-level help and "unknown command" still know them.
const args = process.argv.slice(2);
const named = args[0] === 'help' ? args[1] : args[0];
for (const entry of commands) {
  const command = program.command(entry.name).description(entry.description);
  if (entry.name === named) (await entry.load())(command);
}

await program.parseAsync(process.argv);
