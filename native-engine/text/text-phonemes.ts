/**
 * Text to Piper phonemes for `phoneme_type: text` voices: the characters themselves,
 * lower-cased, NFD-decomposed and split into code points (as Piper does). Before that, our
 * extension: Chinese characters the voice has no symbol for become tone-numbered pinyin, and
 * full-width punctuation becomes ASCII when the voice lacks the full-width mark. Piper reads
 * a text voice's input as one sentence; we split at sentence marks so that long input runs
 * as several shorter graph calls, which is also what Piper does for espeak voices.
 */
import { asciiPunctuation, splitSentences } from './clause-splitter.js';
import { hanToPinyin } from './chinese-pinyin.js';
import { codePoints } from './espeak-phonemes.js';

export function textPhonemes(text: string, hasSymbol: (symbol: string) => boolean): string[][] {
  const spelled = hanToPinyin(text, hasSymbol);
  // A full-width mark becomes its ASCII mark and the space Chinese leaves out after it.
  const punctuated = Array.from(spelled, (c) => {
    if (hasSymbol(c)) return c;
    const ascii = asciiPunctuation(c);
    return ascii === c ? c : `${ascii} `;
  }).join('');
  const sentences: string[][] = [];
  for (const sentence of splitSentences(punctuated)) {
    // The clauses keep their own punctuation in `text`; rejoin them with the space between.
    const joined = sentence.clauses.map((c) => c.text).join(' ');
    const phonemes = codePoints(joined.toLowerCase());
    if (phonemes.length > 0) sentences.push(phonemes);
  }
  return sentences;
}
