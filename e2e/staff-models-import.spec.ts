import fs from 'node:fs/promises';
import path from 'node:path';
import { writeGptSovitsVoice, writePiperVoice } from '../electron/test-support/model-fixtures.js';
import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedStaff, signInAt, tempDir, watchRateLimit } from './support/model-store.js';

test.describe('Staff & Models: adding staff and importing voices', () => {
  test('an admin adds a staff member and imports their first version from the incoming folder', async ({ page, consoleServer }) => {
    writePiperVoice(path.join(consoleServer.dataDir, 'incoming', 'amy-v1'));
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin');
    await expect(page.getByTestId('staff-empty')).toBeVisible();

    await page.getByRole('button', { name: 'Add staff member' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add a staff member' });
    await expect(addDialog.getByLabel('Staff code')).toBeFocused();
    await addDialog.getByLabel('Staff code').fill('amy');
    await addDialog.getByLabel('Display name').fill('Amy Chen');
    await addDialog.getByRole('button', { name: 'Add staff member' }).click();

    // The new member's page opens, with no version yet.
    await expect(page.getByTestId('member-name')).toContainText('Amy Chen');
    await expect(page.getByTestId('versions-empty')).toBeVisible();

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await expect(dialog.getByLabel('Model line')).toHaveValue('voice/amy');
    await expect(dialog.getByLabel('Version')).toHaveValue('1.0.0');
    await dialog.getByText('From the incoming folder').click();
    await dialog.getByLabel('Folder or file').selectOption('amy-v1');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();

    const result = page.getByTestId('import-result');
    await expect(result).toContainText('voice/amy 1.0.0 imported.');
    await expect(result).toContainText('2 files');
    await expect(page.getByTestId('import-result-active')).toHaveText('1.0.0 is now the active version.');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(dialog).toHaveCount(0);

    const row = page.getByTestId('version-row-1.0.0');
    await expect(row).toHaveAttribute('data-active', 'true');
    await expect(row.getByTestId('version-active')).toHaveText('active');
    await expect(row.getByTestId('version-verify-state')).toHaveText('ok');
    await expect(row.getByTestId('version-imported-by')).toHaveText('by admin');
    await expect(page.getByTestId('member-active-version')).toHaveText('1.0.0');

    // Back in the list, the member shows the version.
    await page.getByTestId('staff-back').click();
    const listRow = page.getByTestId('staff-row-amy');
    await expect(listRow.getByTestId('staff-active-version')).toHaveText('1.0.0');
    await expect(listRow.getByTestId('staff-version-count')).toHaveText('1');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('an admin uploads a voice from the browser, imports it, and a newer version takes over', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'ben', 'Ben Lin');
    const first = writePiperVoice(path.join(await tempDir('upload'), 'ben-v1'));
    const second = writePiperVoice(path.join(await tempDir('upload'), 'ben-v2'), 'voice', { gain: 2 });
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin');
    await page.getByTestId('staff-open-ben').click();
    await expect(page.getByTestId('member-name')).toContainText('Ben Lin');

    // 1.0.0: two files picked with the file input.
    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByTestId('import-files-input').setInputFiles([path.join(first, 'voice.onnx'), path.join(first, 'voice.onnx.json')]);
    await expect(dialog.getByTestId('import-upload-summary')).toContainText('2 files to upload');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('import-result-active')).toHaveText('1.0.0 is now the active version.');
    await dialog.getByTestId('import-close').click();
    await expect(page.getByTestId('version-row-1.0.0')).toHaveAttribute('data-active', 'true');

    // The upload landed in <data>/incoming/upload-…/ with the two files.
    const uploads = (await fs.readdir(path.join(consoleServer.dataDir, 'incoming'))).filter((name) => name.startsWith('upload-'));
    expect(uploads).toHaveLength(1);
    expect((await fs.readdir(path.join(consoleServer.dataDir, 'incoming', uploads[0]!))).sort()).toEqual(['voice.onnx', 'voice.onnx.json']);

    // 1.1.0: a whole folder picked; the next minor version is suggested.
    await page.getByRole('button', { name: 'Import version' }).click();
    await expect(dialog.getByLabel('Version')).toHaveValue('1.1.0');
    await dialog.getByTestId('import-folder-input').setInputFiles(second);
    await expect(dialog.getByTestId('import-upload-summary')).toContainText('2 files to upload');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByTestId('import-result-active')).toHaveText('1.1.0 is now the active version.');
    await dialog.getByTestId('import-close').click();

    // The active marker moved.
    await expect(page.getByTestId('version-row-1.1.0')).toHaveAttribute('data-active', 'true');
    await expect(page.getByTestId('version-row-1.0.0')).toHaveAttribute('data-active', 'false');
    await expect(page.getByTestId('version-row-1.0.0').getByTestId('version-active')).toHaveCount(0);
    await expect(page.getByTestId('line-state')).toContainText('active 1.1.0, following the latest version');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('a GPT-SoVITS export folder uploads with its ref/ sub-folder, and its reference audio is counted', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'ivy', 'Ivy Sun');
    // One clip: every file is one request, and the whole test must stay inside the rate limit.
    const folder = writeGptSovitsVoice(path.join(await tempDir('gs-upload'), 'ivy export'), 'voice', [{ seconds: 4, text: '您好，很高興為您服務。' }]);
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/ivy');

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByTestId('import-folder-input').setInputFiles(folder);
    const summary = dialog.getByTestId('import-upload-summary');
    // Four graphs, the SSL graph, the clip and its text.
    await expect(summary).toContainText('7 files to upload');
    await expect(summary).toContainText('chinese-hubert-base.onnx');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-result')).toContainText('7 files');
    await expect(dialog.getByTestId('import-result')).toContainText('format gpt-sovits-v2');
    await dialog.getByTestId('import-close').click();

    const uploads = (await fs.readdir(path.join(consoleServer.dataDir, 'incoming'))).filter((name) => name.startsWith('upload-'));
    expect((await fs.readdir(path.join(consoleServer.dataDir, 'incoming', uploads[0]!, 'ref'))).sort()).toEqual(['clip01.txt', 'clip01.wav']);
    await page.getByTestId('models-tab-storage').click();
    await expect(page.getByTestId('storage-staff-ivy')).not.toContainText('0 B');
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });
});
