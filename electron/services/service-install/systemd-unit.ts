/**
 * The systemd unit `voiceops service install` writes on Linux: the headless console started
 * at boot and restarted on failure. A system unit (root) runs in multi-user.target with the
 * sandboxing below; a user unit runs in the user's manager (enable lingering to start it at
 * boot without a login) and gets only NoNewPrivileges, because the mount-namespace options
 * (PrivateTmp, ProtectSystem) need user namespaces in a user manager and would stop it from
 * starting where those are disabled.
 */
import path from 'node:path';

export const UNIT_NAME = 'voiceops.service';

export type UnitScope = 'system' | 'user';

export interface UnitSpec {
  scope: UnitScope;
  /** Absolute path of the node binary that runs the CLI. */
  nodePath: string;
  /** Absolute path of bin/voiceops.js. */
  cliPath: string;
  /** Where the app is installed (the working directory). */
  appRoot: string;
  dataDir: string;
  port: number;
}

/** Where the unit file goes: /etc/systemd/system for root, else ~/.config/systemd/user. */
export function unitDirectory(scope: UnitScope, homeDir: string, systemDir = '/etc/systemd/system'): string {
  return scope === 'system' ? systemDir : path.join(homeDir, '.config', 'systemd', 'user');
}

/**
 * One ExecStart word: quoted when it holds spaces, quotes or backslashes; "%" and "$" doubled,
 * because systemd would read them as specifiers and variables.
 */
export function systemdWord(word: string): string {
  const escaped = word.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (!/[\s"'\\]/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The unit file's text. Paths must be absolute (systemd refuses relative ones). */
export function unitFileText(spec: UnitSpec): string {
  for (const [name, value] of Object.entries({ nodePath: spec.nodePath, cliPath: spec.cliPath, dataDir: spec.dataDir, appRoot: spec.appRoot })) {
    if (!path.isAbsolute(value)) throw new Error(`${name} must be an absolute path (got "${value}")`);
    if (/[\n\r]/.test(value)) throw new Error(`${name} must not contain a line break`);
  }
  const exec = [spec.nodePath, spec.cliPath, 'serve', '--service', '--data-dir', spec.dataDir, '--port', String(spec.port)].map(systemdWord).join(' ');
  const system = spec.scope === 'system';
  const lines = [
    '# Written by `voiceops service install`; `voiceops service uninstall` removes it.',
    '[Unit]',
    'Description=VoiceOps Admin headless console (owns the data folder: backups, verification, metrics)',
    'Wants=network-online.target',
    'After=network-online.target',
    `X-VoiceOpsDataDir=${spec.dataDir.replace(/%/g, '%%')}`,
    '',
    '[Service]',
    'Type=simple',
    `WorkingDirectory=${systemdWord(spec.appRoot)}`,
    `ExecStart=${exec}`,
    'Restart=on-failure',
    'RestartSec=5',
    // The console stops its schedules, ends open event streams and releases the folder on SIGTERM.
    'KillSignal=SIGTERM',
    'TimeoutStopSec=30',
    'NoNewPrivileges=true',
    ...(system ? ['PrivateTmp=true', 'ProtectSystem=full', `ReadWritePaths=${systemdWord(spec.dataDir)}`] : []),
    '',
    '[Install]',
    `WantedBy=${system ? 'multi-user.target' : 'default.target'}`,
    '',
  ];
  return lines.join('\n');
}

/** The data folder an installed unit serves, read back from its X-VoiceOpsDataDir line. */
export function dataDirOfUnit(text: string): string | undefined {
  return /^X-VoiceOpsDataDir=(.*)$/m.exec(text)?.[1]?.replace(/%%/g, '%');
}
