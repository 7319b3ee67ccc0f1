import { expect, test } from './support/fixtures.js';
import { metricsCli, signInAtDashboard } from './support/metrics.js';

test.describe('dashboard: live metrics', () => {
  test('shows live values that change, charts that grow and the range selector', async ({ page, consoleServer }) => {
    await signInAtDashboard(page, consoleServer, consoleServer.adminToken, 'admin');
    const panel = page.getByTestId('metrics-panel');
    // The samples arrive over the event stream once a second.
    await expect(panel).toHaveAttribute('data-live', 'true');
    const updated = page.getByTestId('metrics-updated');
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const at = await updated.getAttribute('data-at');
      expect(at).not.toBeNull();
      seen.add(at!);
      // Wait for the next sample: a different timestamp, pushed, not polled.
      await expect(updated).not.toHaveAttribute('data-at', at!);
    }
    expect(seen.size).toBe(3);

    // The health card reads the checks that status.get carries: the fresh database is fine.
    const health = page.getByTestId('health-panel');
    await expect(health.getByTestId('health-database')).toHaveAttribute('data-state', 'ok');
    await expect(health.locator('[data-testid^="health-"][data-state]')).toHaveCount(6); // overall + five checks
    // A new data folder has no backup target: the backups line says so as a warning.
    await expect(health.getByTestId('health-backups')).toHaveAttribute('data-state', 'warn');
    await expect(health.getByTestId('health-backups')).toContainText('no backup target');

    // Values of this machine, in range.
    const cpu = Number(await page.getByTestId('metric-cpu').getAttribute('data-value'));
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThanOrEqual(100);
    const memory = Number(await page.getByTestId('metric-memory').getAttribute('data-value'));
    expect(memory).toBeGreaterThan(0);
    await expect(page.getByTestId('metric-disk')).toContainText('%');
    // No NVIDIA GPU here: said plainly, not an error.
    await expect(page.getByTestId('metric-no-gpu')).toContainText('No GPU data');
    await expect(page.getByTestId('metric-engine-idle')).toBeVisible();

    // The 5-minute chart gains points as samples arrive.
    const usage = page.getByTestId('metric-chart-cpu');
    await expect(usage.locator('.recharts-line').first()).toBeVisible();
    const before = Number(await usage.getAttribute('data-points'));
    await expect.poll(async () => Number(await usage.getAttribute('data-points'))).toBeGreaterThan(before);
    // The CPU warning threshold (80 %) is drawn.
    await expect(usage).toContainText('warning 80');
    await expect(usage).toContainText('critical 95');

    // Other ranges read the history the owner keeps in SQLite.
    await page.getByTestId('metric-range-1h').click();
    await expect(page.getByTestId('metric-range-1h')).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('metric-chart-cpu')).toBeVisible();
    await page.getByTestId('metric-range-7d').click();
    await expect(page.getByTestId('metric-range-7d')).toHaveAttribute('aria-checked', 'true');

    // The health check: database, models, disk, engine, backups.
    await expect(page.getByTestId('health-database')).toHaveAttribute('data-state', 'ok');
    await expect(page.getByTestId('health-disk')).toBeVisible();
  });

  test('an alert fired by the owner shows in the banner on every screen and in the log', async ({ page, consoleServer }) => {
    await signInAtDashboard(page, consoleServer, consoleServer.adminToken, 'admin');
    await expect(page.getByTestId('alert-banner')).toHaveCount(0);
    await expect(page.getByTestId('alerts-none')).toBeVisible();
    // A rule any machine passes: memory above 1 %, at once. Changed through the CLI while the
    // console runs; the owner's sampler reads the rules on every sample.
    await metricsCli(consoleServer, ['alerts', 'rule', 'memory-high', '--warning', '1', '--critical', '100', '--for-seconds', '0']);
    const banner = page.getByTestId('alert-banner');
    await expect(banner).toContainText('1 alert active');
    await expect(banner).toContainText('Memory warning');
    await expect(page.getByTestId('alert-active-memory-high')).toHaveAttribute('data-level', 'warning');
    await expect(page.getByTestId('alerts-log')).toContainText('ok → warning');
    // The banner stays on other screens.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Backups', exact: true }).click();
    await expect(page.getByTestId('alert-banner')).toContainText('Memory warning');
    // The CLI sees the same alert.
    const alerts = await metricsCli<{ active: Array<{ ruleId: string; level: string }> }>(consoleServer, ['alerts']);
    expect(alerts.active).toEqual([expect.objectContaining({ ruleId: 'memory-high', level: 'warning' })]);
  });

  test('after an inference in the console, the engine figures join the live metrics', async ({ page, consoleServer }) => {
    // Training the sample emotion model and importing its versions takes a while on a slow machine.
    test.setTimeout(150_000);
    await metricsCli(consoleServer, ['sample-pack', 'install'], 100_000);
    await signInAtDashboard(page, consoleServer, consoleServer.adminToken, 'admin');
    await expect(page.getByTestId('metrics-panel')).toHaveAttribute('data-live', 'true');
    await page.getByLabel('Sentence').fill('I have called three times and nobody helps me');
    await page.getByRole('button', { name: 'Read the emotion' }).click();
    await expect(page.getByTestId('emotion-result')).toBeVisible({ timeout: 60_000 });
    // The owner's sampler reads the engine it now runs: latency, throughput, errors, cache.
    const latency = page.getByTestId('metric-latency');
    await expect(latency).toContainText('p50');
    // The sample after the request finished carries its latency.
    await expect.poll(async () => Number(await latency.getAttribute('data-value'))).toBeGreaterThan(0);
    await expect.poll(async () => Number(await page.getByTestId('metric-throughput').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('metric-errors').getAttribute('data-value'))).toBe(0);
    await expect(page.getByTestId('metric-store')).toContainText('versions');
    await expect(page.getByTestId('health-models')).toHaveAttribute('data-state', 'ok');
  });
});
