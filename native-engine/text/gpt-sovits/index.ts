/**
 * The GPT-SoVITS v2 text front end: text -> phones -> ids in the v2 symbol table, per language
 * segment, with the word-to-phone counts BERT expansion needs. Mirrors upstream's
 * TextPreprocessor.get_phones_and_bert + cleaner.clean_text (see the files next to this one for
 * each step); a text that gives fewer than 6 phones is redone with "." in front, as upstream does,
 * so very short sentences still have something to condition on.
 */
import { chineseG2p } from './chinese-g2p.js';
import { normalizeChinese } from './chinese-normalize.js';
import { englishG2p } from './english-g2p.js';
import { normalizeEnglish } from './english-normalize.js';
import { splitLanguages, type LanguageRun } from './language-segments.js';
import { toV2Symbol, v2SymbolId } from './symbols-v2.js';

export { GPT_SOVITS_V2_SYMBOL_COUNT, GPT_SOVITS_V2_SYMBOLS, v2SymbolId } from './symbols-v2.js';

export type FrontEndLanguage = 'zh' | 'en' | 'auto';

export interface PhoneSegment {
  language: 'zh' | 'en';
  normalizedText: string;
  phones: string[];
  phoneIds: number[];
  /** zh: phones per character of normalizedText; en: phones per word or mark. */
  word2ph: number[];
  /** What each word2ph entry counts: the character (zh) or the word or mark (en). */
  units: string[];
}

export interface FrontEndResult {
  segments: PhoneSegment[];
  phones: string[];
  phoneIds: number[];
}

/** Upstream's minimum: fewer phones than this and the text is redone with "." in front. */
const MIN_PHONES = 6;
/** Upstream's minimum for an English segment: fewer and "," is put in front. */
const MIN_ENGLISH_PHONES = 4;

function chineseSegment(text: string): PhoneSegment | undefined {
  const normalizedText = normalizeChinese(text);
  if (normalizedText === '') return undefined;
  const { phones, word2ph } = chineseG2p(normalizedText);
  return finish('zh', normalizedText, phones, word2ph, Array.from(normalizedText));
}

function englishSegment(text: string): PhoneSegment | undefined {
  const normalizedText = normalizeEnglish(text);
  const g2p = englishG2p(normalizedText);
  if (g2p.phones.length === 0) return undefined;
  const short = g2p.phones.length < MIN_ENGLISH_PHONES;
  const phones = short ? [',', ...g2p.phones] : g2p.phones;
  const word2ph = short ? [1, ...g2p.word2ph] : g2p.word2ph;
  return finish('en', normalizedText, phones, word2ph, short ? [',', ...g2p.words] : g2p.words);
}

function finish(language: 'zh' | 'en', normalizedText: string, rawPhones: string[], word2ph: number[], units: string[]): PhoneSegment {
  const phones = rawPhones.map(toV2Symbol);
  return { language, normalizedText, phones, phoneIds: phones.map(v2SymbolId), word2ph, units };
}

function runsOf(text: string, language: FrontEndLanguage): LanguageRun[] {
  if (language === 'en') return [{ language: 'en', text }];
  return splitLanguages(text, language);
}

function segmentsOf(text: string, language: FrontEndLanguage): PhoneSegment[] {
  const segments: PhoneSegment[] = [];
  for (const run of runsOf(text.replace(/ {2,}/g, ' '), language)) {
    const segment = run.language === 'zh' ? chineseSegment(run.text) : englishSegment(run.text);
    if (segment) segments.push(segment);
  }
  return segments;
}

/**
 * Text -> phones and ids. A text with nothing to read (only marks, emoji, or Han characters in
 * "en" mode) gives no segments; upstream skips such a text too.
 */
export function gptSovitsFrontEnd(text: string, language: FrontEndLanguage): FrontEndResult {
  // Only marks and symbols: upstream's TextPreprocessor skips such a text ("pure symbols").
  if (!/[\p{L}\p{N}]/u.test(text)) return { segments: [], phones: [], phoneIds: [] };
  let segments = segmentsOf(text, language);
  const count = segments.reduce((n, s) => n + s.phones.length, 0);
  if (count > 0 && count < MIN_PHONES) segments = segmentsOf(`.${text}`, language);
  return {
    segments,
    phones: segments.flatMap((s) => s.phones),
    phoneIds: segments.flatMap((s) => s.phoneIds),
  };
}
