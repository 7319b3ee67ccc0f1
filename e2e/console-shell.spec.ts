import { expect, signInWithToken, test } from './support/fixtures.js';

test.describe('headless console: app shell', () => {
  test('the navigation reaches every screen, each built (no "coming with" cards are left)', async ({ page, consoleServer }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link')).toHaveText(['Setup', 'Dashboard', 'Staff & Models', 'Voice Preview', 'Backups', 'Settings']);

    // Setup is built (issue #7): the wizard instead of a "coming with" card.
    const setup = nav.getByRole('link', { name: 'Setup', exact: true });
    await setup.click();
    await expect(setup).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'Setup' })).toBeFocused();
    await expect(page.getByTestId('setup-wizard')).toBeVisible();
    await expect(page.getByTestId('planned-feature')).toHaveCount(0);
    // Staff & Models is built (issue #3): its sections instead of a "coming with" card.
    const staffModels = nav.getByRole('link', { name: 'Staff & Models', exact: true });
    await staffModels.click();
    await expect(staffModels).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff & Models' })).toBeFocused();
    await expect(page.getByTestId('models-tab-staff')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('planned-feature')).toHaveCount(0);
    // Dashboard is built (issue #7): live metrics instead of a "coming with" card.
    const dashboard = nav.getByRole('link', { name: 'Dashboard', exact: true });
    await dashboard.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
    await expect(page.getByTestId('metrics-panel')).toBeVisible();
    await expect(page.getByTestId('planned-feature')).toHaveCount(0);
    // Backups is built (issue #6): its cards instead of a "coming with" card.
    const backups = nav.getByRole('link', { name: 'Backups', exact: true });
    await backups.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeFocused();
    await expect(page.getByTestId('backup-schedule')).toBeVisible();
    await expect(page.getByTestId('planned-feature')).toHaveCount(0);
    await staffModels.click();
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Setup' })).not.toHaveAttribute('aria-current', 'page');
  });

  test('the keyboard reaches the skip link first, and it jumps to the content', async ({ page, consoleServer }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await page.reload();
    await expect(page.getByTestId('status-schema-version')).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    expect(new URL(page.url()).hash).not.toBe('#main-content');
  });

  test('the layout fits 1280x800 without sideways scrolling', async ({ page, consoleServer }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await expect(page.getByTestId('status-schema-version')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('dashboard-1280x800.png') });
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('accounts-table')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('settings-1280x800.png'), fullPage: true });
  });
});
