import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real headless console (`voiceops serve`, started per test by
 * e2e/support/console-server.ts) driven in Debian's Chromium, plus the Electron window where an
 * Electron binary exists. `npm run build` must have run first (out/electron and out/renderer).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  // Every test starts its own server; one worker keeps the 2-core CI machine responsive.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'out/test-reports/e2e.json' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // No browser download is possible here: use the distribution's Chromium.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
