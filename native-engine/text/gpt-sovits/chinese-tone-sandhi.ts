/**
 * Third-tone sandhi, after upstream's ToneSandhi (GPT_SoVITS/text/tone_sandhi.py): two third
 * tones in a row inside a word make the first one a second tone (你好 ni3 hao3 -> ni2 hao3).
 * Upstream segments with jieba, then merges short neighbours (all-third-tone words, then words
 * meeting on two third tones) into one word of at most 3 characters, and splits a 3-character
 * word into 1+2 (纸/老虎) or 2+1 (蒙古/包) to decide which syllables change. We segment with
 * ICU's dictionary word breaker (Intl.Segmenter, built into Node), which agrees with jieba on
 * common words but not always ("我有|两|个" where jieba has "我|有|两个"); a merged word splits
 * where its parts met, an unmerged 3-character word as 2+1. 一/不 sandhi and neutral tones come
 * from pinyin-pro.
 */
import { chineseWordSpans } from './chinese-words.js';

interface Span {
  start: number;
  end: number;
  /** Length of the first part of a merged word (where upstream's _split_word would cut it). */
  firstPart: number;
}

const isThird = (tone: number | undefined): boolean => tone === 3;
const allThird = (tones: readonly number[]): boolean => tones.length > 0 && tones.every(isThird);

function wordSpans(chars: readonly string[]): Span[] {
  return chineseWordSpans(chars).map(({ start, end }) => ({ start, end, firstPart: end - start }));
}

const isReduplication = (span: Span, chars: readonly string[]): boolean => span.end - span.start === 2 && chars[span.start] === chars[span.start + 1];

/**
 * One of upstream's merge passes: a word joins the one before it when `joins` says so, the two
 * total at most 3 characters, the one before is no reduplication (看看 keeps its neutral tone)
 * and was not itself just merged.
 */
function mergePass(spans: readonly Span[], chars: readonly string[], joins: (previous: Span, next: Span) => boolean): Span[] {
  const merged: Span[] = [];
  let lastWasMerged = false;
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    if (previous && !lastWasMerged && joins(previous, span) && !isReduplication(previous, chars) && span.end - previous.start <= 3) {
      merged[merged.length - 1] = { start: previous.start, end: span.end, firstPart: previous.end - previous.start };
      lastWasMerged = true;
    } else {
      merged.push({ ...span });
      lastWasMerged = false;
    }
  }
  return merged;
}

function sandhiInWord(tones: number[], firstPart: number): void {
  const n = tones.length;
  if (n === 2 && allThird(tones)) tones[0] = 2;
  else if (n === 3) {
    if (allThird(tones)) {
      // 蒙古/包 -> 2 2 3; 纸/老虎 -> 3 2 3.
      if (firstPart === 1) tones[1] = 2;
      else {
        tones[0] = 2;
        tones[1] = 2;
      }
      return;
    }
    const cut = firstPart === 1 ? 1 : 2;
    const first = tones.slice(0, cut);
    const second = tones.slice(cut);
    if (first.length === 2 && allThird(first)) tones[0] = 2;
    if (second.length === 2 && allThird(second)) tones[cut] = 2;
    // 好/喜欢: a third tone before a part that starts with a third tone.
    else if (!allThird(second) && isThird(second[0]) && isThird(tones[cut - 1])) tones[cut - 1] = 2;
  } else if (n === 4) {
    if (allThird(tones.slice(0, 2))) tones[0] = 2;
    if (allThird(tones.slice(2, 4))) tones[2] = 2;
  }
}

/**
 * Returns the tones after sandhi. `tones[i]` belongs to `chars[i]`; punctuation has tone 0
 * and never takes part.
 */
export function applyThirdToneSandhi(chars: readonly string[], tones: readonly number[]): number[] {
  const result = [...tones];
  const wordTones = (span: Span) => tones.slice(span.start, span.end);
  let spans = mergePass(wordSpans(chars), chars, (a, b) => allThird(wordTones(a)) && allThird(wordTones(b)));
  spans = mergePass(spans, chars, (a, b) => isThird(tones[a.end - 1]) && isThird(tones[b.start]));
  for (const span of spans) {
    const word = result.slice(span.start, span.end);
    sandhiInWord(word, span.firstPart);
    word.forEach((tone, i) => (result[span.start + i] = tone));
  }
  return result;
}
