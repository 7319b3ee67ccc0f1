import type { Database } from 'better-sqlite3';
import { AppError, settingsSchema, type SettingKey, type Settings } from '../../api/index.js';

export type { SettingKey, Settings } from '../../api/index.js';

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

  private readonly listeners: Array<(settings: Settings) => void> = [];

  /** Called after every change (the engine re-reads its limits and provider order). */
  onChange(listener: (settings: Settings) => void): void {
    this.listeners.push(listener);
  }

  update(patch: { [K in SettingKey]?: Settings[K] | undefined }): Settings {
    // Each given key on its own: a partial schema would fill every missing key with its
    // default, and writing those would silently reset settings nobody asked to change.
    const checked: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (!Object.hasOwn(settingsSchema.shape, key)) throw new AppError('VALIDATION_FAILED', `unknown setting "${key}"`, key);
      const parsed = settingsSchema.shape[key as SettingKey].safeParse(value);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED', `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, key);
      checked.push([key, parsed.data]);
    }
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const [key, value] of checked) upsert.run(key, JSON.stringify(value), this.now().toISOString());
    })();
    const all = this.getAll();
    for (const listener of this.listeners) listener(all);
    return all;
  }
}
