import type { Database } from 'better-sqlite3';
import { AppError, type Role, type User } from '../../api/index.js';
import { SessionsRepository } from '../../db/repositories/sessions-repository.js';
import { UsersRepository, type StoredUser } from '../../db/repositories/users-repository.js';
import { hashSecret, newSecret, TOKEN_PREFIX } from './secrets.js';

/** The brief: token-based sessions expire after 24 h. */
export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface SignedInUser {
  name: string;
  role: Role;
}

export interface NewSession {
  /** The secret the browser keeps in its cookie; only its hash is stored. */
  sessionId: string;
  expiresAt: string;
  user: SignedInUser;
}

export interface ResolvedSession {
  user: SignedInUser;
  expiresAt: string;
}

function publicUser({ id: _id, ...user }: StoredUser): User {
  return user;
}

export class AuthService {
  private readonly users: UsersRepository;
  private readonly sessions: SessionsRepository;

  constructor(
    db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.users = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
  }

  listUsers(): User[] {
    return this.users.list().map(publicUser);
  }

  hasUsers(): boolean {
    return this.users.count() > 0;
  }

  /** Creates an account and returns its token; the token is not stored and cannot be shown again. */
  addUser(name: string, role: Role): { user: User; token: string } {
    if (this.users.findByName(name)) throw new AppError('CONFLICT', `an account named "${name}" already exists`, 'name');
    const token = newSecret(TOKEN_PREFIX);
    const user = this.users.insert(name, role, hashSecret(token), this.now().toISOString());
    return { user: publicUser(user), token };
  }

  disableUser(name: string): User {
    const user = this.users.findByName(name);
    if (!user) throw new AppError('NOT_FOUND', `no account named "${name}"`, 'name');
    if (!user.disabled && user.role === 'admin' && this.users.countActiveAdmins() <= 1) {
      throw new AppError('CONFLICT', `"${name}" is the last active admin; add another admin first`, 'name');
    }
    this.users.disable(user.id, this.now().toISOString());
    this.sessions.deleteForUser(user.id);
    return publicUser({ ...user, disabled: true });
  }

  /** The account a sign-in token belongs to, or undefined for a wrong or disabled token. */
  userForToken(token: string): SignedInUser | undefined {
    const user = this.users.findActiveByTokenHash(hashSecret(token));
    return user && { name: user.name, role: user.role };
  }

  signIn(token: string, origin: string): NewSession {
    const user = this.users.findActiveByTokenHash(hashSecret(token));
    if (!user) throw new AppError('UNAUTHENTICATED', 'this sign-in token is not valid (wrong, revoked or disabled)');
    const now = this.now();
    const sessionId = newSecret();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
    this.sessions.deleteExpired(now.toISOString());
    this.sessions.insert(hashSecret(sessionId), user.id, now.toISOString(), expiresAt, origin);
    this.users.markSignedIn(user.id, now.toISOString());
    return { sessionId, expiresAt, user: { name: user.name, role: user.role } };
  }

  /** The session's user if it exists, has not expired and its account is active. */
  resolveSession(sessionId: string): ResolvedSession | undefined {
    const idHash = hashSecret(sessionId);
    const row = this.sessions.find(idHash);
    if (!row) return undefined;
    if (Date.parse(row.expiresAt) <= this.now().getTime()) {
      this.sessions.delete(idHash);
      return undefined;
    }
    return { user: { name: row.userName, role: row.role }, expiresAt: row.expiresAt };
  }

  signOut(sessionId: string): void {
    this.sessions.delete(hashSecret(sessionId));
  }
}
