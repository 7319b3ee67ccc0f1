import { expect, test } from './support/fixtures.js';
import { seedGptSovitsVersion, seedPiperVersion, seedStaff, signInAt } from './support/model-store.js';

// Seeding: each GPT-SoVITS import opens its five graphs in the engine process to check them.
test.describe.configure({ timeout: 60_000 });

test('the Staff & Models screens fit 1280x800 without sideways scrolling, keyboard first', async ({ page, consoleServer }, testInfo) => {
  await seedStaff(consoleServer, 'amy', 'Amy Chen');
  await seedStaff(consoleServer, 'ben', 'Ben Lin');
  await seedStaff(consoleServer, 'chen_li', '陳立');
  await seedGptSovitsVersion(consoleServer, 'amy', '1.0.0');
  await seedGptSovitsVersion(consoleServer, 'amy', '1.1.0', { quiet: true });
  await seedPiperVersion(consoleServer, 'ben', '2.0.0');
  await page.setViewportSize({ width: 1280, height: 800 });
  // The console's CSP allows no inline style or script: nothing on these screens may need one.
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAt(page, consoleServer, consoleServer.adminToken, 'admin');
  const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  await expect(page.getByTestId('staff-row-amy')).toBeVisible();
  // Search by name, in any script.
  await page.getByLabel('Search staff by code or name').fill('陳');
  await expect(page.getByTestId('staff-table').locator('tbody > tr')).toHaveCount(1);
  await page.getByLabel('Search staff by code or name').fill('');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('staff-list-1280x800.png') });

  // The keyboard opens a member: Tab to the link, Enter; focus lands on the member's name.
  await page.getByTestId('staff-open-amy').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-name')).toBeFocused();
  await expect(page.getByTestId('version-row-1.1.0')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('member-1280x800.png'), fullPage: true });

  await page.getByRole('button', { name: 'Import version' }).click();
  await expect(page.getByRole('dialog', { name: 'Import a model version' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('import-dialog-1280x800.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('models-tab-storage').click();
  await expect(page.getByTestId('storage-categories')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('storage-1280x800.png'), fullPage: true });

  await page.getByTestId('models-tab-shared').click();
  await expect(page.getByTestId('line-panel-emotion-advanced')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('shared-1280x800.png'), fullPage: true });

  // The same screens in Traditional Chinese.
  await page.getByTestId('language-select').selectOption('zh-TW');
  await page.getByTestId('models-tab-staff').click();
  await page.getByTestId('staff-open-amy').click();
  await expect(page.getByTestId('line-import')).toHaveText('匯入版本');
  await expect(page.getByTestId('version-row-1.1.0').getByTestId('version-active')).toHaveText('啟用中');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('member-zh-TW-1280x800.png'), fullPage: true });
  await page.getByTestId('line-import').click();
  await page.getByTestId('import-source-incoming').check();
  await page.screenshot({ path: testInfo.outputPath('import-dialog-zh-TW-1280x800.png') });
  expect(violations).toEqual([]);
});
