import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { makeTempDir } from '../../test-support/temp-app.js';
import { AuthService, SESSION_LIFETIME_MS } from './auth-service.js';
import { hashSecret } from './secrets.js';
import path from 'node:path';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup(start = Date.parse('2026-11-26T08:00:00Z')) {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'voiceops.db');
  const db = openDatabase(file);
  cleanup = () => {
    db.close();
    temp.cleanup();
  };
  const clock = { now: start };
  const auth = new AuthService(db, () => new Date(clock.now));
  return { auth, db, file, clock };
}

describe('AuthService', () => {
  it('stores only the hash of a token, never the token itself', () => {
    const { auth, file } = setup();
    const { token } = auth.addUser('ann', 'admin');
    expect(token).toMatch(/^vo_[A-Za-z0-9_-]{43}$/);
    const raw = new BetterSqlite3(file, { readonly: true });
    const row = raw.prepare('SELECT token_hash FROM users WHERE name = ?').get('ann') as { token_hash: string };
    raw.close();
    expect(row.token_hash).toBe(hashSecret(token));
    expect(row.token_hash).not.toContain(token.slice(3));
  });

  it('signs in with the right token only, and the session resolves to the user and role', () => {
    const { auth } = setup();
    const { token } = auth.addUser('sue', 'supervisor');
    expect(() => auth.signIn(token + 'x', '127.0.0.1')).toThrow(/not valid/);
    const session = auth.signIn(token, '127.0.0.1');
    expect(auth.resolveSession(session.sessionId)).toEqual({
      user: { name: 'sue', role: 'supervisor' },
      expiresAt: session.expiresAt,
    });
    expect(auth.resolveSession('made-up')).toBeUndefined();
  });

  it('expires a session after 24 hours', () => {
    const { auth, clock } = setup();
    const { token } = auth.addUser('ann', 'admin');
    const session = auth.signIn(token, '127.0.0.1');
    clock.now += SESSION_LIFETIME_MS - 1000;
    expect(auth.resolveSession(session.sessionId)).toBeDefined();
    clock.now += 2000;
    expect(auth.resolveSession(session.sessionId)).toBeUndefined();
  });

  it('disabling an account ends its sessions and its token at once', () => {
    const { auth } = setup();
    auth.addUser('ann', 'admin');
    const { token } = auth.addUser('sue', 'supervisor');
    const session = auth.signIn(token, '127.0.0.1');
    auth.disableUser('sue');
    expect(auth.resolveSession(session.sessionId)).toBeUndefined();
    expect(auth.userForToken(token)).toBeUndefined();
    expect(() => auth.signIn(token, '127.0.0.1')).toThrow(/not valid/);
  });

  it('refuses a duplicate name and disabling the last active admin', () => {
    const { auth } = setup();
    auth.addUser('ann', 'admin');
    expect(() => auth.addUser('ann', 'supervisor')).toThrow(expect.objectContaining({ code: 'CONFLICT', field: 'name' }));
    expect(() => auth.disableUser('ann')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => auth.disableUser('nobody')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
