import { expect, signInWithToken, test } from './support/fixtures.js';

test('the language switches to zh-TW and back, and the choice survives a reload', async ({ page, consoleServer }) => {
  await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-dashboard')).toHaveText('Dashboard');

  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(html).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByTestId('nav-dashboard')).toHaveText('儀表板');
  await expect(page.getByRole('heading', { name: '系統狀態' })).toBeVisible();

  // Reloads on a light screen: three loads of the Dashboard in a few seconds would spend the
  // console's burst of 20 requests, which is not what this test is about.
  await page.getByTestId('nav-staff-models').click();
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'zh-TW');
  await expect(page.getByTestId('nav-staff-models')).toHaveText('客服人員與模型');
  await expect(page.getByTestId('language-select')).toHaveValue('zh-TW');

  await page.getByTestId('language-select').selectOption('en');
  await expect(html).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-staff-models')).toHaveText('Staff & Models');
});

test('the sign-in screen follows the stored language too', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(page.getByLabel('登入權杖')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: '登入' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
});
