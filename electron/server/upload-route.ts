import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { httpStatusFor, type AppErrorData } from '../api/index.js';
import type { AppContext } from '../core/app-context.js';
import { SAFE_RELATIVE_PATH } from '../services/model-store/import-source.js';
import { identify } from './request-auth.js';

/** One path segment: letters, digits, "_", "-", "." (no leading dot, no ".."). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function send(reply: FastifyReply, error: AppErrorData): FastifyReply {
  return reply.code(httpStatusFor(error.code)).send({ ok: false, error });
}

/**
 * PUT /api/upload/<folder>/<file path>: streams one file from the browser into
 * <data>/incoming/<folder>/<file path> (sub-folders allowed, e.g. ref/clip01.wav), where
 * models.import can then take it. The body is written to
 * "<file>.part" and renamed when complete, so a broken upload never looks like a file.
 * Admin only; one request per file (large models would not fit the JSON limit or the rate).
 */
export function uploadRoutes(app: AppContext): FastifyPluginAsync {
  return async (server) => {
    server.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    server.put<{ Params: { folder: string; '*': string } }>(
      '/api/upload/:folder/*',
      { bodyLimit: app.settings.get('modelStore.maxFileBytes') },
      async (request, reply) => {
        const identity = identify(request, app.auth);
        if (!identity) return send(reply, { code: 'UNAUTHENTICATED', message: 'sign in first' });
        if (identity.user.role !== 'admin') return send(reply, { code: 'FORBIDDEN', message: 'only an admin may upload models' });
        const { folder, '*': file } = request.params;
        if (!SEGMENT.test(folder) || folder.includes('..')) {
          return send(reply, { code: 'VALIDATION_FAILED', message: 'folder: not a safe name', field: 'folder' });
        }
        if (!SAFE_RELATIVE_PATH.test(file) || file.split('/').includes('..') || file.length > 512) {
          return send(reply, { code: 'VALIDATION_FAILED', message: 'file: not a safe relative path', field: 'file' });
        }
        const target = path.join(app.store.layout.incoming, folder, ...file.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const partial = `${target}.part`;
        try {
          await pipeline(request.body as NodeJS.ReadableStream, fs.createWriteStream(partial, { mode: 0o600 }));
          fs.renameSync(partial, target);
        } catch (error) {
          fs.rmSync(partial, { force: true });
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOSPC') return send(reply, { code: 'DISK_FULL', message: 'the disk is full' });
          throw error;
        }
        app.audit.record({ actor: identity.user.name, role: identity.user.role, action: 'incoming.upload', target: `name=${folder}/${file}`, success: true, origin: request.ip });
        return { ok: true, value: { folder, file, bytes: fs.statSync(target).size } };
      },
    );
  };
}
