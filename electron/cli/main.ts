import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { AppError } from '../api/index.js';
import { appVersion } from '../core/app-version.js';
import { CliFailure, processIo, type CliIo } from './cli-io.js';
import { addProcedureCommands } from './procedure-commands.js';
import { addServeCommand } from './serve-command.js';
import { addServiceCommands } from './service-command.js';

/** Help goes to stdout/stderr as usual; commander's own error text is dropped for our one-line form. */
function output(io: CliIo) {
  return {
    writeOut: (text: string) => io.out(text.trimEnd()),
    writeErr: (text: string) => io.err(text.trimEnd()),
    outputError: () => undefined,
  };
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('voiceops')
    .description('VoiceOps Admin command line: the same services as the desktop app and the headless console')
    .version(appVersion())
    // Program options only before the command word: `models import --version 1.0.0` is the model's version.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput(output(io))
    .showHelpAfterError(false);
  addServeCommand(program, io);
  addServiceCommands(program, io);
  addProcedureCommands(program, io);
  // Sub-commands inherit the override so usage errors come back as exceptions, not exits.
  const inherit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput(output(io));
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Runs one command line; returns the exit code. Failures print exactly one line to stderr. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // Help shown because a command group was given no sub-command: the help is the message.
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      io.err(`voiceops: USAGE: ${error.message.replace(/^error: /, '')} (see voiceops --help)`);
      return 2;
    }
    if (error instanceof CliFailure || error instanceof AppError) {
      io.err(`voiceops: ${error.code}: ${error.message}`);
      return 1;
    }
    io.err(`voiceops: INTERNAL: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  process.exitCode = await runCli(process.argv.slice(2));
}
