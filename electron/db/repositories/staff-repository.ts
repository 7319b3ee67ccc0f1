import type { Database } from 'better-sqlite3';

export interface StaffRow {
  code: string;
  name: string;
  createdAt: string;
  retiredAt: string | null;
}

export class StaffRepository {
  constructor(private readonly db: Database) {}

  list(includeRetired: boolean): StaffRow[] {
    const where = includeRetired ? '' : 'WHERE retired_at IS NULL';
    return this.db
      .prepare(`SELECT code, name, created_at AS createdAt, retired_at AS retiredAt FROM staff ${where} ORDER BY code`)
      .all() as StaffRow[];
  }

  find(code: string): StaffRow | undefined {
    return this.db
      .prepare('SELECT code, name, created_at AS createdAt, retired_at AS retiredAt FROM staff WHERE code = ?')
      .get(code) as StaffRow | undefined;
  }

  insert(code: string, name: string, now: string): void {
    this.db.prepare('INSERT INTO staff (code, name, created_at) VALUES (?, ?, ?)').run(code, name, now);
  }

  rename(code: string, name: string): void {
    this.db.prepare('UPDATE staff SET name = ? WHERE code = ?').run(name, code);
  }

  retire(code: string, now: string): void {
    this.db.prepare('UPDATE staff SET retired_at = COALESCE(retired_at, ?) WHERE code = ?').run(now, code);
  }

  delete(code: string): void {
    this.db.prepare('DELETE FROM staff WHERE code = ?').run(code);
  }
}
