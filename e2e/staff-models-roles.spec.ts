import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedGptSovitsVersion, seedStaff, signInAt, watchRateLimit } from './support/model-store.js';

test('a supervisor sees staff, versions and storage, but no control that changes a model', async ({ page, consoleServer }) => {
  await seedStaff(consoleServer, 'fay', 'Fay Kuo');
  await seedGptSovitsVersion(consoleServer, 'fay', '1.0.0', { quiet: true, sample: true });
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  await signInAt(page, consoleServer, sue.token, 'sue');

  const row = page.getByTestId('staff-row-fay');
  await expect(row.getByTestId('staff-name')).toHaveText('Fay Kuo');
  await expect(row.getByTestId('staff-active-version')).toHaveText('1.0.0');
  await expect(page.getByTestId('add-staff-open')).toHaveCount(0);

  await page.getByTestId('staff-open-fay').click();
  const version = page.getByTestId('version-row-1.0.0');
  await expect(version.getByTestId('version-active')).toBeVisible();
  await expect(version.getByTestId('version-sample')).toHaveText('sample');
  await expect(version.getByTestId('version-verify-state')).toHaveText('ok');
  // The lint warnings of the import can be read.
  await version.getByTestId('version-warnings-toggle').click();
  await expect(page.getByTestId('version-warnings-1.0.0')).toContainText('QUIET');
  await expect(page.getByTestId('version-warnings-1.0.0')).toContainText('NO_REFERENCE_TEXT');

  for (const testId of [
    'member-admin-actions',
    'line-import',
    'line-verify',
    'line-rollback',
    'line-follow-latest',
    'version-promote',
    'version-export',
    'version-delete',
  ]) {
    await expect(page.getByTestId(testId), testId).toHaveCount(0);
  }
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  // Reading the audit trail changes nothing, so supervisors may.
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByRole('dialog').getByTestId('audit-table')).toContainText('models.import');
  await page.keyboard.press('Escape');

  await page.getByTestId('models-tab-shared').click();
  await expect(page.getByTestId('line-panel-emotion-basic')).toBeVisible();
  await expect(page.getByTestId('pretrained-import')).toHaveCount(0);
  await expect(page.getByTestId('line-import')).toHaveCount(0);

  await page.getByTestId('models-tab-storage').click();
  await expect(page.getByTestId('storage-staff-fay')).toBeVisible();
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
});
