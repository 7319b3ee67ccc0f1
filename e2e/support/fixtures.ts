import { test as base, expect, type Page } from '@playwright/test';
import { startConsoleServer, type ConsoleServer } from './console-server.js';

/**
 * A fresh headless console per test: its own data folder, its own admin token, and its own
 * rate-limit budget (20 burst, 100/min per client), so no test can starve another.
 */
export const test = base.extend<{ consoleServer: ConsoleServer }>({
  // Playwright reads the fixture's dependencies from this destructuring; it has none.
  // eslint-disable-next-line no-empty-pattern
  consoleServer: async ({}, use) => {
    const server = await startConsoleServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
});

export { expect };

/** Signs in through the form, as a person would, and waits for the console to show the user. */
export async function signInWithToken(page: Page, server: ConsoleServer, token: string, userName: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
}
