import type { ErrorCode } from '../api/index.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/**
 * Codes only the CLI reports (no procedure returns them): the folder is owned by another
 * process; the system's service manager is missing or refused a command.
 */
export type CliOnlyCode = 'USAGE' | 'DATA_DIR_OWNED' | 'SERVICE_MANAGER_MISSING' | 'SERVICE_COMMAND_FAILED';

/** A failure the CLI reports as one line, "voiceops: CODE: message", with a non-zero exit. */
export class CliFailure extends Error {
  constructor(
    readonly code: ErrorCode | CliOnlyCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
