import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../core/event-bus.js';
import { JobRegistry } from '../../core/jobs.js';
import { AuditLog } from '../audit/audit-log.js';
import { openTempBackups, type TempBackups } from '../../test-support/temp-backups.js';
import { backupHealth } from './backup-health.js';
import { TargetLayout } from './target-layout.js';

let b: TempBackups | undefined;
afterEach(() => b?.cleanup());

describe('the backups line of the health check', () => {
  it('warns without a target, is ok before the first run and after a backup, warns when a due run never started', async () => {
    let clock = new Date('2025-05-01T00:00:00Z');
    b = openTempBackups({ now: () => clock });
    b.backups.removeTarget('disk2');
    expect(backupHealth(b.backups, clock)).toMatchObject({ name: 'backups', state: 'warn', detail: expect.stringContaining('no backup target') });

    b.backups.addTarget('disk2', b.targetDir, 'admin', false);
    expect(backupHealth(b.backups, clock)).toMatchObject({ state: 'ok', detail: 'no backup yet; the first runs at 2025-05-02T00:00:00.000Z' });
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    expect(backupHealth(b.backups, clock)).toMatchObject({ state: 'ok', detail: expect.stringContaining(`last backup ${backup!.createdAt} to disk2`) });

    // Due at 00:00 the next day; within the hour's grace the owner's catch-up still has time.
    clock = new Date('2025-05-02T00:59:00Z');
    expect(backupHealth(b.backups, clock).state).toBe('ok');
    clock = new Date('2025-05-02T01:01:00Z');
    expect(backupHealth(b.backups, clock)).toMatchObject({ state: 'warn', detail: expect.stringContaining('was due at 2025-05-02T00:00:00.000Z and has not run') });
  });

  it('warns when the newest backup failed its last verification', async () => {
    b = openTempBackups();
    await b.importVoice('amy', '1.0.0');
    const [backup] = await b.t.run((job) => b!.backups.run('disk2', 'manual', job));
    const layout = new TargetLayout(fs.realpathSync(b.targetDir));
    const blob = layout.blobsOnDisk()[0]!;
    fs.chmodSync(layout.blobPath(blob), 0o644);
    fs.appendFileSync(layout.blobPath(blob), 'x');
    await b.t.run((job) => b!.backups.verify(backup!.id, 100, job));
    expect(backupHealth(b.backups, new Date())).toMatchObject({ state: 'warn', detail: expect.stringContaining(`the last verification of backup ${backup!.id}`) });
  });
});

describe('a scheduled run with one target unreachable', () => {
  it('still backs up to the others, keeps the failure on the schedule, in the audit log and in the health check, until a run succeeds', async () => {
    const clock = new Date('2025-05-03T09:00:00Z');
    b = openTempBackups({ now: () => clock });
    await b.importVoice('amy', '1.0.0');
    const usb = path.join(b.root, 'usb');
    fs.mkdirSync(usb);
    b.backups.addTarget('usb', usb, 'admin', false);
    // The disk is unplugged: its files are elsewhere, the mount point is an empty folder.
    fs.renameSync(usb, `${usb}-unplugged`);
    fs.mkdirSync(usb);
    const jobs = new JobRegistry(new EventBus(), () => clock.getTime());

    const error = await b.backups.runScheduled(jobs).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^backed up to disk2 \(\S+\); failed: usb: .*is missing; is the disk or share mounted\?/);
    expect(fs.readdirSync(usb)).toEqual([]); // nothing was written onto the system disk's empty mount point
    expect(b.backups.list().map((r) => [r.target, r.kind])).toEqual([['disk2', 'scheduled']]);
    expect(b.backups.schedule()).toMatchObject({ lastRunAt: clock.toISOString(), lastError: expect.stringContaining('failed: usb') });
    expect(backupHealth(b.backups, clock)).toMatchObject({ state: 'warn', detail: expect.stringContaining('the scheduled backup of 2025-05-03T09:00:00.000Z failed') });
    const audit = new AuditLog(b.t.db).recent(5).find((e) => e.action === 'backup.run' && !e.success);
    expect(audit).toMatchObject({ actor: 'scheduler', origin: 'schedule', target: expect.stringContaining('failed: usb') });

    fs.rmdirSync(usb); // plugged in again
    fs.renameSync(`${usb}-unplugged`, usb);
    await b.backups.runScheduled(jobs);
    expect(b.backups.schedule().lastError).toBeNull();
    expect(backupHealth(b.backups, clock).state).toBe('ok');
    expect(b.backups.list().filter((r) => r.target === 'usb')).toHaveLength(1);
  });

  it('a backup run naming no target with only one target reports that target’s own error', async () => {
    b = openTempBackups();
    fs.rmSync(b.targetDir, { recursive: true });
    const error = await b.t.run((job) => b!.backups.run(undefined, 'manual', job)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/^backup target "disk2": .* is missing/) });
  });
});
