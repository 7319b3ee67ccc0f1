import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { writePiperVoice } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';
import { verifyStore } from '../model-store/verify-store.js';
import { lastFullVerification, verificationDue } from './verify-schedule.js';

let t: TempStore | undefined;
afterEach(() => t?.cleanup());

it('is due for a store never verified, not due right after a verification, due again after the interval', async () => {
  t = openTempStore();
  expect(verificationDue(t.store, 168, new Date())).toBe(false); // nothing stored, nothing to verify
  t.store.staff.add('amy', 'Amy');
  await t.run((job) => t!.store.importVersion({ source: writePiperVoice(path.join(t!.sources, 'a'), 'amy'), line: 'voice/amy', version: '1.0.0', format: undefined, actor: 'x', origin: 'cli' }, job));
  expect(verificationDue(t.store, 168, new Date())).toBe(true);
  await t.run((job) => verifyStore(t!.store.repo, t!.store.layout, job));
  const last = lastFullVerification(t.store)!;
  expect(verificationDue(t.store, 168, new Date(last.getTime() + 167 * 3600_000))).toBe(false);
  expect(verificationDue(t.store, 168, new Date(last.getTime() + 168 * 3600_000))).toBe(true);
});
