import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/** The server's error body, as the contract defines it. */
interface ErrorBody {
  ok: false;
  error: { code: string; message: string; field?: string };
}

async function errorOf(response: APIResponse): Promise<ErrorBody['error']> {
  const body = (await response.json()) as ErrorBody;
  expect(body.ok).toBe(false);
  return body.error;
}

async function expectHealthy(request: APIRequestContext, base: string): Promise<void> {
  const health = await request.get(new URL('/api/health', base).href);
  expect(health.status()).toBe(200);
}

test.describe('headless console: HTTP API', () => {
  test("a supervisor's session is refused the admin procedure with 403 FORBIDDEN", async ({ request, consoleServer }) => {
    const sue = await consoleServer.addUser('sue', 'supervisor');
    const signIn = await request.post(new URL('/api/session', consoleServer.url).href, { data: { token: sue.token } });
    expect(signIn.status()).toBe(200);

    // The request context keeps the session cookie, as a browser would.
    const list = await request.post(new URL('/api/rpc/users.list', consoleServer.url).href, { data: {} });
    expect(list.status()).toBe(403);
    expect((await errorOf(list)).code).toBe('FORBIDDEN');

    const status = await request.post(new URL('/api/rpc/status.get', consoleServer.url).href, { data: {} });
    expect(status.status()).toBe(200);
  });

  test('bad input is refused with stable codes and the server keeps answering', async ({ request, consoleServer }) => {
    const url = (pathname: string): string => new URL(pathname, consoleServer.url).href;

    const noAuth = await request.post(url('/api/rpc/status.get'), { data: {} });
    expect(noAuth.status()).toBe(401);
    expect((await errorOf(noAuth)).code).toBe('UNAUTHENTICATED');
    await expectHealthy(request, consoleServer.url);

    const signIn = await request.post(url('/api/session'), { data: { token: consoleServer.adminToken } });
    expect(signIn.status()).toBe(200);

    const malformed = await request.post(url('/api/rpc/status.get'), {
      headers: { 'content-type': 'application/json' },
      // A Buffer goes out byte for byte; a string would be re-encoded as a JSON string literal.
      data: Buffer.from('{"this is": not json'),
    });
    expect(malformed.status()).toBe(400);
    expect((await errorOf(malformed)).code).toBe('MALFORMED_REQUEST');
    await expectHealthy(request, consoleServer.url);

    const unknown = await request.post(url('/api/rpc/models.deleteEverything'), { data: {} });
    expect(unknown.status()).toBe(404);
    expect((await errorOf(unknown)).code).toBe('UNKNOWN_PROCEDURE');
    await expectHealthy(request, consoleServer.url);

    const tooLarge = await request.post(url('/api/rpc/users.add'), {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 16), role: 'admin' }),
    });
    expect(tooLarge.status()).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe('BODY_TOO_LARGE');
    await expectHealthy(request, consoleServer.url);

    const pathLike = await request.post(url('/api/rpc/users.add'), { data: { name: '../etc', role: 'admin' } });
    expect(pathLike.status()).toBe(400);
    const validation = await errorOf(pathLike);
    expect(validation.code).toBe('VALIDATION_FAILED');
    expect(validation.field).toBe('name');
    await expectHealthy(request, consoleServer.url);

    // Nothing was created by any of the refused calls.
    const users = await request.post(url('/api/rpc/users.list'), { data: {} });
    expect(users.status()).toBe(200);
    const list = (await users.json()) as { ok: true; value: { name: string }[] };
    expect(list.value.map((user) => user.name)).toEqual(['admin']);
  });

  test('a wrong sign-in token gets 401 UNAUTHENTICATED', async ({ request, consoleServer }) => {
    const response = await request.post(new URL('/api/session', consoleServer.url).href, { data: { token: 'vo_wrong' } });
    expect(response.status()).toBe(401);
    expect((await errorOf(response)).code).toBe('UNAUTHENTICATED');
  });
});
