import type { ExecutionProvider } from '../../../../electron/api/index.js';

/** Product names of the execution providers (not translated). */
export const PROVIDER_NAMES: Record<ExecutionProvider, string> = {
  cuda: 'CUDA',
  webgpu: 'WebGPU',
  dml: 'DirectML',
  cpu: 'CPU',
};

/** Milliseconds as the reader writes numbers: one decimal below 10 ms, whole numbers above. */
export function formatMs(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A ratio (0..1) as a percentage, with one decimal where it matters (an error rate of 0.4 %). */
export function formatRatio(ratio: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}
