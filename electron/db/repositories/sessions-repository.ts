import type { Database } from 'better-sqlite3';
import type { Role } from '../../api/index.js';

export interface SessionRow {
  userId: number;
  userName: string;
  role: Role;
  expiresAt: string;
}

/** Sessions are stored by the hash of their id, so a copy of the database cannot be used to sign in. */
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  insert(idHash: string, userId: number, createdAt: string, expiresAt: string, origin: string): void {
    this.db
      .prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at, origin) VALUES (?, ?, ?, ?, ?)')
      .run(idHash, userId, createdAt, expiresAt, origin);
  }

  /** The session's user, if the session exists and its user is not disabled (expiry is checked by the caller). */
  find(idHash: string): SessionRow | undefined {
    return this.db
      .prepare(
        `SELECT s.user_id AS userId, u.name AS userName, u.role AS role, s.expires_at AS expiresAt
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id_hash = ? AND u.disabled_at IS NULL`,
      )
      .get(idHash) as SessionRow | undefined;
  }

  delete(idHash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  deleteForUser(userId: number): void {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
  }

  deleteExpired(now: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }
}
