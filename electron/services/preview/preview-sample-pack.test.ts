import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf, Result } from '../../api/index.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';

const admin = callerAs('admin', 'ann');
const sue = callerAs('supervisor', 'sue');
let temp: TempApp;

beforeAll(async () => {
  temp = await openTempApp();
  const installed = await temp.app.call('samplePack.install', {}, { ...admin, frontDoor: 'cli' });
  expect(installed.ok).toBe(true);
}, 120_000);
afterAll(async () => {
  await temp.app.engine.close();
  temp.cleanup();
});

describe('previews of the sample voices', () => {
  it('speaks zh-TW and English sentences in order and reads the emotion of the text with the installed emotion model', async () => {
    const start = (await temp.app.call(
      'previews.start',
      { staff: 'sample-mei', version: '1.1.0', text: '我已經打了三次電話，還是沒有人處理！This is unacceptable.' },
      sue,
    )) as Result<OutputOf<'previews.start'>>;
    if (!start.ok) throw new Error(start.error.message);
    expect(start.value.sentences).toEqual(['我已經打了三次電話，還是沒有人處理！', 'This is unacceptable.']);
    expect(start.value.preview.emotion).toMatchObject({ line: 'emotion/basic', version: '1.0.0' });
    expect(['angry', 'frustrated']).toContain(start.value.preview.emotion!.label);
    expect(start.value.preview.sample).toBe(true);
    let last: OutputOf<'previews.synthesize'> | undefined;
    for (let index = 0; index < 2; index++) {
      const part = (await temp.app.call('previews.synthesize', { id: start.value.preview.id, index }, sue)) as Result<OutputOf<'previews.synthesize'>>;
      if (!part.ok) throw new Error(part.error.message);
      expect(part.value.durationSeconds).toBeGreaterThan(0.5);
      last = part.value;
    }
    expect(last!.preview).toMatchObject({ state: 'ready', emotion: { label: start.value.preview.emotion!.label } });
    expect(last!.preview.durationSeconds).toBeGreaterThan(1);
    const audit = temp.app.audit.recent(30).map((e) => `${e.action} ${e.target} ${e.actor}`);
    expect(audit).toContain('emotion.analyze line=emotion/basic version=1.0.0 sue');
  }, 60_000);
});
