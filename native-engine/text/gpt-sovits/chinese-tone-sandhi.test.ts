import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { applyThirdToneSandhi } from './chinese-tone-sandhi.js';

/** Tones before sandhi from pinyin-pro, as the g2p gets them. */
function sandhi(text: string): string {
  const chars = Array.from(text);
  const tones = pinyin(text, { toneType: 'num', type: 'array' }).map((p) => Number(p.slice(-1)) || 5);
  return applyThirdToneSandhi(chars, tones).join('');
}

/* Expected tones follow upstream tone_sandhi.py _three_sandhi and its two merge passes. */
describe('third-tone sandhi', () => {
  it('changes the first of two third tones in a word (你好, 可以)', () => {
    expect(sandhi('你好')).toBe('23');
    expect(sandhi('可以')).toBe('23');
  });

  it('merges a single third-tone word into the next all-third word and splits it where they met (我/很好 -> 3 2 3)', () => {
    // ICU cuts 我|很好; upstream's merge makes 我很好 with first part 我: 纸/老虎 pattern.
    expect(sandhi('我很好')).toBe('323');
  });

  it('reads a 2+1 word as 2 2 3 (展览/馆)', () => {
    expect(sandhi('展览馆')).toBe('223');
  });

  it('splits an idiom of four into two pairs', () => {
    // 岂有此理 qi3 you3 ci3 li3 -> 2 3 2 3.
    expect(sandhi('岂有此理')).toBe('2323');
  });

  it('leaves words without adjacent third tones and punctuation alone', () => {
    expect(sandhi('您好')).toBe('23');
    expect(applyThirdToneSandhi(['好', ',', '好'], [3, 0, 3])).toEqual([3, 0, 3]);
  });
});
