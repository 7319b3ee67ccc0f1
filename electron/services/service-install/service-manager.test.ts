import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { OwnershipLock } from '../ownership/ownership-lock.js';
import type { CommandResult, CommandRunner } from './command-runner.js';
import { installService, serviceStatus, uninstallService, type ServiceHost } from './service-manager.js';
import { dataDirOfUnit, systemdWord, unitFileText } from './systemd-unit.js';
import { parseTaskQuery, taskArguments, taskXml, taskXmlBytes, windowsArg } from './windows-task.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function temp(): string {
  const t = makeTempDir('voiceops-service-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const ok: CommandResult = { code: 0, stdout: '', stderr: '', missing: false };

/** Records every command; answers from the given table (by "command arg arg"), else success. */
function recorder(answers: Record<string, CommandResult> = {}): { run: CommandRunner; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run: async (command, args) => {
      const line = [command, ...args].join(' ');
      calls.push(line);
      return answers[line] ?? ok;
    },
  };
}

function host(root: string, run: CommandRunner, overrides: Partial<ServiceHost> = {}): ServiceHost {
  return {
    platform: 'linux',
    isRoot: false,
    homeDir: path.join(root, 'home'),
    nodePath: process.execPath,
    cliPath: '/opt/voiceops/bin/voiceops.js',
    appRoot: '/opt/voiceops',
    run,
    systemUnitDir: path.join(root, 'etc-systemd-system'),
    ...overrides,
  };
}

const spec = { nodePath: '/usr/bin/node', cliPath: '/opt/voiceops/bin/voiceops.js', appRoot: '/opt/voiceops', dataDir: '/srv/voice ops/100%', port: 8731 };

describe('the systemd unit', () => {
  it('system unit: boot target, restart on failure, absolute ExecStart with the data folder and port, hardening with the data folder writable', () => {
    const text = unitFileText({ scope: 'system', ...spec });
    const lines = text.split('\n');
    for (const line of [
      '[Unit]',
      'Wants=network-online.target',
      'After=network-online.target',
      '[Service]',
      'Type=simple',
      'ExecStart=/usr/bin/node /opt/voiceops/bin/voiceops.js serve --service --data-dir "/srv/voice ops/100%%" --port 8731',
      'WorkingDirectory=/opt/voiceops',
      'Restart=on-failure',
      'NoNewPrivileges=true',
      'PrivateTmp=true',
      'ProtectSystem=full',
      'ReadWritePaths="/srv/voice ops/100%%"',
      '[Install]',
      'WantedBy=multi-user.target',
    ]) {
      expect(lines).toContain(line);
    }
    expect(dataDirOfUnit(text)).toBe('/srv/voice ops/100%');
  });

  it('user unit: default.target and no mount-namespace options (they need user namespaces in a user manager)', () => {
    const text = unitFileText({ scope: 'user', ...spec, dataDir: '/home/it/voiceops' });
    expect(text).toContain('WantedBy=default.target');
    expect(text).toContain('NoNewPrivileges=true');
    expect(text).not.toContain('ProtectSystem');
    expect(text).not.toContain('PrivateTmp');
  });

  it('quotes and escapes words systemd would split or expand, and refuses relative paths and line breaks', () => {
    expect(systemdWord('/plain/path')).toBe('/plain/path');
    expect(systemdWord('/a b')).toBe('"/a b"');
    expect(systemdWord('/a"b\\c')).toBe('"/a\\"b\\\\c"');
    expect(systemdWord('/cost$HOME%i')).toBe('/cost$$HOME%%i');
    expect(() => unitFileText({ scope: 'system', ...spec, dataDir: 'relative/data' })).toThrow(/dataDir must be an absolute path/);
    expect(() => unitFileText({ scope: 'system', ...spec, dataDir: '/a\nExecStartPre=/bin/rm' })).toThrow(/line break/);
  });

  const analyze = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0;
  it.runIf(analyze)('passes systemd-analyze verify (system and user unit)', () => {
    const dir = temp();
    const dataDir = path.join(dir, 'data dir');
    fs.mkdirSync(dataDir);
    const cli = path.join(dir, 'voiceops.js');
    fs.writeFileSync(cli, '');
    for (const scope of ['system', 'user'] as const) {
      const file = path.join(dir, scope, 'voiceops.service');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, unitFileText({ scope, nodePath: process.execPath, cliPath: cli, appRoot: dir, dataDir, port: 8731 }));
      // A user manager needs a runtime folder; a temporary one is enough for verify.
      const runtime = path.join(dir, 'runtime');
      fs.mkdirSync(runtime, { recursive: true, mode: 0o700 });
      const result = spawnSync('systemd-analyze', ['verify', ...(scope === 'user' ? ['--user'] : []), file], {
        encoding: 'utf8',
        env: { ...process.env, XDG_RUNTIME_DIR: runtime },
      });
      // Only lines about our file count; a container's own units may be reported too.
      const aboutOurs = `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('voiceops.service'));
      expect(aboutOurs).toEqual([]);
      expect(result.status).toBe(0);
    }
  });
});

describe('voiceops service install / status / uninstall on Linux (injected command runner)', () => {
  it('as a normal user: writes a user unit in ~/.config/systemd/user, reloads and enables it with --user; uninstall undoes it', async () => {
    const root = temp();
    const { run, calls } = recorder();
    const h = host(root, run);
    const result = await installService(h, { dataDir: path.join(root, 'data'), port: 9000 });
    const file = path.join(root, 'home', '.config', 'systemd', 'user', 'voiceops.service');
    expect(result).toMatchObject({ manager: 'systemd', scope: 'user', file, port: 9000 });
    expect(result.notes.join()).toContain('loginctl enable-linger');
    expect(fs.readFileSync(file, 'utf8')).toContain(`--data-dir ${path.join(root, 'data')} --port 9000`);
    expect(calls).toEqual(['systemctl --user daemon-reload', 'systemctl --user enable --now voiceops.service']);

    calls.length = 0;
    expect(await uninstallService(h)).toEqual({ removed: file, note: null });
    expect(fs.existsSync(file)).toBe(false);
    expect(calls).toEqual(['systemctl --user disable --now voiceops.service', 'systemctl --user daemon-reload']);
    await expect(uninstallService(h)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('as root: a system unit in /etc/systemd/system, systemctl without --user', async () => {
    const root = temp();
    const { run, calls } = recorder();
    const result = await installService(host(root, run, { isRoot: true }), { dataDir: path.join(root, 'data'), port: 8731 });
    expect(result.file).toBe(path.join(root, 'etc-systemd-system', 'voiceops.service'));
    expect(fs.readFileSync(result.file, 'utf8')).toContain('WantedBy=multi-user.target');
    expect(calls).toEqual(['systemctl daemon-reload', 'systemctl enable --now voiceops.service']);
  });

  it('says clearly when systemctl is absent or systemd is not running (a container), and a failing enable is reported with its reason', async () => {
    const root = temp();
    const missing = recorder({ 'systemctl --user daemon-reload': { code: null, stdout: '', stderr: 'spawn systemctl ENOENT', missing: true } });
    await expect(installService(host(root, missing.run), { dataDir: path.join(root, 'data'), port: 8731 })).rejects.toMatchObject({
      code: 'SERVICE_MANAGER_MISSING',
      message: expect.stringContaining('systemctl was not found'),
    });
    const notBooted = recorder({
      'systemctl --user daemon-reload': { code: 1, stdout: '', stderr: 'System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n', missing: false },
    });
    await expect(installService(host(root, notBooted.run), { dataDir: path.join(root, 'data'), port: 8731 })).rejects.toMatchObject({
      code: 'SERVICE_MANAGER_MISSING',
      message: expect.stringContaining('systemd is not running here'),
    });
    const refused = recorder({ 'systemctl --user enable --now voiceops.service': { code: 1, stdout: '', stderr: 'Failed to enable unit: Access denied\n', missing: false } });
    await expect(installService(host(root, refused.run), { dataDir: path.join(root, 'data'), port: 8731 })).rejects.toMatchObject({
      code: 'SERVICE_COMMAND_FAILED',
      message: expect.stringContaining('Access denied'),
    });
    // Without systemd, uninstall still removes the unit file it wrote.
    const none: CommandRunner = async () => ({ code: null, stdout: '', stderr: 'spawn systemctl ENOENT', missing: true });
    const removed = await uninstallService(host(root, none));
    expect(removed.note).toContain('only the unit file was removed');
    expect(fs.existsSync(removed.removed)).toBe(false);
  });

  it('status: systemd active state and since when, the data folder from the unit, and the ownership lock of that folder', async () => {
    const root = temp();
    const dataDir = path.join(root, 'data');
    const answers = {
      'systemctl --user show voiceops.service -p ActiveState,ActiveEnterTimestamp': { ...ok, stdout: 'ActiveState=active\nActiveEnterTimestamp=Thu 2026-11-26 22:00:01 UTC\n' },
    };
    const { run } = recorder(answers);
    const h = host(root, run);
    expect(await serviceStatus(h)).toMatchObject({ installed: false, file: null, dataDir: null, owner: null });
    await installService(h, { dataDir, port: 8731 });
    const lock = OwnershipLock.acquire(dataDir, { kind: 'service' });
    if (!lock.acquired) throw new Error('refused');
    cleanups.push(() => lock.lock.release());
    const status = await serviceStatus(h);
    expect(status).toMatchObject({ installed: true, state: 'active', since: 'Thu 2026-11-26 22:00:01 UTC', dataDir, note: null });
    expect(status.owner).toMatchObject({ state: 'alive', owner: { kind: 'service', pid: process.pid } });
  });
});

describe('Windows scheduled task (generated, not run here)', () => {
  const win = { nodePath: 'C:\\Program Files\\nodejs\\node.exe', cliPath: 'C:\\Program Files\\VoiceOps\\bin\\voiceops.js', appRoot: 'C:\\Program Files\\VoiceOps', dataDir: 'C:\\ProgramData\\VoiceOps & Co\\', port: 8731 };

  it('task XML: boot trigger as SYSTEM, no time limit, restart on failure, the command with quoted arguments', () => {
    const text = taskXml(win);
    expect(text).toContain('<BootTrigger>');
    expect(text).toContain('<UserId>S-1-5-18</UserId>');
    expect(text).toContain('<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>');
    expect(text).toMatch(/<RestartOnFailure>\s*<Interval>PT1M<\/Interval>\s*<Count>999<\/Count>/);
    expect(text).toContain('<Command>C:\\Program Files\\nodejs\\node.exe</Command>');
    expect(taskArguments(win)).toBe('"C:\\Program Files\\VoiceOps\\bin\\voiceops.js" serve --service --data-dir "C:\\ProgramData\\VoiceOps & Co\\\\" --port 8731');
    expect(text).toContain('--data-dir &quot;C:\\ProgramData\\VoiceOps &amp; Co\\\\&quot;');
    expect(taskXmlBytes(win).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(windowsArg('say "hi"')).toBe('"say \\"hi\\""');
  });

  it('install registers from the XML and starts it; status parses schtasks /Query; uninstall ends and deletes it', async () => {
    const root = temp();
    const query = [
      'Folder: \\',
      'TaskName:                             \\VoiceOps Admin',
      'Status:                               Running',
      'Last Run Time:                        26/11/2026 22:00:01',
      `Task To Run:                          "C:\\Program Files\\nodejs\\node.exe" "C:\\VoiceOps\\bin\\voiceops.js" serve --service --data-dir ${path.join(root, 'data')} --port 8731`,
    ].join('\r\n');
    const { run, calls } = recorder({ 'schtasks /Query /TN VoiceOps Admin /V /FO LIST': { ...ok, stdout: query } });
    const h = host(root, run, { platform: 'win32', taskXmlDir: path.join(root, 'task') });
    const result = await installService(h, { dataDir: path.join(root, 'data'), port: 8731 });
    expect(result.file).toBe(path.join(root, 'task', 'voiceops-task.xml'));
    expect(calls).toEqual([`schtasks /Create /TN VoiceOps Admin /XML ${result.file} /F`, 'schtasks /Run /TN VoiceOps Admin']);
    expect(parseTaskQuery(query)).toMatchObject({ status: 'Running', lastRun: '26/11/2026 22:00:01' });
    expect(await serviceStatus(h)).toMatchObject({ installed: true, state: 'Running', since: '26/11/2026 22:00:01', dataDir: path.join(root, 'data'), owner: { state: 'none' } });
    calls.length = 0;
    await uninstallService(h);
    expect(calls).toEqual(['schtasks /End /TN VoiceOps Admin', 'schtasks /Delete /TN VoiceOps Admin /F']);
  });
});
