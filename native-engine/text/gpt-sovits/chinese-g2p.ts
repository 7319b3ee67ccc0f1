/**
 * Chinese grapheme-to-phoneme for GPT-SoVITS v2 (upstream: GPT_SoVITS/text/chinese2.py g2p):
 * each Han character becomes two phones, an initial and a toned final in the opencpop-strict
 * convention, and each punctuation mark one phone. Pinyin comes from pinyin-pro (tone numbers,
 * its 一/不 sandhi and neutral tones, written 0 there and 5 here), then third-tone sandhi.
 * Input is the output of normalizeChinese: Simplified Han characters and `, . ! ? - …` only.
 */
import { pinyin } from 'pinyin-pro';
import { applyErhua, applyNeutralTones } from './chinese-neutral-tone.js';
import { applyThirdToneSandhi } from './chinese-tone-sandhi.js';
import { ZH_PUNCTUATION } from './chinese-normalize.js';
import { OPENCPOP_STRICT } from './opencpop-strict.js';
import { UNK } from './symbols-v2.js';

export interface ChineseG2p {
  phones: string[];
  /** Phones per character of the normalised text (2 per syllable, 1 per mark): BERT expansion uses it. */
  word2ph: number[];
}

interface Syllable {
  /** Toneless, ü written v: "ni", "lv", "zhong". */
  base: string;
  tone: number;
}

/** "lv4" -> { base: "lv", tone: 4 }; pinyin-pro writes the neutral tone as 0. */
function parseSyllable(numbered: string): Syllable | undefined {
  const match = /^([a-zü]+)([0-5])?$/.exec(numbered.replaceAll('ü', 'v'));
  if (!match) return undefined;
  const tone = Number(match[2] ?? '5');
  return { base: match[1]!, tone: tone === 0 ? 5 : tone };
}

/** pinyin-pro reads 嗯 as ng/n and 呣 as m; upstream replaces them with 恩/母 before, so does normalizeChinese. */
export function chineseG2p(normalized: string): ChineseG2p {
  const chars = Array.from(normalized);
  const items = pinyin(normalized, { toneType: 'num', type: 'all', v: true, nonZh: 'spaced' });
  // One item per character is what the alignment below relies on.
  const syllables: Array<Syllable | undefined> = chars.map(() => undefined);
  let cursor = 0;
  for (const item of items) {
    const length = Array.from(item.origin).length;
    if (item.isZh && length === 1) syllables[cursor] = parseSyllable(item.pinyin);
    cursor += length;
  }
  // Upstream's order: 一/不 (pinyin-pro did them), neutral tones, third-tone sandhi, then erhua.
  const pinyinTones = syllables.map((s) => s?.tone ?? 0);
  const tones = applyErhua(chars, applyThirdToneSandhi(chars, applyNeutralTones(chars, pinyinTones)));
  const phones: string[] = [];
  const word2ph: number[] = [];
  chars.forEach((char, i) => {
    const syllable = syllables[i];
    if (syllable === undefined) {
      phones.push(ZH_PUNCTUATION.has(char) ? char : UNK);
      word2ph.push(1);
      return;
    }
    // Upstream splits pinyin the strict way (y/w are not initials, gui = g + uei, ju = j + v) and
    // respells back (uei->ui, iou->iu, uen->un; zero initial i->yi, u->wu, v->yu, in->yin,
    // ing->ying). That gives the written syllable again, except ju -> jv; opencpop-strict holds
    // both spellings (ju and jv -> j v), so the written syllable, ü as v, is the key.
    const split = OPENCPOP_STRICT.get(syllable.base);
    if (split === undefined) {
      // A syllable outside the table (upstream asserts): keep the slot so word2ph stays aligned.
      phones.push(UNK, UNK);
    } else {
      phones.push(split[0], `${split[1]}${tones[i]}`);
    }
    word2ph.push(2);
  });
  return { phones, word2ph };
}
