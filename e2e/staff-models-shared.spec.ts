import path from 'node:path';
import { writePretrained } from '../electron/test-support/model-fixtures.js';
import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, signInAt, watchRateLimit } from './support/model-store.js';

test('the shared models section: emotion lines and a new pretrained line imported from the incoming folder', async ({ page, consoleServer }) => {
  writePretrained(path.join(consoleServer.dataDir, 'incoming', 'hubert'));
  const rate = watchRateLimit(page);
  await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'shared');

  // Both emotion lines are shown before their first version, each with its own import.
  const basic = page.getByTestId('line-panel-emotion-basic');
  await expect(basic.getByTestId('versions-empty')).toBeVisible();
  await expect(page.getByTestId('line-panel-emotion-advanced').getByTestId('versions-empty')).toBeVisible();
  await basic.getByRole('button', { name: 'Import version' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a model version' });
  await expect(dialog.getByLabel('Model line')).toHaveValue('emotion/basic');
  await expect(dialog.getByLabel('Format').locator('option')).toHaveText(['Detect from the files', 'emotion-text', 'emotion-audio']);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.getByRole('button', { name: 'Import pretrained model' }).click();
  await dialog.getByLabel('Model line').selectOption({ label: 'New pretrained line…' });
  await dialog.getByLabel('Name of the pretrained line').fill('chinese-hubert-base');
  await expect(dialog.getByLabel('Format').locator('option')).toHaveText(['Detect from the files', 'pretrained']);
  await dialog.getByText('From the incoming folder').click();
  await dialog.getByLabel('Folder or file').selectOption('hubert');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-result')).toContainText('pretrained/chinese-hubert-base 1.0.0 imported.');
  await dialog.getByTestId('import-close').click();
  const pretrained = page.getByTestId('line-panel-pretrained-chinese-hubert-base');
  await expect(pretrained.getByTestId('version-row-1.0.0')).toHaveAttribute('data-active', 'true');
  await expect(pretrained.getByTestId('version-row-1.0.0').getByTestId('version-format')).toHaveText('pretrained');
  await expect(page.getByTestId('pretrained-empty')).toHaveCount(0);
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
});
