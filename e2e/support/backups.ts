import { expect, type Locator, type Page } from '@playwright/test';
import type { ConsoleServer } from './console-server.js';
import { cli, seedPiperVersion, seedStaff, tempDir, type DataFolder } from './model-store.js';

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

/** Opens the Add target dialog, fills in a name and a folder and submits; returns the dialog for what the test expects next. */
export async function submitAddTarget(page: Page, name: string, folder: string): Promise<Locator> {
  await page.getByTestId('add-target-open').click();
  const add = page.getByRole('dialog');
  await add.getByTestId('add-target-name').fill(name);
  await add.getByTestId('add-target-folder').fill(folder);
  await add.getByTestId('add-target-submit').click();
  return add;
}

/**
 * Through the CLI (no rate-limit budget spent): a staff member with one voice version, a new
 * target folder added under `target`, and one backup to it.
 */
export async function seedBackedUpVoice(at: DataFolder, code: string, name: string, target: string): Promise<{ folder: string; backupId: string }> {
  await seedStaff(at, code, name);
  await seedPiperVersion(at, code, '1.0.0');
  const folder = await tempDir('backup-target');
  await cli(at, ['backup', 'target', 'add', target, folder]);
  const [backup] = await cli<Array<{ id: string }>>(at, ['backup', 'run']);
  return { folder, backupId: backup!.id };
}
