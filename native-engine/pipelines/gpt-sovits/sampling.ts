/**
 * Host sampling of the next semantic token from a decoder's logits, in the order the reference
 * (AR/models/utils.py logits_to_probs) applies its steps: repetition penalty over every token
 * seen so far (prompt included), top-p, temperature, top-k, softmax, then one draw. The draw uses
 * a seeded PRNG (mulberry32), so the same seed gives the same tokens and so the same audio.
 */
import crypto from 'node:crypto';

export const EOS = 1024;
/** The reference forbids EOS for the first 11 tokens (idx < 11): at least ~0.2 s of speech. */
export const NO_EOS_BEFORE = 11;

export interface SamplingSettings {
  topK: number;
  topP: number;
  temperature: number;
  repetitionPenalty: number;
  seed: number;
}

/** Upstream's defaults (the values baked into its exported graphs). */
export const DEFAULT_SAMPLING: Omit<SamplingSettings, 'seed'> = { topK: 15, topP: 1, temperature: 1, repetitionPenalty: 1.35 };

export function randomSeed(): number {
  return crypto.randomInt(0, 2 ** 31 - 1);
}

/** mulberry32: a small, well-distributed 32-bit generator; enough for one draw per step. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TokenSampler {
  private readonly random: () => number;
  private readonly work: Float64Array;

  constructor(
    private readonly settings: SamplingSettings,
    vocabulary = EOS + 1,
  ) {
    this.random = seededRandom(settings.seed);
    this.work = new Float64Array(vocabulary);
  }

  /**
   * One token from `logits` ([vocabulary] floats), given the tokens so far. With `allowEos`
   * false, EOS cannot be drawn. Returns the token and whether EOS had the highest score (the
   * reference also stops on argmax == EOS even when the draw was another token).
   */
  sample(logits: Float32Array, previous: ArrayLike<bigint>, allowEos: boolean): { token: number; argmaxIsEos: boolean } {
    const { topK, topP, temperature, repetitionPenalty } = this.settings;
    const work = this.work;
    const size = work.length;
    for (let t = 0; t < size; t++) work[t] = logits[t]!;
    if (!allowEos) work[EOS] = Number.NEGATIVE_INFINITY;
    let best = 0;
    for (let t = 1; t < size; t++) if (work[t]! > work[best]!) best = t;
    const argmaxIsEos = best === EOS;

    if (repetitionPenalty !== 1) {
      const seen = new Set<number>();
      for (let i = 0; i < previous.length; i++) {
        const token = Number(previous[i]);
        if (token < 0 || token >= size || seen.has(token)) continue;
        seen.add(token);
        const score = work[token]!;
        work[token] = score < 0 ? score * repetitionPenalty : score / repetitionPenalty;
      }
    }

    const order = Array.from({ length: size }, (_, t) => t).sort((a, b) => work[b]! - work[a]!);
    if (topP < 1) {
      const probabilities = softmax(order.map((t) => work[t]!));
      let cumulative = 0;
      // As the reference: a token goes once the mass up to and including it passes top-p; the first always stays.
      for (let rank = 0; rank < size; rank++) {
        cumulative += probabilities[rank]!;
        if (rank > 0 && cumulative > topP) work[order[rank]!] = Number.NEGATIVE_INFINITY;
      }
    }
    const scale = 1 / Math.max(temperature, 1e-5);
    for (let t = 0; t < size; t++) work[t] = work[t]! * scale;
    if (topK < size) {
      const pivot = work[order[Math.max(0, topK - 1)]!]!;
      for (let t = 0; t < size; t++) if (work[t]! < pivot) work[t] = Number.NEGATIVE_INFINITY;
    }
    const probabilities = softmax(Array.from(work));
    let draw = this.random();
    for (let t = 0; t < size; t++) {
      draw -= probabilities[t]!;
      if (draw < 0 && probabilities[t]! > 0) return { token: t, argmaxIsEos };
    }
    return { token: best, argmaxIsEos }; // rounding left a sliver of mass: the most likely token
  }
}

function softmax(scores: number[]): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  const exps = scores.map((s) => (s === Number.NEGATIVE_INFINITY ? 0 : Math.exp(s - max)));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
