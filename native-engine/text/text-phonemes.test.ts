import { describe, expect, it } from 'vitest';
import { containsHan, hanToPinyin } from './chinese-pinyin.js';
import { textPhonemes } from './text-phonemes.js';

const latin = (symbol: string) => /^[a-z0-9 ,.?!:;'-]$/.test(symbol);

describe('text voices: characters as phonemes, Chinese through pinyin', () => {
  it('lower-cases, decomposes (NFD) and splits into code points', () => {
    expect(textPhonemes('Hi, Café.', () => true)).toEqual([['h', 'i', ',', ' ', 'c', 'a', 'f', 'e', '\u0301', '.']]);
  });

  it('turns zh-TW sentences into tone-numbered pinyin (neutral tone 5, ü as v) with ASCII punctuation', () => {
    expect(hanToPinyin('您好，請問綠色的嗎？')).toBe('nin2 hao3，qing3 wen4 lv4 se4 de5 ma2？');
    const sentences = textPhonemes('您好，請問。謝謝！', latin).map((s) => s.join(''));
    expect(sentences).toEqual(['nin2 hao3, qing3 wen4.', 'xie4 xie4!']);
  });

  it('keeps spaces between pinyin and Latin words or numbers', () => {
    expect(hanToPinyin('帳號ABC被鎖了')).toBe('zhang4 hao4 ABC bei4 suo3 le5');
    expect(hanToPinyin('在24小時內')).toBe('zai4 24 xiao3 shi2 nei4');
  });

  it('leaves characters alone that the voice has symbols for (a character-level voice)', () => {
    expect(textPhonemes('你好', (s) => s === '你' || s === '好')).toEqual([['你', '好']]);
    expect(containsHan('hello')).toBe(false);
  });
});
