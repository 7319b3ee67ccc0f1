import fs from 'node:fs/promises';
import { expect, test } from './support/fixtures.js';
import { watchRateLimit } from './support/model-store.js';
import { installSamplePack, signInAtPreview, watchCsp, wavInfo } from './support/voice-preview.js';

// The sample pack is installed through the CLI in each test (about 7 s): give the flows room.
test.describe.configure({ timeout: 90_000 });

type AudioState = { duration: number; currentTime: number; paused: boolean; volume: number; src: string };

const audioState = (page: import('@playwright/test').Page, testId: string): Promise<AudioState> =>
  page.getByTestId(testId).evaluate((element) => {
    const audio = element as HTMLAudioElement;
    return { duration: audio.duration, currentTime: audio.currentTime, paused: audio.paused, volume: audio.volume, src: audio.currentSrc };
  });

test('a supervisor picks a sample voice, hears it sentence by sentence, downloads the WAV and replays it from history', async ({ page, consoleServer }) => {
  await installSamplePack(consoleServer);
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const csp = watchCsp(page);
  const rate = watchRateLimit(page);
  const synthesisCalls: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/rpc\/previews\.(start|synthesize)$/.test(new URL(request.url()).pathname)) synthesisCalls.push(request.postData() ?? '');
  });
  await signInAtPreview(page, consoleServer, sue.token, 'sue');

  // Search by code or name, then pick; the active version is preselected.
  await page.getByTestId('preview-staff-search').fill('mei');
  await expect(page.getByTestId('preview-staff-list').getByRole('button')).toHaveCount(1);
  await page.getByTestId('preview-staff-sample-mei').click();
  await expect(page.getByTestId('preview-staff-sample-mei')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('preview-version-1.1.0').getByRole('radio')).toBeChecked();
  await expect(page.getByTestId('preview-version-1.1.0')).toContainText('active');
  await expect(page.getByTestId('preview-version-1.1.0')).toContainText('piper');
  await expect(page.getByTestId('preview-version-1.1.0').getByTestId('preview-version-rating')).toHaveText('Not rated yet');
  // Piper voices have no sampling controls (they appear only for GPT-SoVITS voices).
  await expect(page.getByTestId('preview-sampling')).toHaveCount(0);

  // A ready-made sentence fills the text; two sentences are made one after the other.
  await page.getByTestId('preview-ready-made').selectOption('您好，這裡是客服中心，請問有什麼可以幫您？');
  await expect(page.getByTestId('preview-text')).toHaveValue('您好，這裡是客服中心，請問有什麼可以幫您？');
  await page.getByTestId('preview-text').fill('您好，這裡是客服中心。我已經打了三次電話，還是沒有人處理！');
  await page.getByTestId('preview-speed').fill('1.2');
  await page.getByTestId('preview-synthesize').click();

  // The first sentence plays while the second is made: the page's audio element has a duration and runs.
  await expect.poll(async () => (await audioState(page, 'player-audio')).duration, { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(async () => (await audioState(page, 'player-audio')).currentTime, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(synthesisCalls).toHaveLength(3); // start + two sentences, each its own engine request
  expect(JSON.parse(synthesisCalls[0]!)).toMatchObject({ staff: 'sample-mei', version: '1.1.0', lengthScale: 1.2 });

  // Once both sentences are there: facts beside the player, and the whole clip for download.
  const facts = page.getByTestId('facts');
  await expect(facts.getByTestId('facts-duration')).toHaveText(/^\d+\.\d{2} s$/, { timeout: 20_000 });
  await expect(facts.getByTestId('facts-provider')).toHaveText('CPU');
  await expect(facts.getByTestId('facts-synthesis')).toHaveText(/^[\d,]+ ms$/);
  await expect(facts.getByTestId('facts-rtf')).toHaveText(/^\d+\.\d+×$/);
  await expect(facts.getByTestId('facts-emotion')).toHaveText(/^(angry|frustrated)$/);
  const shownSeconds = Number(await facts.getByTestId('facts-duration').getAttribute('data-seconds'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preview-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^sample-mei_1\.1\.0_\d{8}-\d{6}\.wav$/);
  const wav = wavInfo(await fs.readFile((await download.path())!));
  expect(wav).toMatchObject({ channels: 1, bitsPerSample: 16 });
  expect(wav.seconds).toBeCloseTo(shownSeconds, 2);
  expect(Number((await facts.getByTestId('facts-duration').textContent())!.replace(' s', ''))).toBeCloseTo(wav.seconds, 1);

  // After the last sentence the player holds the whole clip: seek, loop, volume, Space.
  await expect(page.getByTestId('player')).toHaveAttribute('data-mode', 'final', { timeout: 30_000 });
  await expect.poll(async () => (await audioState(page, 'player-audio')).duration).toBeCloseTo(shownSeconds, 1);
  const wave = page.getByTestId('player-waveform');
  const box = (await wave.boundingBox())!;
  await wave.click({ position: { x: box.width * 0.5, y: box.height / 2 } });
  await expect.poll(async () => (await audioState(page, 'player-audio')).currentTime).toBeGreaterThan(shownSeconds * 0.4);
  await page.getByTestId('player-play').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'false');
  expect((await audioState(page, 'player-audio')).paused).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('player')).toHaveAttribute('data-playing', 'true');
  await page.getByTestId('player-play').click();
  // The waveform is a keyboard slider too.
  await wave.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => (await audioState(page, 'player-audio')).currentTime).toBeLessThan(0.05);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await audioState(page, 'player-audio')).currentTime).toBeCloseTo(1, 1);
  await page.getByTestId('player-loop').click();
  await expect(page.getByTestId('player-loop')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('player-volume').fill('0.5');
  await expect.poll(async () => (await audioState(page, 'player-audio')).volume).toBeCloseTo(0.5, 2);

  // The history replays the stored clip: one request, no synthesis.
  const row = page.getByTestId('preview-history-row').first();
  await expect(row).toContainText('sample-mei');
  await expect(row).toContainText('我已經打了三次電話');
  const callsBefore = synthesisCalls.length;
  await row.getByTestId('preview-history-replay').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-mode', 'final');
  await expect.poll(async () => (await audioState(page, 'player-audio')).currentTime, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(synthesisCalls.length).toBe(callsBefore);

  // The screen fits 1280x800 without sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // wavesurfer's shadow <style> is the one thing the CSP refuses (its layout comes from an
  // adopted stylesheet instead); nothing else of this screen needs an exception.
  expect(csp.filter((line) => !/Applying inline style violates .*style-src/.test(line))).toEqual([]);
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(2);
});
