import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { REPO_ROOT } from './support/console-server.js';

/**
 * The Electron window, where one can run. Electron's npm package downloads its binary on first
 * run; an offline install has none, and then these tests report as skipped, with the reason.
 */
function electronBinary(): string | null {
  const electronDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function findOnPath(command: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const binary = electronBinary();
const xvfb = process.platform === 'linux' && !process.env['DISPLAY'] ? findOnPath('Xvfb') : null;
const noScreen = process.platform === 'linux' && !process.env['DISPLAY'] && !xvfb;

test.describe('desktop window (Electron)', () => {
  test.skip(
    binary === null,
    'no Electron binary on this machine (offline install): node_modules/electron/path.txt is missing or names no file under node_modules/electron/dist',
  );
  test.skip(noScreen, 'no display on this Linux machine: DISPLAY is unset and Xvfb is not installed');

  let display: ChildProcess | undefined;
  let displayName = process.env['DISPLAY'];
  test.beforeAll(async () => {
    if (!xvfb) return;
    displayName = `:${90 + Math.floor(Math.random() * 100)}`;
    display = spawn(xvfb, [displayName, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  });
  test.afterAll(() => {
    display?.kill('SIGTERM');
  });

  test('the window shows the system status without a sign-in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-e2e-desktop-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(REPO_ROOT, 'out', 'electron', 'main.js')],
      cwd: REPO_ROOT,
      env: { ...process.env, VOICEOPS_DATA_DIR: dataDir, ...(displayName ? { DISPLAY: displayName } : {}) },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('status-schema-version')).toHaveText(/^\d+$/);
      await expect(window.getByTestId('status-front-door')).toHaveAttribute('data-door', 'desktop');
      await expect(window.getByTestId('status-data-dir')).toHaveText(dataDir);
      await expect(window.getByLabel('Sign-in token')).toHaveCount(0);
      await expect(window.getByTestId('sign-out')).toHaveCount(0);
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
