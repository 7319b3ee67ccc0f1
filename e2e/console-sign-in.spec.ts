import { expect, signInWithToken, test } from './support/fixtures.js';

test.describe('headless console: signing in', () => {
  test('an admin signs in and sees the live system status', async ({ page, consoleServer }) => {
    await page.goto(consoleServer.url);
    await expect(page.getByRole('heading', { name: 'Sign in to VoiceOps Admin' })).toBeVisible();
    const tokenField = page.getByLabel('Sign-in token');
    await expect(tokenField).toHaveAttribute('type', 'password');

    await tokenField.fill(consoleServer.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page.getByTestId('header-user-name')).toHaveText('admin');
    await expect(page.getByTestId('header-user-role')).toHaveText('admin');
    await expect(page.getByTestId('product-name')).toHaveText('VoiceOps Admin');

    // The panel shows what the server reads live: it must agree with the command line.
    const cli = await consoleServer.cliStatus();
    await expect(page.getByTestId('status-schema-version')).toHaveText(String(cli.database.schemaVersion));
    await expect(page.getByTestId('status-latest-schema-version')).toHaveText(String(cli.database.latestSchemaVersion));
    await expect(page.getByTestId('status-data-dir')).toHaveText(cli.dataDir);
    await expect(page.getByTestId('status-database-path')).toHaveText(cli.database.path);
    await expect(page.getByTestId('status-journal-mode')).toHaveText(cli.database.journalMode);
    await expect(page.getByTestId('status-front-door')).toHaveAttribute('data-door', 'headless');
    await expect(page.getByTestId('status-engine-backend-cpu')).toBeVisible();
  });

  test('a wrong token is refused with a clear message', async ({ page, consoleServer }) => {
    await page.goto(consoleServer.url);
    await page.getByLabel('Sign-in token').fill('vo_this-is-not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const error = page.getByTestId('sign-in-error');
    await expect(error).toContainText('This sign-in token was not accepted');
    await expect(error).toHaveAttribute('data-error-code', 'UNAUTHENTICATED');
    await expect(page.getByLabel('Sign-in token')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('header-user-name')).toHaveCount(0);
  });

  test('an empty token is caught before it is sent', async ({ page, consoleServer }) => {
    await page.goto(consoleServer.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('sign-in-error')).toHaveText('Paste your sign-in token first.');
  });

  test('signing out returns to the sign-in form, also after a reload', async ({ page, consoleServer }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Sign-in token')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Sign-in token')).toBeVisible();
  });
});
