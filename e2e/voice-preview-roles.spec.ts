import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, watchRateLimit } from './support/model-store.js';
import { installSamplePack, signInAtPreview } from './support/voice-preview.js';

test.describe.configure({ timeout: 90_000 });

const MODEL_CONTROLS = ['version-promote', 'version-delete', 'version-export', 'line-import', 'line-rollback', 'line-follow-latest', 'member-admin-actions'];

test('a supervisor previews and rates, sees no delete or promote control, and the API refuses model changes with 403', async ({ page, consoleServer }) => {
  await installSamplePack(consoleServer);
  const sue = await consoleServer.addUser('sue', 'supervisor');
  const rate = watchRateLimit(page);
  await signInAtPreview(page, consoleServer, sue.token, 'sue', 'sample-james');
  await expect(page.getByTestId('preview-version-1.0.0').getByRole('radio')).toBeChecked();
  for (const testId of MODEL_CONTROLS) await expect(page.getByTestId(testId), testId).toHaveCount(0);
  await expect(page.getByRole('button', { name: /delete|promote|import/i })).toHaveCount(0);
  // Only admins may list everyone's previews: a supervisor gets no such switch.
  await expect(page.getByTestId('preview-history-all')).toHaveCount(0);

  // What the role allows works: the preview itself.
  await page.getByTestId('preview-text').fill('Is there anything else I can help you with?');
  await page.getByTestId('preview-synthesize').click();
  await expect(page.getByTestId('rating')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('rating').getByTitle('Excellent').click();
  await expect(page.getByTestId('rating-star-5')).toBeChecked();
  await page.getByTestId('rating-submit').click();
  await expect(page.getByTestId('rating-saved')).toContainText('1.0.0 now averages 5.0 from 1 rating(s)');

  // Staff & Models: the rating is shown, and still no control that changes a model.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Staff & Models' }).click();
  await page.getByTestId('staff-open-sample-james').click();
  await expect(page.getByTestId('version-row-1.0.0').getByTestId('version-rating')).toHaveText('★ 5.0 / 5 · 1 rating');
  for (const testId of MODEL_CONTROLS) await expect(page.getByTestId(testId), testId).toHaveCount(0);
  expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);

  // The API, called with the supervisor's own session, says the same with 403. These calls share
  // the page's rate-limit bucket, so they come after the walk-through whose budget is measured.
  for (const [name, input] of [
    ['models.delete', { line: 'voice/sample-james', version: '1.0.0' }],
    ['models.promote', { line: 'voice/sample-james', version: '1.0.0' }],
    ['models.import', { path: 'x', line: 'voice/sample-james', version: '2.0.0' }],
    ['samplePack.install', {}],
  ] as const) {
    const response = await page.request.post(`${consoleServer.url}api/rpc/${name}`, { data: input });
    expect(response.status(), name).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  // Everyone's previews are an admin's view.
  const all = await page.request.post(`${consoleServer.url}api/rpc/previews.list`, { data: { scope: 'all' } });
  expect(all.status()).toBe(403);
});

test("an admin may look at everyone's previews", async ({ page, consoleServer }) => {
  await installSamplePack(consoleServer);
  const sue = await consoleServer.addUser('sue', 'supervisor');
  // Sue makes a preview through the API with her token (as a script would).
  const headers = { authorization: `Bearer ${sue.token}` };
  const started = await page.request.post(`${consoleServer.url}api/rpc/previews.start`, { headers, data: { staff: 'sample-ling', version: '1.0.0', text: '謝謝您的來電。' } });
  expect(started.status()).toBe(200);
  const { value } = (await started.json()) as { value: { preview: { id: string } } };
  const spoken = await page.request.post(`${consoleServer.url}api/rpc/previews.synthesize`, { headers, data: { id: value.preview.id, index: 0 } });
  expect(spoken.status()).toBe(200);

  await signInAtPreview(page, consoleServer, consoleServer.adminToken, 'admin');
  await expect(page.getByTestId('preview-history')).toContainText('No previews yet.');
  await page.getByText('Everyone', { exact: true }).click();
  const row = page.getByTestId('preview-history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('sue');
  await expect(row).toContainText('謝謝您的來電。');
  await row.getByTestId('preview-history-replay').click();
  await expect(page.getByTestId('player')).toHaveAttribute('data-mode', 'final');
  await expect.poll(() => page.getByTestId('player-audio').evaluate((a) => (a as HTMLAudioElement).duration)).toBeGreaterThan(0);
});
