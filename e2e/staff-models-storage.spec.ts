import { expect, test } from './support/fixtures.js';
import { RATE_FLOOR, cli, seedGptSovitsVersion, seedPiperVersion, seedStaff, signInAt, watchRateLimit } from './support/model-store.js';

interface StorageJson {
  disk: { totalBytes: number; freeBytes: number; usedPercent: number };
  categories: Array<{ key: string; bytes: number }>;
  newStaffMemberEstimateBasis: 'measured' | 'brief';
}

const CATEGORIES = {
  pretrained: 'Pretrained base models',
  emotion: 'Emotion models',
  voices: 'Staff voice models',
  referenceAudio: 'Reference audio',
  backups: 'Backups (on this disk)',
  logs: 'Logs',
  cache: 'Cache',
  incoming: 'Waiting to be imported',
  exports: 'Exported bundles',
  database: 'Registry database',
};

test.describe('Staff & Models: storage', () => {
  test('the storage view shows every category, the disk against its limit, and each staff member', async ({ page, consoleServer }) => {
    await seedStaff(consoleServer, 'gus', 'Gus Lai');
    await seedStaff(consoleServer, 'hana', 'Hana Yeh');
    await seedGptSovitsVersion(consoleServer, 'gus', '1.0.0');
    await seedPiperVersion(consoleServer, 'hana', '1.0.0');
    const rate = watchRateLimit(page);
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'storage');
    const expected = await cli<StorageJson>(consoleServer, ['storage']);

    await expect(page.getByTestId('models-tab-storage')).toHaveAttribute('aria-current', 'page');
    const table = page.getByTestId('storage-categories');
    for (const [key, label] of Object.entries(CATEGORIES)) {
      await expect(table.getByTestId(`storage-category-${key}`)).toContainText(label);
    }
    for (const key of ['voices', 'referenceAudio']) {
      const bytes = expected.categories.find((c) => c.key === key)!.bytes;
      expect(bytes).toBeGreaterThan(0);
      await expect(table.getByTestId(`storage-category-${key}`)).toHaveAttribute('data-bytes', String(bytes));
    }

    const disk = page.getByTestId('disk-usage');
    await expect(page.getByTestId('disk-used-percent')).toHaveText(/^\d+(\.\d)? %$/);
    expect(Number(await disk.getAttribute('data-used-percent'))).toBeCloseTo(expected.disk.usedPercent, 0);
    await expect(page.getByTestId('disk-bar')).toHaveAttribute('aria-label', /in use .*imports stop at 90 %/);
    await expect(page.getByTestId('disk-limit-marker')).toHaveAttribute('x1', '90%');
    await expect(page.getByTestId('disk-state')).toHaveText(expected.disk.usedPercent >= 90 ? 'over the 90 % limit' : 'below the 90 % limit');
    await expect(page.getByTestId('disk-total')).toHaveText(/\d (kB|MB|GB|TB)$/);

    await expect(page.getByTestId('storage-staff-gus')).toContainText('Gus Lai');
    await expect(page.getByTestId('storage-staff-hana')).toContainText('0 B');
    await expect(page.getByTestId('storage-estimate')).toHaveAttribute('data-basis', 'measured');
    await expect(page.getByTestId('storage-estimate')).toContainText('Measured: the average');
    await expect(page.getByTestId('storage-dedup')).toContainText('Saved by de-duplication');

    // Traditional Chinese, the same numbers.
    await page.getByTestId('language-select').selectOption('zh-TW');
    await expect(table.getByTestId('storage-category-referenceAudio')).toContainText('參考音訊');
    await expect(page.getByTestId('disk-state')).toHaveText(/% 上限$/);
    expect(rate.lowest(), rate.requests().join('\n')).toBeGreaterThanOrEqual(RATE_FLOOR);
  });

  test('with no voice stored yet, the estimate comes from the brief', async ({ page, consoleServer }) => {
    await signInAt(page, consoleServer, consoleServer.adminToken, 'admin', 'storage');
    await expect(page.getByTestId('storage-estimate')).toHaveAttribute('data-basis', 'brief');
    await expect(page.getByTestId('storage-estimate')).toContainText('about 1.40 GB');
    await expect(page.getByTestId('storage-estimate')).toContainText('1.4 GB per staff member');
    await expect(page.getByTestId('storage-staff-empty')).toBeVisible();
  });
});
