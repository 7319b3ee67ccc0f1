import type { Database } from 'better-sqlite3';
import { AppError } from '../api/index.js';

export interface Migration {
  /** 1, 2, 3, ... in order, never reused; the database's schema version is the last one applied. */
  version: number;
  name: string;
  up(db: Database): void;
}

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration list out of order: position ${index + 1} holds version ${migration.version}`);
    }
  });
}

/**
 * Brings the database up to the newest schema, one migration per transaction (a failed
 * migration leaves the database at the previous version). A database written by a newer app
 * is refused rather than touched: its tables may mean things this version does not know.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): { from: number; to: number } {
  assertWellFormed(migrations);
  const latest = migrations.length;
  const from = schemaVersionOf(db);
  if (from > latest) {
    throw new AppError(
      'DB_NEWER_THAN_APP',
      `the database ${file} has schema version ${from}, newer than this app understands (${latest}); ` +
        'install the newer VoiceOps Admin that wrote it, or use another --data-dir',
    );
  }
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  for (const migration of migrations.slice(from)) {
    const apply = db.transaction(() => {
      migration.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'DB_MIGRATION_FAILED',
        `migration ${migration.version} (${migration.name}) failed on ${file}: ${reason}; the database was left at version ${schemaVersionOf(db)}`,
      );
    }
  }
  return { from, to: schemaVersionOf(db) };
}
