import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { appRoot } from '../core/app-version.js';
import { resolveDataDir } from '../core/data-dir.js';
import { describeOwner } from '../services/ownership/ownership-lock.js';
import { runCommand } from '../services/service-install/command-runner.js';
import {
  installService,
  serviceStatus,
  ServiceError,
  uninstallService,
  type ServiceHost,
  type ServiceStatus,
} from '../services/service-install/service-manager.js';
import { CliFailure, type CliIo } from './cli-io.js';
import { DEFAULT_PORT } from '../server/start-console.js';

/** The machine as it is: this node binary, this install's bin/voiceops.js, root or not. */
export function currentHost(): ServiceHost {
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    homeDir: os.homedir(),
    nodePath: process.execPath,
    cliPath: path.join(appRoot(), 'bin', 'voiceops.js'),
    appRoot: appRoot(),
    run: runCommand,
  };
}

function ownerLine(status: ServiceStatus): string {
  const view = status.owner;
  if (!view) return 'owner: (no data folder known)';
  if (view.state === 'none') return 'owner: nobody owns the data folder';
  if (view.state === 'gone') return `owner: none alive (the last one is gone: ${view.reason})`;
  return `owner: ${describeOwner(view.owner)}`;
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) throw new CliFailure(error.code, error.message);
    throw error;
  }
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliFailure('VALIDATION_FAILED', `port: "${raw}" is not a port number (1-65535)`);
  return port;
}

/** `voiceops service install|status|uninstall`; `host` is injectable for tests. */
export function addServiceCommands(program: Command, io: CliIo, host: () => ServiceHost = currentHost): void {
  const service = program.command('service').description('Run the headless console as a system service (systemd on Linux, Task Scheduler on Windows)');
  service
    .command('install')
    .description('Register and start the console as a service that starts at boot and restarts on failure')
    .option('--data-dir <dir>', 'data folder (default: $VOICEOPS_DATA_DIR or the platform data folder)')
    .option('--port <port>', 'port of the console', String(DEFAULT_PORT))
    .option('--json', 'print the result as JSON')
    .action(async (options: { dataDir?: string; port: string; json?: boolean }) => {
      const port = parsePort(options.port);
      const result = await mapped(() => installService(host(), { dataDir: resolveDataDir(options.dataDir), port }));
      if (options.json) return io.out(JSON.stringify(result, null, 2));
      io.out(`installed: ${result.manager} ${result.scope === 'user' ? 'user ' : ''}service, ${result.file}`);
      io.out(`serves data folder ${result.dataDir} on port ${result.port}`);
      for (const note of result.notes) io.out(`note: ${note}`);
    });
  service
    .command('status')
    .description('Whether the service runs and since when, and which process owns its data folder')
    .option('--data-dir <dir>', 'data folder to check the ownership of (default: the one the service serves)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const status = await mapped(() => serviceStatus(host(), options.dataDir ? { dataDir: path.resolve(options.dataDir) } : {}));
      if (options.json) return io.out(JSON.stringify(status, null, 2));
      io.out(status.installed ? `installed: yes (${status.file ?? status.manager})` : 'installed: no');
      io.out(`state: ${status.state ?? 'unknown'}${status.since ? ` since ${status.since}` : ''}`);
      if (status.note) io.out(`note: ${status.note}`);
      if (status.dataDir) io.out(`data folder: ${status.dataDir}`);
      io.out(ownerLine(status));
    });
  service
    .command('uninstall')
    .description('Stop the service and remove it (the data folder is kept)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await mapped(() => uninstallService(host()));
      if (options.json) return io.out(JSON.stringify(result, null, 2));
      io.out(`removed: ${result.removed}`);
      if (result.note) io.out(`note: ${result.note}`);
    });
}
