import { expect, test } from './support/fixtures.js';
import { signInAtBackups, SIZE } from './support/backups.js';
import { cli, seedPiperVersion, seedStaff, tempDir, watchRateLimit } from './support/model-store.js';

test('a supervisor sees targets, schedule and backups, but no control that changes anything', async ({ page, consoleServer }) => {
  await seedStaff(consoleServer, 'cy', 'Cy Wu');
  await seedPiperVersion(consoleServer, 'cy', '1.0.0');
  await cli(consoleServer, ['backup', 'target', 'add', 'nas', await tempDir('backup-target')]);
  await cli(consoleServer, ['backup', 'run']);
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  await signInAtBackups(page, consoleServer, sue.token, 'sue');

  await expect(page.getByTestId('target-row-nas').getByTestId('target-free')).toHaveText(SIZE);
  await expect(page.getByTestId('schedule-next')).not.toBeEmpty();
  const row = page.locator('[data-testid^="backup-row-"]');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('backup-size')).toHaveText(SIZE);

  for (const testId of [
    'add-target-open',
    'target-remove',
    'schedule-edit',
    'backup-now',
    'backup-now-start',
    'backup-verify',
    'backup-drill',
    'backup-restore',
    'prune-open',
    'repair-open',
  ]) {
    await expect(page.getByTestId(testId), testId).toHaveCount(0);
  }
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);

  // Reading what a backup holds changes nothing, so supervisors may.
  await row.getByTestId('backup-contents').click();
  await expect(page.getByTestId('contents-lines')).toContainText('voice/cy');
  await expect(page.getByTestId('contents-staff')).toContainText('Cy Wu');
  await page.keyboard.press('Escape');
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(10);
});
