/**
 * `voiceops service install|status|uninstall`: registers the headless console with the
 * system's service manager (systemd on Linux, Task Scheduler on Windows). Everything outside
 * this process goes through the injected CommandRunner and the given folders, so the exact
 * commands are tested without root and without a running systemd.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readOwner, type OwnerView } from '../ownership/ownership-lock.js';
import type { CommandResult, CommandRunner } from './command-runner.js';
import { dataDirOfUnit, UNIT_NAME, unitDirectory, unitFileText, type UnitScope } from './systemd-unit.js';
import { parseTaskQuery, schtasks, taskXmlBytes } from './windows-task.js';

export interface ServiceHost {
  platform: NodeJS.Platform;
  isRoot: boolean;
  homeDir: string;
  nodePath: string;
  cliPath: string;
  appRoot: string;
  run: CommandRunner;
  /** Where system units go (tests point it at a temp folder). */
  systemUnitDir?: string;
  /** Where the Windows task XML is kept (the data folder's run/ by default). */
  taskXmlDir?: string;
}

/** Why a service command could not do its work; the CLI prints it as one line. */
export class ServiceError extends Error {
  constructor(
    readonly code: 'SERVICE_MANAGER_MISSING' | 'SERVICE_COMMAND_FAILED' | 'NOT_IMPLEMENTED' | 'NOT_FOUND',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export interface InstallResult {
  manager: 'systemd' | 'task-scheduler';
  scope: UnitScope;
  file: string;
  dataDir: string;
  port: number;
  notes: string[];
}

export interface ServiceStatus {
  manager: 'systemd' | 'task-scheduler';
  installed: boolean;
  file: string | null;
  /** systemd's ActiveState (active, failed, inactive ...) or the task's Status. */
  state: string | null;
  /** Since when it is in that state (systemd ActiveEnterTimestamp; the task's last run). */
  since: string | null;
  dataDir: string | null;
  /** The ownership lock of the service's data folder, as the lock sees it. */
  owner: OwnerView | null;
  /** Why the state is unknown (no service manager running here), else null. */
  note: string | null;
}

function scopeOf(host: ServiceHost): UnitScope {
  return host.isRoot ? 'system' : 'user';
}

function unitPath(host: ServiceHost): string {
  return path.join(unitDirectory(scopeOf(host), host.homeDir, host.systemUnitDir), UNIT_NAME);
}

async function systemctl(host: ServiceHost, args: string[]): Promise<CommandResult> {
  const full = scopeOf(host) === 'user' ? ['--user', ...args] : args;
  const result = await host.run('systemctl', full);
  if (result.missing) {
    throw new ServiceError('SERVICE_MANAGER_MISSING', 'systemctl was not found: this system does not run systemd (a container?); start "voiceops serve" by other means');
  }
  // systemctl installed but no systemd running (a container, a chroot): as good as missing.
  if (result.code !== 0 && /not been booted with systemd|Failed to connect to bus/i.test(result.stderr)) {
    throw new ServiceError('SERVICE_MANAGER_MISSING', `systemd is not running here (${result.stderr.trim().split('\n')[0]}); start "voiceops serve" by other means`);
  }
  return result;
}

async function systemctlOk(host: ServiceHost, args: string[], what: string): Promise<void> {
  const result = await systemctl(host, args);
  if (result.code !== 0) {
    const reason = (result.stderr || result.stdout).trim().split('\n')[0] ?? `exit ${result.code}`;
    throw new ServiceError('SERVICE_COMMAND_FAILED', `${what} failed (systemctl ${args.join(' ')}): ${reason}`);
  }
}

async function schtasksOk(host: ServiceHost, args: string[], what: string): Promise<CommandResult> {
  const result = await host.run('schtasks', args);
  if (result.missing) throw new ServiceError('SERVICE_MANAGER_MISSING', 'schtasks was not found');
  if (result.code !== 0) throw new ServiceError('SERVICE_COMMAND_FAILED', `${what} failed (schtasks ${args.join(' ')}): ${(result.stderr || result.stdout).trim()}`);
  return result;
}

export async function installService(host: ServiceHost, options: { dataDir: string; port: number }): Promise<InstallResult> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const spec = { nodePath: host.nodePath, cliPath: host.cliPath, appRoot: host.appRoot, dataDir, port: options.port };
  if (host.platform === 'win32') {
    const dir = host.taskXmlDir ?? path.join(dataDir, 'run');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'voiceops-task.xml');
    fs.writeFileSync(file, taskXmlBytes(spec));
    await schtasksOk(host, schtasks.create(file), 'registering the task');
    await schtasksOk(host, schtasks.run(), 'starting the task');
    return { manager: 'task-scheduler', scope: 'system', file, dataDir, port: options.port, notes: ['runs at boot as SYSTEM; restarted every minute when it fails'] };
  }
  if (host.platform !== 'linux') throw new ServiceError('NOT_IMPLEMENTED', `service install supports Linux (systemd) and Windows, not ${host.platform}`);
  const scope = scopeOf(host);
  const file = unitPath(host);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.part`;
  fs.writeFileSync(partial, unitFileText({ scope, ...spec }), { mode: 0o644 });
  fs.renameSync(partial, file);
  await systemctlOk(host, ['daemon-reload'], 'reloading systemd');
  await systemctlOk(host, ['enable', '--now', UNIT_NAME], 'enabling and starting the service');
  const notes =
    scope === 'user'
      ? [`a user service starts at boot only with lingering: run "loginctl enable-linger ${os.userInfo().username}" once (as root)`]
      : ['runs as root at boot (multi-user.target), restarted on failure'];
  return { manager: 'systemd', scope, file, dataDir, port: options.port, notes };
}

/** key=value lines of `systemctl show`. */
export function parseShow(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

export async function serviceStatus(host: ServiceHost, options: { dataDir?: string } = {}): Promise<ServiceStatus> {
  if (host.platform === 'win32') {
    const result = await host.run('schtasks', schtasks.query());
    if (result.missing) throw new ServiceError('SERVICE_MANAGER_MISSING', 'schtasks was not found');
    const installed = result.code === 0;
    const parsed = parseTaskQuery(result.stdout);
    const dataDir = options.dataDir ?? /--data-dir\s+("([^"]+)"|(\S+))/.exec(parsed.taskToRun ?? '')?.slice(2).find(Boolean) ?? null;
    return { manager: 'task-scheduler', installed, file: null, state: installed ? parsed.status : null, since: installed ? parsed.lastRun : null, dataDir, owner: dataDir ? readOwner(dataDir) : null, note: null };
  }
  if (host.platform !== 'linux') throw new ServiceError('NOT_IMPLEMENTED', `service status supports Linux (systemd) and Windows, not ${host.platform}`);
  const file = unitPath(host);
  const installed = fs.existsSync(file);
  const dataDir = options.dataDir ?? (installed ? dataDirOfUnit(fs.readFileSync(file, 'utf8')) : undefined) ?? null;
  let values: Record<string, string> = {};
  let note: string | null = null;
  try {
    const shown = await systemctl(host, ['show', UNIT_NAME, '-p', 'ActiveState,ActiveEnterTimestamp']);
    if (shown.code === 0) values = parseShow(shown.stdout);
    else note = `systemctl show failed: ${shown.stderr.trim().split('\n')[0] ?? ''}`;
  } catch (error) {
    // The file and the lock can still be reported: the lock says whether a console owns the folder.
    if (!(error instanceof ServiceError)) throw error;
    note = error.message;
  }
  return {
    manager: 'systemd',
    installed,
    file: installed ? file : null,
    state: values['ActiveState'] || null,
    since: values['ActiveEnterTimestamp'] || null,
    dataDir,
    owner: dataDir ? readOwner(dataDir) : null,
    note,
  };
}

export async function uninstallService(host: ServiceHost): Promise<{ removed: string; note: string | null }> {
  if (host.platform === 'win32') {
    // Ending a task that is not running fails harmlessly; deleting is what must succeed.
    await host.run('schtasks', schtasks.end());
    await schtasksOk(host, schtasks.delete(), 'removing the task');
    return { removed: TASK_NAME_REMOVED, note: null };
  }
  if (host.platform !== 'linux') throw new ServiceError('NOT_IMPLEMENTED', `service uninstall supports Linux (systemd) and Windows, not ${host.platform}`);
  const file = unitPath(host);
  if (!fs.existsSync(file)) throw new ServiceError('NOT_FOUND', `no service is installed (${file} does not exist)`);
  try {
    await systemctlOk(host, ['disable', '--now', UNIT_NAME], 'stopping and disabling the service');
  } catch (error) {
    // Without systemd nothing runs the unit: removing the file is all there is to undo.
    if (!(error instanceof ServiceError && error.code === 'SERVICE_MANAGER_MISSING')) throw error;
    fs.rmSync(file);
    return { removed: file, note: 'systemctl was not found, so only the unit file was removed' };
  }
  fs.rmSync(file);
  await systemctlOk(host, ['daemon-reload'], 'reloading systemd');
  return { removed: file, note: null };
}

const TASK_NAME_REMOVED = 'scheduled task "VoiceOps Admin"';
