import { describe, expect, it } from 'vitest';
import { cliOnTempDataFolder } from '../test-support/captured-cli.js';

const { cli } = cliOnTempDataFolder();

describe('voiceops g2p', () => {
  it('prints phones, v2 ids and word-to-phone counts per segment as JSON', async () => {
    const result = await cli('g2p', '--lang', 'zh', '--text', '你好', '--json');
    expect(result.code).toBe(0);
    // "你好" is under 6 phones, so it is read as ".你好": . (3) n (227) i2 (167) h (158) ao3 (119).
    expect(JSON.parse(result.out)).toEqual({
      lang: 'zh',
      symbolTable: 'gpt-sovits-v2',
      symbolCount: 732,
      segments: [{ language: 'zh', normalizedText: '.你好', phones: ['.', 'n', 'i2', 'h', 'ao3'], phoneIds: [3, 227, 167, 158, 119], word2ph: [1, 2, 2], units: ['.', '你', '好'] }],
      phones: ['.', 'n', 'i2', 'h', 'ao3'],
      phoneIds: [3, 227, 167, 158, 119],
      unknownCount: 0,
    });
  });

  it('reads a mixed sentence in segments with --lang auto', async () => {
    const result = await cli('g2p', '--lang', 'auto', '--text', '今天的meeting改到下午三點。', '--json');
    expect(result.code).toBe(0);
    const value = JSON.parse(result.out) as { segments: Array<{ language: string; word2ph: number[] }> };
    expect(value.segments.map((s) => s.language)).toEqual(['zh', 'en', 'zh']);
    expect(value.segments[1]!.word2ph).toEqual([5]);
  });

  it('prints a readable result without --json', async () => {
    const result = await cli('g2p', '--lang', 'en', '--text', 'Hello, how are you today?');
    expect(result.code).toBe(0);
    expect(result.out).toContain('HH');
    expect(result.out).toContain('gpt-sovits-v2');
  });

  it('refuses an unknown language as a usage error, naming the choices', async () => {
    const result = await cli('g2p', '--lang', 'ja', '--text', 'こんにちは', '--json');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^voiceops: USAGE: .*'ja'.*zh, en, auto/);
  });

  it('refuses empty and over-long text with VALIDATION_FAILED', async () => {
    const empty = await cli('g2p', '--lang', 'zh', '--text', '', '--json');
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/^voiceops: VALIDATION_FAILED: text/);
    const long = await cli('g2p', '--lang', 'zh', '--text', '好'.repeat(501), '--json');
    expect(long.code).toBe(1);
    expect(long.err).toMatch(/^voiceops: VALIDATION_FAILED: text: at most 500 characters/);
  });

  it('refuses a missing --text', async () => {
    const result = await cli('g2p', '--lang', 'zh', '--json');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^voiceops: VALIDATION_FAILED: text/);
  });
});
