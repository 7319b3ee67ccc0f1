import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WizardState } from '../../api/index.js';
import { openAppContext } from '../app-context.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';
import { SetupService } from '../../services/setup/setup-service.js';
import { realProbes } from '../../services/hardware/doctor.js';

let temp: TempApp | undefined;
afterEach(() => temp?.cleanup());

const admin = callerAs('admin');

async function app() {
  temp = await openTempApp();
  return temp.app;
}

async function call<T>(name: string, input: unknown, who = admin): Promise<T> {
  const result = await temp!.app.call(name, input, who);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

const stateOf = (state: WizardState) => Object.fromEntries(state.steps.map((s) => [s.id, s.state]));

describe('setup wizard procedures on a real app', () => {
  it('only admins may run the doctor or the wizard', async () => {
    const a = await app();
    for (const name of ['hardware.doctor', 'setup.state', 'setup.dataFolder', 'setup.database', 'setup.restart']) {
      const result = await a.call(name, {}, callerAs('supervisor'));
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await a.call('setup.confirm', { step: 'language', language: 'en' }, callerAs('supervisor'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('starts at the language step with every step pending and 10 staff members planned', async () => {
    await app();
    const state = await call<WizardState>('setup.state', {});
    expect(state).toMatchObject({ current: 'language', language: null, staffCount: 10, completedAt: null });
    expect(new Set(Object.values(stateOf(state)))).toEqual(new Set(['pending']));
  });

  it('refuses bad input with the field at fault, and steps out of order', async () => {
    const a = await app();
    expect(await a.call('setup.confirm', { step: 'language' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'language' } });
    expect(await a.call('setup.confirm', { step: 'language', language: 'fr' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'language' } });
    expect(await a.call('setup.confirm', { step: 'database', skip: true }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'skip' } });
    expect(await a.call('setup.confirm', { step: 'hardware', staffCount: 0 }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'staffCount' } });
    expect(await a.call('setup.confirm', { step: 'nowhere' }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'step' } });
    expect(await a.call('setup.confirm', { step: 'hardware', staffCount: 5 }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await a.call('setup.goTo', { step: 'backup' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Nothing was written by the refusals.
    expect((await call<WizardState>('setup.state', {})).current).toBe('language');
  });

  it('walks every step: each does its work idempotently, Back moves only the position, the end records completion', async () => {
    const a = await app();
    let state = await call<WizardState>('setup.confirm', { step: 'language', language: 'zh-TW' });
    expect(state).toMatchObject({ current: 'hardware', language: 'zh-TW' });
    state = await call<WizardState>('setup.confirm', { step: 'hardware', staffCount: 3 });
    expect(state).toMatchObject({ current: 'data-folder', staffCount: 3 });

    // The data folder step creates what is missing, and again without harm.
    fs.rmSync(path.join(a.dataDir, 'exports'), { recursive: true });
    const before = await call<{ folders: Array<{ name: string; exists: boolean }>; writable: boolean; storage: { verdict: string } }>('setup.dataFolder', {});
    expect(before.folders.find((f) => f.name === 'exports')?.exists).toBe(false);
    expect(before.writable).toBe(true);
    state = await call<WizardState>('setup.confirm', { step: 'data-folder' });
    expect(fs.existsSync(path.join(a.dataDir, 'exports'))).toBe(true);
    expect(state.current).toBe('database');

    // Back: the position moves, nothing is undone; Next again re-confirms harmlessly.
    state = await call<WizardState>('setup.goTo', { step: 'hardware' });
    expect(state).toMatchObject({ current: 'hardware', staffCount: 3 });
    expect(stateOf(state)['data-folder']).toBe('done');
    state = await call<WizardState>('setup.confirm', { step: 'data-folder' });
    expect(state.current).toBe('database');

    const db = await call<{ schemaVersion: number; latestSchemaVersion: number; check: string; journalMode: string }>('setup.database', {});
    expect(db).toMatchObject({ check: 'ok', journalMode: 'wal' });
    expect(db.schemaVersion).toBe(db.latestSchemaVersion);
    state = await call<WizardState>('setup.confirm', { step: 'database' });

    // Accounts: the headless console needs an admin account.
    expect(await a.call('setup.confirm', { step: 'accounts' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await call('users.add', { name: 'it-admin', role: 'admin' });
    state = await call<WizardState>('setup.confirm', { step: 'accounts' });
    expect(state.current).toBe('backup');

    expect(await a.call('setup.confirm', { step: 'backup' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/backup target/) } });
    state = await call<WizardState>('setup.confirm', { step: 'backup', skip: true });
    expect(await a.call('setup.confirm', { step: 'samples' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/sample models/) } });
    state = await call<WizardState>('setup.confirm', { step: 'samples', skip: true });
    expect(state.current).toBe('summary');
    state = await call<WizardState>('setup.confirm', { step: 'summary' });
    expect(state.completedAt).not.toBeNull();
    expect(stateOf(state)).toEqual({ language: 'done', hardware: 'done', 'data-folder': 'done', database: 'done', accounts: 'done', backup: 'skipped', samples: 'skipped', summary: 'done' });

    // Re-run from Settings: back to the first step, what was done stays done.
    state = await call<WizardState>('setup.restart', {});
    expect(state).toMatchObject({ current: 'language', staffCount: 3 });
    expect(stateOf(state).backup).toBe('skipped');
    // Every confirmation is in the audit trail.
    const actions = a.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'setup.%'").all() as Array<{ action: string }>;
    expect(actions.filter((r) => r.action === 'setup.confirm').length).toBeGreaterThanOrEqual(9);
  });

  it('resumes at the same step after the app is closed and opened again on the same folder', async () => {
    const a = await app();
    await call('setup.confirm', { step: 'language', language: 'en' });
    await call('setup.confirm', { step: 'hardware', staffCount: 7 });
    a.close();
    const reopened = await openAppContext({ dataDir: temp!.dir, frontDoor: 'headless', log: 'silent' });
    try {
      const result = await reopened.call('setup.state', {}, admin);
      expect(result).toMatchObject({ ok: true, value: { current: 'data-folder', staffCount: 7, language: 'en' } });
    } finally {
      reopened.close();
    }
  });

  it('the data folder step checks free space before it creates anything', async () => {
    const a = await app();
    const tiny = new SetupService({
      db: a.db, dataDir: a.dataDir, databaseFile: path.join(a.dataDir, 'voiceops.db'), settings: a.settings, auth: a.auth, backups: a.backups, store: a.store,
      probes: { ...realProbes, space: () => ({ sizeBytes: 20e9, freeBytes: 5e9 }) },
    });
    await tiny.confirm({ step: 'language', language: 'en' });
    await tiny.confirm({ step: 'hardware', staffCount: 10 });
    fs.rmSync(path.join(a.dataDir, 'exports'), { recursive: true });
    await expect(tiny.confirm({ step: 'data-folder' })).rejects.toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/needs 19\.8 GB more/) });
    expect(fs.existsSync(path.join(a.dataDir, 'exports'))).toBe(false);
    expect(tiny.state().current).toBe('data-folder');
  });

  it('the doctor plans for the wizard\'s staff count unless given one', async () => {
    await app();
    await call('setup.confirm', { step: 'language', language: 'en' });
    await call('setup.confirm', { step: 'hardware', staffCount: 4 });
    const planned = await call<{ fit: { staffCount: number } }>('hardware.doctor', {});
    expect(planned.fit.staffCount).toBe(4);
    const asked = await call<{ fit: { staffCount: number }; tiers: unknown[] }>('hardware.doctor', { staff: 25 });
    expect(asked.fit.staffCount).toBe(25);
    expect(asked.tiers).toHaveLength(3);
    expect(await temp!.app.call('hardware.doctor', { staff: -1 }, admin)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field: 'staff' } });
  }, 60_000);
});
