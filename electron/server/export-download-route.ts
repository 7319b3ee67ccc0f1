import fs from 'node:fs';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { httpStatusFor } from '../api/index.js';
import type { AppContext } from '../core/app-context.js';
import { BUNDLE_EXTENSION } from '../services/model-store/bundle-format.js';
import { identify } from './request-auth.js';

const BUNDLE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}$/;

/**
 * GET /api/exports/<name>: downloads a bundle that models.export wrote to <data>/exports, so an
 * admin at a browser can carry it to another workstation. Only plain names of that folder.
 */
export function exportDownloadRoutes(app: AppContext): FastifyPluginAsync {
  return async (server) => {
    server.get<{ Params: { name: string } }>('/api/exports/:name', async (request, reply) => {
      const fail = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND', message: string) =>
        reply.code(httpStatusFor(code)).send({ ok: false, error: { code, message } });
      const identity = identify(request, app.auth);
      if (!identity) return fail('UNAUTHENTICATED', 'sign in first');
      if (identity.user.role !== 'admin') return fail('FORBIDDEN', 'only an admin may download model bundles');
      const { name } = request.params;
      const file = path.join(app.store.layout.exports, name);
      if (!BUNDLE_NAME.test(name) || name.includes('..') || !name.endsWith(BUNDLE_EXTENSION) || !fs.existsSync(file)) {
        return fail('NOT_FOUND', `no bundle "${name}" in the exports folder`);
      }
      app.audit.record({ actor: identity.user.name, role: identity.user.role, action: 'models.download', target: `name=${name}`, success: true, origin: `console ${request.ip}` });
      reply.header('content-type', 'application/x-tar');
      reply.header('content-disposition', `attachment; filename="${name}"`);
      reply.header('content-length', String(fs.statSync(file).size));
      return reply.send(fs.createReadStream(file));
    });
  };
}
