import { expect, test } from './support/fixtures.js';
import { watchRateLimit } from './support/model-store.js';
import { installSamplePack, signInAtPreview } from './support/voice-preview.js';

test.describe.configure({ timeout: 90_000 });

test('A/B blind: the same sentence through two versions, labels revealed only after both are rated; the ratings show on Staff & Models', async ({ page, consoleServer }) => {
  await installSamplePack(consoleServer);
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  const starts: Array<Record<string, unknown>> = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/rpc/previews.start') starts.push(JSON.parse(request.postData() ?? '{}') as Record<string, unknown>);
  });
  // Opened straight on a staff member (a link the page keeps in the address).
  await signInAtPreview(page, consoleServer, sue.token, 'sue', 'sample-mei');
  await expect(page.getByTestId('preview-staff-sample-mei')).toHaveAttribute('aria-pressed', 'true');

  await page.getByText('Compare A/B', { exact: true }).click();
  await expect(page.getByTestId('preview-mode-compare')).toBeChecked();
  await expect(page.getByTestId('preview-compare-with')).toHaveValue('1.0.0');
  await expect(page.getByTestId('preview-blind')).toBeChecked();
  await page.getByTestId('preview-text').fill('Thank you for calling. How may I help you today?');
  await page.getByTestId('preview-synthesize').click();

  for (const side of ['a', 'b'] as const) {
    await expect(page.getByTestId(`compare-${side}`).getByTestId(`rating-${side}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId(`compare-${side}-label`)).toHaveText('version hidden');
    await expect.poll(() => page.getByTestId(`player-${side}-audio`).evaluate((a) => (a as HTMLAudioElement).duration)).toBeGreaterThan(0);
  }
  // Same text and parameters through both versions, one each.
  expect(starts.map((s) => s['version']).sort()).toEqual(['1.0.0', '1.1.0']);
  expect(new Set(starts.map((s) => JSON.stringify({ ...s, version: undefined })))).toHaveProperty('size', 1);
  // Nothing on screen gives the answer away: no download names, no history rows of the pair.
  await expect(page.getByTestId('preview-download-a')).toHaveCount(0);
  await expect(page.getByTestId('preview-history-row')).toHaveCount(0);
  await expect(page.getByTestId('preview-compare-banner')).toHaveText('Blind test: rate both voices to see which version is which.');

  // Both players play.
  await page.getByTestId('player-b-play').click();
  await expect.poll(() => page.getByTestId('player-b-audio').evaluate((a) => (a as HTMLAudioElement).currentTime)).toBeGreaterThan(0);
  await page.getByTestId('player-b-play').click();

  await page.getByTestId('rating-a').getByText('★').nth(3).click(); // four stars
  await page.getByTestId('rating-a-comment').fill('Warmer, closer to Mei');
  await page.getByTestId('rating-a-submit').click();
  await expect(page.getByTestId('rating-a-saved')).toHaveText('Saved: 4 / 5.');
  await expect(page.getByTestId('compare-a-label')).toHaveText('version hidden');
  // The version list does not count it yet either: a count going up would give side A away.
  for (const version of ['1.0.0', '1.1.0']) {
    await expect(page.getByTestId(`preview-version-${version}`).getByTestId('preview-version-rating')).toHaveText('Not rated yet');
  }

  // Keyboard: the stars are a radio group.
  await page.getByTestId('rating-b-star-1').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('rating-b-star-2')).toBeChecked();
  await page.getByTestId('rating-b-submit').click();

  const banner = page.getByTestId('preview-compare-banner');
  await expect(banner).toHaveText(/^Revealed: voice A was (1\.0\.0|1\.1\.0), voice B was (1\.0\.0|1\.1\.0)\.$/);
  const a = (await page.getByTestId('compare-a-label').textContent())!;
  const b = (await page.getByTestId('compare-b-label').textContent())!;
  expect([a, b].sort()).toEqual(['1.0.0', '1.1.0']);
  await expect(page.getByTestId('rating-a-saved')).toContainText(`${a} now averages 4.0 from 1 rating(s)`);
  await expect(page.getByTestId('preview-download-a')).toBeVisible();
  await expect(page.getByTestId('preview-history-row')).toHaveCount(2);
  // The version list of this page counts them too.
  await expect(page.getByTestId(`preview-version-${a}`).getByTestId('preview-version-rating')).toHaveText('★ 4.0 / 5 · 1 rating');

  // Side by side still fits 1280x800 without sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Staff & Models shows each version's average and count.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Staff & Models' }).click();
  await page.getByTestId('staff-open-sample-mei').click();
  await expect(page.getByTestId(`version-row-${a}`).getByTestId('version-rating')).toHaveText('★ 4.0 / 5 · 1 rating');
  await expect(page.getByTestId(`version-row-${b}`).getByTestId('version-rating')).toHaveText('★ 2.0 / 5 · 1 rating');
  // Two syntheses, two ratings and a second screen on one burst (the shell also reads the alert
  // banner once): it must never run dry, i.e. no request is refused.
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(1);
});
