import { expect, type Page } from '@playwright/test';
import type { ConsoleServer } from './console-server.js';

/**
 * Signs in with the console opened straight on the Backups screen: the sign-in keeps the hash,
 * so the dashboard's own queries are never spent against the rate limit.
 */
export async function signInAtBackups(page: Page, server: ConsoleServer, token: string, userName: string): Promise<void> {
  await page.goto(`${server.url}#/backups`);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
}

/** A size as formatBytes prints it in English ("12.3 kB"). */
export const SIZE = /^\d[\d,.]* (B|kB|MB|GB)$/;
