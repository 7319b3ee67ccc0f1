import { expect, signInWithToken, test } from './support/fixtures.js';
import { startConsoleServer } from './support/console-server.js';

test.describe('always on: who owns the data folder', () => {
  test('a console started as the system service shows "Running as a service" and the owning process', async ({ page }) => {
    const server = await startConsoleServer(['--service']);
    try {
      await signInWithToken(page, server, server.adminToken, 'admin');
      const badge = page.getByTestId('service-badge');
      await expect(badge).toHaveText('Running as a service');
      await expect(badge).toHaveAttribute('title', /^The system service \(process \d+, since .+\) owns this data folder/);
      await expect(page.getByTestId('status-owner')).toHaveAttribute('data-owned-by', 'service');
      await expect(page.getByTestId('status-owner')).toContainText('System service (process');
    } finally {
      await server.stop();
    }
  });

  test('a console started by hand owns the folder itself and shows no service badge', async ({ page, consoleServer }) => {
    await signInWithToken(page, consoleServer, consoleServer.adminToken, 'admin');
    await expect(page.getByTestId('status-owner')).toHaveAttribute('data-owned-by', 'this-process');
    await expect(page.getByTestId('status-owner')).toContainText('This process (process');
    await expect(page.getByTestId('service-badge')).toHaveCount(0);
  });
});
