import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedGptSovitsVersion, seedStaff, watchRateLimit } from './support/model-store.js';
import { signInAtPreview, wavInfo } from './support/voice-preview.js';

test.describe.configure({ timeout: 90_000 });

test('a GPT-SoVITS voice speaks at 32 kHz with its sampling options; an export that samples in its graphs says the seed cannot be honoured', async ({ page, consoleServer }) => {
  await seedStaff(consoleServer, 'gus', 'Gus Wu');
  // 1.0.0: upstream's layout (the graphs sample); 1.1.0: logits-only decoders (our seeded sampling).
  await seedGptSovitsVersion(consoleServer, 'gus', '1.0.0');
  await seedGptSovitsVersion(consoleServer, 'gus', '1.1.0', { decoder: { sampling: 'host', eosAt: 20 } });
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  const starts: Array<Record<string, unknown>> = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/rpc/previews.start') starts.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  await signInAtPreview(page, consoleServer, sue.token, 'sue', 'gus');

  await page.getByTestId('preview-version-1.0.0').getByRole('radio').check();
  const sampling = page.getByTestId('preview-sampling');
  await sampling.getByLabel('Seed').fill('7');
  await sampling.getByLabel('Repetition penalty').fill('1.2');
  await page.getByTestId('preview-language').selectOption('zh');
  await page.getByTestId('preview-text').fill('您好，很高興為您服務。');
  await page.getByTestId('preview-synthesize').click();
  await expect(page.getByTestId('facts').getByTestId('facts-duration')).toHaveText(/^\d+\.\d{2} s$/, { timeout: 30_000 });
  expect(starts[0]).toMatchObject({ staff: 'gus', version: '1.0.0', seed: 7, repetitionPenalty: 1.2, language: 'zh' });
  expect(starts[0]).not.toHaveProperty('lengthScale');
  await expect(page.getByTestId('preview-seed-note')).toHaveText(/the seed and sampling settings cannot be honoured/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preview-download').click()]);
  const { readFile } = await import('node:fs/promises');
  const wav = wavInfo(await readFile((await download.path())!));
  // The stub decoder stops after 4 tokens: 4 x 1280 samples at 32 kHz.
  expect(wav).toMatchObject({ sampleRate: 32000, channels: 1 });
  expect(wav.seconds).toBeCloseTo((4 * 1280) / 32000, 3);

  // Host sampling: no note; without a seed the one drawn is shown so the take can be made again.
  await page.getByTestId('preview-version-1.1.0').getByRole('radio').check();
  await sampling.getByLabel('Seed').fill('');
  await page.getByTestId('preview-synthesize').click();
  await expect(page.getByTestId('preview-seed-used')).toHaveText(/^Seed used: \d+\. Enter it to hear the same take again\.$/, { timeout: 30_000 });
  await expect(page.getByTestId('preview-seed-note')).toHaveCount(0);

  await page.getByTestId('language-select').selectOption('zh-TW');
  await expect(page.getByTestId('preview-seed-used')).toContainText('使用的種子');
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
});
