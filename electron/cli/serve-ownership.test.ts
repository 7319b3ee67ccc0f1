/**
 * Issue 9 with real processes: `voiceops serve` children on one data folder, the CLI run in
 * this process against them, the registry and audit log read from the real SQLite file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test-support/captured-cli.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { startServeProcess, type ServeProcess } from '../test-support/serve-process.js';
import { credentialFile, readLocalCredential } from '../services/ownership/owner-credential.js';
import { readOwner } from '../services/ownership/ownership-lock.js';
import { findOwner } from '../services/ownership/owner-client.js';
import { writePiperVoice } from '../test-support/model-fixtures.js';
import { absolutePaths } from './run-procedure.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function folders(): { data: string; target: string } {
  const temp = makeTempDir('voiceops-serve-owner-');
  cleanups.push(temp.cleanup);
  const target = path.join(temp.dir, 'nas');
  fs.mkdirSync(target);
  return { data: path.join(temp.dir, 'data'), target };
}

function serve(dataDir: string, env: Record<string, string> = {}): ServeProcess {
  const child = startServeProcess(dataDir, [], env);
  cleanups.push(() => child.kill9());
  return child;
}

const cli = (...argv: string[]) => runCliCaptured(argv);

/** Rows of the audit log in the real database file (read-only beside the running owner). */
function auditRows(dataDir: string, action: string): Array<{ actor: string; origin: string; success: number }> {
  const db = new BetterSqlite3(path.join(dataDir, 'voiceops.db'), { readonly: true });
  try {
    return db.prepare('SELECT actor, origin, success FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ actor: string; origin: string; success: number }>;
  } finally {
    db.close();
  }
}

interface JobRow { procedure: string; startedBy: string; state: string }

it('makes the path fields of a command absolute against the CLI\'s own working folder', () => {
  expect(absolutePaths({ path: 'voices/amy', out: '/tmp/x.bundle', line: 'voice/amy' }, '/home/it')).toEqual({ path: '/home/it/voices/amy', out: '/tmp/x.bundle', line: 'voice/amy' });
  expect(absolutePaths({ folder: '../nas' }, '/home/it')).toEqual({ folder: '/home/nas' });
});

describe('one owner per data folder, with real voiceops serve processes', { timeout: 150_000 }, () => {
  it('a second serve on the same folder refuses to own it and names the owning process, its start and URL', async () => {
    const { data } = folders();
    const first = serve(data);
    const url = await first.listening;
    const second = serve(data);
    expect(await second.exited).toBe(1);
    expect(second.err()).toMatch(/^voiceops: DATA_DIR_OWNED: the data folder is already owned by console process \d+, owner since \S+, console at \S+/);
    expect(second.err()).toContain(`console process ${first.child.pid},`);
    expect(second.err()).toContain(`console at ${url}`);
    expect(second.out.join('\n')).not.toContain('listening');
    // The refused process changed nothing: the owner and its credential are still the first's.
    const owner = readOwner(data);
    expect(owner).toMatchObject({ state: 'alive', owner: { pid: first.child.pid, url } });
    const credential = readLocalCredential(data);
    expect(credential).toMatchObject({ state: 'found', credential: { pid: first.child.pid, url } });
    if (process.platform !== 'win32') expect(fs.statSync(credentialFile(data)).mode & 0o777).toBe(0o600);
    await first.stop();
    expect(readOwner(data)).toEqual({ state: 'none' });
    expect(fs.existsSync(credentialFile(data))).toBe(false);
  });

  it('a CLI backup while the console runs goes through the owner (its job list shows it) and is recorded once', async () => {
    const { data, target } = folders();
    const owner = serve(data);
    await owner.listening;
    const a = ['--data-dir', data, '--json'];
    // The CLI's origin goes with it: a model imported from any local path, named relative to the
    // CLI's working folder (the owner's is elsewhere), as a browser could not.
    expect((await cli('staff', 'add', 'amy', '--name', 'Amy', ...a)).code).toBe(0);
    const voice = writePiperVoice(path.join(path.dirname(target), 'amy-voice'), 'amy');
    const imported = await cli('models', 'import', path.relative(process.cwd(), voice), '--line', 'voice/amy', '--version', '1.0.0', ...a);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(auditRows(data, 'models.import')).toEqual([{ actor: `local:${os.userInfo().username}`, origin: 'cli', success: 1 }]);
    expect((await cli('backup', 'target', 'add', 'nas', target, ...a)).code).toBe(0);
    const run = await cli('backup', 'run', ...a);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const [made] = run.json<Array<{ id: string }>>();

    // The job ran in the owner's process: its in-memory job list (asked through the owner) has it.
    const jobs = (await cli('jobs', 'list', ...a)).json<JobRow[]>();
    expect(jobs.filter((j) => j.procedure === 'backup.run')).toEqual([
      expect.objectContaining({ procedure: 'backup.run', startedBy: `local:${os.userInfo().username}`, state: 'succeeded' }),
    ]);
    expect((await cli('backup', 'list', ...a)).json<Array<{ id: string }>>().map((b) => b.id)).toEqual([made!.id]);
    expect(auditRows(data, 'backup.run')).toEqual([{ actor: `local:${os.userInfo().username}`, origin: 'cli', success: 1 }]);
    await owner.stop();

    // With no owner the CLI works on the folder directly, as before: a fresh process has no jobs.
    expect((await cli('jobs', 'list', ...a)).json<JobRow[]>()).toEqual([]);
  });

  it('kill -9 of the owner: the next serve takes over at once, and the missed backup caught up by the first runs only once', async () => {
    const { data, target } = folders();
    const a = ['--data-dir', data, '--json'];
    // Set up directly (no owner yet): a target and a 1-hour schedule that fell due while nothing ran.
    expect((await cli('backup', 'target', 'add', 'nas', target, ...a)).code).toBe(0);
    expect((await cli('backup', 'schedule', '--every', '1h', ...a)).code).toBe(0);
    const db = new BetterSqlite3(path.join(data, 'voiceops.db'));
    db.prepare('UPDATE backup_schedule SET anchor_at = ?').run(new Date(Date.now() - 2 * 3600_000).toISOString());
    db.close();

    const fast = { VOICEOPS_CATCH_UP_DELAY_MS: '0' };
    const first = serve(data, fast);
    await first.listening;
    const deadline = Date.now() + 60_000;
    let backups: Array<{ kind: string }> = [];
    while (backups.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      backups = (await cli('backup', 'list', ...a)).json<Array<{ kind: string }>>();
    }
    expect(backups).toMatchObject([{ kind: 'scheduled' }]);
    // A client process started meanwhile does not schedule anything: it is refused ownership.
    const bystander = serve(data, fast);
    expect(await bystander.exited).toBe(1);

    await first.kill9();
    const second = serve(data, fast);
    await second.listening;
    expect(second.out).toContain(`took over the data folder from console process ${first.child.pid} (process ${first.child.pid} no longer exists)`);
    expect(readOwner(data)).toMatchObject({ state: 'alive', owner: { pid: second.child.pid } });
    // The new owner's catch-up check (0 ms after start) found nothing due: its job list has no backup.
    const jobs = (await cli('jobs', 'list', ...a)).json<JobRow[]>();
    expect(jobs.filter((j) => j.procedure === 'backup.run')).toEqual([]);
    expect((await cli('backup', 'list', ...a)).json<unknown[]>()).toHaveLength(1);
    expect(auditRows(data, 'backup.run')).toEqual([{ actor: 'scheduler', origin: 'schedule', success: 1 }]);
    await second.stop();
  });

  it('Ctrl-C on a CLI job that runs in the owner cancels it there', async () => {
    const { data } = folders();
    const owner = serve(data);
    await owner.listening;
    const found = await findOwner(data, { kind: 'cli' });
    if (found.mode !== 'owner') throw new Error(`expected an owner, got ${found.mode}`);
    const cliMain = fileURLToPath(new URL('./main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cliMain, 'sample-pack', 'install', '--data-dir', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => void child.kill('SIGKILL'));
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Interrupt once the owner runs the CLI's job (the sample pack trains a model: seconds).
    const running = async (): Promise<JobRow | undefined> => {
      const jobs = await found.connection.call('jobs.list', {});
      return jobs.ok ? (jobs.value as JobRow[]).find((j) => j.procedure === 'samplePack.install') : undefined;
    };
    const deadline = Date.now() + 60_000;
    while ((await running())?.state !== 'running' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toContain('cancelling the job');
    expect(stderr).toContain('voiceops: CANCELLED:');
    expect(await running()).toMatchObject({ state: 'cancelled', startedBy: `local:${os.userInfo().username}` });
  });
});
