import { describe, expect, it } from 'vitest';
import { chineseG2p } from './chinese-g2p.js';

/** Toned finals only, to read the tones at a glance. */
const finals = (text: string): string =>
  chineseG2p(text)
    .phones.filter((_, i) => i % 2 === 1)
    .join(' ');

/* Expected tones follow upstream tone_sandhi.py (_neural_sandhi) and chinese2.py (_merge_erhua). */
describe('neutral tones and erhua', () => {
  it('makes the second of a verb reduplication neutral (谢谢, 看看) but not an adverb (常常)', () => {
    expect(finals('谢谢')).toBe('ie4 ie5');
    expect(finals('看看')).toBe('an4 an5');
    expect(finals('常常')).toBe('ang2 ang2');
  });

  it('reads the fixed neutral-tone words with a neutral last syllable (先生, 麻烦, 客气, 费用)', () => {
    expect(finals('先生')).toBe('ian1 eng5');
    expect(finals('麻烦')).toBe('a2 an5');
    expect(finals('客气')).toBe('e4 i5');
    expect(finals('费用')).toBe('ei4 ong5');
  });

  it('makes 个 after a numeral neutral, even where ICU cuts 三|个人', () => {
    expect(finals('三个人')).toBe('an1 e5 en2');
    expect(finals('几个')).toBe('i3 e5');
  });

  it('makes 来/去 after a direction neutral, and a final particle', () => {
    expect(finals('上来吧')).toBe('ang4 ai5 a5');
  });

  it('gives 儿 the tone before it after third-tone sandhi, except in words where it is its own syllable', () => {
    expect(finals('哪儿')).toBe('a3 er3');
    expect(finals('这儿')).toBe('e4 er4');
    expect(finals('女儿')).toBe('v3 er2');
  });

  it('leaves marks alone', () => {
    expect(chineseG2p('好,好').phones).toEqual(['h', 'ao3', ',', 'h', 'ao3']);
  });
});
