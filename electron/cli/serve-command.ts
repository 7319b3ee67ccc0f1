import type { Command } from 'commander';
import { resolveDataDir } from '../core/data-dir.js';
import { DataFolderOwnedError } from '../core/take-ownership.js';
import { DEFAULT_HOST, DEFAULT_PORT, startConsole, type RunningConsole } from '../server/start-console.js';
import { CliFailure, type CliIo } from './cli-io.js';

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliFailure('VALIDATION_FAILED', `port: "${raw}" is not a port number (0-65535; 0 picks a free one)`);
  }
  return port;
}

/** VOICEOPS_CATCH_UP_DELAY_MS: how soon after start a missed backup runs (default 30 s); tests shorten it. */
function catchUpDelay(): number | undefined {
  const raw = process.env['VOICEOPS_CATCH_UP_DELAY_MS'];
  if (raw === undefined || raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0) throw new CliFailure('VALIDATION_FAILED', `VOICEOPS_CATCH_UP_DELAY_MS: "${raw}" is not a number of milliseconds`);
  return ms;
}

/**
 * `voiceops serve`: runs the headless console until SIGINT/SIGTERM. It must own the data
 * folder: a second serve on the same folder refuses (exit 1) and names the owner. If the
 * ownership is ever taken over (this process hung past the heartbeat timeout), it stops its
 * schedules and exits 1, so a service manager restarts it as a fresh process.
 */
export function addServeCommand(program: Command, io: CliIo, onStarted?: (running: RunningConsole) => void): void {
  program
    .command('serve')
    .description('Serve the console to browsers (headless), on 127.0.0.1 unless told otherwise')
    .option('--host <host>', 'address to bind (env VOICEOPS_HOST)', process.env['VOICEOPS_HOST'] ?? DEFAULT_HOST)
    .option('--port <port>', 'port; 0 picks a free one (env VOICEOPS_PORT)', process.env['VOICEOPS_PORT'] ?? String(DEFAULT_PORT))
    .option('--data-dir <dir>', 'data folder (default: $VOICEOPS_DATA_DIR or the platform data folder)')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (TLS 1.2 or 1.3)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--service', 'started by the system service (voiceops service install writes this); shown as "running as a service"')
    .action(async (options: { host: string; port: string; dataDir?: string; tlsCert?: string; tlsKey?: string; service?: boolean }) => {
      if (Boolean(options.tlsCert) !== Boolean(options.tlsKey)) {
        throw new CliFailure('VALIDATION_FAILED', 'tls: give both --tls-cert and --tls-key, or neither');
      }
      const delay = catchUpDelay();
      let lost: (() => void) | undefined;
      let running: RunningConsole;
      try {
        running = await startConsole({
          dataDir: resolveDataDir(options.dataDir),
          host: options.host,
          port: parsePort(options.port),
          ...(options.tlsCert && options.tlsKey ? { tls: { certFile: options.tlsCert, keyFile: options.tlsKey } } : {}),
          print: io.out,
          kind: options.service ? 'service' : 'console',
          ...(delay !== undefined ? { catchUpDelayMs: delay } : {}),
          onOwnershipLost: () => lost?.(),
        });
      } catch (error) {
        if (!(error instanceof DataFolderOwnedError)) throw error;
        throw new CliFailure(
          'DATA_DIR_OWNED',
          `${error.message}. Stop that process first, or use the CLI: its commands run through the owner`,
        );
      }
      onStarted?.(running);
      let ownershipLost = false;
      await new Promise<void>((resolve) => {
        const shutdown = (): void => {
          io.err('stopping the console ...');
          void running.stop().then(resolve);
        };
        lost = () => {
          ownershipLost = true;
          void running.stop().then(resolve);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
      if (ownershipLost) throw new CliFailure('DATA_DIR_OWNED', 'another process took over the data folder while this one did not respond; stopped');
    });
}
