import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { G2P_TEXT_MAX_CHARS, type G2pResult } from '../../api/index.js';
import { callerAs, openTempApp, type TempApp } from '../../test-support/temp-app.js';

let temp: TempApp;
beforeAll(async () => {
  temp = await openTempApp();
});
afterAll(async () => {
  await temp.app.engine.close();
  temp.cleanup();
});

const g2p = (input: unknown, role: 'admin' | 'supervisor' = 'supervisor') => temp.app.call('voiceText.g2p', input, callerAs(role));

describe('voiceText.g2p', () => {
  it.each(['admin', 'supervisor'] as const)('answers a %s with phones and v2 ids per segment', async (role) => {
    const result = await g2p({ lang: 'auto', text: '您好，請問有什麼可以幫您？ Thank you.' }, role);
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as G2pResult;
    expect(value).toMatchObject({ lang: 'auto', symbolTable: 'gpt-sovits-v2', symbolCount: 732, unknownCount: 0 });
    expect(value.segments.map((s) => s.language)).toEqual(['zh', 'en']);
    // 您 -> n in2: ids 227 and 197 in the v2 table; "Thank" -> TH (81) AE1 (10: after AA 5, AA0, AA1, AA2, AE0) NG (65) K (61).
    expect(value.phoneIds.slice(0, 2)).toEqual([227, 197]);
    expect(value.segments[1]!.phones.slice(0, 4)).toEqual(['TH', 'AE1', 'NG', 'K']);
    expect(value.segments[1]!.phoneIds.slice(0, 4)).toEqual([81, 10, 65, 61]);
    expect(value.phoneIds).toEqual(value.segments.flatMap((s) => s.phoneIds));
  });

  it('refuses empty text, text over the limit and an unknown language with VALIDATION_FAILED on the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ lang: 'zh', text: '   ' }, 'text'],
      [{ lang: 'zh', text: '好'.repeat(G2P_TEXT_MAX_CHARS + 1) }, 'text'],
      [{ lang: 'ja', text: 'こんにちは' }, 'lang'],
      [{ text: '你好' }, 'lang'],
      [{ lang: 'zh', text: '你好', voice: 'x' }, ''],
    ];
    for (const [input, field] of cases) {
      const result = await g2p(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION_FAILED');
      if (field) expect(result.error.field).toBe(field);
    }
  });

  it('accepts exactly the limit', async () => {
    const result = await g2p({ lang: 'zh', text: '好'.repeat(G2P_TEXT_MAX_CHARS) });
    expect(result.ok).toBe(true);
  });

  it('says so when nothing in the text can be read', async () => {
    for (const input of [{ lang: 'zh', text: '？！……' }, { lang: 'en', text: '你好' }]) {
      const result = await g2p(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'text' });
    }
  });
});
