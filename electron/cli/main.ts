import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { AppError } from '../api/index.js';
import { appVersion } from '../core/app-version.js';
import { CliFailure, processIo, type CliIo } from './cli-io.js';
import { addProcedureCommands } from './procedure-commands.js';
import { addServeCommand } from './serve-command.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('voiceops')
    .description('VoiceOps Admin command line: the same services as the desktop app and the headless console')
    .version(appVersion())
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .showHelpAfterError(false);
  addServeCommand(program, io);
  addProcedureCommands(program, io);
  // Sub-commands inherit the override so usage errors come back as exceptions, not exits.
  const inherit = (command: Command): void => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: () => undefined });
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
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return 0;
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
