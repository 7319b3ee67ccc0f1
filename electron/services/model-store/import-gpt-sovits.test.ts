/**
 * Importing GPT-SoVITS v2 exports with the app's import hook: the engine process opens the
 * stored graphs and checks their signatures against the layouts the pipeline runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InferenceEngine } from '../../../native-engine/inference-engine.js';
import { stubStepDecoder, unrelatedGraph } from '../../../native-engine/pipelines/test-support/gpt-sovits-graphs.js';
import { writeGptSovitsVoice } from '../../test-support/model-fixtures.js';
import { openTempStore, type TempStore } from '../../test-support/temp-store.js';

let t: TempStore | undefined;
let engine: InferenceEngine | undefined;
afterEach(async () => {
  await engine?.close();
  t?.cleanup();
});

function storeWithEngineCheck(): TempStore {
  const store = openTempStore();
  engine = new InferenceEngine({
    settings: () => ({ providerOrder: ['cpu'], cpuThreads: 1, cacheBudgetBytes: 1e9, maxConcurrent: 1, queueLimit: 4, timeoutMs: 60_000 }),
    onDiagnostic: () => undefined,
  });
  const checking = engine;
  store.store.setGraphCheck((files) => checking.check(files));
  store.store.staff.add('amy', 'Amy Chen');
  store.store.staff.add('ben', 'Ben Lin');
  return store;
}

const importFrom = (store: TempStore, source: string, line: string, version: string) =>
  store.run((job) => store.store.importVersion({ source, line, version, format: undefined, actor: 'ann', origin: 'cli' }, job));

describe('importing a GPT-SoVITS v2 export', () => {
  it('accepts a correct export; the shared SSL graph is stored once for every staff member; reference text and language go into the manifest', async () => {
    t = storeWithEngineCheck();
    const amy = writeGptSovitsVoice(path.join(t.sources, 'amy'), 'amy', [{ seconds: 4, text: '您好，很高興為您服務。' }]);
    fs.writeFileSync(path.join(amy, 'voiceops.json'), JSON.stringify({ referenceLanguage: 'zh', maxSeconds: 30 }));
    const ben = writeGptSovitsVoice(path.join(t.sources, 'ben'), 'ben', [{ seconds: 5, text: 'Thank you for calling.' }], { sampling: 'host' });
    const a = (await importFrom(t, amy, 'voice/amy', '1.0.0')).manifest;
    const b = (await importFrom(t, ben, 'voice/ben', '1.0.0')).manifest;

    expect(a.format).toBe('gpt-sovits-v2');
    expect(a.files.map((f) => [f.path, f.role])).toEqual(
      expect.arrayContaining([
        ['amy_t2s_encoder.onnx', 't2s-encoder'],
        ['amy_t2s_fsdec.onnx', 't2s-fsdec'],
        ['amy_t2s_sdec.onnx', 't2s-sdec'],
        ['amy_vits.onnx', 'vits'],
        ['chinese-hubert-base.onnx', 'ssl'],
        ['ref/clip01.wav', 'reference-audio'],
        ['ref/clip01.txt', 'reference-text'],
      ]),
    );
    expect(a.metadata).toMatchObject({ referenceTexts: { 'ref/clip01.wav': '您好，很高興為您服務。' }, referenceLanguage: 'zh', maxSeconds: 30 });
    const ssl = (m: typeof a) => m.files.find((f) => f.role === 'ssl')!.sha256;
    expect(ssl(b)).toBe(ssl(a));
    expect(t.blobsOnDisk().filter((blob) => blob.endsWith(ssl(a)))).toHaveLength(1);
    // Different decoders (host sampling for ben): different blobs.
    expect(b.files.find((f) => f.role === 't2s-sdec')!.sha256).not.toBe(a.files.find((f) => f.role === 't2s-sdec')!.sha256);
  });

  it('refuses an export with a wrong graph, naming the graph and the mismatch, and stores no version', async () => {
    t = storeWithEngineCheck();
    const wrongStep = writeGptSovitsVoice(path.join(t.sources, 'wrong-step'), 'amy');
    fs.writeFileSync(path.join(wrongStep, 'amy_t2s_sdec.onnx'), unrelatedGraph('iy', 'logits'));
    await expect(importFrom(t, wrongStep, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/not a valid gpt-sovits-v2 export: .*t2s-sdec: missing input `iy_emb`.*t2s-sdec: missing output `y_emb`/),
    });

    // Per-layer caches in the step decoder but stacked ones from the first-step decoder.
    const mixed = writeGptSovitsVoice(path.join(t.sources, 'mixed'), 'amy');
    fs.writeFileSync(path.join(mixed, 'amy_t2s_sdec.onnx'), stubStepDecoder({ caches: 'per-layer' }));
    await expect(importFrom(t, mixed, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      message: expect.stringMatching(/cache layouts differ: t2s-fsdec outputs stacked k\/v caches, t2s-sdec takes 2 per-layer k\/v caches/),
    });
    expect(t.store.repo.findLine('voice/amy')).toBeUndefined();
  });

  it('refuses an export without the SSL graph, or with two BERT graphs, before copying anything', async () => {
    t = storeWithEngineCheck();
    const noSsl = writeGptSovitsVoice(path.join(t.sources, 'no-ssl'), 'amy');
    fs.rmSync(path.join(noSsl, 'chinese-hubert-base.onnx'));
    await expect(importFrom(t, noSsl, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /needs exactly 1 ssl file\(s\); found 0/ });
    const twoBert = writeGptSovitsVoice(path.join(t.sources, 'two-bert'), 'amy');
    for (const name of ['roberta-bert-a.onnx', 'roberta-bert-b.onnx']) fs.writeFileSync(path.join(twoBert, name), unrelatedGraph('input_ids', 'hidden', 'int64'));
    await expect(importFrom(t, twoBert, 'voice/amy', '1.0.0')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /takes at most 1 bert file\(s\); found 2/ });
    expect(t.blobsOnDisk()).toEqual([]);
  });
});

describe('importing a GPT-SoVITS v2 export with a BERT graph', () => {
  it('accepts a BERT graph with its vocab.txt; both are stored once for every staff member', async () => {
    t = storeWithEngineCheck();
    const amy = writeGptSovitsVoice(path.join(t.sources, 'amy'), 'amy', undefined, {}, { bert: true });
    const ben = writeGptSovitsVoice(path.join(t.sources, 'ben'), 'ben', [{ seconds: 4, text: '請稍候。' }], {}, { bert: true });
    const a = (await importFrom(t, amy, 'voice/amy', '1.0.0')).manifest;
    const b = (await importFrom(t, ben, 'voice/ben', '1.0.0')).manifest;
    expect(a.files.map((f) => [f.path, f.role])).toEqual(
      expect.arrayContaining([
        ['chinese-roberta-wwm-ext-large_bert.onnx', 'bert'],
        ['vocab.txt', 'bert-vocab'],
        ['ref/clip01.txt', 'reference-text'],
      ]),
    );
    for (const role of ['bert', 'bert-vocab']) {
      const digest = a.files.find((f) => f.role === role)!.sha256;
      expect(b.files.find((f) => f.role === role)!.sha256).toBe(digest);
      expect(t.blobsOnDisk().filter((blob) => blob.endsWith(digest))).toHaveLength(1);
    }
  });

  it('refuses a BERT graph without vocab.txt, a vocab.txt that is not one, and a graph off our BERT contract', async () => {
    t = storeWithEngineCheck();
    const noVocab = writeGptSovitsVoice(path.join(t.sources, 'no-vocab'), 'amy', undefined, {}, { bert: 'without vocab' });
    await expect(importFrom(t, noVocab, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/chinese-roberta-wwm-ext-large_bert\.onnx: a BERT graph needs its tokenizer's vocab\.txt/),
    });
    const badVocab = writeGptSovitsVoice(path.join(t.sources, 'bad-vocab'), 'amy', undefined, {}, { bert: true });
    fs.writeFileSync(path.join(badVocab, 'vocab.txt'), '的\n是\n');
    await expect(importFrom(t, badVocab, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/vocab\.txt: not a BERT vocab\.txt: no \[CLS\] line/),
    });
    expect(t.blobsOnDisk()).toEqual([]);
    const wrongGraph = writeGptSovitsVoice(path.join(t.sources, 'wrong-graph'), 'amy', undefined, {}, { bert: true });
    fs.writeFileSync(path.join(wrongGraph, 'chinese-roberta-wwm-ext-large_bert.onnx'), unrelatedGraph('input_ids', 'pooled', 'int64'));
    await expect(importFrom(t, wrongGraph, 'voice/amy', '1.0.0')).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/bert: no float32 output of shape \[1, T, 1024\] or \[T, 1024\]/),
    });
    expect(t.store.repo.findLine('voice/amy')).toBeUndefined();
  });
});
