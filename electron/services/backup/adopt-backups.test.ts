import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempBackups, type TempBackups } from '../../test-support/temp-backups.js';
import { verifyStore } from '../model-store/verify-store.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { WizardProgress } from '../setup/wizard-progress.js';
import { TargetLayout } from './target-layout.js';

const opened: TempBackups[] = [];
afterEach(() => {
  for (const b of opened.splice(0)) b.cleanup();
});
const open = () => {
  const b = openTempBackups();
  opened.push(b);
  return b;
};

describe('adding a folder that holds backups already', () => {
  it('lists them on a fresh installation, which can then restore everything (the workstation was lost)', async () => {
    const lost = open();
    await lost.importVoice('amy', '1.0.0');
    await lost.importVoice('bob', '1.0.0', 2);
    lost.t.settings.update({ 'backup.keepLast': 3 });
    const lostWizard = new WizardProgress(lost.t.db);
    lostWizard.write({ ...lostWizard.read(), current: 'summary', completedAt: '2026-01-01T00:00:00.000Z' }, new Date());
    const [older] = await lost.t.run((job) => lost.backups.run('disk2', 'manual', job));
    await lost.importVoice('amy', '1.1.0', 3);
    const [newest] = await lost.t.run((job) => lost.backups.run('disk2', 'scheduled', job));

    const fresh = open();
    const freshWizard = new WizardProgress(fresh.t.db);
    freshWizard.write({ ...freshWizard.read(), current: 'backup' }, new Date()); // mid-setup on the new machine
    const added = fresh.backups.addTarget('nas', lost.targetDir, 'admin', false);
    expect(added).toMatchObject({ name: 'nas', adoptedBackups: 2, backupCount: 2, lastBackupAt: newest!.createdAt, warnings: [] });
    const listed = fresh.backups.list('nas');
    expect(listed.map((r) => r.id)).toEqual([newest!.id, older!.id]);
    // The history row is rebuilt from the manifest: the same figures the lost machine had listed.
    expect(listed[0]).toMatchObject({ ...newest, target: 'nas' });

    await fresh.t.run((job) => fresh.backups.restore(newest!.id, { kind: 'whole' }, false, job));
    expect(fresh.t.store.staff.list(true).map((s) => s.code).sort()).toEqual(['amy', 'bob']);
    expect(fresh.t.store.versions.summary('voice/amy').versions.map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(fresh.t.blobsOnDisk()).toEqual(lost.t.blobsOnDisk());
    // The user settings come back; where this machine's setup wizard is stays this machine's.
    expect(fresh.t.settings.get('backup.keepLast')).toBe(3);
    expect(freshWizard.read()).toMatchObject({ current: 'backup', completedAt: null });
    const report = await fresh.t.run((job) => verifyStore(fresh.t.store.repo, fresh.t.store.layout, job));
    expect(report).toMatchObject({ problems: [], checkedVersions: 3 });
  });

  it('is the undo of "remove target": adding the folder again lists its backups again', async () => {
    const b = open();
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b.backups.run('disk2', 'manual', job));
    b.backups.removeTarget('disk2');
    expect(b.backups.list()).toEqual([]);
    expect(b.backups.addTarget('disk2-again', b.targetDir, 'admin', false).adoptedBackups).toBe(1);
    expect(b.backups.list().map((r) => [r.id, r.target])).toEqual([[backup!.id, 'disk2-again']]);
  });

  it('names and skips a damaged manifest, a backup listed already (a copied folder) and never lists an incomplete one', async () => {
    const lost = open();
    await lost.importVoice('amy', '1.0.0');
    const [good] = await lost.t.run((job) => lost.backups.run('disk2', 'manual', job));
    const [damaged] = await lost.t.run((job) => lost.backups.run('disk2', 'manual', job));
    const layout = new TargetLayout(fs.realpathSync(lost.targetDir));
    fs.writeFileSync(layout.manifestPath(damaged!.id), '{"format": "voiceops-backup/1", "id": ');
    fs.mkdirSync(layout.backupDir('20990101T000000000Z-abcdef')); // what a killed backup leaves: no manifest

    const fresh = open();
    const added = fresh.backups.addTarget('nas', lost.targetDir, 'admin', false);
    expect(added.adoptedBackups).toBe(1);
    expect(added.warnings).toEqual([`backup ${damaged!.id} in this folder is not listed: the manifest of backup ${damaged!.id} is damaged (not JSON)`]);
    expect(fresh.backups.list().map((r) => r.id)).toEqual([good!.id]);

    // A copy of the same folder elsewhere holds the same backup ids: listed once, the copy says so.
    const copy = path.join(fresh.root, 'copy-of-nas');
    fs.cpSync(lost.targetDir, copy, { recursive: true });
    const second = fresh.backups.addTarget('nas-copy', copy, 'admin', false);
    expect(second.adoptedBackups).toBe(0);
    expect(second.warnings.join('\n')).toContain(`backup ${good!.id} in this folder is listed already under target "nas"`);
    expect(fresh.backups.list().map((r) => [r.id, r.target])).toEqual([[good!.id, 'nas']]);
  });

  it('refuses to restore a backup made by a newer app before anything changes; a missing registry copy is named', async () => {
    const newer = open();
    await newer.importVoice('amy', '1.0.0');
    newer.t.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`); // as a newer app would have left it
    const [backup] = await newer.t.run((job) => newer.backups.run('disk2', 'manual', job));
    newer.t.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);

    const fresh = open();
    fresh.backups.addTarget('nas', newer.targetDir, 'admin', false);
    for (const dryRun of [true, false]) {
      const error = await fresh.t.run((job) => fresh.backups.restore(backup!.id, { kind: 'whole' }, dryRun, job)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DB_NEWER_THAN_APP' });
      expect((error as Error).message).toContain(`registry schema ${LATEST_SCHEMA_VERSION + 1}`);
    }
    expect(fresh.backups.list().map((r) => r.kind)).toEqual(['manual']); // no pre-restore snapshot was taken

    fs.rmSync(new TargetLayout(fs.realpathSync(newer.targetDir)).entryPath(backup!.id, 'registry.db'));
    const missing = await fresh.t.run((job) => fresh.backups.restore(backup!.id, { kind: 'whole' }, true, job)).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect((missing as Error).message).toContain('missing from its target');
  });
});
