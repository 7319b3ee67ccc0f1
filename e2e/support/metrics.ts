import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT, type ConsoleServer } from './console-server.js';

const run = promisify(execFile);

/** `voiceops <args> --data-dir <server's folder> --json` while the console runs. */
export async function metricsCli<T>(server: ConsoleServer, args: string[], timeoutMs = 15_000): Promise<T> {
  const { stdout } = await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'voiceops.js'), ...args, '--data-dir', server.dataDir, '--json'], {
    cwd: REPO_ROOT,
    timeout: timeoutMs,
  });
  return JSON.parse(stdout) as T;
}

/** Signs in with the console opened straight on the Dashboard (the sign-in keeps the hash). */
export async function signInAtDashboard(page: Page, server: ConsoleServer, token: string, userName: string): Promise<void> {
  await page.goto(`${server.url}#/dashboard`);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}
