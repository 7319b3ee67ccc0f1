import type { Database } from 'better-sqlite3';
import type { Role, User } from '../../api/index.js';

interface UserRow {
  id: number;
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  last_sign_in_at: string | null;
  disabled_at: string | null;
}

export interface StoredUser extends User {
  id: number;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    disabled: row.disabled_at !== null,
  };
}

export class UsersRepository {
  constructor(private readonly db: Database) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  list(): StoredUser[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  findByName(name: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
    return row && toUser(row);
  }

  findActiveByTokenHash(tokenHash: string): StoredUser | undefined {
    const row = this.db
      .prepare('SELECT * FROM users WHERE token_hash = ? AND disabled_at IS NULL')
      .get(tokenHash) as UserRow | undefined;
    return row && toUser(row);
  }

  insert(name: string, role: Role, tokenHash: string, now: string): StoredUser {
    const info = this.db
      .prepare('INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(name, role, tokenHash, now);
    return { id: Number(info.lastInsertRowid), name, role, createdAt: now, lastSignInAt: null, disabled: false };
  }

  markSignedIn(id: number, now: string): void {
    this.db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(now, id);
  }

  disable(id: number, now: string): void {
    this.db.prepare('UPDATE users SET disabled_at = COALESCE(disabled_at, ?) WHERE id = ?').run(now, id);
  }

  countActiveAdmins(): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL").get() as {
        n: number;
      }
    ).n;
  }
}
