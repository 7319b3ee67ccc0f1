/**
 * Benchmark (not a test): import a 1 GiB model file into the store and compare the time with
 * `cp` followed by `sha256sum` of the same file, measured in the same run. Our import reads
 * the file once (hashing while copying), so the goal is a ratio of at most 0.7.
 *
 *   npx tsx bench/import.ts            # 1 GiB
 *   BENCH_MIB=256 npx tsx bench/import.ts
 *
 * Prints one line per run and the ratio (median ours / median baseline) as the last line.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openTempStore } from '../electron/test-support/temp-store.js';

const mib = Number(process.env['BENCH_MIB'] ?? 1024);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'voiceops-bench-'));

function makeModelFile(file: string): void {
  const chunk = randomBytes(16 * 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  for (let written = 0; written < mib * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const source = path.join(work, 'pretrained');
  fs.mkdirSync(source);
  makeModelFile(path.join(source, 'base.onnx.bin'));
  const file = path.join(source, 'base.onnx.bin');
  console.log(`file: ${mib} MiB, ${rounds} rounds, ${os.cpus().length} cores`);

  const baseline: number[] = [];
  const ours: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const copy = path.join(work, 'copy.bin');
    let start = performance.now();
    execFileSync('cp', [file, copy]);
    execFileSync('sha256sum', [file], { stdio: 'ignore' });
    baseline.push(performance.now() - start);
    fs.rmSync(copy);

    const t = openTempStore();
    try {
      start = performance.now();
      await t.run((job) => t.store.importVersion({ source, line: 'pretrained/bench', version: '1.0.0', format: 'pretrained', actor: 'bench', origin: 'bench' }, job));
      ours.push(performance.now() - start);
    } finally {
      t.cleanup();
    }
    console.log(`round ${round}: cp+sha256sum ${baseline.at(-1)!.toFixed(0)} ms, import ${ours.at(-1)!.toFixed(0)} ms`);
  }
  const ratio = median(ours) / median(baseline);
  console.log(`import / (cp + sha256sum) = ${ratio.toFixed(2)}x (goal <= 0.70x)`);
}

try {
  await main();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
