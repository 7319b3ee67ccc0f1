import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../api/index.js';
import { makeTempDir } from '../test-support/temp-app.js';
import { openDatabase } from './connection.js';
import { schemaVersionOf, type Migration } from './migration.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function tempDbFile(): string {
  const temp = makeTempDir();
  cleanup = temp.cleanup;
  return path.join(temp.dir, 'voiceops.db');
}

const notesV2: Migration = {
  version: 2,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)'),
};

describe('migrations', () => {
  it('creates a fresh database at the latest schema, in WAL mode, with a record per migration', () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('upgrades an older database in place and keeps its rows', () => {
    const file = tempDbFile();
    const v1 = openDatabase(file, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('language', 'zh-TW', 'now')").run();
    v1.close();

    const upgraded = openDatabase(file, [...MIGRATIONS.slice(0, 1), notesV2]);
    expect(schemaVersionOf(upgraded)).toBe(2);
    expect(upgraded.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: 'zh-TW' });
    upgraded.prepare("INSERT INTO notes (body) VALUES ('works')").run();
    upgraded.close();
  });

  it('refuses a database newer than the app, with a clear message, and leaves it untouched', () => {
    const file = tempDbFile();
    openDatabase(file, [...MIGRATIONS.slice(0, 1), notesV2]).close();
    const before = fs.readFileSync(file);

    let caught: unknown;
    try {
      openDatabase(file, MIGRATIONS.slice(0, 1));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_NEWER_THAN_APP');
    expect((caught as AppError).message).toMatch(/schema version 2, newer than this app understands \(1\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole and reports the version the database stayed at', () => {
    const file = tempDbFile();
    openDatabase(file, MIGRATIONS.slice(0, 1)).close();
    const broken: Migration = {
      version: 2,
      name: 'half-done',
      up: (db) => {
        db.exec('CREATE TABLE half (id INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openDatabase(file, [...MIGRATIONS.slice(0, 1), broken])).toThrow(/left at version 1/);
    const raw = new BetterSqlite3(file);
    expect(schemaVersionOf(raw)).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    raw.close();
  });

  it('rejects a migration list with a gap (a programming error, caught before any change)', () => {
    const file = tempDbFile();
    expect(() => openDatabase(file, [{ ...notesV2, version: 3 }])).toThrow(/out of order/);
  });
});
