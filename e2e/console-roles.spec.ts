import { expect, signInWithToken, test } from './support/fixtures.js';

test.describe('headless console: roles', () => {
  test('a supervisor is refused the admin-only accounts list with a clear message', async ({ page, consoleServer }) => {
    const sue = await consoleServer.addUser('sue', 'supervisor');
    await signInWithToken(page, consoleServer, sue.token, 'sue');
    await expect(page.getByTestId('header-user-role')).toHaveText('supervisor');

    await page.getByRole('link', { name: 'Settings' }).click();
    const refusal = page.getByTestId('accounts-error');
    await expect(refusal).toHaveAttribute('data-error-code', 'FORBIDDEN');
    await expect(refusal).toContainText('Your role (supervisor) may not do this:');
    // The server's own words say which procedure and which roles may call it.
    await expect(refusal).toContainText('users.list');
    await expect(page.getByTestId('add-account-form')).toHaveCount(0);
  });

  test('an admin adds an account, sees its token once, and the token signs in', async ({ page, consoleServer, playwright }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('account-row-admin')).toBeVisible();

    await page.getByLabel('Account name').fill('tina');
    await page.getByLabel('Role', { exact: true }).selectOption('supervisor');
    await page.getByRole('button', { name: 'Add account' }).click();

    const token = page.getByTestId('new-account-token');
    await expect(token).toHaveValue(/^vo_/);
    await expect(page.getByTestId('new-account-notice')).toContainText('shown only this once');
    await expect(page.getByTestId('account-row-tina')).toContainText('supervisor');

    const api = await playwright.request.newContext({ baseURL: consoleServer.url });
    const signIn = await api.post('/api/session', { data: { token: await token.inputValue() } });
    expect(signIn.status()).toBe(200);
    await api.dispose();
  });

  test('the accounts list follows changes made elsewhere, through the event stream', async ({ page, consoleServer, playwright }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    const stream = page.waitForResponse((response) => response.url().endsWith('/api/events'));
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('account-row-admin')).toBeVisible();
    expect((await stream).status()).toBe(200);

    // Another admin (a script with a bearer token) adds an account; this page did nothing.
    const script = await playwright.request.newContext({
      baseURL: consoleServer.url,
      extraHTTPHeaders: { authorization: `Bearer ${consoleServer.adminToken}` },
    });
    const added = await script.post('/api/rpc/users.add', { data: { name: 'remy', role: 'supervisor' } });
    expect(added.status()).toBe(200);
    await script.dispose();

    await expect(page.getByTestId('account-row-remy')).toBeVisible();
  });

  test('a name that could be a path is refused by the server, field named', async ({ page, consoleServer }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Account name').fill('../etc');
    await page.getByRole('button', { name: 'Add account' }).click();
    const error = page.getByTestId('add-account-error');
    await expect(error).toHaveAttribute('data-error-code', 'VALIDATION_FAILED');
    await expect(error).toContainText('The input was not accepted:');
    await expect(error).toContainText('Field: name');
  });
});
