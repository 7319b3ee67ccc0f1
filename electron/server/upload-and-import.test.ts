import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { writePiperVoice } from '../test-support/model-fixtures.js';
import { openTempApp, type TempApp } from '../test-support/temp-app.js';
import { createConsoleServer, type ConsoleServer } from './create-console-server.js';

let temp: TempApp | undefined;
let server: ConsoleServer | undefined;
afterEach(async () => {
  await server?.close();
  temp?.cleanup();
});

async function start() {
  temp = await openTempApp();
  server = await createConsoleServer({ app: temp.app, rendererDir: null, rateLimit: { perMinute: 6000, burst: 1000 } });
  const admin = `Bearer ${temp.app.auth.addUser('ann', 'admin').token}`;
  const supervisor = `Bearer ${temp.app.auth.addUser('sue', 'supervisor').token}`;
  return { s: server, app: temp.app, admin, supervisor };
}

const put = (s: ConsoleServer, url: string, body: Buffer, authorization: string) =>
  s.inject({ method: 'PUT', url, payload: body, headers: { authorization, 'content-type': 'application/octet-stream' } });

describe('browser upload into the incoming folder, then import', () => {
  it('uploads the files of a voice (sub-folders too) and imports them as a version', async () => {
    const { s, app, admin } = await start();
    const src = writePiperVoice(path.join(temp!.dir, 'src'), 'amy');
    for (const name of ['amy.onnx', 'amy.onnx.json']) {
      const response = await put(s, `/api/upload/amy-v1/${name}`, fs.readFileSync(path.join(src, name)), admin);
      expect(response.statusCode, name).toBe(200);
    }
    expect((await put(s, '/api/upload/amy-v1/docs/README.md', Buffer.from('# Amy'), admin)).statusCode).toBe(200);
    expect(fs.readFileSync(path.join(app.store.layout.incoming, 'amy-v1', 'docs', 'README.md'), 'utf8')).toBe('# Amy');
    const rpc = (name: string, payload: object, headers: Record<string, string> = {}) =>
      s.inject({ method: 'POST', url: `/api/rpc/${name}`, payload, headers: { authorization: admin, ...headers } });
    expect((await rpc('staff.add', { code: 'amy', name: 'Amy' })).statusCode).toBe(200);
    const listed = await rpc('incoming.list', {});
    expect(listed.json().value).toEqual([{ name: 'amy-v1', kind: 'folder', bytes: expect.any(Number), files: 3 }]);

    const events: string[] = [];
    app.bus.subscribe('admin', (m) => m.name === 'job.progress' && events.push(`${(m.payload as { jobId: string; state: string }).jobId} ${(m.payload as { state: string }).state}`));
    const imported = await rpc('models.import', { path: 'amy-v1', line: 'voice/amy', version: '1.0.0' }, { 'x-voiceops-job-id': 'job-12345678' });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().value).toMatchObject({ line: 'voice/amy', version: '1.0.0', active: true, fileCount: 3 });
    expect(events[0]).toBe('job-12345678 running');
    expect(events.at(-1)).toBe('job-12345678 succeeded');
    const audit = app.audit.recent(10).find((e) => e.action === 'models.import')!;
    expect(audit).toMatchObject({ actor: 'ann', success: true, origin: 'console 127.0.0.1', target: 'line=voice/amy version=1.0.0 path=amy-v1' });
  });

  it('refuses unsafe names, supervisors and anonymous uploads, and writes nothing', async () => {
    const { s, app, admin, supervisor } = await start();
    const body = Buffer.from('x');
    for (const url of ['/api/upload/..%2F..%2Fetc/x', '/api/upload/ok/..%2F..%2Fx', '/api/upload/ok/a/../../x', '/api/upload/.hidden/x', '/api/upload/ok/%2Fetc%2Fx']) {
      const response = await put(s, url, body, admin);
      expect([400, 404], url).toContain(response.statusCode);
    }
    expect((await put(s, '/api/upload/ok/x.onnx', body, supervisor)).statusCode).toBe(403);
    expect((await s.inject({ method: 'PUT', url: '/api/upload/ok/x.onnx', payload: body, headers: { 'content-type': 'application/octet-stream' } })).statusCode).toBe(401);
    expect(fs.readdirSync(app.store.layout.incoming)).toEqual([]);
    expect(fs.existsSync(path.join(temp!.dir, '..', 'x'))).toBe(false);
  });

  it('the console may import only from the incoming folder', async () => {
    const { s, admin } = await start();
    const src = writePiperVoice(path.join(temp!.dir, 'outside'), 'amy');
    await s.inject({ method: 'POST', url: '/api/rpc/staff.add', payload: { code: 'amy', name: 'Amy' }, headers: { authorization: admin } });
    for (const p of [src, '../outside', 'x/../../outside']) {
      const response = await s.inject({ method: 'POST', url: '/api/rpc/models.import', payload: { path: p, line: 'voice/amy', version: '1.0.0' }, headers: { authorization: admin } });
      expect(response.statusCode, p).toBe(400);
      expect(response.json().error, p).toMatchObject({ code: 'VALIDATION_FAILED', field: 'path' });
    }
  });

  it('enforces the per-file size limit on uploads, whatever the headers claim, and keeps nothing', async () => {
    const { s, app, admin } = await start();
    app.settings.update({ 'modelStore.maxFileBytes': 1024 });
    const big = Buffer.alloc(5000, 1);
    const declared = await put(s, '/api/upload/probe/big.bin', big, admin);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('BODY_TOO_LARGE');
    // Chunked over real HTTP, without a length: the byte counter stops it.
    await s.listen({ host: '127.0.0.1', port: 0 });
    const { port } = s.server.address() as { port: number };
    const chunked = await fetch(`http://127.0.0.1:${port}/api/upload/probe/chunked.bin`, {
      method: 'PUT',
      headers: { authorization: admin, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(Readable.from([big.subarray(0, 1000), big.subarray(1000)])) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(fs.readdirSync(app.store.layout.incoming)).toEqual([]);
  });

  it('lets an admin remove an incoming entry and download an exported bundle', async () => {
    const { s, app, admin, supervisor } = await start();
    await put(s, '/api/upload/amy-v1/amy.onnx', Buffer.from('x'), admin);
    const rpc = (name: string, payload: object, who = admin) => s.inject({ method: 'POST', url: `/api/rpc/${name}`, payload, headers: { authorization: who } });
    expect((await rpc('incoming.delete', { name: '../x' })).json().error.code).toBe('NOT_FOUND');
    expect((await rpc('incoming.delete', { name: 'amy-v1' })).json().value).toEqual({ name: 'amy-v1', freedBytes: 1 });
    expect(fs.readdirSync(app.store.layout.incoming)).toEqual([]);

    const src = writePiperVoice(path.join(temp!.dir, 'src'), 'amy', { phonemeType: 'text' });
    await rpc('staff.add', { code: 'amy', name: 'Amy' });
    await app.call('models.import', { path: src, line: 'voice/amy', version: '1.0.0' }, { user: { name: 'ann', role: 'admin' }, frontDoor: 'cli', origin: 'cli', sessionExpiresAt: null });
    const exported = (await rpc('models.export', { line: 'voice/amy' })).json().value;
    expect(exported.downloadPath).toMatch(/^\/api\/exports\/voice_amy_.*\.voiceops-bundle$/);
    expect((await rpc('models.export', { line: 'voice/amy', out: '/tmp/elsewhere.bundle' })).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'out' });
    const download = await s.inject({ method: 'GET', url: exported.downloadPath, headers: { authorization: admin } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(exported.bytes);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await s.inject({ method: 'GET', url: exported.downloadPath, headers: { authorization: supervisor } })).statusCode).toBe(403);
    expect((await s.inject({ method: 'GET', url: '/api/exports/..%2Fvoiceops.db', headers: { authorization: admin } })).statusCode).toBe(404);
  });
});
