import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, procedures } from '../api/index.js';
import { callerAs, openTempApp, type TempApp } from '../test-support/temp-app.js';
import { dispatch, type HandlerTable } from './dispatch.js';

let temp: TempApp | undefined;
afterEach(() => temp?.cleanup());

async function realTable(): Promise<HandlerTable> {
  temp = await openTempApp();
  return temp.app.handlers;
}

describe('dispatch', () => {
  const hooks = { onUnexpectedError: vi.fn() };

  it('answers a known procedure with its value', async () => {
    const table = await realTable();
    const result = await dispatch(table, 'status.get', {}, callerAs('supervisor'), hooks);
    expect(result.ok).toBe(true);
    if (result.ok) expect(procedures['status.get'].output.parse(result.value)).toBeTruthy();
  });

  it.each(['no.such', '__proto__', 'constructor', 'toString', 42, null])(
    'refuses the unknown procedure %s with UNKNOWN_PROCEDURE',
    async (name) => {
      const table = await realTable();
      const result = await dispatch(table, name, {}, callerAs('admin'), hooks);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    },
  );

  it('refuses a role the contract does not allow, before looking at the input', async () => {
    const table = await realTable();
    const result = await dispatch(table, 'users.add', { name: '../../etc' }, callerAs('supervisor'), hooks);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(temp!.app.auth.listUsers()).toEqual([]);
  });

  it('names the field at fault on invalid input and writes nothing', async () => {
    const table = await realTable();
    const pathLike = await dispatch(table, 'users.add', { name: '../etc/passwd', role: 'admin' }, callerAs('admin'), hooks);
    expect(pathLike).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'name' } });
    const badRole = await dispatch(table, 'users.add', { name: 'ann', role: 'root' }, callerAs('admin'), hooks);
    expect(badRole).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'role' } });
    const extra = await dispatch(table, 'status.get', { sneaky: 1 }, callerAs('admin'), hooks);
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(temp!.app.auth.listUsers()).toEqual([]);
  });

  it('turns an AppError into its code and a bug into INTERNAL without leaking the stack', async () => {
    const table = await realTable();
    const failing: HandlerTable = {
      ...table,
      'users.list': () => {
        throw new AppError('CONFLICT', 'busy');
      },
      'status.get': () => {
        throw new TypeError('secret internals');
      },
    };
    expect(await dispatch(failing, 'users.list', {}, callerAs('admin'), hooks)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'busy' },
    });
    const bug = await dispatch(failing, 'status.get', {}, callerAs('admin'), hooks);
    expect(bug).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(bug)).not.toContain('secret internals');
    expect(hooks.onUnexpectedError).toHaveBeenCalledWith('status.get', expect.any(TypeError));
  });
});

describe('the contract', () => {
  it('gives every procedure at least one role, a summary, and CLI positionals that exist in its input', () => {
    for (const [name, def] of Object.entries(procedures)) {
      expect(def.roles.length, name).toBeGreaterThan(0);
      expect(def.summary.length, name).toBeGreaterThan(10);
      if (def.cli && def.cli.positionals) {
        const shape = (def.input as unknown as { shape: Record<string, unknown> }).shape;
        for (const field of def.cli.positionals) expect(Object.keys(shape), name).toContain(field);
      }
    }
  });
});
