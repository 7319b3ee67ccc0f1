import os from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { FrontDoor } from '../core/dispatch.js';
import type { SignedInUser } from '../services/auth/auth-service.js';
import { LOCAL_CLIENT_HEADER, LOCAL_TOKEN_PREFIX } from '../services/ownership/owner-credential.js';

export interface LocalClientIdentity {
  user: SignedInUser;
  /** The door the call is treated as coming through: what a local user may do (any local path) follows from it. */
  frontDoor: Extract<FrontDoor, 'cli' | 'desktop'>;
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * A request carrying the owner's local credential (Authorization: Bearer vo_local_...) from
 * this machine: loopback, or the server's own address when it listens on one interface only.
 * Such a caller is the local user at the workstation, like the CLI working on the folder
 * directly: it acts as admin through the CLI (or desktop) door and is not throttled like a
 * browser. From another machine the same token is refused.
 */
export function identifyLocalClient(
  request: FastifyRequest,
  credential: { matches(token: string): boolean } | undefined,
): LocalClientIdentity | undefined {
  if (!credential) return undefined;
  const header = request.headers.authorization;
  if (!header?.startsWith(`Bearer ${LOCAL_TOKEN_PREFIX}`)) return undefined;
  const socket = request.raw.socket;
  const sameMachine = isLoopback(socket.remoteAddress) || (socket.remoteAddress !== undefined && socket.remoteAddress === socket.localAddress);
  if (!sameMachine || !credential.matches(header.slice('Bearer '.length).trim())) return undefined;
  const door = request.headers[LOCAL_CLIENT_HEADER] === 'desktop' ? 'desktop' : 'cli';
  // The same names the CLI and the window use when they work on the folder themselves.
  return { user: { name: `${door === 'desktop' ? 'desktop' : 'local'}:${os.userInfo().username}`, role: 'admin' }, frontDoor: door };
}
