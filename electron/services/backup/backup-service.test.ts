import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempBackups, type TempBackups } from '../../test-support/temp-backups.js';
import { verifyStore } from '../model-store/verify-store.js';
import { readManifest } from './backup-manifest.js';
import { TargetLayout } from './target-layout.js';

let b: TempBackups | undefined;
afterEach(() => b?.cleanup());

const layoutOf = (x: TempBackups) => new TargetLayout(fs.realpathSync(x.targetDir));
const modelBytesCopied = (x: TempBackups, id: string) => {
  const m = readManifest(layoutOf(x), id);
  const own = m.files.filter((f) => !f.path.startsWith('blobs/')).reduce((n, f) => n + f.size, 0);
  return m.newBytes - own;
};

describe('backup run', () => {
  it('copies every referenced model file once; a second backup of an unchanged store copies zero model bytes', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    await b.importVoice('bob', '1.0.0', 2);
    const [first] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    expect(modelBytesCopied(b, first!.id)).toBeGreaterThan(0);
    const blobsAfterFirst = layoutOf(b).blobsOnDisk().sort();
    expect(blobsAfterFirst).toEqual(b.t.blobsOnDisk());

    const [second] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    expect(modelBytesCopied(b, second!.id)).toBe(0);
    expect(layoutOf(b).blobsOnDisk().sort()).toEqual(blobsAfterFirst);
    const manifest = readManifest(layoutOf(b), second!.id);
    expect(manifest.lines.map((l) => l.line)).toEqual(['voice/amy', 'voice/bob']);
    expect(manifest.files.map((f) => f.path)).toContain('registry.db');
    expect(manifest.appVersion).toBe('0.0.0-test');
    expect(b.backups.list().map((r) => r.id)).toEqual([second!.id, first!.id]);

    // A new version: only its new file is copied.
    await b.importVoice('amy', '1.1.0', 3);
    const [third] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const amyNew = b.t.store.versions.show('voice/amy', '1.1.0').files.filter((f) => !blobsAfterFirst.includes(f.sha256));
    expect(modelBytesCopied(b, third!.id)).toBe(amyNew.reduce((n, f) => n + f.size, 0));
  });

  it('a cancelled backup leaves nothing listed and nothing half-written; the next run completes', async () => {
    const controller = new AbortController();
    b = openTempBackups({ fault: (point) => void (point === 'backup:blob' && controller.abort()) });
    await b.importVoice('amy', '1.0.0');
    await b.importVoice('bob', '1.0.0', 2);
    const job = {
      id: 'cancel-test',
      signal: controller.signal,
      progress: () => undefined,
      throwIfCancelled: () => {
        if (controller.signal.aborted) throw Object.assign(new Error('the job was cancelled'), { code: 'CANCELLED' });
      },
    };
    await expect(b.backups.run('disk2', 'manual', job)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(b.backups.list()).toEqual([]);
    expect(layoutOf(b).scanBackups()).toEqual({ complete: [], incomplete: [] });
    const tmp = path.join(layoutOf(b).root, 'tmp');
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);

    b = b.reopen({ fault: () => undefined });
    const [done] = await b.t.run((j) => b!.backups.run('disk2', 'manual', j));
    expect((await b.t.run((j) => b!.backups.verify(done!.id, 100, j))).ok).toBe(true);
  });

  it('a full target fails with DISK_FULL naming the target and the bytes needed, and lists nothing', async () => {
    b = openTempBackups({ diskSpace: () => ({ totalBytes: 10_000_000, freeBytes: 1000, usedPercent: 99.99 }) });
    await b.importVoice('amy', '1.0.0');
    const error = await b.t.run((job) => b!.backups.run('disk2', 'manual', job)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL' });
    expect(String((error as Error).message)).toMatch(/"disk2".*needs \d+ bytes/);
    expect(b.backups.list()).toEqual([]);
    expect(layoutOf(b).scanBackups()).toEqual({ complete: [], incomplete: [] });
  });

  it('refuses a target inside the data folder from a browser, and a missing folder', () => {
    b = openTempBackups();
    const inside = path.join(b.t.dir, 'backups-here');
    fs.mkdirSync(inside);
    expect(() => b!.backups.addTarget('inside', inside, 'x', true)).toThrow(/outside the data folder/);
    expect(() => b!.backups.addTarget('nope', path.join(b!.root, 'missing'), 'x', true)).toThrow(/does not exist/);
    expect(() => b!.backups.addTarget('rel', 'relative/dir', 'x', false)).toThrow(/absolute/);
  });
});

describe('verify and drill', () => {
  it('verify detects a flipped byte and a missing file in the target', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const clean = await b.t.run((job) => b!.backups.verify(backup!.id, 100, job));
    expect(clean).toMatchObject({ ok: true, problems: [] });

    const manifest = readManifest(layoutOf(b), backup!.id);
    const [blobA, blobB] = manifest.files.filter((f) => f.path.startsWith('blobs/'));
    const fileA = layoutOf(b).entryPath(backup!.id, blobA!.path);
    fs.chmodSync(fileA, 0o644);
    const bytes = fs.readFileSync(fileA);
    bytes[10] = bytes[10]! ^ 0xff;
    fs.writeFileSync(fileA, bytes);
    fs.rmSync(layoutOf(b).entryPath(backup!.id, blobB!.path));

    const damaged = await b.t.run((job) => b!.backups.verify(backup!.id, 100, job));
    expect(damaged.ok).toBe(false);
    expect(damaged.problems.map((p) => [p.path, p.state]).sort()).toEqual([[blobA!.path, 'corrupt'], [blobB!.path, 'missing']].sort());
    expect(b.backups.list()[0]!.lastVerify).toMatchObject({ ok: false, problems: 2 });
  });

  it('drill restores into a scratch folder, opens the database and checks every entry; a damaged backup fails it; the scratch is removed', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    await b.importVoice('bob', '1.0.0', 2);
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const good = await b.t.run((job) => b!.backups.drill(backup!.id, job));
    expect(good).toMatchObject({ ok: true, problems: [], kind: 'drill' });
    expect(good.checkedFiles).toBe(readManifest(layoutOf(b), backup!.id).files.length);

    const registry = layoutOf(b).entryPath(backup!.id, 'registry.db');
    fs.writeFileSync(registry, Buffer.alloc(4096, 1)); // not a database any more
    const bad = await b.t.run((job) => b!.backups.drill(backup!.id, job));
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.path)).toContain('registry.db');
    expect(b.backups.list()[0]!.lastDrill).toMatchObject({ ok: false });
    expect(fs.existsSync(path.join(b.t.dir, 'backup-scratch')) ? fs.readdirSync(path.join(b.t.dir, 'backup-scratch')) : []).toEqual([]);
  });
});

describe('retention and prune', () => {
  it('keeps what the policy keeps and removes target files no kept backup references', async () => {
    let clock = new Date('2025-03-01T01:00:00Z');
    b = openTempBackups({ now: () => clock });
    await b.importVoice('amy', '1.0.0');
    const ids: string[] = [];
    for (let day = 0; day < 4; day++) {
      clock = new Date(Date.parse('2025-03-01T01:00:00Z') + day * 86400_000);
      if (day === 2) await b.importVoice('amy', '2.0.0', 5);
      if (day === 3) {
        b.t.store.versions.promote('voice/amy', '1.0.0');
        b.t.store.versions.delete('voice/amy', '2.0.0');
      }
      ids.push((await b.t.run((job) => b!.backups.run('disk2', 'manual', job)))[0]!.id);
    }
    const v2Files = readManifest(layoutOf(b), ids[2]!).files.filter((f) => !readManifest(layoutOf(b!), ids[3]!).files.some((g) => g.sha256 === f.sha256) && f.path.startsWith('blobs/'));
    expect(v2Files.length).toBeGreaterThan(0);
    b.t.settings.update({ 'backup.keepLast': 1, 'backup.keepDaily': 2, 'backup.keepWeekly': 0, 'backup.keepMonthly': 0 });
    const [report] = await b.backups.prune('disk2');
    expect(report!.removedBackups.sort()).toEqual([ids[0], ids[1]].sort());
    expect(b.backups.list().map((r) => r.id)).toEqual([ids[3], ids[2]]);
    // 2.0.0's files are still referenced by the kept backup of day 3.
    for (const f of v2Files) expect(fs.existsSync(layoutOf(b).entryPath(ids[2]!, f.path))).toBe(true);

    b.t.settings.update({ 'backup.keepLast': 1, 'backup.keepDaily': 1, 'backup.keepWeekly': 0, 'backup.keepMonthly': 0 });
    const [second] = await b.backups.prune('disk2');
    expect(second!.removedBackups).toEqual([ids[2]]);
    expect(second!.removedBlobs).toBe(v2Files.length);
    for (const f of v2Files) expect(fs.existsSync(layoutOf(b).entryPath(ids[3]!, f.path))).toBe(false);
    expect((await b.t.run((job) => b!.backups.verify(ids[3]!, 100, job))).ok).toBe(true);
  });
});

describe('delete one backup', () => {
  it('removes that backup and only the files no other backup references; an unknown id is NOT_FOUND', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    const [older] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    await b.importVoice('amy', '2.0.0', 5);
    const [newer] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const olderBlobs = new Set(readManifest(layoutOf(b), older!.id).files.map((f) => f.sha256));
    const onlyNewer = readManifest(layoutOf(b), newer!.id).files.filter((f) => f.path.startsWith('blobs/') && !olderBlobs.has(f.sha256));
    expect(onlyNewer.length).toBeGreaterThan(0);

    const report = await b.backups.delete(newer!.id);
    expect(report).toMatchObject({ target: 'disk2', removedBackups: [newer!.id], keptBackups: 1, removedBlobs: onlyNewer.length });
    expect(b.backups.list().map((r) => r.id)).toEqual([older!.id]);
    expect(layoutOf(b).scanBackups()).toEqual({ complete: [older!.id], incomplete: [] });
    for (const f of onlyNewer) expect(fs.existsSync(layoutOf(b).blobPath(f.sha256))).toBe(false);
    expect((await b.t.run((job) => b!.backups.verify(older!.id, 100, job))).ok).toBe(true);

    await expect(b.backups.delete(newer!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('restore', () => {
  it('restores one staff member and leaves the others untouched; a dry run lists the changes and changes nothing', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    await b.importVoice('bob', '1.0.0', 2);
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    await b.importVoice('amy', '1.1.0', 3);
    await b.importVoice('bob', '1.1.0', 4);
    b.t.store.staff.rename('amy', 'Amy Renamed');

    const dry = await b.t.run((job) => b!.backups.restore(backup!.id, { kind: 'staff', code: 'amy' }, true, job));
    expect(dry.dryRun).toBe(true);
    expect(dry.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'version', name: 'voice/amy@1.1.0', change: 'remove' }),
        expect.objectContaining({ kind: 'staff', name: 'amy', change: 'update' }),
      ]),
    );
    expect(dry.changes.some((c) => c.name.includes('bob'))).toBe(false);
    expect(b.t.store.versions.summary('voice/amy').versions.map((v) => v.version)).toContain('1.1.0');

    const done = await b.t.run((job) => b!.backups.restore(backup!.id, { kind: 'staff', code: 'amy' }, false, job));
    expect(done.snapshotBackupId).not.toBeNull();
    expect(b.t.store.versions.summary('voice/amy').versions.map((v) => v.version)).toEqual(['1.0.0']);
    expect(b.t.store.staffRepo.find('amy')!.name).toBe('AMY');
    expect(b.t.store.versions.summary('voice/bob').versions.map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(b.backups.list().find((r) => r.id === done.snapshotBackupId)!.kind).toBe('pre-restore');
  });

  it('restores a whole backup, including model files deleted from the store', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    b.t.store.staff.retire('amy');
    b.t.store.staff.purge('amy', 'amy');
    b.t.store.sweep();
    expect(b.t.blobsOnDisk()).toEqual([]);
    await b.importVoice('cai', '1.0.0', 7);
    await b.t.run((job) => b!.backups.restore(backup!.id, { kind: 'whole' }, false, job));
    expect(b.t.store.staff.list(true).map((s) => s.code)).toEqual(['amy']);
    const report = await b.t.run((job) => verifyStore(b!.t.store.repo, b!.t.store.layout, job));
    expect(report.problems).toEqual([]);
    expect(report.checkedVersions).toBe(1);
  });

  it('a restore that fails part-way (injected fault after the swap) rolls back to the snapshot; the store verifies clean', async () => {
    let failAt: string | undefined;
    b = openTempBackups({ fault: (point) => { if (point === failAt) throw new Error(`injected fault at ${point}`); } });
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    await b.importVoice('amy', '1.1.0', 3);
    await b.importVoice('bob', '1.0.0', 2);
    const before = b.t.store.versions.list().map((l) => [l.line, l.versions.map((v) => v.version)]);

    failAt = 'restore:after-swap';
    const error = await b.t.run((job) => b!.backups.restore(backup!.id, { kind: 'whole' }, false, job)).catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/injected fault.*rolled back to the pre-restore snapshot/);
    expect(b.t.store.versions.list().map((l) => [l.line, l.versions.map((v) => v.version)])).toEqual(before);
    const report = await b.t.run((job) => verifyStore(b!.t.store.repo, b!.t.store.layout, job));
    expect(report.problems).toEqual([]);
    expect(b.backups.repo.unfinishedRestores()).toEqual([]);
    expect(b.t.store.repo.importsInFlight()).toEqual([]);
  });
});

describe('repair', () => {
  it('fetches a corrupt store file back from the newest backup that has it', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const [digest] = b.t.blobsOnDisk();
    const file = b.t.store.layout.blobPath(digest!);
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'garbage');
    const found = await b.t.run((job) => verifyStore(b!.t.store.repo, b!.t.store.layout, job));
    expect(found.problems).toHaveLength(1);
    const repaired = await b.t.run((job) => b!.backups.repair(job));
    expect(repaired).toMatchObject({ repaired: [{ sha256: digest }], unrepaired: [], problemsAfter: 0 });
  });
});
