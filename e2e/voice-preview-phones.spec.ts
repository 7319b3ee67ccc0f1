import { expect, test } from './support/fixtures.js';
import { signInAtPreview } from './support/voice-preview.js';

test.describe.configure({ timeout: 60_000 });

test('a supervisor sees the phones of the typed sentence on request, per segment, and when they are out of date', async ({ page, consoleServer }) => {
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/rpc/voiceText.g2p') asked.push(request.postData() ?? '');
  });
  await signInAtPreview(page, consoleServer, sue.token, 'sue');

  await page.getByTestId('preview-text').fill('您好，請問有什麼可以幫您？ Thank you.');
  // Typing asks nothing: phones are worked out only when someone asks for them.
  await expect(page.getByTestId('phones-panel')).toHaveCount(0);
  await page.getByTestId('phones-show').click();

  const panel = page.getByTestId('phones-panel');
  const segments = panel.getByTestId('phones-segment');
  await expect(segments).toHaveCount(2);
  await expect(segments.nth(0)).toHaveAttribute('data-language', 'zh');
  await expect(segments.nth(1)).toHaveAttribute('data-language', 'en');
  // Traditional input is read in Simplified, punctuation mapped (see front-end.test.ts for the ids).
  await expect(segments.nth(0).getByTestId('phones-normalized')).toHaveText('您好,请问有什么可以帮您?');
  await expect(segments.nth(0).getByTestId('phones-unit').first()).toHaveAccessibleName('您: 2 phones');
  await expect(segments.nth(0).getByTestId('phones-unit').first()).toContainText('in2');
  await expect(panel.getByTestId('phones-ids')).toHaveText(/^227 197 158 119 1 247 203 /);
  await expect(segments.nth(1).getByTestId('phones-unit').first()).toHaveAccessibleName('Thank: 4 phones');

  // English only: the Chinese characters are not read at all, so only the English segment is left.
  await panel.getByTestId('phones-lang').selectOption('en');
  await expect(segments).toHaveCount(1);
  await expect(segments.nth(0)).toHaveAttribute('data-language', 'en');

  // Edited text: the phones shown are marked out of date until asked again.
  await page.getByTestId('preview-text').fill('你好');
  await expect(panel.getByTestId('phones-stale')).toBeVisible();
  await panel.getByTestId('phones-lang').selectOption('zh');
  await expect(panel.getByTestId('phones-stale')).toHaveCount(0);
  await expect(panel.getByTestId('phones-ids')).toHaveText('3 227 167 158 119');

  await panel.getByTestId('phones-hide').click();
  await expect(page.getByTestId('phones-panel')).toHaveCount(0);
  expect(asked).toHaveLength(3);
});

test('an admin asking for the phones of text over the limit sees the refusal with its code', async ({ page, consoleServer }) => {
  const ann = await consoleServer.addUser('ann', 'admin');
  await signInAtPreview(page, consoleServer, ann.token, 'ann');
  await page.getByTestId('preview-text').fill('好'.repeat(501));
  await page.getByTestId('phones-show').click();
  const panel = page.getByTestId('phones-panel');
  await expect(panel.getByRole('heading', { name: 'Phones' })).toBeVisible();
  await expect(panel.getByTestId('api-error')).toHaveAttribute('data-error-code', 'VALIDATION_FAILED');
  await expect(panel.getByTestId('api-error-detail')).toContainText('at most 500 characters');
});

test('voiceText.g2p over HTTP: stable codes for bad input, a session required', async ({ request, consoleServer }) => {
  const url = (pathname: string): string => new URL(pathname, consoleServer.url).href;
  const noAuth = await request.post(url('/api/rpc/voiceText.g2p'), { data: { lang: 'zh', text: '你好' } });
  expect(noAuth.status()).toBe(401);

  const sue = await consoleServer.addUser('sue', 'supervisor');
  expect((await request.post(url('/api/session'), { data: { token: sue.token } })).status()).toBe(200);
  const ok = await request.post(url('/api/rpc/voiceText.g2p'), { data: { lang: 'zh', text: '你好' } });
  expect(ok.status()).toBe(200);
  expect(((await ok.json()) as { value: { phoneIds: number[] } }).value.phoneIds).toEqual([3, 227, 167, 158, 119]);

  for (const data of [{ lang: 'ja', text: '你好' }, { lang: 'zh', text: '' }, { lang: 'zh', text: '好'.repeat(501) }]) {
    const refused = await request.post(url('/api/rpc/voiceText.g2p'), { data });
    expect(refused.status(), JSON.stringify(data).slice(0, 40)).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  }
});
