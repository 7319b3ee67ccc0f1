import type { Migration } from '../migration.js';

/**
 * How the last scheduled backup ended: NULL when it succeeded (or none ran yet), else what
 * failed. A scheduled run happens with nobody watching, so its failure must stay visible (the
 * Backups screen, the health check) until a later run succeeds.
 */
export const backupOutcome: Migration = {
  version: 6,
  name: 'backup-outcome',
  up(db) {
    db.exec('ALTER TABLE backup_schedule ADD COLUMN last_error TEXT');
  },
};
