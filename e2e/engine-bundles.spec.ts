import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writePiperVoice } from '../electron/test-support/model-fixtures.js';
import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, seedPiperVersion, seedStaff, signInAt, watchRateLimit } from './support/model-store.js';

test.describe('Staff & Models: bundle download and the incoming folder', () => {
  test('an exported bundle downloads through the browser, byte for byte', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'cleo', 'Cleo Wu');
    await seedPiperVersion(consoleServer, 'cleo', '1.0.0');
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/cleo');

    await page.getByTestId('version-row-1.0.0').getByRole('button', { name: 'Export' }).click();
    const exported = page.getByTestId('export-result');
    await expect(exported).toContainText('Bundle written for version 1.0.0');
    const bytes = Number(await exported.getAttribute('data-bytes'));
    expect(bytes).toBeGreaterThan(0);
    const shown = (await exported.locator('code.hash').textContent())?.trim();

    const link = exported.getByRole('link', { name: 'Download bundle' });
    await expect(link).toHaveAttribute('href', /^\/api\/exports\/voice_cleo_.*\.voiceops-bundle$/);
    await expect(link).toHaveAttribute('download', '');
    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.voiceops-bundle$/);
    const file = await download.path();
    const content = await fs.readFile(file);
    expect(content.byteLength).toBe(bytes);
    expect(createHash('sha256').update(content).digest('hex')).toBe(shown);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('an admin removes an entry of the incoming folder from the import dialog, after confirming', async ({ page, consoleServer }, testInfo) => {
    const incoming = path.join(consoleServer.dataDir, 'incoming');
    writePiperVoice(path.join(incoming, 'old-upload'));
    writePiperVoice(path.join(incoming, 'keep-me'));
    await seedStaff(consoleServer, 'amy', 'Amy Lin');
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'staff/amy');

    await page.getByRole('button', { name: 'Import version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a model version' });
    await dialog.getByText('From the incoming folder').click();
    const entries = dialog.getByTestId('incoming-entries');
    await expect(entries.getByRole('listitem')).toHaveCount(2);
    await dialog.getByLabel('Folder or file').selectOption('old-upload');

    // Remove asks first; Escape takes the question back without closing the dialog.
    const remove = dialog.getByRole('button', { name: 'Remove old-upload from the incoming folder' });
    await remove.click();
    const entry = dialog.getByTestId('incoming-entry-old-upload');
    await expect(entry).toContainText('Remove “old-upload”');
    await expect(entry.getByRole('button', { name: 'Keep' })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('incoming-remove-1280x800.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await expect(entry.getByRole('button', { name: 'Keep' })).toHaveCount(0);
    await expect(remove).toBeFocused();

    await page.keyboard.press('Enter');
    await entry.getByRole('button', { name: 'Remove for good' }).click();
    await expect(dialog.getByTestId('incoming-removed')).toContainText('“old-upload” removed');
    await expect(entries.getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByTestId('incoming-entry-keep-me')).toBeVisible();
    // The choice that pointed at it is cleared, and the folder is gone from the disk.
    await expect(dialog.getByLabel('Folder or file')).toHaveValue('');
    await expect(dialog.getByLabel('Folder or file').locator('option', { hasText: 'old-upload' })).toHaveCount(0);
    expect((await fs.readdir(incoming)).sort()).toEqual(['keep-me']);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });
});
