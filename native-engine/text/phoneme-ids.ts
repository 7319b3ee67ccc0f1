/**
 * Piper's phoneme-to-id step: `^ _ (phoneme _)* $`, where `_` (pad) follows every phoneme.
 * The voice's `phoneme_map` first replaces a phoneme by a list of phonemes; a phoneme missing
 * from `phoneme_id_map` is skipped (and reported), exactly as Piper skips it.
 */

export const PAD = '_';
export const BOS = '^';
export const EOS = '$';

export interface PhonemeIdMaps {
  phonemeIdMap: Record<string, number[]>;
  phonemeMap?: Record<string, string[]>;
}

export interface PhonemeIds {
  ids: number[];
  /** Phonemes that had no id, each once, in order of appearance. */
  missing: string[];
  /** How many phonemes got ids (0: the sequence is only `^ _ $`). */
  mapped: number;
}

function idsOf(map: Record<string, number[]>, symbol: string): number[] {
  const ids = map[symbol];
  if (!ids) throw new Error(`the voice's phoneme_id_map has no "${symbol}"`);
  return ids;
}

export function phonemesToIds(phonemes: readonly string[], maps: PhonemeIdMaps): PhonemeIds {
  const { phonemeIdMap, phonemeMap = {} } = maps;
  const pad = idsOf(phonemeIdMap, PAD);
  const ids: number[] = [...idsOf(phonemeIdMap, BOS), ...pad];
  const missing = new Set<string>();
  let mapped = 0;
  for (const phoneme of phonemes) {
    for (const symbol of phonemeMap[phoneme] ?? [phoneme]) {
      const found = phonemeIdMap[symbol];
      if (!found) {
        missing.add(symbol);
        continue;
      }
      ids.push(...found, ...pad);
      mapped += 1;
    }
  }
  ids.push(...idsOf(phonemeIdMap, EOS));
  return { ids, missing: [...missing], mapped };
}

/**
 * Splits a long phoneme list at the last word boundary (a space) before `max`, so that a
 * sentence of 2000 characters without punctuation still runs as graph calls of bounded size
 * (a VITS graph's memory grows with the square of its input).
 */
export function splitLongPhonemes(phonemes: readonly string[], max: number): string[][] {
  const parts: string[][] = [];
  let rest = [...phonemes];
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).filter((p, i) => !(i === 0 && p === ' '));
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
