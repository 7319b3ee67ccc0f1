import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { WIZARD_LANGUAGES, WIZARD_STEPS, type WizardState, type WizardStep } from '../../api/index.js';

/**
 * Where the setup wizard is, kept server-side so a restart of the console resumes at the same
 * step. It is one JSON row of the settings table under a key that is not a user setting
 * (`settings show` and backups read only declared keys), which needs no migration of its own.
 */
export const WIZARD_ROW_KEY = 'setup.wizard';
export const DEFAULT_STAFF_COUNT = 10;

const storedSchema = z.object({
  current: z.enum(WIZARD_STEPS),
  steps: z.partialRecord(z.enum(WIZARD_STEPS), z.object({ state: z.enum(['done', 'skipped']), at: z.string() })),
  language: z.enum(WIZARD_LANGUAGES).nullable(),
  staffCount: z.number().int().min(1).max(1000),
  completedAt: z.string().nullable(),
});
export type StoredWizard = z.infer<typeof storedSchema>;

const FRESH: StoredWizard = { current: 'language', steps: {}, language: null, staffCount: DEFAULT_STAFF_COUNT, completedAt: null };

export class WizardProgress {
  constructor(private readonly db: Database) {}

  read(): StoredWizard {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(WIZARD_ROW_KEY) as { value: string } | undefined;
    if (!row) return { ...FRESH, steps: {} };
    try {
      const parsed = storedSchema.safeParse(JSON.parse(row.value));
      // A hand-edited or damaged row starts the wizard over rather than failing the console.
      return parsed.success ? parsed.data : { ...FRESH, steps: {} };
    } catch {
      return { ...FRESH, steps: {} };
    }
  }

  write(state: StoredWizard, now: Date): void {
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(WIZARD_ROW_KEY, JSON.stringify(storedSchema.parse(state)), now.toISOString());
  }
}

export function describeWizard(stored: StoredWizard): WizardState {
  return {
    current: stored.current,
    steps: WIZARD_STEPS.map((id) => ({ id, state: stored.steps[id]?.state ?? 'pending', at: stored.steps[id]?.at ?? null })),
    language: stored.language,
    staffCount: stored.staffCount,
    completedAt: stored.completedAt,
  };
}

/** The furthest step the wizard may show: the first one not yet confirmed (or any, once all are). */
export function furthestReachable(stored: StoredWizard): WizardStep {
  return WIZARD_STEPS.find((id) => id !== 'summary' && !stored.steps[id]) ?? 'summary';
}
