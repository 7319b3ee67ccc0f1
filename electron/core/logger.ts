import path from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export type { Logger } from 'pino';

/**
 * Anything that can carry a secret is redacted by pino before it is serialised, wherever it
 * appears in a log object: sign-in tokens, session ids, cookies, authorization headers.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'sessionId',
  '*.sessionId',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export interface LoggerOptions {
  dataDir: string;
  level?: string;
}

/**
 * Structured JSON lines in <data>/logs/voiceops.N.log, rotated daily or at 10 MB, 14 files kept
 * (pino-roll does the rotation; we only choose the policy).
 */
export interface FileLogger {
  logger: Logger;
  /** Flushes what is buffered and closes the file; call before the process exits. */
  close(): void;
}

export async function createFileLogger({ dataDir, level = 'info' }: LoggerOptions): Promise<FileLogger> {
  const stream = await pinoRoll({
    file: path.join(dataDir, 'logs', 'voiceops'),
    extension: '.log',
    frequency: 'daily',
    size: '10m',
    mkdir: true,
    limit: { count: 14 },
    // Synchronous writes: a line is on disk before the call returns, so a crash or kill -9
    // loses no log line, and closing never races a pending open. Our volume is low.
    sync: true,
  });
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    stream,
  );
  return {
    logger,
    close() {
      try {
        stream.flushSync();
      } catch {
        // Nothing buffered, or the stream is already closed.
      }
      stream.end();
    },
  };
}

/** A logger that writes nowhere, for short CLI runs that must not create log files as a side effect of --help. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
