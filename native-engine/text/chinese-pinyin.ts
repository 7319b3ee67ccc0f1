/**
 * Our documented extension for `phoneme_type: text` voices: Chinese characters become
 * tone-numbered pinyin (pinyin-pro, with its 一/不 tone sandhi), so a voice whose symbols are
 * Latin letters and digits can read zh-TW sentences. Conventions: ü is written `v` (the usual
 * ASCII spelling in tone-numbered pinyin) and the neutral tone is 5 (pinyin-pro writes 0),
 * as TTS front ends (GPT-SoVITS among them) do. Characters the voice has symbols for are left
 * alone, so a real character-level voice keeps its characters.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * "您好，請問" -> "nin2 hao3，qing3 wen4". Syllables are separated by spaces; a space is put
 * between a syllable and an adjacent letter or digit, none next to punctuation.
 */
export function hanToPinyin(text: string, keep: (char: string) => boolean = () => false): string {
  if (!containsHan(text)) return text;
  const items = pinyin(text, { toneType: 'num', type: 'all', nonZh: 'consecutive', v: true });
  let out = '';
  for (const item of items) {
    const isConverted = item.isZh && item.pinyin !== '' && !keep(item.origin);
    const piece = isConverted ? item.pinyin.replace(/0$/, '5') : item.origin;
    const previous = out[out.length - 1];
    const needsSpace = previous !== undefined && /[\p{L}\p{N}]/u.test(previous) && /^[\p{L}\p{N}]/u.test(piece) && (isConverted || /\d$/.test(out));
    out += needsSpace ? ` ${piece}` : piece;
  }
  return out;
}
