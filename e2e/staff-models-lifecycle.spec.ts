import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedPiperVersion, seedStaff, signInAt, watchRateLimit } from './support/model-store.js';

test.describe('Staff & Models: promoting, rolling back and deleting versions', () => {
  test.beforeEach(async ({ consoleServer }) => {
    await seedStaff(consoleServer, 'cleo', 'Cleo Wu');
    await seedPiperVersion(consoleServer, 'cleo', '1.0.0', 1);
    await seedPiperVersion(consoleServer, 'cleo', '1.1.0', 2);
  });

  test('promote pins an older version, follow latest and roll back move the active marker, delete asks first', async ({ page, consoleServer }) => {
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/cleo');
    const v100 = page.getByTestId('version-row-1.0.0');
    const v110 = page.getByTestId('version-row-1.1.0');
    const lineState = page.getByTestId('line-state');
    await expect(v110).toHaveAttribute('data-active', 'true');
    await expect(lineState).toContainText('active 1.1.0, following the latest version');
    await expect(page.getByRole('button', { name: 'Follow latest', exact: true })).toBeDisabled();

    // Promote 1.0.0 back: it becomes active and pinned.
    await v100.getByRole('button', { name: 'Promote' }).click();
    await expect(v100).toHaveAttribute('data-active', 'true');
    await expect(v100.getByTestId('version-pinned')).toHaveText('pinned');
    await expect(v110).toHaveAttribute('data-active', 'false');
    await expect(lineState).toContainText('active 1.0.0, pinned');
    // The pinned version cannot be deleted; the button says why.
    const pinnedDelete = v100.getByTestId('version-delete');
    await expect(pinnedDelete).toHaveAttribute('aria-disabled', 'true');
    await expect(pinnedDelete).toHaveAttribute('title', /pinned version cannot be deleted/);
    // It stays focusable (aria-disabled, so the reason can be read), but does nothing.
    await pinnedDelete.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Follow latest: 1.1.0 is active again, nothing pinned.
    await page.getByRole('button', { name: 'Follow latest', exact: true }).click();
    await expect(v110).toHaveAttribute('data-active', 'true');
    await expect(page.getByTestId('version-pinned')).toHaveCount(0);
    await expect(lineState).toContainText('active 1.1.0, following the latest version');

    // Roll back: the healthy version below the active one, pinned.
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    await expect(v100).toHaveAttribute('data-active', 'true');
    await expect(v100).toHaveAttribute('data-pinned', 'true');
    await page.getByRole('button', { name: 'Follow latest', exact: true }).click();
    await expect(v110).toHaveAttribute('data-active', 'true');

    // Delete the non-active version, after confirming.
    await v100.getByRole('button', { name: /^Delete/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete version 1.0.0?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(v100.getByRole('button', { name: /^Delete/ })).toBeFocused();
    await v100.getByRole('button', { name: /^Delete/ }).click();
    await confirm.getByRole('button', { name: 'Delete 1.0.0' }).click();
    await expect(v100).toHaveCount(0);
    await expect(page.getByTestId('member-active-version')).toHaveText('1.1.0');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('verify, export and the audit trail of a line', async ({ page, consoleServer }) => {
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/cleo');
    await expect(page.getByTestId('version-row-1.1.0')).toHaveAttribute('data-active', 'true');

    await page.getByRole('button', { name: 'Verify' }).click();
    const verified = page.getByTestId('verify-result');
    await expect(verified).toContainText('Every file is intact.');
    await expect(verified).toHaveAttribute('data-problems', '0');
    await expect(page.getByTestId('version-row-1.1.0').getByTestId('version-verify-state')).toHaveText('ok');
    await expect(page.getByTestId('version-row-1.1.0')).toContainText('checked');

    await page.getByTestId('version-row-1.1.0').getByRole('button', { name: 'Export' }).click();
    const exported = page.getByTestId('export-result');
    await expect(exported).toContainText('Bundle written for version 1.1.0');
    const file = (await page.getByTestId('export-file').textContent()) ?? '';
    expect(path.dirname(file)).toBe(path.join(consoleServer.dataDir, 'exports'));
    expect((await fs.stat(file)).size).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Audit trail' }).click();
    const audit = page.getByRole('dialog', { name: 'Audit trail of voice/cleo' });
    await expect(audit.getByTestId('audit-row').first()).toContainText('models.export');
    await expect(audit.getByTestId('audit-table')).toContainText('models.verify');
    await expect(audit.getByTestId('audit-table')).toContainText('models.import');
    await page.keyboard.press('Escape');
    await expect(audit).toHaveCount(0);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('rename, retire and purge a staff member (purge needs the code typed again)', async ({ page, consoleServer }) => {
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/cleo');
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename cleo' });
    await rename.getByLabel('Display name').fill('Cleo Wu-Chang');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByTestId('member-name')).toContainText('Cleo Wu-Chang');

    await expect(page.getByRole('button', { name: 'Purge…' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('dialog', { name: /Retire/ }).getByRole('button', { name: 'Retire' }).click();
    await expect(page.getByTestId('member-retired')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import version' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Purge…' }).click();
    const purge = page.getByRole('dialog', { name: /Purge/ });
    const submit = purge.getByRole('button', { name: 'Purge staff member' });
    await expect(purge).toContainText('2 voice versions');
    await purge.getByLabel('Type the staff code “cleo” to confirm').fill('cle');
    await expect(submit).toBeDisabled();
    await purge.getByLabel('Type the staff code “cleo” to confirm').fill('cleo');
    await submit.click();
    await expect(page.getByTestId('staff-list')).toBeVisible();
    await page.getByTestId('staff-show-retired').check();
    await expect(page.getByTestId('staff-row-cleo')).toHaveCount(0);
    // Three mutations, each refreshing two lists (twice when a job of another client ends
    // meanwhile), after a page load that also reads the alert banner: the burst must not run dry.
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(2);
  });
});
