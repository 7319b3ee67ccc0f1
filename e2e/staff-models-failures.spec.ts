import fs from 'node:fs';
import path from 'node:path';
import { writePiperVoice } from '../electron/test-support/model-fixtures.js';
import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedPiperVersion, seedStaff, signInAt, tempDir, watchRateLimit } from './support/model-store.js';

test.describe('Staff & Models: imports that fail say why', () => {
  test('a duplicate version is refused with CONFLICT, a broken .onnx with the import check that failed', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'dina', 'Dina Ho');
    await seedPiperVersion(consoleServer, 'dina', '1.0.0');
    const incoming = path.join(consoleServer.dataDir, 'incoming');
    writePiperVoice(path.join(incoming, 'dina-again'));
    writePiperVoice(path.join(incoming, 'dina-broken'));
    fs.writeFileSync(path.join(incoming, 'dina-broken', 'voice.onnx'), 'this is not an ONNX model');
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/dina');

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await expect(dialog.getByLabel('Version')).toHaveValue('1.1.0');
    await dialog.getByLabel('Version').fill('1.0.0');
    await expect(dialog.getByTestId('import-version-hint')).toContainText('1.0.0 exists on this line already');
    await dialog.getByText('From the incoming folder').click();
    await dialog.getByLabel('Folder or file').selectOption('dina-again');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const error = dialog.getByTestId('import-error');
    await expect(error).toHaveAttribute('data-error-code', 'CONFLICT');
    await expect(error).toContainText('This conflicts with something that already exists:');
    await expect(error).toContainText('voice/dina already has version 1.0.0; versions are never overwritten');
    await expect(error).toContainText('Field: version');

    // The form stays filled in: fix the version, pick the broken folder.
    await dialog.getByLabel('Version').fill('1.2.0');
    await dialog.getByLabel('Folder or file').selectOption('dina-broken');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(error).toHaveAttribute('data-error-code', 'VALIDATION_FAILED');
    await expect(error).toContainText('the files do not pass the import checks: voice.onnx: does not start like an ONNX model');

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('versions-table').locator('tbody > tr')).toHaveCount(1);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('an import job shows its progress from the events, and Cancel stops it', async ({ page, consoleServer }) => {
    // A Piper model padded to 1 GB (a sparse file: no disk space until copied into the store),
    // so the copy lasts long enough to watch and cancel.
    const padded = 1000 * 1000 * 1000;
    const disk = fs.statfsSync(consoleServer.dataDir);
    test.skip(disk.bavail * disk.bsize < 10 * padded, 'needs 10 GB free on the data disk');
    await seedStaff(consoleServer, 'fei', 'Fei Hsu');
    const dir = writePiperVoice(path.join(consoleServer.dataDir, 'incoming', 'fei-large'));
    fs.truncateSync(path.join(dir, 'voice.onnx'), padded);
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/fei');

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByText('From the incoming folder').click();
    await dialog.getByLabel('Folder or file').selectOption('fei-large');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const progress = dialog.getByTestId('import-progress');
    await expect(progress.getByTestId('import-progress-phase')).toHaveText(/^Copying voice\.onnx/);
    await expect(progress.getByTestId('import-progress-numbers')).toContainText('of 1.00 GB');
    await progress.getByRole('button', { name: 'Cancel' }).click();

    const error = dialog.getByTestId('import-error');
    await expect(error).toHaveAttribute('data-error-code', 'CANCELLED');
    await expect(error).toContainText('The operation was cancelled: the job was cancelled');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('versions-empty')).toBeVisible();
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('an upload shows its progress and can be cancelled; a retry then imports', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'eli', 'Eli Tsai');
    const voice = writePiperVoice(path.join(await tempDir('cancel'), 'eli'));
    const files = [path.join(voice, 'voice.onnx'), path.join(voice, 'voice.onnx.json')];
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/eli');

    // Hold every upload for a while, as a slow network would.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/upload/**', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByTestId('import-files-input').setInputFiles(files);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = dialog.getByTestId('upload-progress');
    await expect(progress).toContainText('Uploading voice.onnx (file 1 of 2)');
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' }).first()).toBeDisabled();
    await progress.getByRole('button', { name: 'Cancel' }).click();

    const error = dialog.getByTestId('import-error');
    await expect(error).toHaveAttribute('data-error-code', 'CANCELLED');
    await expect(error).toContainText('The operation was cancelled: the upload was cancelled');
    release();
    await page.unroute('**/api/upload/**');

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-result-active')).toHaveText('1.0.0 is now the active version.');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('an upload that meets the rate limit waits as long as the server asks, then goes on', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'gia', 'Gia Pan');
    const voice = writePiperVoice(path.join(await tempDir('limited'), 'gia'));
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/gia');
    // The first upload request is answered as an exhausted bucket would answer it.
    let refused = 0;
    await page.route('**/api/upload/**', async (route) => {
      if (refused++ > 0) return route.continue();
      return route.fulfill({
        status: 429,
        headers: { 'retry-after': '1', 'content-type': 'application/json' },
        body: JSON.stringify({ ok: false, error: { code: 'RATE_LIMITED', message: 'too many requests; try again in 1 s' } }),
      });
    });

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByTestId('import-files-input').setInputFiles([path.join(voice, 'voice.onnx'), path.join(voice, 'voice.onnx.json')]);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-result-active')).toHaveText('1.0.0 is now the active version.');
    expect(refused).toBe(3);
  });
});
