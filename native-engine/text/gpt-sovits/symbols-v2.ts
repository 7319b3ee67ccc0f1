/**
 * The GPT-SoVITS v2 phone table (732 symbols), built the way upstream's symbols2.py builds it:
 * the pad, initials, toned finals, Japanese phones, punctuation/pauses and ARPAbet go into one
 * set that is sorted by code point (Python's `sorted(set(...))`; these 322 are exactly v1's
 * table), then "[" and "]", then the Korean jamo sorted, then the Cantonese phones sorted.
 * A phone's id is its index here, so the order is the contract with the exported graphs.
 */
import { ARPABET, CANTONESE, FINALS, INITIALS, JAPANESE, KOREAN, PAD, PUNCTUATION_AND_PAUSES } from './symbols-v2-data.js';

/** Python's default string order: by code point. All symbols are in the BMP, so code units agree. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const TONES = ['1', '2', '3', '4', '5'];

function buildTable(): readonly string[] {
  const core = new Set<string>([PAD, ...INITIALS, ...TONES.flatMap((tone) => FINALS.map((final) => final + tone)), ...JAPANESE, ...PUNCTUATION_AND_PAUSES, ...ARPABET]);
  return Object.freeze([...[...core].sort(byCodePoint), '[', ']', ...Array.from(KOREAN).sort(byCodePoint), ...[...CANTONESE].sort(byCodePoint)]);
}

export const GPT_SOVITS_V2_SYMBOLS: readonly string[] = buildTable();
export const GPT_SOVITS_V2_SYMBOL_COUNT: number = GPT_SOVITS_V2_SYMBOLS.length;
/** The v1 table is the first 322 entries of v2's. */
export const GPT_SOVITS_V1_SYMBOL_COUNT = 322;

const ID_OF = new Map(GPT_SOVITS_V2_SYMBOLS.map((symbol, id) => [symbol, id]));

export const UNK = 'UNK';

export function isV2Symbol(phone: string): boolean {
  return ID_OF.has(phone);
}

/** Upstream's cleaner replaces a phone missing from the table with UNK before looking ids up. */
export function toV2Symbol(phone: string): string {
  return ID_OF.has(phone) ? phone : UNK;
}

export function v2SymbolId(phone: string): number {
  return ID_OF.get(phone) ?? ID_OF.get(UNK)!;
}
