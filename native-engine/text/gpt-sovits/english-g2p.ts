/**
 * English grapheme-to-phoneme for GPT-SoVITS v2 (upstream: GPT_SoVITS/text/english.py): ARPAbet
 * with stress digits from the CMU dictionary (the cmu-pronouncing-dictionary package), the
 * punctuation marks of the symbol table kept as phones, and our fallback for words the
 * dictionary lacks (upstream runs a neural g2p we do not have): a possessive "'s" or a split
 * into two dictionary words, otherwise the word is spelled out letter by letter.
 */
import { dictionary } from 'cmu-pronouncing-dictionary';

export interface EnglishG2p {
  phones: string[];
  /** Phones per word or mark, in order. */
  word2ph: number[];
  /** The words and marks the phones came from (what word2ph counts). */
  words: string[];
}

/** Upstream deletes these from its dictionary because they are acronyms, read letter by letter. */
const SPELLED_ACRONYMS = new Set(['ae', 'ai', 'ar', 'ios', 'hud', 'os']);
const MARKS = new Set([',', '.', '!', '?', '-', '…']);
const VOICELESS = new Set(['P', 'T', 'K', 'F', 'TH', 'HH']);
const SIBILANTS = new Set(['S', 'Z', 'SH', 'ZH', 'CH', 'JH']);

/** Upstream's own additions (GPT_SoVITS/text/engdict-hot.rep), which override the dictionary. */
const HOT_WORDS: Record<string, string> = {
  chatgpt: 'CH AE1 T JH IY1 P IY1 T IY1',
  json: 'JH EY1 S AH0 N',
  conda: 'K AA1 N D AH0',
};

function lookUp(word: string): string[] | undefined {
  if (SPELLED_ACRONYMS.has(word)) return undefined;
  const entry = HOT_WORDS[word] ?? dictionary[word];
  return entry === undefined ? undefined : entry.split(' ');
}

/** A letter said on its own; upstream reads a lone "a" as EY1 (the letter), not AH0 (the article). */
function letter(char: string): string[] {
  if (char === 'a') return ['EY1'];
  return lookUp(char) ?? [];
}

function spell(word: string): string[] {
  return Array.from(word).flatMap(letter);
}

/** Two dictionary words glued together ("helpdesk"), longest first part first. */
function compound(word: string): string[] | undefined {
  for (let cut = word.length - 2; cut >= 2; cut -= 1) {
    const head = lookUp(word.slice(0, cut));
    const tail = lookUp(word.slice(cut));
    if (head && tail) return [...head, ...tail];
  }
  return undefined;
}

function pronounce(original: string): string[] {
  const word = original.toLowerCase();
  if (word.length === 1) return original === 'A' ? ['EY1'] : letter(word);
  const known = lookUp(word);
  if (known) return known;
  if (word.length <= 3) return spell(word);
  const possessive = /^([a-z]+)'s$/.exec(word);
  if (possessive) {
    const stem = pronounce(possessive[1]!);
    const last = stem[stem.length - 1] ?? '';
    if (VOICELESS.has(last)) return [...stem, 'S'];
    if (SIBILANTS.has(last)) return [...stem, 'AH0', 'Z'];
    return [...stem, 'Z'];
  }
  return compound(word.replace(/'/g, '')) ?? spell(word.replace(/[^a-z]/g, ''));
}

/** Words (letters with inner apostrophes; a hyphen splits words) and single marks. */
const TOKEN = /[A-Za-z]+(?:'[A-Za-z]+)*|[,.!?…-]/g;

/** Input: the output of normalizeEnglish. */
export function englishG2p(normalized: string): EnglishG2p {
  const phones: string[] = [];
  const word2ph: number[] = [];
  const words: string[] = [];
  for (const [token] of normalized.matchAll(TOKEN)) {
    const tokenPhones = MARKS.has(token) ? [token] : pronounce(token);
    if (tokenPhones.length === 0) continue;
    phones.push(...tokenPhones);
    word2ph.push(tokenPhones.length);
    words.push(token);
  }
  return { phones, word2ph, words };
}
