import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  success: boolean;
  origin: string;
  detail?: string | null;
}

export interface StoredAuditEntry extends AuditEntry {
  id: number;
  at: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  success: number;
  origin: string;
  detail: string | null;
}

export class AuditRepository {
  constructor(private readonly db: Database) {}

  append(entry: AuditEntry, at: string): void {
    this.db
      .prepare(
        'INSERT INTO audit_log (at, actor, role, action, target, success, origin, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(at, entry.actor, entry.role, entry.action, entry.target, entry.success ? 1 : 0, entry.origin, entry.detail ?? null);
  }

  recent(limit: number): StoredAuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
    return rows.map((row) => ({ ...row, success: row.success === 1 }));
  }
}
