/**
 * The symbols of the sample voices and how each sounds. The voices are `phoneme_type: text`
 * voices: their symbols are what the text front end produces for English (lower-cased
 * letters) and, through pinyin, for zh-TW (letters and tone digits), plus the space and
 * clause punctuation. A text voice needs no espeak (whose WebAssembly build speaks English
 * only) and reads both languages with one symbol set.
 *
 * Each symbol is a rough articulation: a duration, a loudness, how voiced it is, three
 * formant frequencies (classic averages for the vowel or the consonant's place), high-band
 * hiss (s, sh), low-band breath (h, f, stop bursts), and a pitch offset (the pinyin tone
 * digits bend the pitch of the syllable they close; `?` raises the end of a question).
 */

export interface SymbolSound {
  /** Seconds at pace 1 and length_scale 1; 0 drops the symbol (the pad `_`, apostrophes). */
  dur: number;
  amp: number;
  voice: number;
  f1: number;
  f2: number;
  f3: number;
  hiss: number;
  breath: number;
  /** Relative pitch offset at the symbol's centre (+0.15 = 15 % higher). */
  pitch: number;
}

const silence = (dur: number, pitch = 0): SymbolSound => ({ dur, amp: 0, voice: 0, f1: 500, f2: 1500, f3: 2500, hiss: 0, breath: 0, pitch });
const vowel = (f1: number, f2: number, f3: number, dur = 0.11): SymbolSound => ({ dur, amp: 1, voice: 1, f1, f2, f3, hiss: 0, breath: 0, pitch: 0 });
const sonorant = (f1: number, f2: number, f3: number, amp: number, dur = 0.065): SymbolSound => ({ dur, amp, voice: 1, f1, f2, f3, hiss: 0, breath: 0, pitch: 0 });
const fricative = (hiss: number, breath: number, voice: number, amp: number, f2 = 1600, dur = 0.085): SymbolSound => ({ dur, amp, voice, f1: 300, f2, f3: 2600, hiss, breath, pitch: 0 });
const stop = (voice: number, f2: number, dur = 0.055): SymbolSound => ({ dur, amp: voice > 0 ? 0.55 : 0.4, voice, f1: 250, f2, f3: 2500, hiss: 0.15, breath: 0.8, pitch: 0 });
const tone = (pitch: number): SymbolSound => ({ dur: 0.035, amp: 0.9, voice: 1, f1: 520, f2: 1500, f3: 2500, hiss: 0, breath: 0, pitch });

export const SOUNDS: Record<string, SymbolSound> = {
  _: silence(0),
  '^': silence(0.06),
  $: silence(0.14),
  ' ': { dur: 0.045, amp: 0.18, voice: 0.6, f1: 500, f2: 1500, f3: 2500, hiss: 0, breath: 0, pitch: 0 },
  ',': silence(0.17),
  ';': silence(0.19),
  ':': silence(0.19),
  '-': silence(0.08),
  '.': silence(0.3, -0.08),
  '!': silence(0.3, 0.05),
  '?': silence(0.3, 0.3),
  "'": silence(0),
  a: vowel(750, 1250, 2600),
  e: vowel(500, 1850, 2550),
  i: vowel(300, 2250, 3000, 0.1),
  o: vowel(520, 880, 2500),
  u: vowel(330, 900, 2300, 0.1),
  y: vowel(290, 2100, 2800, 0.075),
  m: sonorant(280, 1100, 2300, 0.5),
  n: sonorant(280, 1600, 2600, 0.5),
  l: sonorant(380, 1200, 2700, 0.7),
  r: sonorant(420, 1300, 1700, 0.7),
  w: sonorant(320, 750, 2300, 0.65, 0.06),
  v: fricative(0.15, 0.35, 0.8, 0.5, 1400),
  z: fricative(0.6, 0.05, 0.6, 0.5, 1700),
  j: fricative(0.45, 0.1, 0.6, 0.5, 2000, 0.07),
  s: fricative(1, 0, 0, 0.45, 1700, 0.09),
  x: fricative(0.9, 0.1, 0, 0.42, 2100),
  c: fricative(0.7, 0.3, 0, 0.4, 1800, 0.075),
  q: fricative(0.8, 0.25, 0, 0.4, 2200, 0.07),
  f: fricative(0.2, 0.7, 0, 0.3, 1300),
  h: { dur: 0.06, amp: 0.3, voice: 0.1, f1: 600, f2: 1400, f3: 2500, hiss: 0.05, breath: 0.75, pitch: 0 },
  p: stop(0, 900),
  t: stop(0, 1800),
  k: stop(0, 2200),
  b: stop(0.6, 900),
  d: stop(0.6, 1700),
  g: stop(0.6, 2100),
  '0': tone(0),
  '1': tone(0.16),
  '2': tone(0.1),
  '3': tone(-0.16),
  '4': tone(-0.1),
  '5': tone(-0.03),
  '6': tone(0),
  '7': tone(0),
  '8': tone(0),
  '9': tone(0),
};

/** Piper's fixed ids first (`_` 0, `^` 1, `$` 2), then the rest in a stable order. */
export const SYMBOLS: string[] = ['_', '^', '$', ' ', '!', "'", ',', '-', '.', ':', ';', '?', ...'abcdefghijklmnopqrstuvwxyz', ...'0123456789'];
export const NUM_SYMBOLS = 64;

export function samplePhonemeIdMap(): Record<string, number[]> {
  return Object.fromEntries(SYMBOLS.map((symbol, id) => [symbol, [id]]));
}

/** One row per id (NUM_SYMBOLS rows); ids no symbol uses are silent and dropped. */
export function soundTable(): SymbolSound[] {
  return Array.from({ length: NUM_SYMBOLS }, (_, id) => {
    const symbol = SYMBOLS[id];
    return (symbol !== undefined ? SOUNDS[symbol] : undefined) ?? silence(0);
  });
}
