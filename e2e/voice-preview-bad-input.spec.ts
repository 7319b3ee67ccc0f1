import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedGptSovitsVersion, seedPiperVersion, seedStaff, watchRateLimit } from './support/model-store.js';
import { signInAtPreview } from './support/voice-preview.js';

test.describe.configure({ timeout: 60_000 });

test('bad input is explained on the screen and never sent: no version, empty and over-long text; a GPT-SoVITS voice shows its own controls', async ({ page, consoleServer }) => {
  await seedStaff(consoleServer, 'nova', 'Nova Hsu');
  await seedStaff(consoleServer, 'gus', 'Gus Wu');
  await seedGptSovitsVersion(consoleServer, 'gus', '1.0.0');
  await seedStaff(consoleServer, 'amy', 'Amy Chen');
  await seedPiperVersion(consoleServer, 'amy', '1.0.0');
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  const sent: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/api\/rpc\/(previews\.(start|synthesize)|tts\.synthesize)$/.test(path)) sent.push(path);
  });
  await signInAtPreview(page, consoleServer, sue.token, 'sue', 'nova');

  // A staff member without any voice version.
  await expect(page.getByTestId('preview-no-versions')).toHaveText('Nova Hsu has no voice version yet. An administrator imports one on Staff & Models.');
  await page.getByTestId('preview-text').fill('您好');
  await expect(page.getByTestId('preview-problem')).toHaveAttribute('data-problem', 'no-versions');
  await expect(page.getByTestId('preview-synthesize')).toBeDisabled();

  // A GPT-SoVITS version: its sampling controls (no Piper speed or noise) and its reference audio show.
  await page.getByTestId('preview-staff-search').fill('Gus');
  await page.getByTestId('preview-staff-gus').click();
  await expect(page.getByTestId('preview-version-1.0.0')).toHaveAttribute('data-blocked', '');
  await expect(page.getByTestId('preview-speed')).toHaveCount(0);
  await expect(page.getByTestId('preview-sampling')).toBeVisible();
  await expect(page.getByTestId('preview-sampling').getByLabel('Repetition penalty')).toBeVisible();
  await expect(page.getByTestId('preview-language')).toHaveValue('auto');
  await expect(page.getByTestId('preview-sampling').getByLabel('Top-k')).toBeVisible();
  await expect(page.getByTestId('preview-sampling').getByLabel('Seed')).toBeVisible();
  const reference = page.getByTestId('preview-reference');
  await expect(reference).toContainText('ref/clip01.wav');
  await expect(reference).toContainText('您好，很高興為您服務。');
  await reference.getByTestId('preview-reference-listen').click();
  await expect
    .poll(() => page.getByTestId('reference-player-audio').evaluate((a) => (a as HTMLAudioElement).duration), { timeout: 10_000 })
    .toBeCloseTo(4, 1);

  // A voice that can speak: empty text, then over 500 characters.
  await page.getByTestId('preview-staff-search').fill('');
  await page.getByTestId('preview-staff-amy').click();
  await expect(page.getByTestId('preview-version-1.0.0').getByRole('radio')).toBeChecked();
  await expect(page.getByTestId('preview-sampling')).toHaveCount(0);
  await expect(page.getByTestId('preview-reference-none')).toBeVisible();
  await page.getByTestId('preview-text').fill('   ');
  await page.getByTestId('preview-synthesize').click();
  await expect(page.getByTestId('preview-problem')).toHaveText('Type a sentence first.');
  await expect(page.getByTestId('preview-text')).toBeFocused();
  await page.getByTestId('preview-text').fill('好'.repeat(501));
  await expect(page.getByTestId('preview-text-count')).toHaveText('501 / 500');
  await expect(page.getByTestId('preview-problem')).toHaveText('501 characters: at most 500 can be heard at once.');
  await expect(page.getByTestId('preview-synthesize')).toBeDisabled();

  // The same in Traditional Chinese.
  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(page.getByTestId('preview-problem')).toHaveText('共 501 個字：一次最多只能試聽 500 個字。');
  await expect(page.getByRole('heading', { level: 1, name: '語音試聽' })).toBeVisible();

  // 500 characters are fine: the limit is the issue's, counted as characters.
  await page.getByTestId('preview-text').fill('好'.repeat(500));
  await expect(page.getByTestId('preview-problem')).toHaveCount(0);
  await expect(page.getByTestId('preview-synthesize')).toBeEnabled();

  expect(sent).toEqual([]);
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
});
