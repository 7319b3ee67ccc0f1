import { expect, test } from './support/fixtures.js';
import { seedBackedUpVoice, signInAtBackups, SIZE, submitAddTarget } from './support/backups.js';
import { seedPiperVersion, seedStaff, tempDir, watchRateLimit } from './support/model-store.js';

test('an admin adds a target, backs up now, runs a drill and previews a restore', async ({ page, consoleServer }) => {
  await seedStaff(consoleServer, 'amy', 'Amy Lin');
  await seedPiperVersion(consoleServer, 'amy', '1.0.0');
  const folder = await tempDir('backup-target');
  const rate = watchRateLimit(page);
  await signInAtBackups(page, consoleServer, consoleServer.adminToken, 'admin');

  await expect(page.getByTestId('targets-empty')).toBeVisible();
  await expect(page.getByTestId('backups-empty')).toBeVisible();
  await expect(page.getByTestId('schedule-rule')).toHaveText('Every 24 hours');
  await expect(page.getByTestId('schedule-next')).not.toBeEmpty();

  // Add a target: the dialog shows the server's write and free-space check.
  const add = await submitAddTarget(page, 'nas', folder);
  await expect(add.getByTestId('add-target-result')).toContainText('The folder is writable.');
  await expect(add.getByTestId('add-target-result')).toContainText(/free\./);
  await add.getByTestId('add-target-done').click();
  const target = page.getByTestId('target-row-nas');
  await expect(target.getByTestId('target-path')).toContainText('voiceops-e2e-backup-target');
  await expect(target.getByTestId('target-free')).toHaveText(SIZE);

  // A folder inside the data folder is refused from a browser, with the server's reason.
  await submitAddTarget(page, 'inside', consoleServer.dataDir);
  await expect(add.getByTestId('add-target-error')).toContainText('outside the data folder');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Back up now to the chosen target.
  await page.getByTestId('backup-now-target').selectOption('nas');
  await page.getByTestId('backup-now-start').click();
  await expect(page.getByTestId('backup-now-result')).toContainText('Backed up to nas.');
  const row = page.locator('[data-testid^="backup-row-"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('backup-target')).toHaveText('nas');
  await expect(row.getByTestId('backup-size')).toHaveText(SIZE);
  await expect(row.getByTestId('backup-new')).toContainText('new');
  await expect(row.getByTestId('backup-versions')).toHaveText('1 version');
  await expect(row.getByTestId('backup-drill-state')).toHaveAttribute('data-state', 'never');
  await expect(target.getByTestId('target-count')).toHaveText('1 backup');

  // A restore drill: restored into a scratch folder and checked; the row shows it too.
  await row.getByTestId('backup-drill').click();
  const drill = page.getByTestId('drill-dialog');
  await drill.getByTestId('drill-start').click();
  await expect(drill.getByTestId('check-result')).toHaveAttribute('data-ok', 'true');
  await expect(drill.getByTestId('check-result')).toContainText('Drill passed');
  await page.keyboard.press('Escape');
  await expect(row.getByTestId('backup-drill-state')).toHaveAttribute('data-state', 'ok');

  // After a new version, a dry-run restore of the staff member lists its removal; nothing changes.
  await seedPiperVersion(consoleServer, 'amy', '1.1.0', 2);
  await row.getByTestId('backup-restore').click();
  const restore = page.getByTestId('restore-dialog');
  await restore.getByTestId('restore-scope-staff').check();
  await expect(restore.getByTestId('restore-staff')).toHaveValue('amy');
  await restore.getByTestId('restore-preview').click();
  const change = restore.getByTestId('restore-change');
  await expect(change).toHaveCount(1);
  await expect(change).toContainText('voice/amy@1.1.0');
  await expect(change).toHaveAttribute('data-change', 'remove');
  await expect(restore.getByTestId('restore-confirm-text')).toContainText('This replaces staff member Amy Lin (amy) and their voice line.');
  await expect(restore.getByTestId('restore-confirm')).toBeDisabled();
  await restore.getByTestId('restore-understood').check();
  await expect(restore.getByTestId('restore-confirm')).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(row).toHaveCount(1);

  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(3);
});

test('an admin restores one model line and the schedule shows the next run', async ({ page, consoleServer }) => {
  test.setTimeout(60_000); // a backup, a restore with its snapshot, a delete and a verify
  await seedBackedUpVoice(consoleServer, 'bo', 'Bo Chen', 'usb');
  const { cli } = await import('./support/model-store.js');
  await seedPiperVersion(consoleServer, 'bo', '1.1.0', 2);
  const rate = watchRateLimit(page);
  await signInAtBackups(page, consoleServer, consoleServer.adminToken, 'admin');

  // Every 12 hours, then a cron expression in a time zone.
  await page.getByTestId('schedule-edit').click();
  const schedule = page.getByTestId('schedule-dialog');
  await schedule.getByTestId('schedule-hours').fill('12');
  await schedule.getByTestId('schedule-save').click();
  await expect(page.getByTestId('schedule-rule')).toHaveText('Every 12 hours');
  await page.getByTestId('schedule-edit').click();
  await schedule.getByTestId('schedule-mode-cron').check();
  await schedule.getByTestId('schedule-cron').fill('30 1 * * *');
  await schedule.getByTestId('schedule-timezone').fill('Asia/Taipei');
  await schedule.getByTestId('schedule-save').click();
  await expect(page.getByTestId('schedule-rule')).toHaveText('Cron 30 1 * * *');
  await expect(page.getByTestId('schedule-next')).toContainText(/01:30 (AM )?GMT\+8/);

  const row = page.locator('[data-testid^="backup-row-"]');
  await row.getByTestId('backup-restore').click();
  const restore = page.getByTestId('restore-dialog');
  await restore.getByTestId('restore-scope-line').check();
  await expect(restore.getByTestId('restore-line')).toHaveValue('voice/bo');
  await restore.getByTestId('restore-preview').click();
  await expect(restore.getByTestId('restore-change')).toContainText('voice/bo@1.1.0');
  await restore.getByTestId('restore-understood').check();
  await restore.getByTestId('restore-confirm').click();
  await expect(restore.getByTestId('restore-result')).toContainText('Restored the model line voice/bo.');
  await expect(restore.getByTestId('restore-result')).toContainText('kept as backup');
  await restore.getByRole('button', { name: 'Close', exact: true }).first().click();
  // The pre-restore snapshot is listed as a backup of its own.
  await expect(page.locator('[data-testid^="backup-row-"][data-kind="pre-restore"]')).toHaveCount(1);
  const versions = await cli<Array<{ line: string; versions: unknown[] }>>(consoleServer, ['models', 'list']);
  expect(versions.find((line) => line.line === 'voice/bo')?.versions, JSON.stringify(versions)).toHaveLength(1);

  // Deleting the snapshot asks first, says what it means, and leaves the other backup complete.
  const snapshot = page.locator('[data-testid^="backup-row-"][data-kind="pre-restore"]');
  await snapshot.getByTestId('backup-delete').click();
  const remove = page.getByTestId('delete-backup-dialog');
  await expect(remove.getByTestId('delete-backup-snapshot-note')).toBeVisible();
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(snapshot).toHaveCount(1);
  await snapshot.getByTestId('backup-delete').click();
  await remove.getByTestId('delete-backup-confirm').click();
  await expect(remove.getByTestId('delete-backup-result')).toContainText('1 backup(s) remain on this target');
  await page.keyboard.press('Escape');
  await expect(snapshot).toHaveCount(0);
  await expect(row).toHaveCount(1);
  const [left] = await cli<Array<{ id: string }>>(consoleServer, ['backup', 'list']);
  expect((await cli<{ ok: boolean }>(consoleServer, ['backup', 'verify', left!.id])).ok).toBe(true);

  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(3);
});

test('removing a target keeps its backups on disk; adding the folder again lists them again', async ({ page, consoleServer }) => {
  const { folder, backupId } = await seedBackedUpVoice(consoleServer, 'cy', 'Cy Wu', 'usb');
  const rate = watchRateLimit(page);
  await signInAtBackups(page, consoleServer, consoleServer.adminToken, 'admin');
  await expect(page.getByTestId(`backup-row-${backupId}`)).toBeVisible();

  await page.getByTestId('target-row-usb').getByTestId('target-remove').click();
  await expect(page.getByTestId('remove-target-dialog')).toContainText('adding the folder again lists it again');
  await page.getByTestId('remove-target-confirm').click();
  await expect(page.getByTestId('targets-empty')).toBeVisible();
  await expect(page.getByTestId('backups-empty')).toBeVisible();

  const add = await submitAddTarget(page, 'usb', folder);
  await expect(add.getByTestId('add-target-adopted')).toHaveText('The folder holds 1 backup already: it is listed on the Backups screen now and can be restored.');
  await add.getByTestId('add-target-done').click();
  await expect(page.getByTestId(`backup-row-${backupId}`).getByTestId('backup-target')).toHaveText('usb');
  await expect(page.getByTestId('target-row-usb').getByTestId('target-count')).toHaveText('1 backup');

  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(3);
});

test('a replacement workstation adds the lost one’s target folder and restores everything from it', async ({ page, consoleServer }) => {
  test.setTimeout(60_000); // a backup on the lost installation, then a restore with its snapshot
  // The lost workstation: its own data folder, one voice, one backup to the NAS folder.
  const lost = { dataDir: await tempDir('lost-data') };
  const { folder, backupId } = await seedBackedUpVoice(lost, 'dee', 'Dee Ho', 'nas');
  const { cli } = await import('./support/model-store.js');

  const rate = watchRateLimit(page);
  await signInAtBackups(page, consoleServer, consoleServer.adminToken, 'admin');
  const add = await submitAddTarget(page, 'nas', folder);
  await expect(add.getByTestId('add-target-adopted')).toContainText('The folder holds 1 backup already');
  await add.getByTestId('add-target-done').click();

  const row = page.getByTestId(`backup-row-${backupId}`);
  await row.getByTestId('backup-restore').click();
  const restore = page.getByTestId('restore-dialog');
  await expect(restore.getByTestId('restore-scope-whole')).toBeChecked();
  await restore.getByTestId('restore-preview').click();
  await expect(restore.getByTestId('restore-change').filter({ hasText: 'voice/dee@1.0.0' })).toHaveAttribute('data-change', 'add');
  await restore.getByTestId('restore-understood').check();
  await restore.getByTestId('restore-confirm').click();
  await expect(restore.getByTestId('restore-result')).toContainText('Restored all staff, model lines, versions and settings.');

  const lines = await cli<Array<{ line: string; versions: unknown[] }>>(consoleServer, ['models', 'list']);
  expect(lines.find((l) => l.line === 'voice/dee')?.versions, JSON.stringify(lines)).toHaveLength(1);
  expect((await cli<{ problems: unknown[] }>(consoleServer, ['models', 'verify'])).problems).toEqual([]);
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(3);
});
