import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempApp, type TempApp } from '../test-support/temp-app.js';
import { createConsoleServer, JSON_BODY_LIMIT_BYTES, type ConsoleServer } from './create-console-server.js';

let temp: TempApp | undefined;
let server: ConsoleServer | undefined;
afterEach(async () => {
  await server?.close();
  temp?.cleanup();
  server = undefined;
  temp = undefined;
});

async function start(rateLimit = { perMinute: 6000, burst: 1000 }) {
  temp = await openTempApp('file');
  server = await createConsoleServer({ app: temp.app, rendererDir: null, rateLimit });
  const admin = temp.app.auth.addUser('ann', 'admin').token;
  const supervisor = temp.app.auth.addUser('sue', 'supervisor').token;
  return { server, app: temp.app, admin, supervisor };
}

async function signIn(s: ConsoleServer, token: string): Promise<string> {
  const response = await s.inject({ method: 'POST', url: '/api/session', payload: { token } });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'voiceops_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Strict');
  return `voiceops_session=${cookie!.value}`;
}

function rpc(s: ConsoleServer, name: string, payload: unknown, cookie?: string) {
  return s.inject({
    method: 'POST',
    url: `/api/rpc/${name}`,
    payload: payload as object,
    headers: cookie ? { cookie } : {},
  });
}

describe('headless console server', () => {
  it('answers 401 without a session and after a wrong token', async () => {
    const { server: s } = await start();
    expect((await rpc(s, 'status.get', {})).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await rpc(s, 'status.get', {})).statusCode).toBe(401);
    const wrong = await s.inject({ method: 'POST', url: '/api/session', payload: { token: 'vo_wrong' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('UNAUTHENTICATED');
    expect(wrong.cookies).toEqual([]);
  });

  it('serves a signed-in admin and refuses a supervisor an admin procedure with 403', async () => {
    const { server: s, admin, supervisor } = await start();
    const adminCookie = await signIn(s, admin);
    const status = await rpc(s, 'status.get', {}, adminCookie);
    expect(status.statusCode).toBe(200);
    expect(status.json().value.database.schemaVersion).toBeGreaterThanOrEqual(1);

    const supCookie = await signIn(s, supervisor);
    expect((await rpc(s, 'status.get', {}, supCookie)).statusCode).toBe(200);
    const refused = await rpc(s, 'users.list', {}, supCookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('accepts the sign-in token as a bearer header for scripts', async () => {
    const { server: s, admin } = await start();
    const response = await s.inject({
      method: 'POST',
      url: '/api/rpc/users.list',
      payload: {},
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().value.map((u: { name: string }) => u.name)).toEqual(['ann', 'sue']);
  });

  it('signing out ends the session', async () => {
    const { server: s, admin } = await start();
    const cookie = await signIn(s, admin);
    await s.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect((await rpc(s, 'status.get', {}, cookie)).statusCode).toBe(401);
  });

  describe('bad input gets a stable code, writes nothing, and the server keeps serving', () => {
    it.each([
      ['malformed JSON', { payload: '{"name": ', contentType: 'application/json' }, 400, 'MALFORMED_REQUEST'],
      ['a form post (text/plain)', { payload: 'name=x', contentType: 'text/plain' }, 400, 'MALFORMED_REQUEST'],
      ['a body over 1 MB', { payload: JSON.stringify({ name: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }), contentType: 'application/json' }, 413, 'BODY_TOO_LARGE'],
    ])('%s', async (_label, body, status, code) => {
      const { server: s, app, admin } = await start();
      const cookie = await signIn(s, admin);
      const usersBefore = app.auth.listUsers();
      const response = await s.inject({
        method: 'POST',
        url: '/api/rpc/users.add',
        payload: body.payload,
        headers: { cookie, 'content-type': body.contentType },
      });
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(app.auth.listUsers()).toEqual(usersBefore);
      expect((await s.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    });

    it('an unknown procedure and an unknown endpoint', async () => {
      const { server: s, admin } = await start();
      const cookie = await signIn(s, admin);
      const unknown = await rpc(s, 'models.format', {}, cookie);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('UNKNOWN_PROCEDURE');
      const endpoint = await s.inject({ method: 'GET', url: '/api/nothing', headers: { cookie } });
      expect(endpoint.json().error.code).toBe('NOT_FOUND');
    });

    it('a path-like value where a name is expected', async () => {
      const { server: s, app, admin } = await start();
      const cookie = await signIn(s, admin);
      for (const name of ['../etc', 'a/b', '..', 'C:\\x', '.hidden']) {
        const response = await rpc(s, 'users.add', { name, role: 'admin' }, cookie);
        expect(response.statusCode, name).toBe(400);
        expect(response.json().error, name).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
      }
      expect(app.auth.listUsers().map((u) => u.name)).toEqual(['ann', 'sue']);
    });
  });

  it('rate-limits a client to bursts of 20, then 429 with Retry-After', async () => {
    const { server: s } = await start({ perMinute: 100, burst: 20 });
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await s.inject({ method: 'GET', url: '/api/health' })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    const limited = await s.inject({ method: 'GET', url: '/api/health' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('the public health route gives the state of each check without its details; a failed check is 503', async () => {
    const { server: s, app } = await start();
    const healthy = await s.inject({ method: 'GET', url: '/api/health' });
    expect(healthy.statusCode).toBe(200);
    const value = healthy.json().value as { status: string; health: string; checks: Array<Record<string, unknown>> };
    expect(value.status).toBe('up');
    expect(value.checks.map((c) => c.name)).toEqual(['database', 'models', 'disk', 'engine', 'backups']);
    for (const check of value.checks) expect(Object.keys(check).sort()).toEqual(['name', 'state']);
    app.db.close(); // the database check fails now
    const failing = await s.inject({ method: 'GET', url: '/api/health' });
    expect(failing.statusCode).toBe(503);
    expect(failing.json().value).toMatchObject({ health: 'fail', checks: expect.arrayContaining([{ name: 'database', state: 'fail' }]) });
  });

  it('sends security headers with a strict CSP', async () => {
    const { server: s } = await start();
    const response = await s.inject({ method: 'GET', url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('never writes a token or session id to the log', async () => {
    const { server: s, app, admin, supervisor } = await start();
    const cookie = await signIn(s, admin);
    const added = await rpc(s, 'users.add', { name: 'new', role: 'supervisor' }, cookie);
    const newToken = added.json().value.token as string;
    await s.inject({ method: 'POST', url: '/api/rpc/status.get', payload: {}, headers: { authorization: `Bearer ${supervisor}` } });
    app.close();
    const logs = fs
      .readdirSync(path.join(temp!.dir, 'logs'))
      .map((file) => fs.readFileSync(path.join(temp!.dir, 'logs', file), 'utf8'))
      .join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [admin, supervisor, newToken, cookie.split('=')[1]!]) expect(logs).not.toContain(secret);
  });

  it('pushes contract events to signed-in clients over Server-Sent Events, filtered by role', async () => {
    const { server: s, app, admin } = await start();
    await s.listen({ host: '127.0.0.1', port: 0 });
    const address = s.server.address() as { port: number };
    const cookie = await signIn(s, admin);
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${address.port}/api/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    app.bus.emit('users.changed', { name: 'zoe' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('event: users.changed\ndata: {"name":"zoe"}\n\n');
    controller.abort();
  });

  it('closes open event streams when it shuts down, so stopping never hangs', async () => {
    const { server: s, admin } = await start();
    await s.listen({ host: '127.0.0.1', port: 0 });
    const { port } = s.server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/api/events`, { headers: { authorization: `Bearer ${admin}` } });
    const reader = response.body!.getReader();
    await reader.read();
    await s.close();
    expect((await reader.read()).done).toBe(true);
    server = undefined;
  });
});
