import { describe, expect, it } from 'vitest';
import { phonemesToIds, splitLongPhonemes } from './phoneme-ids.js';

const MAP = { _: [0], '^': [1], $: [2], ' ': [3], a: [14], b: [15], c: [16, 17] };

describe('phoneme ids', () => {
  it('frames ids as ^ _ (phoneme _)* $ and expands multi-id symbols', () => {
    expect(phonemesToIds(['a', ' ', 'c'], { phonemeIdMap: MAP })).toEqual({ ids: [1, 0, 14, 0, 3, 0, 16, 17, 0, 2], missing: [], mapped: 3 });
  });

  it('skips phonemes missing from the map, as Piper does, and reports each once', () => {
    expect(phonemesToIds(['a', 'ʒ', 'b', 'ʒ', 'q'], { phonemeIdMap: MAP })).toEqual({ ids: [1, 0, 14, 0, 15, 0, 2], missing: ['ʒ', 'q'], mapped: 2 });
  });

  it('applies the phoneme_map before looking up ids', () => {
    expect(phonemesToIds(['x'], { phonemeIdMap: MAP, phonemeMap: { x: ['a', 'b'] } }).ids).toEqual([1, 0, 14, 0, 15, 0, 2]);
  });

  it('refuses a map without the pad, start or end symbols', () => {
    expect(() => phonemesToIds(['a'], { phonemeIdMap: { a: [1] } })).toThrow(/no "_"/);
  });

  it('cuts long phoneme lists at word boundaries', () => {
    const words = Array.from('aa bb cc dd');
    expect(splitLongPhonemes(words, 6).map((p) => p.join(''))).toEqual(['aa bb', 'cc dd']);
    expect(splitLongPhonemes(Array.from('abcdefgh'), 3).map((p) => p.join(''))).toEqual(['abc', 'def', 'gh']);
  });
});
