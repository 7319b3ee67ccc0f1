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

/** A failure the CLI reports as one line, "voiceops: CODE: message", with a non-zero exit. */
export class CliFailure extends Error {
  constructor(
    readonly code: ErrorCode | 'USAGE',
    message: string,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}
