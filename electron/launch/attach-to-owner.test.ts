/**
 * The desktop window's attach-or-own decision, against a real `voiceops serve` child process
 * on a temporary data folder (Electron itself cannot run here; this is its client logic).
 */
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress, SessionInfo, Status } from '../api/index.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { startServeProcess } from '../test-support/serve-process.js';
import { readOwner } from '../services/ownership/ownership-lock.js';
import { decideLaunch } from './attach-to-owner.js';
import { quitMessage, traySummary } from './tray-summary.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function folder(): string {
  const temp = makeTempDir('voiceops-attach-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

describe('the window attaches to a live owner, or owns the folder itself', { timeout: 90_000 }, () => {
  it('attaches to a running service: calls act as the desktop admin, are not rate limited, and its job events arrive', async () => {
    const dir = folder();
    const service = startServeProcess(dir, ['--service']);
    cleanups.push(() => service.kill9());
    const url = await service.listening;

    const decision = await decideLaunch(dir);
    if (decision.mode !== 'attach') throw new Error(`expected attach, got ${decision.mode}`);
    expect(decision.asService).toBe(true);
    expect(decision.connection.owner.pid).toBe(service.child.pid);
    expect(decision.connection.url).toBe(url);

    const status = await decision.connection.call('status.get', {});
    expect(status.ok).toBe(true);
    // The field the renderer's "running as a service" badge reads.
    expect((status as { value: Status }).value.ownership).toMatchObject({ ownedBy: 'service', owner: { kind: 'service', pid: service.child.pid } });
    const whoami = await decision.connection.call('session.whoami', {});
    expect((whoami as { value: SessionInfo }).value).toEqual({ user: { name: `desktop:${os.userInfo().username}`, role: 'admin' }, expiresAt: null, frontDoor: 'desktop' });

    // A browser gets 20 calls in a burst; the local client is never throttled.
    const answers = await Promise.all(Array.from({ length: 40 }, () => decision.connection.call('staff.list', {})));
    expect(answers.filter((a) => !a.ok)).toEqual([]);

    // Events of a job it starts come through the owner's event stream.
    const seen: JobProgress[] = [];
    const close = await decision.connection.subscribe((event) => {
      if (event.name === 'job.progress') seen.push(event.payload as JobProgress);
    });
    const verified = await decision.connection.call('models.verify', {}, { jobId: 'window-verify-1' });
    expect(verified.ok).toBe(true);
    const deadline = Date.now() + 10_000;
    while (!seen.some((p) => p.jobId === 'window-verify-1' && p.state === 'succeeded') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    close();
    expect(seen.filter((p) => p.jobId === 'window-verify-1').map((p) => p.state)).toContain('succeeded');
    expect(seen.find((p) => p.jobId === 'window-verify-1')?.startedBy).toBe(`desktop:${os.userInfo().username}`);
  });

  it('a wrong local credential is refused like no credential', async () => {
    const dir = folder();
    const owner = startServeProcess(dir);
    cleanups.push(() => owner.kill9());
    const url = await owner.listening;
    const response = await fetch(new URL('api/rpc/status.get', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer vo_local_not-the-secret' },
      body: '{}',
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('owns the folder when nobody does (after the console stopped), and says what Quit stops', async () => {
    const dir = folder();
    const owner = startServeProcess(dir);
    cleanups.push(() => owner.kill9());
    await owner.listening;
    await owner.stop();

    const decision = await decideLaunch(dir);
    if (decision.mode !== 'own') throw new Error(`expected own, got ${decision.mode}`);
    cleanups.push(() => decision.claim.release());
    expect(readOwner(dir)).toMatchObject({ state: 'alive', owner: { kind: 'desktop', pid: process.pid } });
    expect(quitMessage(true)).toContain('stops the backup schedule');
    expect(quitMessage(false)).toContain('keeps running');
  });

  it('the tray shows the last backup and a failed backup newer than it as the active alert', () => {
    const job = (state: JobProgress['state'], finishedAt: string, message: string | null): JobProgress => ({
      jobId: finishedAt, procedure: 'backup.run', startedBy: 'scheduler', state, phase: 'done', done: 0, total: null, unit: 'bytes',
      rate: null, etaSeconds: null, startedAt: finishedAt, finishedAt, error: message ? { code: 'DISK_FULL', message } : null,
    });
    const backups = [{ createdAt: '2026-11-25T02:00:00.000Z', target: 'nas' }, { createdAt: '2026-11-26T02:00:00.000Z', target: 'nas' }];
    expect(traySummary([], [])).toEqual({ lastBackup: 'Last backup: none yet', alert: null });
    expect(traySummary(backups, [job('failed', '2026-11-25T03:00:00.000Z', 'old')])).toEqual({ lastBackup: 'Last backup: 2026-11-26 02:00 UTC to nas', alert: null });
    expect(traySummary(backups, [job('failed', '2026-11-27T02:00:00.000Z', 'target nas is full')]).alert).toBe('Alert: a backup failed: target nas is full');
    expect(traySummary(backups, [], 'zh-TW').lastBackup).toBe('上次備份：2026-11-26 02:00 UTC，備份至 nas');
    // An active metrics alert comes first, the critical one before a warning.
    const active = [
      { level: 'warning' as const, metric: 'memory.percent' as const, value: 88.24, threshold: 85 },
      { level: 'critical' as const, metric: 'cpu.percent' as const, value: 97.5, threshold: 95 },
    ];
    expect(traySummary(backups, [job('failed', '2026-11-27T02:00:00.000Z', 'full')], 'en', active).alert).toBe('Alert (critical): cpu.percent is 97.5, threshold 95');
    expect(traySummary(backups, [], 'zh-TW', active.slice(0, 1)).alert).toBe('警示（警告）：memory.percent 為 88.2，門檻 85');
  });
});
