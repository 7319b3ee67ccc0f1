import type { Database } from 'better-sqlite3';
import { AuditRepository, type AuditEntry, type StoredAuditEntry } from '../../db/repositories/audit-repository.js';

export type { AuditEntry } from '../../db/repositories/audit-repository.js';

/** Who did what to which thing, from where, and whether it worked. Never holds secrets. */
export class AuditLog {
  private readonly repo: AuditRepository;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new AuditRepository(db);
  }

  record(entry: AuditEntry): void {
    this.repo.append(entry, this.now().toISOString());
  }

  recent(limit = 100): StoredAuditEntry[] {
    return this.repo.recent(limit);
  }
}
