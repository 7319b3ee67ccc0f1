/**
 * A GPT-SoVITS voice through the real engine process: progress events cross from the engine,
 * a cancel reaches it (the pipeline tests show the loop stopping between steps), and the engine
 * keeps serving afterwards.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../electron/test-support/temp-app.js';
import { writeGptSovitsVoice } from '../../../electron/test-support/model-fixtures.js';
import { InferenceEngine } from '../../inference-engine.js';
import type { PipelineProgress, VersionFiles } from '../pipeline.js';
import type { StubDecoderOptions } from '../test-support/gpt-sovits-graphs.js';

let engine: InferenceEngine | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await engine?.close();
  cleanup?.();
});

function voice(dir: string, version: string, decoder: StubDecoderOptions): VersionFiles {
  const folder = writeGptSovitsVoice(path.join(dir, version), 'gus', [{ seconds: 4, text: '您好，很高興為您服務。' }], decoder);
  const file = (name: string, role: string) => ({ path: name, role, absolutePath: path.join(folder, name) });
  return {
    line: 'voice/gus',
    version,
    format: 'gpt-sovits-v2',
    metadata: { referenceTexts: { 'ref/clip01.wav': '您好，很高興為您服務。' }, referenceLanguage: 'zh' },
    files: [
      file('gus_t2s_encoder.onnx', 't2s-encoder'),
      file('gus_t2s_fsdec.onnx', 't2s-fsdec'),
      file('gus_t2s_sdec.onnx', 't2s-sdec'),
      file('gus_vits.onnx', 'vits'),
      file('chinese-hubert-base.onnx', 'ssl'),
      file('ref/clip01.wav', 'reference-audio'),
    ],
  };
}

describe('a GPT-SoVITS voice in the engine process', () => {
  it('reports decode progress, is cancelled between steps, and the engine serves the next request', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const endless = voice(temp.dir, '1.0.0', { eosAt: 1_000_000 });
    const quick = voice(temp.dir, '1.1.0', { eosAt: 6, sampling: 'host' });
    engine = new InferenceEngine({
      settings: () => ({ providerOrder: ['cpu'], cpuThreads: 1, cacheBudgetBytes: 1e9, maxConcurrent: 2, queueLimit: 4, timeoutMs: 60_000 }),
      onDiagnostic: () => undefined,
    });

    const controller = new AbortController();
    const progress: PipelineProgress[] = [];
    const cancelled = engine.infer(endless, { kind: 'speech', text: '您好。' }, {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progress[0]).toMatchObject({ sentence: 1, sentences: 1, maxSteps: 1500 });
    expect(progress[0]!.step).toBeGreaterThan(0);

    const reply = await engine.infer(quick, { kind: 'speech', text: '您好。', seed: 3 });
    expect(reply.result).toMatchObject({ kind: 'speech', sampleRate: 32000, sampling: { where: 'host', seed: 3 } });
    // No EOS before 11 tokens, whatever the decoder says: 11 x 1280 samples.
    expect(reply.result.kind === 'speech' && reply.result.samples).toBe(11 * 1280);
    // The engine that was told to cancel is still the same process (cancelling never kills it).
    expect((await engine.status()).workerRestarts).toBe(0);
  }, 60_000);
});
