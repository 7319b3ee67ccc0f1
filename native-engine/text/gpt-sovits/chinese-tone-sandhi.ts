/**
 * Third-tone sandhi, after upstream's ToneSandhi (GPT_SoVITS/text/tone_sandhi.py): two third
 * tones in a row inside a word make the first one a second tone (你好 ni3 hao3 -> ni2 hao3).
 * Upstream segments with jieba and first merges short all-third-tone neighbours into one word;
 * we segment with ICU's dictionary word breaker (Intl.Segmenter, built into Node), which agrees
 * with jieba on common words. 一/不 sandhi and neutral tones already come from pinyin-pro.
 * Known difference: 3-syllable words are always treated as 2+1 (蒙古/包); upstream tells 1+2
 * (纸/老虎) apart with jieba's search mode.
 */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

const isThird = (tone: number): boolean => tone === 3;
const allThird = (tones: readonly number[]): boolean => tones.length > 0 && tones.every(isThird);

/** Word spans [start, end) over the characters of a text that holds Han characters and marks only. */
function wordSpans(chars: readonly string[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let index = 0;
  for (const { segment } of SEGMENTER.segment(chars.join(''))) {
    const length = Array.from(segment).length;
    spans.push([index, index + length]);
    index += length;
  }
  return spans;
}

/** Upstream's pre-merge: neighbours whose syllables are all third tones join if they total at most 3 characters. */
function mergeThirdToneNeighbours(spans: Array<[number, number]>, tones: readonly number[], chars: readonly string[]): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  let lastWasMerged = false;
  for (const span of spans) {
    const previous = merged[merged.length - 1];
    const canMerge =
      previous !== undefined &&
      !lastWasMerged &&
      allThird(tones.slice(previous[0], previous[1])) &&
      allThird(tones.slice(span[0], span[1])) &&
      span[1] - previous[0] <= 3 &&
      !(previous[1] - previous[0] === 2 && chars[previous[0]] === chars[previous[0] + 1]);
    if (canMerge) {
      previous[1] = span[1];
      lastWasMerged = true;
    } else {
      merged.push([...span]);
      lastWasMerged = false;
    }
  }
  return merged;
}

function sandhiInWord(tones: number[]): void {
  const n = tones.length;
  if (n === 2 && allThird(tones)) tones[0] = 2;
  else if (n === 3) {
    if (allThird(tones)) {
      tones[0] = 2;
      tones[1] = 2;
    } else if (isThird(tones[0]!) && isThird(tones[1]!)) tones[0] = 2;
    else if (isThird(tones[1]!) && isThird(tones[2]!)) tones[1] = 2;
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
  for (const [start, end] of mergeThirdToneNeighbours(wordSpans(chars), tones, chars)) {
    const wordTones = result.slice(start, end);
    sandhiInWord(wordTones);
    wordTones.forEach((tone, i) => (result[start + i] = tone));
  }
  return result;
}
