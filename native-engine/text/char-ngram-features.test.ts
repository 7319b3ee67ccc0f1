import { describe, expect, it } from 'vitest';
import { charNgramFeaturizerSchema, countNgrams, denseFeatures, fnv1a32, normaliseForFeatures } from './char-ngram-features.js';

const SPEC = charNgramFeaturizerSchema.parse({ kind: 'hashed-char-ngrams', n: [1, 2, 3], buckets: 4096 });

describe('hashed character n-gram features', () => {
  it('hashes with 32-bit FNV-1a over UTF-8 (known vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('normalises width, case and whitespace, with boundary spaces', () => {
    expect(normaliseForFeatures('  ＨＥＬＬＯ，\n World ', true)).toBe(' hello, world ');
  });

  it('counts every n-gram except whitespace-only ones', () => {
    // " ab " -> 1-grams a b; 2-grams " a", ab, "b "; 3-grams " ab", "ab " = 7
    const total = [...countNgrams('ab', SPEC).values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(7);
  });

  it('gives an L2-normalised, deterministic vector of the declared width', () => {
    const a = denseFeatures('我的訂單還沒到', SPEC);
    expect(a).toHaveLength(4096);
    expect(Math.sqrt(a.reduce((s, v) => s + v * v, 0))).toBeCloseTo(1, 5);
    expect(denseFeatures('我的訂單還沒到', SPEC)).toEqual(a);
    expect(denseFeatures('Thank you', SPEC)).toEqual(denseFeatures('THANK   YOU', SPEC));
  });

  it('refuses unknown featuriser kinds and settings', () => {
    expect(charNgramFeaturizerSchema.safeParse({ kind: 'bert', n: [1], buckets: 8 }).success).toBe(false);
    expect(charNgramFeaturizerSchema.safeParse({ kind: 'hashed-char-ngrams', n: [], buckets: 8 }).success).toBe(false);
  });
});
