import { describe, expect, it } from 'vitest';
import { OPENCPOP_STRICT } from './opencpop-strict.js';
import { GPT_SOVITS_V1_SYMBOL_COUNT, GPT_SOVITS_V2_SYMBOL_COUNT, GPT_SOVITS_V2_SYMBOLS, isV2Symbol, toV2Symbol, v2SymbolId } from './symbols-v2.js';

/*
 * Expected positions worked out by hand from GPT_SoVITS/text/symbols2.py: the 322 core symbols
 * are sorted by code point, so ASCII marks come first ("!" 0x21, "," 0x2C, "-" 0x2D, "." 0x2E,
 * "?" 0x3F), then the upper-case ARPAbet/initials/Japanese ("AA" at 5 right after the marks),
 * then "_" (0x5F) at 95 (after 90 upper-case-led symbols: 5 + 90), then lower-case, and "…"
 * (U+2026) last of the core at 321. Then "[" 322, "]" 323, the 29 Korean symbols sorted (324..352:
 * "ㄱ" U+3131 first, then 停 U+505C and 空 U+7A7A last), the 379 Cantonese phones sorted
 * (353..731: "Ya" first, "Yz" last; upstream's own note: 732 - 353 = 379).
 */
describe('GPT-SoVITS v2 symbol table', () => {
  it('has 732 symbols, all distinct', () => {
    expect(GPT_SOVITS_V2_SYMBOL_COUNT).toBe(732);
    expect(new Set(GPT_SOVITS_V2_SYMBOLS).size).toBe(732);
  });

  it('puts known symbols where upstream sorts them', () => {
    const expected: Record<number, string> = { 0: '!', 1: ',', 2: '-', 3: '.', 4: '?', 5: 'AA', 33: 'EE', 66: 'OO', 77: 'SP', 86: 'UNK', 95: '_', 321: '…', 322: '[', 323: ']', 324: 'ㄱ', 351: '停', 352: '空', 353: 'Ya', 731: 'Yz' };
    for (const [id, symbol] of Object.entries(expected)) expect(GPT_SOVITS_V2_SYMBOLS[Number(id)], `id ${id}`).toBe(symbol);
  });

  it('keeps v1 as its first 322 entries: the core ends with "…" and the v2 additions start with "["', () => {
    expect(GPT_SOVITS_V1_SYMBOL_COUNT).toBe(322);
    expect(GPT_SOVITS_V2_SYMBOLS[GPT_SOVITS_V1_SYMBOL_COUNT - 1]).toBe('…');
    const core = GPT_SOVITS_V2_SYMBOLS.slice(0, 322);
    // One sorted block: each symbol after the one before it in code-point order.
    expect(core.every((symbol, i) => i === 0 || core[i - 1]! < symbol)).toBe(true);
    expect(GPT_SOVITS_V2_SYMBOLS[322]).toBe('[');
  });

  it('maps a phone missing from the table to UNK', () => {
    expect(toV2Symbol('ZZ9')).toBe('UNK');
    expect(v2SymbolId('ZZ9')).toBe(86);
    expect(v2SymbolId('HH')).toBe(51);
  });
});

describe('opencpop-strict table', () => {
  it('has upstream 429 rows, with zero initials and the special finals', () => {
    expect(OPENCPOP_STRICT.size).toBe(429);
    // Rows of GPT_SoVITS/text/opencpop-strict.txt.
    expect(OPENCPOP_STRICT.get('a')).toEqual(['AA', 'a']);
    expect(OPENCPOP_STRICT.get('e')).toEqual(['EE', 'e']);
    expect(OPENCPOP_STRICT.get('o')).toEqual(['OO', 'o']);
    expect(OPENCPOP_STRICT.get('zhi')).toEqual(['zh', 'ir']);
    expect(OPENCPOP_STRICT.get('si')).toEqual(['s', 'i0']);
    expect(OPENCPOP_STRICT.get('ju')).toEqual(['j', 'v']);
    expect(OPENCPOP_STRICT.get('jv')).toEqual(['j', 'v']);
    expect(OPENCPOP_STRICT.get('yu')).toEqual(['y', 'v']);
    // Every split is made of table symbols once a tone is added.
    for (const [initial, final] of OPENCPOP_STRICT.values()) expect(isV2Symbol(initial) && isV2Symbol(`${final}1`), `${initial} ${final}`).toBe(true);
  });
});
