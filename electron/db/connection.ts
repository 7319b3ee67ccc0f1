import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { Migration } from './migration.js';
import { migrate } from './migration.js';
import { MIGRATIONS } from './migrations/index.js';

export type { Database } from 'better-sqlite3';

export const DATABASE_FILE = 'voiceops.db';

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * Opens (creating if needed) and migrates the registry. WAL lets the CLI read while the
 * console writes; synchronous=FULL because a lost commit here can mean a lost model record.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
