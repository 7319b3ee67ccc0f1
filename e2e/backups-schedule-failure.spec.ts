import fs from 'node:fs/promises';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from './support/fixtures.js';
import { signInAtBackups } from './support/backups.js';
import { startConsoleServer } from './support/console-server.js';
import { cli, RATE_FLOOR, seedPiperVersion, seedStaff, tempDir, watchRateLimit } from './support/model-store.js';

test('a scheduled backup that fails with nobody watching stays on the schedule card and in the health check', async ({ page }) => {
  test.setTimeout(60_000); // two console starts and a scheduled run
  // A due backup runs as soon as the console starts (the catch-up), not 30 s later.
  const server = await startConsoleServer([], { VOICEOPS_CATCH_UP_DELAY_MS: '0' });
  try {
    await seedStaff(server, 'eve', 'Eve Lu');
    await seedPiperVersion(server, 'eve', '1.0.0');
    const folder = await tempDir('backup-target');
    await cli(server, ['backup', 'target', 'add', 'usb', folder]);
    await cli(server, ['backup', 'schedule', '--every', '24h']);
    // The USB disk is unplugged (its files are gone from the mount point), and a day passes
    // with the console stopped: the schedule's start is moved back 25 hours, nothing else.
    await fs.rename(path.join(folder, 'voiceops-backup'), path.join(await tempDir('unplugged'), 'voiceops-backup'));
    const db = new BetterSqlite3(path.join(server.dataDir, 'voiceops.db'));
    try {
      db.prepare('UPDATE backup_schedule SET anchor_at = ?').run(new Date(Date.now() - 25 * 3600_000).toISOString());
    } finally {
      db.close();
    }
    await server.restart();

    // The catch-up ran and failed: the health check says so (polled through the CLI, not the browser).
    await expect
      .poll(async () => (await cli<{ checks: Array<{ name: string; state: string; detail: string }> }>(server, ['health'])).checks.find((c) => c.name === 'backups'), {
        timeout: 20_000,
      })
      .toMatchObject({ state: 'warn', detail: expect.stringContaining('is the disk or share mounted?') });
    expect(await fs.readdir(folder)).toEqual([]); // nothing was written onto the empty mount point

    const rate = watchRateLimit(page);
    await signInAtBackups(page, server, server.adminToken, 'admin');
    const failure = page.getByTestId('schedule-last-error');
    await expect(failure).toContainText(/^The scheduled run of .+ failed:/);
    await expect(failure).toContainText('backup target "usb"');
    await expect(failure).toContainText('is the disk or share mounted?');
    await expect(page.getByTestId('backups-empty')).toBeVisible();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('health-backups')).toHaveAttribute('data-state', 'warn');
    await expect(page.getByTestId('health-backups')).toContainText('the scheduled backup of');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  } finally {
    await server.stop();
  }
});
