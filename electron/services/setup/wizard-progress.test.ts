import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { makeTempDir } from '../../test-support/temp-app.js';
import { SettingsService } from '../settings/settings-service.js';
import { describeWizard, furthestReachable, WIZARD_ROW_KEY, WizardProgress } from './wizard-progress.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function progress() {
  const temp = makeTempDir();
  const db = openDatabase(path.join(temp.dir, 'voiceops.db'));
  cleanup = () => {
    db.close();
    temp.cleanup();
  };
  return { progress: new WizardProgress(db), db };
}

describe('wizard progress in the settings table', () => {
  it('round-trips, and is not a user setting (settings show and backups do not see it)', () => {
    const { progress: p, db } = progress();
    p.write({ current: 'database', steps: { language: { state: 'done', at: '2026-01-01T00:00:00.000Z' } }, language: 'zh-TW', staffCount: 12, completedAt: null }, new Date());
    expect(p.read()).toMatchObject({ current: 'database', language: 'zh-TW', staffCount: 12 });
    expect(Object.keys(new SettingsService(db).getAll())).not.toContain(WIZARD_ROW_KEY);
  });

  it.each(['not json', '{"current":"nowhere"}', '{"current":"hardware","steps":{},"language":null,"staffCount":0,"completedAt":null}'])(
    'a damaged row (%s) starts the wizard over instead of failing the console',
    (value) => {
      const { progress: p, db } = progress();
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(WIZARD_ROW_KEY, value, new Date().toISOString());
      expect(p.read()).toEqual({ current: 'language', steps: {}, language: null, staffCount: 10, completedAt: null });
    },
  );

  it('reaches no further than the first unconfirmed step; every step once all are confirmed', () => {
    const at = '2026-01-01T00:00:00.000Z';
    const base = { current: 'language' as const, language: null, staffCount: 10, completedAt: null };
    expect(furthestReachable({ ...base, steps: {} })).toBe('language');
    expect(furthestReachable({ ...base, steps: { language: { state: 'done', at }, hardware: { state: 'done', at } } })).toBe('data-folder');
    const all = Object.fromEntries(['language', 'hardware', 'data-folder', 'database', 'accounts', 'backup', 'samples'].map((id) => [id, { state: 'done' as const, at }]));
    expect(furthestReachable({ ...base, steps: all })).toBe('summary');
    expect(describeWizard({ ...base, steps: all }).steps.at(-1)).toEqual({ id: 'summary', state: 'pending', at: null });
  });
});
