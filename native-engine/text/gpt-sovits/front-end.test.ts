import { describe, expect, it } from 'vitest';
import { gptSovitsFrontEnd, type FrontEndResult } from './index.js';

/*
 * Golden cases. Expected phones are worked out by reading upstream GPT-SoVITS (RVC-Boss/GPT-SoVITS
 * 48b1a01): text/chinese2.py (normalise, pinyin, respell, opencpop-strict split), tone_sandhi.py,
 * text/english.py (CMU dictionary, letters for unknown words of up to 3 letters), text/cleaner.py
 * ("," before English under 4 phones) and TTS_infer_pack/TextPreprocessor.py ("." before a text under
 * 6 phones). Expected ids are the positions of those phones in symbols2.py's table (see
 * symbols-v2.test.ts for how the order comes about), e.g. "," 1, "." 3, "?" 4, "EE" 33, "HH" 51,
 * "n" 227, "y" 318, "w" 316. Cases marked OURS are behaviour upstream does not have.
 */
const ids = (result: FrontEndResult) => result.phoneIds;
const phones = (result: FrontEndResult) => result.phones.join(' ');

describe('GPT-SoVITS front end, golden cases', () => {
  it('zh-TW: Traditional text is converted (請->请, 麼->么, 幫->帮) and read as upstream does', () => {
    const result = gptSovitsFrontEnd('您好，請問有什麼可以幫您？', 'zh');
    // nin2 hao3 , qing3 wen4 you3 shen2 me5 ke3->ke2 (可以: two third tones in one word) yi3 bang1 nin2 ?
    // Respelling: you = zero initial + iou -> "you" -> y ou; yi -> y i; wen = zero + uen -> "wen" -> w en.
    expect(phones(result)).toBe('n in2 h ao3 , q ing3 w en4 y ou3 sh en2 m e5 k e2 y i3 b ang1 n in2 ?');
    expect(ids(result)).toEqual([227, 197, 158, 119, 1, 247, 203, 316, 143, 318, 242, 251, 141, 225, 134, 222, 131, 318, 168, 122, 112, 227, 197, 4]);
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0]!.normalizedText).toBe('您好,请问有什么可以帮您?');
    // 2 phones per character, 1 per mark: what BERT expansion repeats features by.
    expect(result.segments[0]!.word2ph).toEqual([2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
  });

  it('zh-TW: a polyphone inside a Traditional word is read by its Simplified word (銀行 hang2, not xing2)', () => {
    const result = gptSovitsFrontEnd('我們的銀行帳號', 'zh');
    // wo3 men5 de5 yin2 hang2 zhang4 hao4 (们/的 neutral -> 5).
    expect(phones(result)).toBe('w o3 m en5 d e5 y in2 h ang2 zh ang4 h ao4');
    expect(ids(result)).toEqual([316, 232, 225, 144, 127, 134, 318, 197, 158, 113, 320, 115, 158, 120]);
    expect(result.segments[0]!.normalizedText).toBe('我们的银行帐号');
  });

  it('zh-TW: a customer-service thank-you, with the neutral tones upstream gives', () => {
    const result = gptSovitsFrontEnd('謝謝您的來電。', 'zh');
    // 谢谢 is a verb reduplication -> xie4 xie5 (_neural_sandhi); 的 -> de5; 来电 lai2 dian4.
    expect(phones(result)).toBe('x ie4 x ie5 n in2 d e5 l ai2 d ian4 .');
    expect(ids(result)).toEqual([317, 194, 317, 195, 227, 197, 127, 134, 224, 103, 127, 179, 3]);
  });

  it('zh: a date, a count and a percentage are read out as upstream zh_normalization does', () => {
    const result = gptSovitsFrontEnd('2024年5月8日共有3個人，成功率95%。', 'zh');
    // chronology.replace_date: year digit by digit (二零二四年), month/day cardinal (五月八日);
    // num.replace_positive_quantifier: 3个 -> 三个; replace_percentage: 百分之九十五.
    expect(result.segments[0]!.normalizedText).toBe('二零二四年五月八日共有三个人,成功率百分之九十五.');
    // er4 = zero initial -> EE er4; si4 -> s i04 (zi/ci/si final); ri4 -> r ir4; yue4 -> y ve4; lv4 -> l v4; zhi1 -> zh ir1;
    // 个 after a numeral is neutral (tone_sandhi._neural_sandhi): g e5 (134, where e4 would be 133).
    expect(phones(result)).toBe(
      'EE er4 l ing2 EE er4 s i04 n ian2 w u3 y ve4 b a1 r ir4 g ong4 y ou3 s an1 g e5 r en2 , ch eng2 g ong1 l v4 b ai3 f en1 zh ir1 j iu3 sh ir2 w u3 .',
    );
    expect(ids(result)).toEqual([
      33, 153, 224, 202, 33, 153, 250, 164, 227, 177, 316, 257, 318, 309, 122, 97, 248, 214, 156, 238, 318, 242, 250, 107, 156, 134, 248, 141, 1, 125, 146, 156,
      235, 224, 299, 122, 104, 155, 140, 320, 211, 221, 218, 251, 212, 316, 257, 3,
    ]);
  });

  it('zh, OURS: an amount in NT$ is read as 新台币…元 (upstream turns "$" into a full stop)', () => {
    const result = gptSovitsFrontEnd('費用是NT$1,200元。', 'zh');
    expect(result.segments.map((s) => s.language)).toEqual(['zh']);
    expect(result.segments[0]!.normalizedText).toBe('费用是新台币一千二百元.');
    // 费用 is one of upstream's must_neural_tone_words: y ong5 (239); 一 before a first tone (千) -> yi4
    // (一/不 sandhi); yuan2 -> y van2.
    expect(phones(result)).toBe('f ei4 y ong5 sh ir4 x in1 t ai2 b i4 y i4 q ian1 EE er4 b ai3 y van2 .');
    expect(ids(result)).toEqual([155, 138, 318, 239, 251, 214, 317, 196, 252, 103, 122, 169, 318, 169, 247, 176, 33, 153, 122, 104, 318, 302, 3]);
  });

  it('en: CMU ARPAbet with stress digits, marks kept', () => {
    const result = gptSovitsFrontEnd('Hello, how are you today?', 'en');
    // cmudict: HELLO HH AH0 L OW1, HOW HH AW1, ARE AA1 R, YOU Y UW1, TODAY T AH0 D EY1.
    expect(phones(result)).toBe('HH AH0 L OW1 , HH AW1 AA1 R Y UW1 T AH0 D EY1 ?');
    expect(ids(result)).toEqual([51, 12, 62, 68, 1, 51, 19, 7, 74, 92, 88, 80, 12, 26, 42, 4]);
    expect(result.segments[0]!.word2ph).toEqual([4, 1, 2, 2, 2, 4, 1]);
    expect(result.segments[0]!.units).toEqual(['Hello', ',', 'how', 'are', 'you', 'today', '?']);
  });

  it('en: an unknown word of 3 letters is spelled out, as upstream qryword does', () => {
    const result = gptSovitsFrontEnd('Call xqz now.', 'en');
    // xqz is in no dictionary: x EH1 K S, q K Y UW1, z Z IY1.
    expect(phones(result)).toBe('K AO1 L EH1 K S K Y UW1 Z IY1 N AW1 .');
    expect(ids(result)).toEqual([61, 16, 62, 35, 61, 75, 61, 92, 88, 93, 58, 64, 19, 3]);
    expect(result.segments[0]!.word2ph).toEqual([3, 8, 2, 1]);
  });

  it('en, OURS: a longer unknown word is spelled out too (upstream runs a neural g2p we do not have)', () => {
    const result = gptSovitsFrontEnd('Zorbix', 'en');
    // Z IY1 | OW1 | AA1 R | B IY1 | AY1 | EH1 K S
    expect(phones(result)).toBe('Z IY1 OW1 AA1 R B IY1 AY1 EH1 K S');
  });

  it('auto: a mixed sentence is cut into zh, en, zh segments', () => {
    const result = gptSovitsFrontEnd('今天的meeting改到下午三點。', 'auto');
    expect(result.segments.map((s) => [s.language, s.normalizedText])).toEqual([
      ['zh', '今天的'],
      ['en', 'meeting'],
      ['zh', '改到下午三点.'],
    ]);
    // jin1 tian1 de5 | M IY1 T IH0 NG (5 phones, no "," needed) | gai3 dao4 xia4 wu3 san1 dian3 .
    expect(ids(result)).toEqual([221, 196, 252, 176, 127, 134, 63, 58, 80, 54, 65, 156, 104, 127, 120, 317, 174, 316, 257, 250, 107, 127, 178, 3]);
    expect(result.phoneIds).toEqual(result.segments.flatMap((s) => s.phoneIds));
  });

  it('a text under 6 phones is redone with "." in front (你好: ni2 hao3 by third-tone sandhi)', () => {
    const result = gptSovitsFrontEnd('你好', 'zh');
    expect(phones(result)).toBe('. n i2 h ao3');
    expect(ids(result)).toEqual([3, 227, 167, 158, 119]);
    expect(result.segments[0]!.word2ph).toEqual([1, 2, 2]);
  });

  it('English under 4 phones gets "," in front, and the whole text "." when still under 6', () => {
    // "Hi" -> HH AY1 -> ", HH AY1" (3 < 6) -> redo ".Hi" -> ". HH AY1" (3 < 4) -> ", . HH AY1".
    const result = gptSovitsFrontEnd('Hi', 'en');
    expect(phones(result)).toBe(', . HH AY1');
    expect(ids(result)).toEqual([1, 3, 51, 22]);
  });
});

describe('GPT-SoVITS front end, invariants', () => {
  const sentences: Array<[string, 'zh' | 'en' | 'auto']> = [
    ['您好，請問有什麼可以幫您？ Thank you for calling.', 'auto'],
    ['我的手機號碼是0912-345-678，下午3:30打給我。', 'zh'],
    ['The refund of $12.50 arrives on 2024-05-08, about 95% sure.', 'en'],
  ];

  it.each(sentences)('word2ph adds up to the phones of each segment: %s', (text, language) => {
    const result = gptSovitsFrontEnd(text, language);
    expect(result.segments.length).toBeGreaterThan(0);
    for (const segment of result.segments) {
      expect(segment.word2ph.reduce((a, b) => a + b, 0)).toBe(segment.phones.length);
      expect(segment.phoneIds).toHaveLength(segment.phones.length);
      if (segment.language === 'zh') expect(segment.word2ph).toHaveLength(Array.from(segment.normalizedText).length);
      expect(segment.units).toHaveLength(segment.word2ph.length);
      expect(segment.phoneIds.every((id) => id >= 0 && id < 732)).toBe(true);
      expect(segment.phones).not.toContain('UNK');
    }
  });

  it('a text with nothing to read gives no segments', () => {
    expect(gptSovitsFrontEnd('！？……', 'zh').segments).toEqual([]);
    expect(gptSovitsFrontEnd('你好', 'en').segments).toEqual([]);
  });
});
