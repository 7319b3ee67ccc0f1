import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventBus } from '../core/event-bus.js';
import type { RequestIdentity } from './request-auth.js';

const KEEPALIVE_MS = 25_000;

/**
 * GET /api/events: Server-Sent Events carrying the contract's events the caller's role may see.
 * The stream ends when the session expires, so an expired browser tab stops receiving data.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  bus: EventBus,
  identity: RequestIdentity,
  open: Set<ServerResponse>,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  res.write(': connected\n\n');
  // Tracked so the server can end every stream when it shuts down (they never end by themselves).
  open.add(res);
  const unsubscribe = bus.subscribe(identity.user.role, (message) => {
    res.write(`event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  const expiresInMs = identity.expiresAt ? Date.parse(identity.expiresAt) - Date.now() : undefined;
  const expiry =
    expiresInMs === undefined ? undefined : setTimeout(() => res.end(), Math.max(0, Math.min(expiresInMs, 2 ** 31 - 1)));
  const stop = (): void => {
    open.delete(res);
    unsubscribe();
    clearInterval(keepalive);
    if (expiry) clearTimeout(expiry);
  };
  request.raw.on('close', stop);
  res.on('close', stop);
}
