import { describe, expect, it } from 'vitest';
import { EOS, TokenSampler, seededRandom } from './sampling.js';

const VOCAB = EOS + 1;
function logitsWith(entries: Record<number, number>, rest = -5): Float32Array {
  const logits = new Float32Array(VOCAB).fill(rest);
  for (const [token, value] of Object.entries(entries)) logits[Number(token)] = value;
  return logits;
}
const settings = { topK: 15, topP: 1, temperature: 1, repetitionPenalty: 1, seed: 1 };
const draws = (sampler: TokenSampler, logits: Float32Array, n: number, previous: bigint[] = []) =>
  Array.from({ length: n }, () => sampler.sample(logits, BigInt64Array.from(previous), true).token);

describe('host sampling of semantic tokens', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(Array.from({ length: 5 }, seededRandom(42)));
    expect(Array.from({ length: 5 }, seededRandom(42))).not.toEqual(Array.from({ length: 5 }, seededRandom(43)));
    const logits = logitsWith({ 1: 1, 2: 1, 3: 1, 4: 1 });
    expect(draws(new TokenSampler({ ...settings, seed: 9 }), logits, 40)).toEqual(draws(new TokenSampler({ ...settings, seed: 9 }), logits, 40));
  });

  it('top-k 1 always takes the best token; top-k 2 only the two best', () => {
    const logits = logitsWith({ 5: 3, 6: 2.9, 7: 2.8 });
    expect(new Set(draws(new TokenSampler({ ...settings, topK: 1 }), logits, 50))).toEqual(new Set([5]));
    expect(new Set(draws(new TokenSampler({ ...settings, topK: 2 }), logits, 200))).toEqual(new Set([5, 6]));
  });

  it('top-p keeps the tokens whose cumulative mass stays within p (the best one always), as the reference', () => {
    // Probabilities 0.665, 0.245, 0.090: cumulative 0.665, 0.910, 1.0.
    const logits = logitsWith({ 1: 3, 2: 2, 3: 1 }, -50);
    expect(new Set(draws(new TokenSampler({ ...settings, topP: 0.5 }), logits, 100))).toEqual(new Set([1]));
    expect(new Set(draws(new TokenSampler({ ...settings, topP: 0.8 }), logits, 100))).toEqual(new Set([1]));
    expect(new Set(draws(new TokenSampler({ ...settings, topP: 0.95 }), logits, 300))).toEqual(new Set([1, 2]));
  });

  it('a low temperature sharpens towards the best token', () => {
    const logits = logitsWith({ 1: 1, 2: 0.9 });
    const cold = draws(new TokenSampler({ ...settings, temperature: 0.01 }), logits, 100);
    const warm = draws(new TokenSampler({ ...settings, temperature: 1 }), logits, 300);
    expect(new Set(cold)).toEqual(new Set([1]));
    expect(warm.filter((t) => t === 2).length).toBeGreaterThan(50);
  });

  it('the repetition penalty pushes down tokens already said (divides positive, multiplies negative scores)', () => {
    const logits = logitsWith({ 1: 2, 2: 1.9 });
    const sampler = new TokenSampler({ ...settings, topK: 1, repetitionPenalty: 1.35 });
    expect(sampler.sample(logits, BigInt64Array.of(1n), true).token).toBe(2); // 2 / 1.35 < 1.9
    const negative = logitsWith({ 1: -0.5, 2: -0.6 }, -50);
    expect(sampler.sample(negative, BigInt64Array.of(1n), true).token).toBe(2); // -0.5 x 1.35 < -0.6
  });

  it('can forbid EOS, and reports when EOS had the best score', () => {
    const logits = logitsWith({ [EOS]: 10, 3: 1 });
    const sampler = new TokenSampler({ ...settings, topK: 1 });
    expect(sampler.sample(logits, new BigInt64Array(0), true)).toEqual({ token: EOS, argmaxIsEos: true });
    expect(sampler.sample(logits, new BigInt64Array(0), false)).toEqual({ token: 3, argmaxIsEos: false });
  });
});
