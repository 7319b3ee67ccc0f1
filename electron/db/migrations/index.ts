import type { Migration } from '../migration.js';
import { accountsAndAudit } from './001-accounts-and-audit.js';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [accountsAndAudit];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
