import { afterEach, describe, expect, it } from 'vitest';
import { openTempBackups, type TempBackups } from '../../test-support/temp-backups.js';
import { EventBus } from '../../core/event-bus.js';
import { JobRegistry } from '../../core/jobs.js';
import { isDue, nextRunAt } from './backup-schedule.js';

let b: TempBackups | undefined;
afterEach(() => b?.cleanup());

describe('backup schedule', () => {
  it('defaults to every 24 h in Asia/Taipei; cron expressions go through croner with a time zone', () => {
    const base = { everyHours: null, anchorAt: '2025-05-01T00:00:00Z', lastRunAt: null, lastError: null } as const;
    // 02:00 in Taipei (UTC+8) is 18:00 UTC of the day before.
    expect(nextRunAt({ ...base, mode: 'cron', cron: '0 2 * * *', timezone: 'Asia/Taipei' }).toISOString()).toBe('2025-05-01T18:00:00.000Z');
    expect(nextRunAt({ ...base, mode: 'every', everyHours: 6, cron: null, timezone: 'Asia/Taipei' }).toISOString()).toBe('2025-05-01T06:00:00.000Z');
    b = openTempBackups({ now: () => new Date('2025-05-01T00:00:00Z') });
    expect(b.backups.schedule()).toMatchObject({ mode: 'every', everyHours: 24, timezone: 'Asia/Taipei', nextRunAt: '2025-05-02T00:00:00.000Z' });
    expect(() => b!.backups.setSchedule({ cron: 'not a cron' })).toThrow(/cron/);
    expect(() => b!.backups.setSchedule({ timezone: 'Mars/Olympus' })).toThrow(/time zone/);
  });

  it('a backup that fell due while the app was closed runs soon after the next start (injected clock)', async () => {
    let clock = new Date('2025-05-01T00:00:00Z');
    b = openTempBackups({ now: () => clock });
    await b.importVoice('amy', '1.0.0');
    b.backups.setSchedule({ cron: '0 2 * * *', timezone: 'Asia/Taipei' }); // next: 2025-05-01T18:00Z
    const jobs = new JobRegistry(new EventBus(), () => clock.getTime());
    const first = b.backups.startSchedule(jobs, (e) => { throw e; }, { firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 });
    await first.tick();
    expect(b.backups.list()).toEqual([]); // not due yet
    first.stop();

    // The app is closed over the due time and opened two days later.
    clock = new Date('2025-05-03T09:00:00Z');
    b = b.reopen({ now: () => clock });
    expect(isDue(b.backups.scheduleRow(), clock)).toBe(true);
    const afterStart = b.backups.startSchedule(jobs, (e) => { throw e; }, { firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 });
    await afterStart.tick();
    afterStart.stop();
    const listed = b.backups.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ kind: 'scheduled', lastVerify: { ok: true } });
    // One catch-up run, not one per missed day; the next is the next 02:00 in Taipei.
    expect(b.backups.schedule().nextRunAt).toBe('2025-05-03T18:00:00.000Z');
    await afterStart.tick();
    expect(b.backups.list()).toHaveLength(1);
  });

  it('a process that no longer owns the data folder starts no scheduled backup, even when one is due', async () => {
    let clock = new Date('2025-05-03T09:00:00Z');
    b = openTempBackups({ now: () => clock });
    await b.importVoice('amy', '1.0.0');
    b.backups.setSchedule({ everyHours: 1 });
    const jobs = new JobRegistry(new EventBus(), () => clock.getTime());
    let owner = false;
    const schedule = b.backups.startSchedule(jobs, (e) => { throw e; }, { firstCheckMs: 3_600_000, checkEveryMs: 3_600_000 }, () => owner);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    expect(isDue(b.backups.scheduleRow(), clock)).toBe(true);
    await schedule.tick();
    expect(b.backups.list()).toEqual([]);
    // The same tick as the owner runs it: the guard, not the clock, held it back.
    owner = true;
    await schedule.tick();
    expect(b.backups.list()).toHaveLength(1);
    schedule.stop();
  });
});
