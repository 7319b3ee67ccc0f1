import { expect, signInWithToken, test } from './support/fixtures.js';
import { RATE_FLOOR, signInAt, watchRateLimit } from './support/model-store.js';

const SAMPLE_STAFF = ['sample-mei', 'sample-james', 'sample-ling'] as const;

test.describe('inference engine panel, sample pack and emotion try-out', () => {
  test('an admin installs the sample pack, sees the sample staff, reads an emotion and the engine at work', async ({ page, consoleServer }, testInfo) => {
    // Training the emotion model and importing five versions takes 5 to 10 s on a slow machine.
    test.setTimeout(120_000);
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin');

    const pack = page.getByTestId('sample-pack');
    await expect(pack).toContainText('not cloned voices of anyone');
    await pack.getByRole('button', { name: 'Install sample pack' }).click();
    // A job with progress: training first, then one import after the other.
    const progress = page.getByTestId('sample-pack-progress');
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('sample-pack-progress-phase')).toHaveText(/Emotion model|Training the emotion model|Sample voice|Starting/);
    await page.screenshot({ path: testInfo.outputPath('sample-pack-progress.png') });
    const result = page.getByTestId('sample-pack-result');
    await expect(result).toContainText('Sample pack installed.', { timeout: 60_000 });
    await expect(page.getByTestId('sample-pack-installed').getByRole('listitem')).toHaveText([
      'emotion/basic 1.0.0',
      'staff sample-mei',
      'voice/sample-mei 1.0.0',
      'voice/sample-mei 1.1.0',
      'staff sample-james',
      'voice/sample-james 1.0.0',
      'staff sample-ling',
      'voice/sample-ling 1.0.0',
    ]);
    const accuracy = page.getByTestId('sample-pack-accuracy');
    expect(Number(await accuracy.getAttribute('data-accuracy'))).toBeGreaterThan(0.5);
    await expect(accuracy).toHaveText(/^\d{2}(\.\d)?%$/);
    await page.screenshot({ path: testInfo.outputPath('staff-sample-pack-1280x800.png'), fullPage: true });

    // The three sample staff members, labelled as samples (their names say so too).
    for (const code of SAMPLE_STAFF) {
      const row = page.getByTestId(`staff-row-${code}`);
      await expect(row.getByTestId('staff-name')).toContainText('(not a cloned voice)');
      await expect(row.getByTestId('staff-sample')).toHaveText('sample');
    }
    await page.getByTestId('staff-open-sample-mei').click();
    await expect(page.getByTestId('member-sample')).toHaveText('sample');
    await expect(page.getByTestId('version-row-1.1.0').getByTestId('version-sample')).toHaveText('sample');

    // The Dashboard: read an emotion with the sample model, from the keyboard.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
    const engine = page.getByTestId('engine-panel');
    await expect(engine).toBeVisible();
    const sentence = page.getByLabel('Sentence');
    await sentence.fill('I have called three times and nobody helps me');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Read the emotion' })).toBeFocused();
    await page.keyboard.press('Enter');
    const emotion = page.getByTestId('emotion-result');
    await expect(emotion).toBeVisible();
    expect(['frustrated', 'angry']).toContain(await emotion.getAttribute('data-label'));
    await expect(emotion.getByRole('listitem')).toHaveCount(4);
    await expect(emotion.getByTestId('emotion-sample')).toHaveText('sample');
    const meta = page.getByTestId('emotion-meta');
    await expect(meta).toHaveAttribute('data-version', '1.0.0');
    await expect(meta).toContainText('emotion/basic 1.0.0 on CPU');

    // The engine panel: CPU in use, CUDA not, with the reason; the model loaded for the request.
    await expect(engine).toHaveAttribute('data-started', 'true');
    await expect(engine.getByTestId('engine-runtime')).toHaveText(/^onnxruntime \d+\.\d+/);
    await expect(engine.getByTestId('engine-provider-cpu')).toHaveAttribute('data-state', 'in use');
    await expect(engine.getByTestId('engine-provider-cpu').getByTestId('engine-provider-state')).toHaveText('in use');
    await expect(engine.getByTestId('engine-provider-cuda')).toHaveAttribute('data-state', 'unavailable');
    await expect(engine.getByTestId('engine-provider-cuda').getByTestId('engine-provider-reason')).toContainText(/\S{3,}/);
    const loaded = engine.getByTestId('engine-loaded-emotion-basic');
    await expect(loaded).toBeVisible();
    await expect(loaded.getByTestId('engine-loaded-provider')).toHaveText('CPU');
    await expect(loaded.getByTestId('engine-sample')).toHaveText('sample');
    expect(Number(await loaded.getByTestId('engine-loaded-uses').textContent())).toBeGreaterThanOrEqual(1);
    await expect(engine.getByTestId('engine-metrics-emotion-basic').getByTestId('engine-metrics-requests')).toHaveText(/^[1-9]/);
    await expect(engine.getByTestId('engine-cache-entries')).not.toHaveText('—');
    await expect(page.getByTestId('status-panel')).toBeVisible();

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath('dashboard-engine-1280x800.png') });
    await page.screenshot({ path: testInfo.outputPath('dashboard-engine-full.png'), fullPage: true });

    // The same panel in Traditional Chinese.
    await page.getByTestId('language-select').selectOption('zh-TW');
    await expect(engine.getByTestId('engine-provider-cpu').getByTestId('engine-provider-state')).toHaveText('使用中');
    await expect(page.getByTestId('emotion-label')).toHaveText(/^(沮喪|生氣)$/);
    await page.screenshot({ path: testInfo.outputPath('dashboard-engine-zh-TW-full.png'), fullPage: true });
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('a supervisor sees the engine panel before the engine starts and a clear answer without a model, but no Install button', async ({ page, consoleServer }, testInfo) => {
    const sue = await consoleServer.addUser('sue', 'supervisor');
    const rate = watchRateLimit(page);
    await signInWithToken(page, consoleServer, sue.token, 'sue');

    const engine = page.getByTestId('engine-panel');
    await expect(engine).toHaveAttribute('data-started', 'false');
    await expect(engine.getByTestId('engine-not-started')).toContainText('The engine has not started yet.');
    for (const provider of ['cuda', 'webgpu', 'dml', 'cpu']) {
      await expect(engine.getByTestId(`engine-provider-${provider}`)).toHaveAttribute('data-state', 'not tried yet');
    }
    // Nothing measured is shown before there is anything to measure; the limits are settings.
    await expect(engine.getByTestId('engine-queue-running')).toHaveText('—');
    await expect(engine.getByTestId('engine-cache-hit-rate')).toHaveText('—');
    await expect(engine.getByTestId('engine-queue-limits')).toContainText('At most 4 at once and 32 waiting');
    await expect(engine.getByTestId('engine-loaded')).toHaveCount(0);

    // An empty sentence is caught here; without an emotion model the server says NOT_FOUND, with a hint.
    await page.getByRole('button', { name: 'Read the emotion' }).click();
    await expect(page.getByTestId('emotion-text-problem')).toHaveText('Type a sentence first.');
    await page.getByLabel('Sentence').fill('這個問題到底什麼時候才能解決？');
    await page.getByRole('button', { name: 'Read the emotion' }).click();
    const error = page.getByTestId('emotion-error');
    await expect(error).toHaveAttribute('data-error-code', 'NOT_FOUND');
    await expect(page.getByTestId('emotion-hint')).toContainText('No emotion model is installed yet.');
    await expect(page.getByTestId('emotion-hint')).toContainText('An administrator can install the sample pack');
    await page.screenshot({ path: testInfo.outputPath('dashboard-not-started-1280x800.png'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Staff & Models' }).click();
    await expect(page.getByTestId('staff-list')).toBeVisible();
    await expect(page.getByTestId('sample-pack')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Install sample pack' })).toHaveCount(0);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });
});
