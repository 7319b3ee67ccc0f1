import type {} from '@fastify/cookie'; // brings request.cookies and reply.setCookie into the types
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService, SignedInUser } from '../services/auth/auth-service.js';
import { SESSION_LIFETIME_MS } from '../services/auth/auth-service.js';

export const SESSION_COOKIE = 'voiceops_session';

export interface RequestIdentity {
  user: SignedInUser;
  /** null for a bearer token (scripts), which has no session. */
  expiresAt: string | null;
}

/**
 * A browser proves itself with the session cookie set at sign-in; a script may instead send
 * its sign-in token as "Authorization: Bearer vo_...", which is checked on every request.
 */
export function identify(request: FastifyRequest, auth: AuthService): RequestIdentity | undefined {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId) {
    const session = auth.resolveSession(sessionId);
    if (session) return session;
  }
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const user = auth.userForToken(header.slice('Bearer '.length).trim());
    if (user) return { user, expiresAt: null };
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, sessionId: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    // Strict: no other site can make the browser send it, which is our CSRF defence together
    // with requiring a JSON content type on every call.
    sameSite: 'strict',
    secure,
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
