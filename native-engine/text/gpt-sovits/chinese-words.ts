/**
 * Chinese word segmentation for the tone rules, which upstream applies per jieba word. We use
 * ICU's dictionary word breaker (Intl.Segmenter, built into Node): no extra dictionary to ship,
 * and it agrees with jieba on common words ("我有|两|个" is one place where it does not).
 */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

export interface WordSpan {
  /** Index of the first character (code points of the normalised text). */
  start: number;
  /** One past the last character. */
  end: number;
}

export function chineseWordSpans(chars: readonly string[]): WordSpan[] {
  const spans: WordSpan[] = [];
  let index = 0;
  for (const { segment } of SEGMENTER.segment(chars.join(''))) {
    const length = Array.from(segment).length;
    spans.push({ start: index, end: index + length });
    index += length;
  }
  return spans;
}
