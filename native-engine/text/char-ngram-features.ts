/**
 * The featuriser of text emotion classifiers: hashed character n-grams. Character n-grams
 * work for Chinese (no word segmentation needed) and English alike; hashing keeps the
 * vocabulary out of the model file. The same code featurises at training time (sample pack)
 * and at inference (emotion-text pipeline), so the two cannot drift apart.
 *
 * Exactly: NFKC (full-width letters and marks become ASCII), optional lower-casing,
 * whitespace runs collapsed, one space added at each end (word-boundary n-grams); every
 * n-gram of code points for each n is hashed with 32-bit FNV-1a over its UTF-8 bytes, modulo
 * `buckets`; counts become 1 + ln(count) (sublinear), and the vector is L2-normalised.
 */
import { z } from 'zod';

export const charNgramFeaturizerSchema = z
  .object({
    kind: z.literal('hashed-char-ngrams'),
    n: z.array(z.number().int().min(1).max(8)).min(1),
    buckets: z.number().int().min(2).max(1 << 20),
    lowercase: z.boolean().default(true),
    sublinearTf: z.boolean().default(true),
    norm: z.enum(['l2', 'none']).default('l2'),
  })
  .strict();
export type CharNgramFeaturizer = z.infer<typeof charNgramFeaturizerSchema>;

const encoder = new TextEncoder();

/** 32-bit FNV-1a of the UTF-8 bytes of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function normaliseForFeatures(text: string, lowercase: boolean): string {
  const folded = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return ` ${lowercase ? folded.toLowerCase() : folded} `;
}

/** Bucket -> count, before weighting. */
export function countNgrams(text: string, spec: CharNgramFeaturizer): Map<number, number> {
  const chars = Array.from(normaliseForFeatures(text, spec.lowercase));
  const counts = new Map<number, number>();
  for (const n of spec.n) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('');
      if (gram.trim() === '') continue; // whitespace alone says nothing
      const bucket = fnv1a32(`${n}:${gram}`) % spec.buckets;
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    }
  }
  return counts;
}

/** Sparse features: sorted bucket indices and their weights. */
export interface SparseFeatures {
  indices: Int32Array;
  values: Float32Array;
}

export function sparseFeatures(text: string, spec: CharNgramFeaturizer): SparseFeatures {
  const counts = [...countNgrams(text, spec).entries()].sort((a, b) => a[0] - b[0]);
  const values = counts.map(([, c]) => (spec.sublinearTf ? 1 + Math.log(c) : c));
  const norm = spec.norm === 'l2' ? Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1 : 1;
  return { indices: Int32Array.from(counts, ([b]) => b), values: Float32Array.from(values, (v) => v / norm) };
}

/** The dense float32 vector the classifier graph takes ([1, buckets]). */
export function denseFeatures(text: string, spec: CharNgramFeaturizer): Float32Array {
  const dense = new Float32Array(spec.buckets);
  const sparse = sparseFeatures(text, spec);
  sparse.indices.forEach((index, k) => {
    dense[index] = sparse.values[k]!;
  });
  return dense;
}
