/**
 * Engine benchmarks (not tests), each measured within this one run:
 *  1. overhead of a request through the engine (queue, IPC to the engine process, pipeline)
 *     against a bare session.run of the same graph doing about 20 ms of work (goal <= 1.03x);
 *  2. throughput with 4 concurrent clients against 1 client;
 *  3. real-time factor of each sample voice on this machine's CPU.
 *
 *   npx tsx bench/engine.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ort from 'onnxruntime-node';
import { buildOnnxModel } from '../electron/test-support/onnx-builder.js';
import { slowPiperGraph, writeOnnx, writePiperVoice } from '../electron/test-support/model-fixtures.js';
import { makeTempDir } from '../electron/test-support/temp-app.js';
import { openTempStore } from '../electron/test-support/temp-store.js';
import { versionFilesOf } from '../electron/services/engine/engine-service.js';
import { installSamplePack } from '../electron/services/sample-pack/install-sample-pack.js';
import { InferenceEngine, type EngineSettings } from '../native-engine/inference-engine.js';
import type { VersionFiles } from '../native-engine/pipelines/pipeline.js';

const THREADS = 2;
const settings: EngineSettings = { providerOrder: ['cpu'], cpuThreads: THREADS, cacheBudgetBytes: 1024 ** 3, maxConcurrent: 4, queueLimit: 64, timeoutMs: 60_000 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Finds the matrix size whose bare run takes about 20 ms here. */
async function sizeFor20ms(): Promise<number> {
  let size = 400;
  for (;;) {
    const session = await ort.InferenceSession.create(buildOnnxModel(slowPiperGraph(size)), { executionProviders: ['cpu'], intraOpNumThreads: THREADS });
    await timeBare(session, 2); // warm-up: the first runs allocate
    const ms = median(await timeBare(session, 5));
    await session.release();
    if ((ms >= 15 && ms <= 30) || size > 4000 || size < 50) return size;
    size = Math.round(size * Math.cbrt(20 / Math.max(ms, 0.5)));
  }
}

function feeds() {
  return {
    input: new ort.Tensor('int64', BigInt64Array.from([1n, 0n, 14n, 0n, 15n, 0n, 2n]), [1, 7]),
    input_lengths: new ort.Tensor('int64', BigInt64Array.from([7n]), [1]),
    scales: new ort.Tensor('float32', Float32Array.from([0.667, 1, 0.8]), [3]),
  };
}

async function timeBare(session: ort.InferenceSession, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await session.run(feeds());
    times.push(performance.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  const temp = makeTempDir('voiceops-bench-');
  try {
    // 1. Overhead.
    const size = await sizeFor20ms();
    const dir = writePiperVoice(path.join(temp.dir, 'work'), 'work', { phonemeType: 'text' });
    writeOnnx(path.join(dir, 'work.onnx'), slowPiperGraph(size));
    const version: VersionFiles = {
      line: 'voice/bench',
      version: '1.0.0',
      format: 'piper',
      metadata: {},
      files: [
        { path: 'work.onnx', role: 'piper-model', absolutePath: path.join(dir, 'work.onnx') },
        { path: 'work.onnx.json', role: 'piper-config', absolutePath: path.join(dir, 'work.onnx.json') },
      ],
    };
    const engine = new InferenceEngine({ settings: () => settings });
    const bare = await ort.InferenceSession.create(fs.readFileSync(version.files[0]!.absolutePath), { executionProviders: ['cpu'], intraOpNumThreads: THREADS, graphOptimizationLevel: 'all' });
    await engine.infer(version, { kind: 'speech', text: 'ab' }); // load and warm up
    await timeBare(bare, 3);
    const bareTimes: number[] = [];
    const engineTimes: number[] = [];
    for (let round = 0; round < 40; round++) {
      bareTimes.push(...(await timeBare(bare, 1)));
      const start = performance.now();
      await engine.infer(version, { kind: 'speech', text: 'ab' });
      engineTimes.push(performance.now() - start);
    }
    await bare.release();
    const overhead = median(engineTimes) / median(bareTimes);
    console.log(`1. graph of ${size}x${size} MatMul: bare session.run ${median(bareTimes).toFixed(1)} ms, through the engine ${median(engineTimes).toFixed(1)} ms`);

    // 2. Throughput, 1 client against 4.
    const requests = 24;
    let start = performance.now();
    for (let i = 0; i < requests; i++) await engine.infer(version, { kind: 'speech', text: 'ab' });
    const oneClient = requests / ((performance.now() - start) / 1000);
    start = performance.now();
    await Promise.all(Array.from({ length: 4 }, async () => {
      for (let i = 0; i < requests / 4; i++) await engine.infer(version, { kind: 'speech', text: 'ab' });
    }));
    const fourClients = requests / ((performance.now() - start) / 1000);
    console.log(`2. throughput: 1 client ${oneClient.toFixed(1)} req/s, 4 clients ${fourClients.toFixed(1)} req/s (${(fourClients / oneClient).toFixed(2)}x) on ${THREADS} threads per request`);
    await engine.close();

    // 3. Real-time factor of each sample voice.
    const t = openTempStore();
    try {
      await t.run((job) => installSamplePack(t.store, job, 'bench', 'bench'));
      const voices = new InferenceEngine({ settings: () => settings });
      const text = 'Hello, thank you for calling. How can I help you today? 您好，請問有什麼可以幫您？';
      for (const staff of ['sample-mei', 'sample-james', 'sample-ling']) {
        const files = versionFilesOf(t.store, `voice/${staff}`);
        await voices.infer(files, { kind: 'speech', text: 'warm up' });
        const reply = await voices.infer(files, { kind: 'speech', text });
        const seconds = reply.result.kind === 'speech' ? reply.result.durationSeconds : NaN;
        console.log(`3. ${staff} ${files.version}: ${seconds.toFixed(2)} s of audio in ${reply.info.inferenceMs.toFixed(0)} ms, real-time factor ${(reply.info.inferenceMs / 1000 / seconds).toFixed(3)}`);
      }
      await voices.close();
    } finally {
      t.cleanup();
    }
    console.log(`engine request / bare session.run = ${overhead.toFixed(3)}x (goal <= 1.03x)`);
  } finally {
    temp.cleanup();
  }
}

await main();
