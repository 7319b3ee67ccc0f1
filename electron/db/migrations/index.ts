import type { Migration } from '../migration.js';
import { accountsAndAudit } from './001-accounts-and-audit.js';
import { modelStore } from './002-model-store.js';
import { previewsAndRatings } from './003-previews-and-ratings.js';
import { backups } from './004-backups.js';
import { metricsAndAlerts } from './005-metrics-and-alerts.js';
import { backupOutcome } from './006-backup-outcome.js';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [accountsAndAudit, modelStore, previewsAndRatings, backups, metricsAndAlerts, backupOutcome];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
