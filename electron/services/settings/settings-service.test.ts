import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { makeTempDir } from '../../test-support/temp-app.js';
import { SettingsService } from './settings-service.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function service() {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'voiceops.db'));
  cleanup = () => {
    db.close();
    temp.cleanup();
  };
  return { settings: new SettingsService(db), db };
}

describe('SettingsService', () => {
  it('starts from the brief\'s defaults', () => {
    const { settings } = service();
    expect(settings.getAll()).toMatchObject({
      'modelStore.maxVersionsPerLine': 5,
      'modelStore.maxFileBytes': 2_000_000_000,
      'engine.cacheBudgetBytes': 1_000_000_000,
      'engine.maxConcurrent': 4,
      'engine.timeoutMs': 60_000,
      'engine.providerOrder': ['cuda', 'webgpu', 'dml', 'cpu'],
    });
  });

  it('changes only the keys it is given, and leaves earlier changes alone', () => {
    const { settings, db } = service();
    settings.update({ 'modelStore.maxVersionsPerLine': 3 });
    settings.update({ 'engine.maxConcurrent': 2 });
    expect(settings.get('modelStore.maxVersionsPerLine')).toBe(3);
    expect(settings.get('engine.maxConcurrent')).toBe(2);
    const stored = db.prepare('SELECT key FROM settings ORDER BY key').all() as Array<{ key: string }>;
    expect(stored.map((r) => r.key)).toEqual(['engine.maxConcurrent', 'modelStore.maxVersionsPerLine']);
  });

  it('refuses an unknown key or a value out of bounds, writing nothing', () => {
    const { settings } = service();
    expect(() => settings.update({ 'engine.maxConcurrent': 0 })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => settings.update({ nonsense: 1 } as never)).toThrow(/unknown setting/);
    expect(settings.get('engine.maxConcurrent')).toBe(4);
  });

  it('tells listeners about every change', () => {
    const { settings } = service();
    const seen: number[] = [];
    settings.onChange((all) => seen.push(all['engine.cpuThreads']));
    settings.update({ 'engine.cpuThreads': 2 });
    expect(seen).toEqual([2]);
  });
});
