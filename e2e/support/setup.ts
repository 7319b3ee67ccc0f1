import { expect, type Page } from '@playwright/test';
import type { ConsoleServer } from './console-server.js';

/** Signs in with the console opened straight on the Setup screen (the sign-in keeps the hash). */
export async function signInAtSetup(page: Page, server: ConsoleServer, token: string, userName: string): Promise<void> {
  await page.goto(`${server.url}#/setup`);
  await page.getByLabel('Sign-in token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('header-user-name')).toHaveText(userName);
  await expect(page.getByRole('heading', { level: 1, name: 'Setup' })).toBeVisible();
}

/** The wizard's current step, as the server said it and as the screen shows it. */
export async function expectStep(page: Page, step: string): Promise<void> {
  await expect(page.getByTestId('setup-wizard')).toHaveAttribute('data-current-step', step);
  await expect(page.getByTestId(`wizard-step-${step}`)).toBeVisible();
}

/** Confirms the current step and waits for the next one. */
export async function confirmStep(page: Page, next: string): Promise<void> {
  await page.getByTestId('wizard-next').click();
  await expectStep(page, next);
}

/** The hardware check runs systeminformation, nvidia-smi and a provider probe: a few seconds on this machine. */
export async function waitForHardwareReport(page: Page): Promise<void> {
  await expect(page.getByTestId('hardware-report')).toBeVisible({ timeout: 30_000 });
}

/** Every call the console refused for the rate limit (429) while the page was open. */
export function watchRateLimited(page: Page): () => string[] {
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 429) refused.push(new URL(response.url()).pathname);
  });
  return () => refused;
}
