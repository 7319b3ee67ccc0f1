import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../test-support/captured-cli.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { writePiperVoice } from '../test-support/model-fixtures.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const cli = (...argv: string[]) => runCliCaptured(argv);

describe('voiceops backup (the exact names other tools script against)', () => {
  it('target add/list, run, list, verify, drill, restore --dry-run and --staff, prune, schedule', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const a = ['--data-dir', path.join(temp.dir, 'data')];
    const folder = path.join(temp.dir, 'nas');
    fs.mkdirSync(folder);
    await cli('staff', 'add', 'amy', '--name', 'Amy', ...a);
    await cli('models', 'import', writePiperVoice(path.join(temp.dir, 'v1'), 'amy'), '--line', 'voice/amy', '--version', '1.0.0', ...a);

    expect((await cli('backup', 'target', 'add', 'nas', folder, ...a)).code).toBe(0);
    expect((await cli('backup', 'target', 'list', '--json', ...a)).json()).toMatchObject([{ name: 'nas', path: fs.realpathSync(folder), backupCount: 0 }]);
    const run = await cli('backup', 'run', '--target', 'nas', '--json', ...a);
    expect(run.code).toBe(0);
    const [backup] = run.json() as Array<{ id: string; versionCount: number }>;
    expect(backup!.versionCount).toBe(1);
    expect((await cli('backup', 'run', ...a)).code).toBe(0); // every target
    const listed = (await cli('backup', 'list', '--json', ...a)).json() as Array<{ id: string }>;
    expect(listed).toHaveLength(2);

    const verified = await cli('backup', 'verify', backup!.id, '--subset', '50', '--json', ...a);
    expect(verified.code).toBe(0);
    expect(verified.json()).toMatchObject({ ok: true, subsetPercent: 50 });
    const drilled = await cli('backup', 'drill', backup!.id, '--json', ...a);
    expect(drilled.code).toBe(0);
    expect(drilled.json()).toMatchObject({ ok: true, kind: 'drill' });

    await cli('models', 'import', writePiperVoice(path.join(temp.dir, 'v2'), 'amy', { gain: 2 }), '--line', 'voice/amy', '--version', '1.1.0', ...a);
    const dry = await cli('backup', 'restore', backup!.id, '--staff', 'amy', '--dry-run', '--json', ...a);
    expect(dry.json()).toMatchObject({ dryRun: true, changes: [{ kind: 'version', name: 'voice/amy@1.1.0', change: 'remove' }] });
    expect((await cli('backup', 'restore', backup!.id, '--line', 'voice/amy', ...a)).code).toBe(0);
    expect(((await cli('models', 'list', '--json', ...a)).json() as Array<{ versions: unknown[] }>)[0]!.versions).toHaveLength(1);
    expect((await cli('backup', 'restore', backup!.id, '--line', 'voice/amy', '--staff', 'amy', ...a)).code).not.toBe(0);

    // A flipped byte in the store: verify fails; verify --repair fetches the file back from the backup.
    const storeBlobs = path.join(temp.dir, 'data', 'blobs', 'sha256');
    const storeFan = fs.readdirSync(storeBlobs)[0]!;
    const storeFile = path.join(storeBlobs, storeFan, fs.readdirSync(path.join(storeBlobs, storeFan))[0]!);
    fs.chmodSync(storeFile, 0o644);
    const bytes = fs.readFileSync(storeFile);
    bytes[0] = bytes[0]! ^ 0xff;
    fs.writeFileSync(storeFile, bytes);
    expect((await cli('models', 'verify', ...a)).code).toBe(1);
    const repaired = await cli('models', 'verify', '--repair', '--json', ...a);
    expect(repaired.code).toBe(0);
    expect(repaired.json()).toMatchObject({ problems: [], repaired: [{ fromBackup: expect.stringMatching(/^\d{8}T\d{6}/) }], unrepaired: [] });

    expect((await cli('backup', 'prune', '--json', ...a)).json()).toMatchObject([{ target: 'nas', removedBackups: [] }]);
    const snapshots = ((await cli('backup', 'list', '--json', ...a)).json() as Array<{ id: string; kind: string }>).filter((r) => r.kind === 'pre-restore');
    expect(snapshots.length).toBeGreaterThan(0);
    expect((await cli('backup', 'delete', snapshots[0]!.id, '--json', ...a)).json()).toMatchObject({ target: 'nas', removedBackups: [snapshots[0]!.id] });
    expect((await cli('backup', 'delete', snapshots[0]!.id, ...a)).code).not.toBe(0);
    expect((await cli('backup', 'delete', '../etc', ...a)).code).not.toBe(0);
    expect((await cli('backup', 'schedule', '--every', '12h', '--json', ...a)).json()).toMatchObject({ mode: 'every', everyHours: 12 });
    const cron = await cli('backup', 'schedule', '--cron', '30 1 * * *', '--tz', 'Asia/Taipei', '--json', ...a);
    expect(cron.json()).toMatchObject({ mode: 'cron', cron: '30 1 * * *', timezone: 'Asia/Taipei' });
    expect((await cli('backup', 'schedule', '--cron', 'nonsense', ...a)).code).not.toBe(0);

    // A damaged backup: verify exits 1 after printing its report.
    const blobs = path.join(folder, 'voiceops-backup', 'blobs', 'sha256');
    const fan = fs.readdirSync(blobs)[0]!;
    fs.rmSync(path.join(blobs, fan, fs.readdirSync(path.join(blobs, fan))[0]!));
    const bad = await cli('backup', 'verify', backup!.id, '--json', ...a);
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ ok: false });
  }, 60_000); // about twenty CLI runs, each opening the data folder

  it('disaster recovery: a new data folder adds the old target, lists its backups and restores everything', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const lost = ['--data-dir', path.join(temp.dir, 'lost-data')];
    const fresh = ['--data-dir', path.join(temp.dir, 'new-data')];
    const folder = path.join(temp.dir, 'nas');
    fs.mkdirSync(folder);
    await cli('staff', 'add', 'amy', '--name', 'Amy', ...lost);
    await cli('models', 'import', writePiperVoice(path.join(temp.dir, 'v1'), 'amy'), '--line', 'voice/amy', '--version', '1.0.0', ...lost);
    await cli('backup', 'target', 'add', 'nas', folder, ...lost);
    const [backup] = (await cli('backup', 'run', '--json', ...lost)).json() as Array<{ id: string }>;
    fs.rmSync(path.join(temp.dir, 'lost-data'), { recursive: true }); // the workstation's disk is gone

    const added = await cli('backup', 'target', 'add', 'nas', folder, '--json', ...fresh);
    expect(added.json()).toMatchObject({ name: 'nas', adoptedBackups: 1, backupCount: 1 });
    expect((await cli('backup', 'list', '--json', ...fresh)).json()).toMatchObject([{ id: backup!.id, target: 'nas', versionCount: 1 }]);
    expect((await cli('backup', 'restore', backup!.id, ...fresh)).code).toBe(0);
    expect((await cli('models', 'list', '--json', ...fresh)).out).toContain('voice/amy');
    expect((await cli('models', 'verify', ...fresh)).code).toBe(0);
  }, 60_000);
});
