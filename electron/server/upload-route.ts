import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError, httpStatusFor, type AppErrorData } from '../api/index.js';
import type { AppContext } from '../core/app-context.js';
import { SAFE_RELATIVE_PATH } from '../services/model-store/import-source.js';
import { identify } from './request-auth.js';

/** One path segment: letters, digits, "_", "-", "." (no leading dot, no ".."). */
const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

function send(reply: FastifyReply, error: AppErrorData): FastifyReply {
  return reply.code(httpStatusFor(error.code)).send({ ok: false, error });
}

/** Passes bytes through until `limit`, then fails: the size limit holds whatever the headers say. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new AppError('BODY_TOO_LARGE', `the file is over the ${limit}-byte limit per model file (a setting)`));
      else callback(null, chunk);
    },
  });
}

/** Removes folders left empty by a failed upload, up to (not including) the incoming folder. */
function removeEmptyParents(dir: string, stopAt: string): void {
  for (let current = dir; current.startsWith(stopAt + path.sep); current = path.dirname(current)) {
    try {
      fs.rmdirSync(current);
    } catch {
      return; // not empty (or gone): stop climbing
    }
  }
}

/**
 * PUT /api/upload/<folder>/<file path>: streams one file from the browser into
 * <data>/incoming/<folder>/<file path> (sub-folders allowed, e.g. ref/clip01.wav), where
 * models.import can then take it. The body is written to "<file>.part" and renamed when
 * complete, so a broken or cancelled upload never looks like a file. Admin only; one request
 * per file (large models fit neither the JSON limit nor a JSON body).
 */
export function uploadRoutes(app: AppContext): FastifyPluginAsync {
  return async (server) => {
    // The raw stream is handed to the route, which counts the bytes itself (bodyLimit does
    // not apply to a stream a parser passes through untouched).
    server.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    server.put<{ Params: { folder: string; '*': string } }>('/api/upload/:folder/*', async (request, reply) => {
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
      const limit = app.settings.get('modelStore.maxFileBytes');
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limit) {
        return send(reply, { code: 'BODY_TOO_LARGE', message: `the file is over the ${limit}-byte limit per model file (a setting)` });
      }
      const incoming = app.store.layout.incoming;
      const target = path.join(incoming, folder, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const partial = `${target}.part`;
      try {
        await pipeline(request.body as NodeJS.ReadableStream, byteLimit(limit), fs.createWriteStream(partial, { mode: 0o600 }));
        fs.renameSync(partial, target);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        removeEmptyParents(path.dirname(target), incoming);
        if (error instanceof AppError) return send(reply, error.toData());
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOSPC') return send(reply, { code: 'DISK_FULL', message: 'the disk is full' });
        // The browser went away (cancel, closed tab): nothing to answer, nothing to keep.
        request.log.info({ folder, file, reason: (error as Error).message }, 'upload abandoned');
        return reply;
      }
      app.audit.record({ actor: identity.user.name, role: identity.user.role, action: 'incoming.upload', target: `name=${folder}/${file}`, success: true, origin: `console ${request.ip}` });
      return { ok: true, value: { folder, file, bytes: fs.statSync(target).size } };
    });
  };
}
