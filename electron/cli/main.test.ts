import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { procedures } from '../api/index.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { buildProgram, runCli } from './main.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function dataDir(): string {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  return temp.dir;
}

function commandPaths(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const here = [...prefix, sub.name()];
    // A command can run itself and have sub-commands too (\`voiceops metrics\`, \`voiceops metrics history\`);
    // commander keeps whether it has an action only in a private field.
    const runs = (sub as unknown as { _actionHandler: unknown })._actionHandler != null;
    return sub.commands.length > 0 ? [...(runs ? [here.join(' ')] : []), ...commandPaths(sub, here)] : [here.join(' ')];
  });
}

describe('voiceops CLI', () => {
  it('has one command per contract procedure that declares one, and nothing else but serve and service', () => {
    const declared = Object.values(procedures).flatMap((def) => (def.cli ? [def.cli.command] : []));
    const program = buildProgram({ out: () => undefined, err: () => undefined });
    expect(commandPaths(program).sort()).toEqual(['serve', 'service install', 'service status', 'service uninstall', ...declared].sort());
  });

  it('status --json reports the data folder, schema version, app version and engine', async () => {
    const dir = dataDir();
    const result = await run('status', '--json', '--data-dir', dir);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.out);
    expect(status.dataDir).toBe(dir);
    expect(status.database.schemaVersion).toBe(status.database.latestSchemaVersion);
    expect(status.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(status.engine.runtime).toBe('onnxruntime-node');
    expect(status.engine.available).toBe(true);
    expect(status.engine.backends.map((b: { name: string }) => b.name)).toContain('cpu');
  });

  it('takes the data folder from VOICEOPS_DATA_DIR when --data-dir is absent', async () => {
    const dir = dataDir();
    process.env['VOICEOPS_DATA_DIR'] = dir;
    try {
      const result = await run('status', '--json');
      expect(JSON.parse(result.out).dataDir).toBe(dir);
    } finally {
      delete process.env['VOICEOPS_DATA_DIR'];
    }
  });

  it('users add prints a new token once; the token signs in and is not stored', async () => {
    const dir = dataDir();
    const added = await run('users', 'add', 'sue', '--role', 'supervisor', '--json', '--data-dir', dir);
    expect(added.code).toBe(0);
    const { user, token } = JSON.parse(added.out);
    expect(user).toMatchObject({ name: 'sue', role: 'supervisor', disabled: false });
    expect(token).toMatch(/^vo_/);
    const listed = await run('users', 'list', '--json', '--data-dir', dir);
    expect(listed.out).not.toContain(token);
    const human = await run('users', 'add', 'ann', '--role', 'admin', '--data-dir', dir);
    expect(human.out).toMatch(/token: vo_/);
    expect(human.err).toMatch(/shown only now/);
  });

  it.each([
    [['users', 'add', '../x', '--role', 'admin'], 1, /^voiceops: VALIDATION_FAILED: name: /],
    [['users', 'add', 'x', '--role', 'root'], 2, /^voiceops: USAGE: .*admin, supervisor/],
    [['users', 'add', 'x'], 1, /^voiceops: VALIDATION_FAILED: role: /],
    [['users', 'disable', 'nobody'], 1, /^voiceops: NOT_FOUND: no account named "nobody"/],
    [['frobnicate'], 2, /^voiceops: USAGE: unknown command/],
    [['serve', '--port', 'eighty'], 1, /^voiceops: VALIDATION_FAILED: port/],
  ])('%j fails with exit %i and one line', async (argv, code, line) => {
    const dir = dataDir();
    const result = await run(...argv, '--data-dir', dir);
    expect(result.code).toBe(code);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(result.err).toMatch(line);
    expect(result.out).toBe('');
  });

  it('refuses a database newer than the app with a one-line message', async () => {
    const dir = dataDir();
    await run('status', '--data-dir', dir);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(`${dir}/voiceops.db`);
    db.pragma('user_version = 99');
    db.close();
    const result = await run('status', '--data-dir', dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^voiceops: DB_NEWER_THAN_APP: .*schema version 99/);
  });
});
