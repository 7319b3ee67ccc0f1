import path from 'node:path';
import { expect, test } from './support/fixtures.js';
import { signInAtBackups } from './support/backups.js';
import { cli, seedPiperVersion, seedStaff, tempDir } from './support/model-store.js';

test('the Backups screen fits 1280x800 without sideways scrolling, CSP-clean, keyboard first', async ({ page, consoleServer }, testInfo) => {
  test.setTimeout(60_000);
  await seedStaff(consoleServer, 'amy', 'Amy Chen');
  await seedStaff(consoleServer, 'chen_li', '陳立');
  await seedPiperVersion(consoleServer, 'amy', '1.0.0');
  await seedPiperVersion(consoleServer, 'chen_li', '2.0.0', 3);
  await cli(consoleServer, ['backup', 'target', 'add', 'nas', await tempDir('backup-target')]);
  const [first] = await cli<Array<{ id: string }>>(consoleServer, ['backup', 'run']);
  await seedPiperVersion(consoleServer, 'amy', '1.1.0', 2);
  await cli(consoleServer, ['backup', 'run']);
  await cli(consoleServer, ['backup', 'verify', first!.id, '--subset', '50']);
  await cli(consoleServer, ['backup', 'drill', first!.id]);
  // Screenshots go to the test's output folder, and also where BACKUPS_SHOTS says (to look at them).
  const shot = (name: string): string => (process.env['BACKUPS_SHOTS'] ? path.join(process.env['BACKUPS_SHOTS'], name) : testInfo.outputPath(name));

  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAtBackups(page, consoleServer, consoleServer.adminToken, 'admin');
  const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const rows = page.locator('[data-testid^="backup-row-"]');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId('backup-verify-state')).toHaveAttribute('data-state', 'ok');
  await expect(rows.nth(1).getByTestId('backup-drill-state')).toHaveAttribute('data-state', 'ok');
  await expect(rows.nth(0).getByTestId('backup-versions')).toHaveText('3 versions');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('backups-1280x800.png') });
  await page.screenshot({ path: shot('backups-full.png'), fullPage: true });

  // The keyboard reaches a row's action; Enter opens its dialog, Escape closes it and focus returns.
  const verify = rows.nth(0).getByTestId('backup-verify');
  await verify.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('verify-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('verify-start')).toBeFocused();
  await dialog.getByTestId('verify-subset').check();
  await dialog.getByTestId('verify-percent').fill('50');
  await page.keyboard.press('Tab');
  await page.screenshot({ path: shot('verify-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(verify).toBeFocused();

  await rows.nth(1).getByTestId('backup-restore').click();
  const restore = page.getByTestId('restore-dialog');
  await restore.getByTestId('restore-preview').click();
  await expect(restore.getByTestId('restore-change').first()).toBeVisible();
  await page.screenshot({ path: shot('restore-preview.png') });
  await page.keyboard.press('Escape');

  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(page.getByRole('heading', { level: 1, name: '備份' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('backups-zh-TW.png'), fullPage: true });
  await page.getByTestId('language-select').selectOption('en');
  expect(violations).toEqual([]);
});
