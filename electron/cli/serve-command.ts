import type { Command } from 'commander';
import { resolveDataDir } from '../core/data-dir.js';
import { DEFAULT_HOST, DEFAULT_PORT, startConsole, type RunningConsole } from '../server/start-console.js';
import { CliFailure, type CliIo } from './cli-io.js';

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliFailure('VALIDATION_FAILED', `port: "${raw}" is not a port number (0-65535; 0 picks a free one)`);
  }
  return port;
}

/** `voiceops serve`: runs the headless console until SIGINT/SIGTERM. */
export function addServeCommand(program: Command, io: CliIo, onStarted?: (running: RunningConsole) => void): void {
  program
    .command('serve')
    .description('Serve the console to browsers (headless), on 127.0.0.1 unless told otherwise')
    .option('--host <host>', 'address to bind (env VOICEOPS_HOST)', process.env['VOICEOPS_HOST'] ?? DEFAULT_HOST)
    .option('--port <port>', 'port; 0 picks a free one (env VOICEOPS_PORT)', process.env['VOICEOPS_PORT'] ?? String(DEFAULT_PORT))
    .option('--data-dir <dir>', 'data folder (default: $VOICEOPS_DATA_DIR or the platform data folder)')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (TLS 1.2 or 1.3)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .action(async (options: { host: string; port: string; dataDir?: string; tlsCert?: string; tlsKey?: string }) => {
      if (Boolean(options.tlsCert) !== Boolean(options.tlsKey)) {
        throw new CliFailure('VALIDATION_FAILED', 'tls: give both --tls-cert and --tls-key, or neither');
      }
      const running = await startConsole({
        dataDir: resolveDataDir(options.dataDir),
        host: options.host,
        port: parsePort(options.port),
        ...(options.tlsCert && options.tlsKey ? { tls: { certFile: options.tlsCert, keyFile: options.tlsKey } } : {}),
        print: io.out,
      });
      onStarted?.(running);
      await new Promise<void>((resolve) => {
        const shutdown = (): void => {
          io.err('stopping the console ...');
          void running.stop().then(resolve);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
    });
}
