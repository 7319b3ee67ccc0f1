/**
 * Splits mixed Chinese/English text into language runs, as upstream's LangSegmenter does for
 * GPT-SoVITS's "zh" and "auto" modes (Japanese and Korean are out of scope here): runs of
 * Latin letters are English, Han characters Chinese. Punctuation and spaces go with the run
 * before them. Digits go with Chinese in "zh" mode; in "auto" mode with their neighbours, by
 * upstream's rules (same language on both sides; after a sentence mark the next run; else the
 * longer neighbour), because "iPhone 15" is read in English and "第3名" in Chinese.
 */
export type SegmentLanguage = 'zh' | 'en';

export interface LanguageRun {
  language: SegmentLanguage;
  text: string;
}

type Kind = SegmentLanguage | 'digit' | 'other';

const LATIN = /[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]/;
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9\uFF10-\uFF19]/;
const SENTENCE_MARKS = new Set([',', '.', '!', '?', '，', '。', '！', '？']);

function kindOf(char: string): Kind {
  if (LATIN.test(char)) return 'en';
  if (HAN.test(char)) return 'zh';
  if (DIGIT.test(char)) return 'digit';
  return 'other';
}

interface Run {
  kind: Kind;
  text: string;
}

/** Currency marks written with letters ("NT$1,200", "USD 30") belong to the amount, not to English. */
const LETTER_CURRENCY = /(?:NT\$|US\$|HK\$|NTD|USD|RMB)\s?(?=\d)/g;

function currencyPositions(chars: readonly string[]): Set<number> {
  const positions = new Set<number>();
  const text = chars.join('');
  for (const match of text.matchAll(LETTER_CURRENCY)) {
    const start = Array.from(text.slice(0, match.index)).length;
    for (let i = 0; i < Array.from(match[0]).length; i += 1) positions.add(start + i);
  }
  return positions;
}

/** Consecutive characters of one kind; "other" joins the run before it ("Hello, " / "你好，"). */
function rawRuns(text: string): Run[] {
  const runs: Run[] = [];
  const chars = Array.from(text);
  const currency = currencyPositions(chars);
  for (const [index, char] of chars.entries()) {
    let kind = currency.has(index) ? 'digit' : kindOf(char);
    const last = runs[runs.length - 1];
    // An apostrophe or a hyphen inside an English word belongs to the word ("don't", "e-mail").
    if (kind === 'other' && last !== undefined) kind = last.kind;
    if (last !== undefined && last.kind === kind) last.text += char;
    else runs.push({ kind, text: char });
  }
  return runs;
}

function digitLanguage(previous: Run | undefined, next: Run | undefined, digits: Run): SegmentLanguage {
  const before = previous?.kind as SegmentLanguage | undefined;
  const after = next?.kind as SegmentLanguage | undefined;
  if (before === undefined) return after ?? 'zh';
  if (after === undefined || before === after) return before;
  if (SENTENCE_MARKS.has(previous!.text.trimEnd().slice(-1))) return after;
  if (SENTENCE_MARKS.has(next!.text[0]!)) return before;
  if (digits.text.trimEnd().endsWith('.') || digits.text.trimEnd().endsWith('。')) return before;
  return previous!.text.length >= next!.text.length ? before : after;
}

export function splitLanguages(text: string, mode: 'zh' | 'auto'): LanguageRun[] {
  const runs = rawRuns(text);
  const resolved: Run[] = [];
  runs.forEach((run, i) => {
    let kind = run.kind;
    if (kind === 'digit') {
      const next = runs.slice(i + 1).find((r) => r.kind === 'zh' || r.kind === 'en');
      kind = mode === 'zh' ? 'zh' : digitLanguage(resolved[resolved.length - 1], next, run);
    } else if (kind === 'other') {
      // Only possible at the very start: leading marks go with the first language run.
      kind = runs.find((r) => r.kind === 'zh' || r.kind === 'en')?.kind ?? 'zh';
    }
    const last = resolved[resolved.length - 1];
    if (last !== undefined && last.kind === kind) last.text += run.text;
    else resolved.push({ kind, text: run.text });
  });
  return resolved.map((run) => ({ language: run.kind as SegmentLanguage, text: run.text }));
}
