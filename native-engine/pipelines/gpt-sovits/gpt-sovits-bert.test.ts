/**
 * The pipeline with a BERT graph: what reaches the encoder's ref_bert / text_bert. The stub
 * encoder and BERT graph run in the real onnxruntime; the encoder and BERT sessions are wrapped
 * only to record what they are fed (and how often BERT runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { gptSovitsFrontEnd } from '../../text/gpt-sovits/index.js';
import type { OpenSession, SpeechRequest, VersionFiles } from '../pipeline.js';
import { STUB_BERT_TOKENS, STUB_FILES, stubBertRow, stubBertVocabLines, writeStubBert, writeStubExport } from '../test-support/gpt-sovits-graphs.js';
import { openSessions, signatures, tempDir, versionFromFolder } from '../test-support/pipeline-harness.js';
import { BERT_DIMS } from './bert-features.js';
import { gptSovitsPipeline } from './gpt-sovits-pipeline.js';
import { ROLES } from './layout.js';

const REFERENCE_TEXT = '您好，很高興為您服務。';
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function voice(bert: 'with vocab' | 'without vocab' | 'none', vocabText?: string): VersionFiles {
  const temp = tempDir('voiceops-gsv-bert-');
  cleanups.push(temp.cleanup);
  writeStubExport(temp.dir, { eosAt: 3 });
  if (bert !== 'none') writeStubBert(temp.dir, { vocab: bert === 'with vocab' });
  if (vocabText !== undefined) fs.writeFileSync(path.join(temp.dir, 'vocab.txt'), vocabText);
  return versionFromFolder(temp.dir, 'gpt-sovits-v2', (file) => STUB_FILES[file] ?? 'unknown', { referenceTexts: { 'ref.wav': REFERENCE_TEXT }, referenceLanguage: 'zh' });
}

/** Records the feeds of a session's run calls and passes them on to the real session. */
function recording(open: OpenSession): Array<Record<string, Tensor>> {
  const feeds: Array<Record<string, Tensor>> = [];
  const real = open.session;
  open.session = new Proxy(real, {
    get(target, property) {
      if (property === 'run') return (input: Record<string, Tensor>, ...rest: unknown[]) => (feeds.push(input), (target.run as (...a: unknown[]) => unknown)(input, ...rest));
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as InferenceSession;
  return feeds;
}

async function loaded(version: VersionFiles) {
  const sessions = await openSessions(version, gptSovitsPipeline.sessionRoles);
  cleanups.push(() => void Promise.all(Object.values(sessions).map((s) => s.session.release())));
  expect(gptSovitsPipeline.checkSignature(signatures(sessions))).toEqual([]);
  const encoderFeeds = recording(sessions[ROLES.encoder]!);
  const bertFeeds = sessions[ROLES.bert] ? recording(sessions[ROLES.bert]!) : [];
  const state = await gptSovitsPipeline.prepare(version);
  const speak = (request: Omit<SpeechRequest, 'kind'>) => gptSovitsPipeline.run(sessions, state, { kind: 'speech', ...request }, new AbortController().signal);
  return { speak, state, encoderFeeds, bertFeeds };
}

const ids = new Map(stubBertVocabLines(STUB_BERT_TOKENS).map((token, index) => [token, index]));

/** The rows the stub BERT graph should give the text, built from the front end's own segments. */
function expectedRows(text: string, language: 'zh' | 'en' | 'auto'): number[] {
  return gptSovitsFrontEnd(text, language).segments.flatMap((segment) =>
    segment.language === 'en'
      ? new Array<number>(segment.phoneIds.length).fill(0)
      : Array.from(segment.normalizedText).flatMap((char, i) => new Array<number>(segment.word2ph[i]!).fill(ids.get(char) ?? 100)),
  );
}

/** Column 0 of each row: the token id for stub BERT rows (see stubBertRow), 0 for zero rows. */
function firstColumn(features: Tensor): number[] {
  const data = features.data as Float32Array;
  return Array.from({ length: features.dims[0]! }, (_, r) => data[r * BERT_DIMS]!);
}

describe('the GPT-SoVITS pipeline with a BERT graph', () => {
  it('feeds the encoder BERT rows for Chinese (reference and target), zeros for English, and runs BERT on the reference once', async () => {
    const { speak, encoderFeeds, bertFeeds } = await loaded(voice('with vocab'));
    await speak({ text: '今天天氣很好。', language: 'zh' });
    const [first] = encoderFeeds;
    const textBert = first!['text_bert']!;
    const refBert = first!['ref_bert']!;
    expect(textBert.dims).toEqual([first!['text_seq']!.dims[1], BERT_DIMS]);
    expect(refBert.dims).toEqual([first!['ref_seq']!.dims[1], BERT_DIMS]);
    expect(firstColumn(textBert)).toEqual(expectedRows('今天天氣很好。', 'zh'));
    expect(firstColumn(refBert)).toEqual(expectedRows(REFERENCE_TEXT, 'zh'));
    expect(Array.from((textBert.data as Float32Array).subarray(0, BERT_DIMS))).toEqual(Array.from(stubBertRow(ids.get('今')!)));
    expect(bertFeeds).toHaveLength(2);

    // Mixed text: the English segment's rows are zeros; the reference's features are not recomputed.
    await speak({ text: 'Thank you 您好', language: 'auto' });
    const mixed = encoderFeeds[1]!['text_bert']!;
    const expected = expectedRows('Thank you 您好', 'auto');
    expect(firstColumn(mixed)).toEqual(expected);
    expect(expected.slice(0, 4).every((v) => v === 0) && expected.at(-1) === ids.get('好')).toBe(true);
    expect(encoderFeeds[1]!['ref_bert']).toBe(refBert);
    expect(bertFeeds).toHaveLength(3);

    // English only: zeros, and BERT does not run.
    await speak({ text: 'Hello there.', language: 'en' });
    expect((encoderFeeds[2]!['text_bert']!.data as Float32Array).every((v) => v === 0)).toBe(true);
    expect(bertFeeds).toHaveLength(3);
  });

  it('feeds zeros without a BERT graph, and with a BERT graph imported before vocab.txt was required', async () => {
    for (const kind of ['none', 'without vocab'] as const) {
      const { speak, encoderFeeds, bertFeeds } = await loaded(voice(kind));
      await speak({ text: '今天天氣很好。', language: 'zh' });
      expect((encoderFeeds[0]!['text_bert']!.data as Float32Array).every((v) => v === 0)).toBe(true);
      expect((encoderFeeds[0]!['ref_bert']!.data as Float32Array).every((v) => v === 0)).toBe(true);
      expect(bertFeeds).toHaveLength(0);
    }
  });

  it('refuses to load a version whose vocab.txt has no special tokens', async () => {
    await expect(gptSovitsPipeline.prepare(voice('with vocab', '的\n是\n'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: expect.stringMatching(/vocab\.txt of test\/line 1\.0\.0: not a BERT vocab\.txt: no \[CLS\] line/),
    });
  });
});
