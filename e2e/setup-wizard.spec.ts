import { expect, test } from './support/fixtures.js';
import { confirmStep, expectStep, signInAtSetup, waitForHardwareReport, watchRateLimited } from './support/setup.js';
import { cli, tempDir } from './support/model-store.js';
import { submitAddTarget } from './support/backups.js';

test.describe.configure({ timeout: 90_000 });

test('IT staff go through language, hardware (no GPU: a CPU warning), data folder and database in the browser', async ({ page, consoleServer }) => {
  const rateLimited = watchRateLimited(page);
  await signInAtSetup(page, consoleServer, consoleServer.adminToken, 'admin');

  // 1 Language: nothing changes before the confirm.
  await expectStep(page, 'language');
  await expect(page.getByTestId('wizard-back')).toBeDisabled();
  await page.getByTestId('wizard-language-en').check();
  await confirmStep(page, 'hardware');

  // 2 Hardware: measured values, the CPU warning, the tiers, the workload fit; re-run for 5 staff.
  await waitForHardwareReport(page);
  const gpu = page.getByTestId('guide-checks').getByTestId('check-gpu-memory');
  await expect(gpu).toHaveAttribute('data-status', 'warn');
  await expect(gpu.getByTestId('check-action')).toHaveText('No NVIDIA GPU found: inference will run on the CPU.');
  await expect(page.getByTestId('hardware-gpu')).toHaveText('none');
  await expect(page.getByTestId('provider-cpu')).toHaveAttribute('data-usable', 'true');
  await expect(page.getByTestId('tier-met')).not.toBeEmpty();
  await expect(page.getByTestId('tier-minimum')).toBeVisible();
  await expect(page.getByTestId('fit-storage')).toHaveAttribute('data-verdict', /^(fits|fits-without-backups|needs-more)$/);
  await expect(page.getByRole('heading', { name: 'Workload for 10 staff members' })).toBeVisible();
  await page.getByTestId('wizard-staff-count').fill('5');
  await confirmStep(page, 'data-folder');

  // 3 Data folder: the one the console runs on, the preflight for 5 staff members, its folders.
  await expect(page.getByTestId('wizard-data-folder-path')).toHaveText(consoleServer.dataDir);
  await expect(page.getByTestId('wizard-data-folder-honest')).toContainText('--data-dir');
  await expect(page.getByTestId('data-folder-preflight')).toContainText('5 staff members');
  await expect(page.getByTestId('data-folder-blobs-sha256')).toHaveAttribute('data-exists', 'true');
  await confirmStep(page, 'database');

  // 4 Database: the schema the CLI reports, an integrity check. (Back is exercised in the restart test.)
  const status = await consoleServer.cliStatus();
  await expect(page.getByTestId('wizard-database-schema')).toHaveText(`${status.database.schemaVersion} of ${status.database.latestSchemaVersion}`);
  await expect(page.getByTestId('wizard-database-check')).toHaveText('ok');
  await confirmStep(page, 'accounts');
  // The wizard stays inside the console's rate limit (100/min, bursts of 20): nothing refused.
  expect(rateLimited()).toEqual([]);
});

/** Confirms the first steps over SSH (the CLI runs the same checks), so each test has the console's rate budget for its own steps. */
async function confirmOverSsh(server: Parameters<typeof cli>[0], steps: string[][]): Promise<void> {
  for (const args of steps) await cli(server, ['setup', 'confirm', ...args]);
}

const FIRST_FOUR = [['language', '--language', 'en'], ['hardware', '--staff-count', '4'], ['data-folder'], ['database']];
const FIRST_FIVE = [...FIRST_FOUR, ['accounts']];

test('the accounts step adds a supervisor for the headless console, with the token shown once', async ({ page, consoleServer }) => {
  const rateLimited = watchRateLimited(page);
  await confirmOverSsh(consoleServer, FIRST_FOUR);
  await signInAtSetup(page, consoleServer, consoleServer.adminToken, 'admin');
  await expectStep(page, 'accounts');

  // 5 Accounts: a supervisor, with the token shown once.
  await page.getByTestId('add-account-name').fill('maria');
  await page.getByTestId('add-account-role').selectOption('supervisor');
  await page.getByTestId('add-account-submit').click();
  await expect(page.getByTestId('new-account-token')).toHaveValue(/^vo_/);
  await expect(page.getByTestId('account-row-maria')).toBeVisible();
  await confirmStep(page, 'backup');
  expect(rateLimited()).toEqual([]);
});

test('the wizard completes: backup target and schedule, sample models skipped, the summary and Finish', async ({ page, consoleServer }) => {
  const rateLimited = watchRateLimited(page);
  const backupFolder = await tempDir('setup-backup');
  await confirmOverSsh(consoleServer, FIRST_FIVE);
  await signInAtSetup(page, consoleServer, consoleServer.adminToken, 'admin');
  await expectStep(page, 'backup');

  // 6 Backups: confirming without a target is refused with the reason; add one, then go on.
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-confirm-error')).toContainText('add a backup target first');
  const add = await submitAddTarget(page, 'nas', backupFolder);
  await expect(add.getByTestId('add-target-result')).toContainText('The folder is writable.');
  await add.getByTestId('add-target-done').click();
  await expect(page.getByTestId('target-row-nas')).toBeVisible();
  await expect(page.getByTestId('schedule-rule')).toHaveText('Every 24 hours');
  await confirmStep(page, 'samples');

  // 7 Sample models: optional; skipped here (the sample pack has its own e2e).
  await page.getByTestId('wizard-skip').click();
  await expectStep(page, 'summary');

  // 8 Summary: what was done, what to do next; Finish records completion.
  await expect(page.getByTestId('summary-backup')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('summary-samples')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('summary-no-backup')).toHaveCount(0);
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard-completed')).toBeVisible();
  await expect(page.getByTestId('summary-done')).toBeVisible();
  for (const step of ['language', 'hardware', 'data-folder', 'database', 'accounts', 'backup', 'summary']) {
    await expect(page.getByTestId(`wizard-steps-${step}`)).toHaveAttribute('data-state', 'done');
  }
  expect(rateLimited()).toEqual([]);
});

test('a restart of the console mid-wizard resumes at the same step', async ({ page, consoleServer }) => {
  await signInAtSetup(page, consoleServer, consoleServer.adminToken, 'admin');
  await page.getByTestId('wizard-language-en').check();
  await confirmStep(page, 'hardware');
  await waitForHardwareReport(page);
  // Check again for another staff count: the fit is recomputed for it.
  await page.getByTestId('wizard-staff-count').fill('7');
  await page.getByTestId('wizard-recheck').click();
  await expect(page.getByRole('heading', { name: 'Workload for 7 staff members' })).toBeVisible({ timeout: 30_000 });
  await confirmStep(page, 'data-folder');
  await expect(page.getByTestId('data-folder-preflight')).toContainText('7 staff members');

  // A choice made but not confirmed is not kept: nothing is written before the confirm.
  await page.getByTestId('wizard-back').click();
  await expectStep(page, 'hardware');
  await waitForHardwareReport(page);
  await page.getByTestId('wizard-staff-count').fill('40');

  await consoleServer.restart();
  await page.reload();
  await expectStep(page, 'hardware');
  await expect(page.getByTestId('wizard-staff-count')).toHaveValue('7');
  await expect(page.getByTestId('wizard-steps-language')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('wizard-steps-data-folder')).toHaveAttribute('data-state', 'pending');
  await confirmStep(page, 'data-folder');
});

test('supervisors cannot open the setup wizard: the server refuses and the screen says why', async ({ page, consoleServer }) => {
  const maria = await consoleServer.addUser('maria', 'supervisor');
  await signInAtSetup(page, consoleServer, maria.token, 'maria');
  await expect(page.getByTestId('setup-error')).toHaveAttribute('data-error-code', 'FORBIDDEN');
  await expect(page.getByTestId('setup-wizard')).toHaveCount(0);
});

test('the wizard is re-run from Settings: back at the first step, what was done stays done', async ({ page, consoleServer }) => {
  // A wizard finished over SSH.
  await confirmOverSsh(consoleServer, [...FIRST_FIVE, ['backup', '--skip'], ['samples', '--skip'], ['summary']]);
  await page.goto(`${consoleServer.url}#/settings`);
  await page.getByLabel('Sign-in token').fill(consoleServer.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('rerun-setup-button').click();
  await expectStep(page, 'language');
  await expect(page.getByTestId('wizard-completed')).toBeVisible();
  await expect(page.getByTestId('wizard-steps-backup')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('wizard-steps-database')).toHaveAttribute('data-state', 'done');

  // The language is applied on its confirm, not on the click.
  await page.getByTestId('wizard-language-zh-TW').check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByTestId('wizard-next').click();
  await expectStep(page, 'hardware');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByRole('heading', { level: 2, name: '硬體檢查' })).toBeVisible();
  await waitForHardwareReport(page);
  await expect(page.getByTestId('guide-checks').getByTestId('check-gpu-memory').getByTestId('check-action')).toHaveText('找不到 NVIDIA GPU：推論將改由 CPU 執行。');
});
