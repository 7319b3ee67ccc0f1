import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/** Every setting with its default (the brief's figures) and its bounds. */
export const settingsSchema = z.object({
  'modelStore.maxVersionsPerLine': z.number().int().min(1).max(100).default(5),
  'modelStore.maxFileBytes': z.number().int().min(1024).max(64 * 1024 ** 3).default(2 * 1024 ** 3),
  'modelStore.verifyIntervalHours': z.number().int().min(1).max(24 * 365).default(24 * 7),
  'modelStore.diskLimitPercent': z.number().min(50).max(99).default(90),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

/** Settings live in the registry's key/value table as JSON; unknown or invalid stored values fall back to defaults. */
export class SettingsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  getAll(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value) as unknown;
      } catch {
        // A hand-edited bad value is ignored; the default applies.
      }
    }
    const defaults = settingsSchema.parse({});
    const result: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults) as SettingKey[]) {
      const parsed = settingsSchema.shape[key].safeParse(stored[key]);
      if (stored[key] !== undefined && parsed.success) result[key] = parsed.data;
    }
    return result as Settings;
  }

  get<K extends SettingKey>(key: K): Settings[K] {
    return this.getAll()[key];
  }

  update(patch: Partial<Settings>): Settings {
    const checked = settingsSchema.partial().strict().parse(patch);
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(checked)) upsert.run(key, JSON.stringify(value), this.now().toISOString());
    })();
    return this.getAll();
  }
}
