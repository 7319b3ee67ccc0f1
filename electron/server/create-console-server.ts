import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { httpStatusFor, JOB_ID_PATTERN, type AppErrorData } from '../api/index.js';
import type { AppContext } from '../core/app-context.js';
import { CONTENT_SECURITY_POLICY_DIRECTIVES } from '../core/content-security-policy.js';
import { validationFailure } from '../core/dispatch.js';
import { TokenBucketLimiter, type RateLimitOptions } from '../services/auth/rate-limiter.js';
import { openEventStream } from './event-stream.js';
import { uploadRoutes } from './upload-route.js';
import { exportDownloadRoutes } from './export-download-route.js';
import { clearSessionCookie, identify, setSessionCookie } from './request-auth.js';
import { identifyLocalClient } from './local-client-auth.js';

/** JSON bodies above this are refused before they are parsed (the 1 MB). */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

export interface ConsoleServerOptions {
  app: AppContext;
  /** Folder with the built renderer (index.html and assets); absent means API only. */
  rendererDir: string | null;
  rateLimit?: RateLimitOptions;
  uploadRateLimit?: RateLimitOptions;
  /** Set when served over HTTPS: cookies get the Secure flag and HSTS is sent. */
  tls?: { key: Buffer; cert: Buffer };
  /** The owner's local credential (run/owner.json): local clients (CLI, attached window) present it. */
  localCredential?: { matches(token: string): boolean };
}

const signInBody = z.object({ token: z.string().min(1, 'paste the sign-in token').max(200) }).strict();

function sendError(reply: FastifyReply, error: AppErrorData): FastifyReply {
  return reply.code(httpStatusFor(error.code)).send({ ok: false, error });
}

/** Maps fastify's own request errors (body parsing, limits) onto our stable codes. */
function requestErrorToAppError(error: FastifyError): AppErrorData | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'BODY_TOO_LARGE', message: `request body over ${JSON_BODY_LIMIT_BYTES} bytes` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'MALFORMED_REQUEST', message: 'send the input as JSON with Content-Type: application/json' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'MALFORMED_REQUEST', message: 'the request body is not valid JSON' };
    default:
      if (error instanceof SyntaxError || error.statusCode === 400) {
        return { code: 'MALFORMED_REQUEST', message: 'the request body is not valid JSON' };
      }
      return undefined;
  }
}

/**
 * The headless console: the renderer's static files, POST /api/rpc/<procedure> over the same
 * dispatch as IPC and the CLI, sign-in/sign-out, and GET /api/events (Server-Sent Events).
 */
export async function createConsoleServer(options: ConsoleServerOptions) {
  const { app } = options;
  const secure = options.tls !== undefined;
  const limiter = new TokenBucketLimiter(options.rateLimit ?? { perMinute: 100, burst: 20 });
  // File uploads are one request per file (a GPT-SoVITS voice is about 100 files): they get a
  // bucket of their own, so uploading a voice neither takes minutes nor starves the page's calls.
  // They are admin-only and authenticated before a byte is written.
  const uploadLimiter = new TokenBucketLimiter(options.uploadRateLimit ?? { perMinute: 1200, burst: 200 });
  const server = Fastify({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    loggerInstance: app.logger,
    ...(options.tls ? { https: { ...options.tls, minVersion: 'TLSv1.2' as const } } : {}),
  });
  const openStreams = new Set<ServerResponse>();
  server.addHook('preClose', async () => {
    for (const stream of openStreams) stream.end();
    openStreams.clear();
  });
  // Only JSON is accepted: an HTML form cannot send it cross-site, so no CSRF through forms.
  server.removeContentTypeParser('text/plain');

  await server.register(fastifyCookie);
  await server.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY_DIRECTIVES },
    hsts: secure,
    crossOriginEmbedderPolicy: false,
  });

  server.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    // The local user's CLI and window are not a browser: they share no bucket with it, so
    // seeding data from the CLI never spends the page's budget (and cannot be throttled).
    if (identifyLocalClient(request, options.localCredential)) {
      reply.header('cache-control', 'no-store');
      return undefined;
    }
    const decision = (request.url.startsWith('/api/upload/') ? uploadLimiter : limiter).take(request.ip);
    reply.header('x-ratelimit-remaining', String(decision.remaining));
    if (!decision.allowed) {
      reply.header('retry-after', String(decision.retryAfterSeconds));
      return sendError(reply, {
        code: 'RATE_LIMITED',
        message: `too many requests; try again in ${decision.retryAfterSeconds} s`,
      });
    }
    reply.header('cache-control', 'no-store');
    return undefined;
  });

  server.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = requestErrorToAppError(error);
    if (mapped) return sendError(reply, mapped);
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, { code: 'INTERNAL', message: 'the server could not handle this request' });
  });

  // For monitoring tools, without a session: each check's state only (the details, which name
  // folders and versions, need a sign-in: health.get). 503 when a check fails.
  server.get('/api/health', async (_request, reply) => {
    const health = await app.health.check();
    if (health.state === 'fail') void reply.code(503);
    return { ok: true, value: { status: 'up', health: health.state, checks: health.checks.map(({ name, state }) => ({ name, state })) } };
  });

  server.post('/api/session', async (request, reply) => {
    const parsed = signInBody.safeParse(request.body ?? {});
    if (!parsed.success) return sendError(reply, validationFailure(parsed.error));
    try {
      const session = app.auth.signIn(parsed.data.token, request.ip);
      app.audit.record({ actor: session.user.name, role: session.user.role, action: 'session.signIn', target: null, success: true, origin: `console ${request.ip}` });
      setSessionCookie(reply, session.sessionId, secure);
      return { ok: true, value: { user: session.user, expiresAt: session.expiresAt, frontDoor: 'headless' } };
    } catch {
      app.audit.record({ actor: 'unknown', role: null, action: 'session.signIn', target: null, success: false, origin: `console ${request.ip}` });
      return sendError(reply, { code: 'UNAUTHENTICATED', message: 'this sign-in token is not valid (wrong, revoked or disabled)' });
    }
  });

  server.delete('/api/session', async (request, reply) => {
    const sessionId = request.cookies['voiceops_session'];
    if (sessionId) app.auth.signOut(sessionId);
    clearSessionCookie(reply, secure);
    return { ok: true, value: null };
  });

  server.post<{ Params: { name: string } }>('/api/rpc/:name', async (request, reply) => {
    const local = identifyLocalClient(request, options.localCredential);
    const identity = local ? { user: local.user, expiresAt: null } : identify(request, app.auth);
    if (!identity) return sendError(reply, { code: 'UNAUTHENTICATED', message: 'sign in first (no valid session or token)' });
    const jobId = request.headers['x-voiceops-job-id'];
    const gone = new AbortController();
    // The response closing before it finished means the client went away.
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) gone.abort();
    });
    const result = await app.call(request.params.name, request.body ?? {}, {
      signal: gone.signal,
      user: identity.user,
      frontDoor: local ? local.frontDoor : 'headless',
      origin: local ? local.frontDoor : request.ip,
      sessionExpiresAt: identity.expiresAt,
      ...(typeof jobId === 'string' && JOB_ID_PATTERN.test(jobId) ? { jobId } : {}),
    });
    return result.ok ? result : sendError(reply, result.error);
  });

  server.get('/api/events', async (request, reply) => {
    const local = identifyLocalClient(request, options.localCredential);
    const identity = local ? { user: local.user, expiresAt: null } : identify(request, app.auth);
    if (!identity) return sendError(reply, { code: 'UNAUTHENTICATED', message: 'sign in first (no valid session or token)' });
    openEventStream(request, reply, app.bus, identity, openStreams);
    return reply;
  });

  await server.register(uploadRoutes(app));
  await server.register(exportDownloadRoutes(app));

  server.all('/api/*', async (_request, reply) =>
    sendError(reply, { code: 'NOT_FOUND', message: 'no such API endpoint; procedures are called as POST /api/rpc/<name>' }),
  );

  const rendererDir = options.rendererDir;
  if (rendererDir && fs.existsSync(path.join(rendererDir, 'index.html'))) {
    await server.register(fastifyStatic, { root: rendererDir, index: 'index.html', wildcard: false });
    // The renderer routes in the browser; any other GET gets the app shell.
    server.setNotFoundHandler((request, reply) =>
      request.method === 'GET' ? reply.type('text/html').sendFile('index.html') : sendError(reply, { code: 'NOT_FOUND', message: 'not found' }),
    );
  } else {
    server.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The console web files are not built. Run "npm run build", then restart the console.'),
    );
  }
  return server;
}
export type ConsoleServer = Awaited<ReturnType<typeof createConsoleServer>>;
