/**
 * Neutral tones and erhua, after upstream's ToneSandhi._neural_sandhi (tone_sandhi.py) and
 * chinese2._merge_erhua, applied per word before third-tone sandhi. pinyin-pro already gives most
 * neutral tones (们, 子, 的, 了); these rules add what GPT-SoVITS does on top: verb reduplications
 * (谢谢 xie4 xie5, 看看), 个 after a number (三个 ge5), 上来/下去, the fixed neutral-tone words
 * (先生, 麻烦, 客气) and 儿 taking the tone before it (哪儿 er3).
 * Upstream decides some rules by jieba's part of speech, which we do not have: reduplicated
 * adverbs and measure words are listed below instead, the locative rule (家里) is left to
 * pinyin-pro, and 的/地/得 become neutral only as words of their own (upstream also turns
 * 目的 and 土地 neutral, which is wrong).
 */
import { chineseWordSpans } from './chinese-words.js';
import { MUST_ERHUA, MUST_NEUTRAL_TONE_WORDS, MUST_NOT_NEUTRAL_TONE_WORDS, NOT_ERHUA } from './chinese-tone-words.js';

const NEUTRAL = 5;
const FINAL_PARTICLES = new Set(Array.from('吧呢哈啊呐噻嘛吖嗨哦哒额滴哩哟喽啰耶喔诶'));
const STRUCTURAL_PARTICLES = new Set(['的', '地', '得']);
/** What Python's str.isnumeric() accepts among Chinese numerals, plus upstream's own list before 个. */
const BEFORE_GE = new Set(Array.from('零〇一二三四五六七八九十百千万亿两廿卅几有半多各整每做是0123456789'));
const DIRECTION_HEADS = new Set(Array.from('上下进出回过起开'));
/** Reduplications that are adverbs or measure words (jieba tags them d/q/m, so upstream keeps their tones). */
const REDUPLICATED_ADVERBS = new Set(
  '常常 刚刚 渐渐 往往 偏偏 仅仅 恰恰 明明 白白 早早 好好 慢慢 久久 悄悄 纷纷 默默 匆匆 轻轻 静静 时时 处处 天天 个个 样样 年年 家家 事事 步步 层层 双双 统统 通通 区区 稍稍 微微 略略 多多 连连 频频 依依 历历'.split(' '),
);

function neutralInWord(word: string, chars: readonly string[], tones: number[]): void {
  const n = chars.length;
  const last = n - 1;
  if (!MUST_NOT_NEUTRAL_TONE_WORDS.has(word) && !REDUPLICATED_ADVERBS.has(word)) {
    for (let j = 1; j < n; j += 1) if (chars[j] === chars[j - 1]) tones[j] = NEUTRAL;
  }
  const geIndex = chars.indexOf('个');
  if (FINAL_PARTICLES.has(chars[last]!)) tones[last] = NEUTRAL;
  else if (n === 1 && STRUCTURAL_PARTICLES.has(word)) tones[last] = NEUTRAL;
  else if (n > 1 && (chars[last] === '们' || chars[last] === '子') && !MUST_NOT_NEUTRAL_TONE_WORDS.has(word)) tones[last] = NEUTRAL;
  else if (n > 1 && (chars[last] === '来' || chars[last] === '去') && DIRECTION_HEADS.has(chars[last - 1]!)) tones[last] = NEUTRAL;
  else if ((geIndex >= 1 && BEFORE_GE.has(chars[geIndex - 1]!)) || word === '个') tones[Math.max(geIndex, 0)] = NEUTRAL;
  else if (MUST_NEUTRAL_TONE_WORDS.has(word) || MUST_NEUTRAL_TONE_WORDS.has(chars.slice(-2).join(''))) tones[last] = NEUTRAL;
  // Upstream also looks at the first part of a longer word (先生们 -> 先生 + 们).
  if (n >= 3 && MUST_NEUTRAL_TONE_WORDS.has(chars.slice(0, 2).join(''))) tones[1] = NEUTRAL;
}

function erhuaInWord(word: string, chars: readonly string[], tones: number[]): void {
  const last = chars.length - 1;
  if (chars[last] !== '儿') return;
  if (tones[last] === 1) tones[last] = 2;
  if (last < 1 || (!MUST_ERHUA.has(word) && NOT_ERHUA.has(word))) return;
  if ((tones[last] === 2 || tones[last] === NEUTRAL) && !NOT_ERHUA.has(chars.slice(-2).join(''))) tones[last] = tones[last - 1]!;
}

/**
 * Tones after the neutral-tone rules. `tones[i]` belongs to `chars[i]` (0 for marks).
 * 个 after a number is handled across word boundaries too, because ICU cuts 三|个人 where
 * jieba has 三个|人.
 */
export function applyNeutralTones(chars: readonly string[], tones: readonly number[]): number[] {
  const result = [...tones];
  for (const { start, end } of chineseWordSpans(chars)) {
    const wordChars = chars.slice(start, end);
    if (result.slice(start, end).some((tone) => tone === 0)) continue; // a mark, not a word
    const wordTones = result.slice(start, end);
    const word = wordChars.join('');
    neutralInWord(word, wordChars, wordTones);
    wordTones.forEach((tone, i) => (result[start + i] = tone));
  }
  chars.forEach((char, i) => {
    if (char === '个' && i > 0 && BEFORE_GE.has(chars[i - 1]!) && result[i] !== 0) result[i] = NEUTRAL;
  });
  return result;
}

/** 儿 after a syllable takes its tone; upstream does this after third-tone sandhi (哪儿 na3 er3). */
export function applyErhua(chars: readonly string[], tones: readonly number[]): number[] {
  const result = [...tones];
  for (const { start, end } of chineseWordSpans(chars)) {
    if (chars[end - 1] !== '儿' || result.slice(start, end).some((tone) => tone === 0)) continue;
    const wordTones = result.slice(start, end);
    erhuaInWord(chars.slice(start, end).join(''), chars.slice(start, end), wordTones);
    wordTones.forEach((tone, i) => (result[start + i] = tone));
  }
  return result;
}
