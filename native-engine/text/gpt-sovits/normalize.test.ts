import { describe, expect, it } from 'vitest';
import { chineseCardinal, chineseDigits, chineseNumber } from './chinese-numbers.js';
import { normalizeChinese } from './chinese-normalize.js';
import { englishCardinal, englishOrdinal, englishYear } from './english-numbers.js';
import { normalizeEnglish } from './english-normalize.js';
import { splitLanguages } from './language-segments.js';

/* Chinese expectations follow upstream zh_normalization (num.py, chronology.py, phonecode.py). */
describe('Chinese numbers', () => {
  it('reads cardinals with 零 for skipped places and 十 for a leading 一十', () => {
    expect(chineseCardinal('0')).toBe('零');
    expect(chineseCardinal('10')).toBe('十');
    expect(chineseCardinal('15')).toBe('十五');
    expect(chineseCardinal('105')).toBe('一百零五');
    expect(chineseCardinal('1005')).toBe('一千零五');
    expect(chineseCardinal('20000')).toBe('二万');
    expect(chineseCardinal('123456789')).toBe('一亿二千三百四十五万六千七百八十九');
  });

  it('reads decimals digit by digit, keeping one of a run of trailing zeros (num2str)', () => {
    expect(chineseNumber('3.14')).toBe('三点一四');
    expect(chineseNumber('3.500')).toBe('三点五零');
    expect(chineseNumber('.5')).toBe('零点五');
  });

  it('reads codes digit by digit with 幺 for 1', () => {
    expect(chineseDigits('2024')).toBe('二零二四');
    expect(chineseDigits('110', true)).toBe('幺幺零');
  });

  it('normalises dates, times, percentages, fractions, negatives, counts and bare codes', () => {
    expect(normalizeChinese('2024-05-08')).toBe('二零二四年五月八日');
    expect(normalizeChinese('5月20日')).toBe('五月二十日');
    expect(normalizeChinese('下午3:30')).toBe('下午三点半');
    expect(normalizeChinese('10:05:09')).toBe('十点零五分零九秒');
    expect(normalizeChinese('-5度')).toBe('负五度');
    expect(normalizeChinese('3/4')).toBe('四分之三');
    expect(normalizeChinese('2个人')).toBe('两个人');
    expect(normalizeChinese('订单500')).toBe('订单五零零');
    expect(normalizeChinese('电话0912-345-678')).toBe('电话零九幺二三四五六七八');
  });

  it('OURS: reads money with its currency', () => {
    expect(normalizeChinese('NT$1,200')).toBe('新台币一千二百元');
    expect(normalizeChinese('NT$500元')).toBe('新台币五百元');
    expect(normalizeChinese('US$30')).toBe('三十美元');
    expect(normalizeChinese('€9.5')).toBe('九点五欧元');
  });

  it('maps punctuation to the six marks, keeps the first of a run and drops the rest', () => {
    expect(normalizeChinese('好的！？真的……嗎～「是」')).toBe('好的!真的…吗…是');
    expect(normalizeChinese('《標題》：內容；結束。')).toBe('标题,内容,结束.');
    expect(normalizeChinese('abc你好😀')).toBe('你好');
  });
});

describe('English numbers', () => {
  it('reads cardinals, ordinals and years', () => {
    expect(englishCardinal('0')).toBe('zero');
    expect(englishCardinal('1234')).toBe('one thousand two hundred thirty four');
    expect(englishCardinal('1000000')).toBe('one million');
    expect(englishOrdinal('21')).toBe('twenty first');
    expect(englishOrdinal('12')).toBe('twelfth');
    expect(englishOrdinal('40')).toBe('fortieth');
    expect(englishYear('2024')).toBe('twenty twenty four');
    expect(englishYear('2005')).toBe('two thousand five');
    expect(englishYear('1905')).toBe('nineteen oh five');
  });

  it('normalises money, percentages, times and dates', () => {
    expect(normalizeEnglish('$12.50')).toBe('twelve dollars and fifty cents');
    expect(normalizeEnglish('$1')).toBe('one dollar');
    expect(normalizeEnglish('£0.05')).toBe('five pence');
    expect(normalizeEnglish('95.5%')).toBe('ninety five point five percent');
    expect(normalizeEnglish('at 15:30')).toBe('at three thirty p m');
    expect(normalizeEnglish('at 9:00')).toBe("at nine o'clock a m");
    expect(normalizeEnglish('on 2024-05-08')).toBe('on May eighth, twenty twenty four');
    expect(normalizeEnglish('Wait。。。 really？！')).toBe('Wait. really?');
    expect(normalizeEnglish('Don’t say “no”')).toBe("Don't say no");
  });
});

describe('zh/en segmentation', () => {
  it('cuts letters from Han characters; marks go with the run before them', () => {
    expect(splitLanguages('你好，Tom！今天OK嗎？', 'auto')).toEqual([
      { language: 'zh', text: '你好，' },
      { language: 'en', text: 'Tom！' },
      { language: 'zh', text: '今天' },
      { language: 'en', text: 'OK' },
      { language: 'zh', text: '嗎？' },
    ]);
  });

  it('gives digits to Chinese in zh mode and to their neighbours in auto mode', () => {
    expect(splitLanguages('iPhone 15很好', 'zh').map((r) => r.language)).toEqual(['en', 'zh']);
    expect(splitLanguages('iPhone 15很好', 'auto')).toEqual([
      { language: 'en', text: 'iPhone 15' },
      { language: 'zh', text: '很好' },
    ]);
    expect(splitLanguages('第3名', 'auto')).toEqual([{ language: 'zh', text: '第3名' }]);
  });

  it('keeps a letter currency mark with its amount', () => {
    expect(splitLanguages('費用NT$1,200元', 'zh')).toEqual([{ language: 'zh', text: '費用NT$1,200元' }]);
  });
});
