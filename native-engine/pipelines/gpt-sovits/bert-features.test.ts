/**
 * BERT features for GPT-SoVITS: the vocab.txt parser, the graph contract check and the feature
 * builder, on a stub BERT graph run by the real onnxruntime (row of token v = stubBertRow(v)).
 */
import { InferenceSession } from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { gptSovitsFrontEnd } from '../../text/gpt-sovits/index.js';
import { bertInputIds, characterIds, parseBertVocab } from '../../text/gpt-sovits/bert-vocab.js';
import { readGraphSignature } from '../graph-signature.js';
import { STUB_BERT_TOKENS, stubBert, stubBertRow, stubBertVocabLines, unrelatedGraph, type StubBertOptions } from '../test-support/gpt-sovits-graphs.js';
import { BERT_DIMS, bertFeatures, characterFeatures, recogniseBert, type BertRunner } from './bert-features.js';

const vocab = parseBertVocab(stubBertVocabLines(STUB_BERT_TOKENS).join('\n') + '\n');
const sessions: InferenceSession[] = [];
afterEach(async () => {
  while (sessions.length > 0) await sessions.pop()!.release();
});

async function runner(options: StubBertOptions = {}): Promise<BertRunner> {
  const session = await InferenceSession.create(stubBert(vocab.size, options));
  sessions.push(session);
  const recognised = recogniseBert('bert', readGraphSignature(session));
  expect(recognised.problems).toEqual([]);
  return { session, layout: recognised.layout!, vocab };
}

async function signatureOf(bytes: Uint8Array) {
  const session = await InferenceSession.create(bytes);
  sessions.push(session);
  return readGraphSignature(session);
}

const rowOf = (data: Float32Array, row: number) => Array.from(data.subarray(row * BERT_DIMS, (row + 1) * BERT_DIMS));
const idOf = (char: string) => vocab.ids.get(char)!;

describe('the BERT vocabulary', () => {
  it('gives each line its index and finds the special tokens; one id per character, [UNK] for the unknown', () => {
    expect(vocab).toMatchObject({ size: 104 + STUB_BERT_TOKENS.length, unk: 100, cls: 101, sep: 102 });
    expect(idOf('.')).toBe(104);
    expect(characterIds('您好貓', vocab)).toEqual([idOf('您'), idOf('好'), 100]);
    expect(bertInputIds('您好.', vocab)).toEqual([101, idOf('您'), idOf('好'), idOf('.'), 102]);
    // Upper case is looked up lower-cased (the model is uncased).
    expect(characterIds('A', parseBertVocab('[UNK]\n[CLS]\n[SEP]\na\n'))).toEqual([3]);
  });

  it('refuses a file without [CLS], [SEP] or [UNK], naming the missing token', () => {
    expect(() => parseBertVocab('[PAD]\n[UNK]\n[SEP]\n')).toThrow(/no \[CLS\] line/);
    expect(() => parseBertVocab('')).toThrow(/no \[CLS\] line \(0 lines read\)/);
  });
});

describe('recognising a BERT graph', () => {
  it('takes input_ids with or without attention_mask / token_type_ids, and a [1, T, 1024] or [T, 1024] output', async () => {
    expect(recogniseBert('bert', await signatureOf(stubBert(110))).layout).toEqual({ attentionMask: true, tokenTypeIds: true, output: 'hidden_states' });
    expect(recogniseBert('bert', await signatureOf(stubBert(110, { extraInputs: [], rank: 2 }))).layout).toEqual({ attentionMask: false, tokenTypeIds: false, output: 'hidden_states' });
  });

  it('refuses another graph, naming each mismatch', async () => {
    const result = recogniseBert('bert', await signatureOf(unrelatedGraph('input', 'output', 'int64')));
    expect(result.layout).toBeNull();
    expect(result.problems).toEqual([
      'bert: missing input `input_ids` (int64 [1, T] token ids)',
      'bert: unexpected input `input` (a BERT graph takes input_ids and optionally attention_mask, token_type_ids)',
      'bert: no float32 output of shape [1, T, 1024] or [T, 1024] (the features, hidden_states[-3]); found no float32 output',
    ]);
    // A float output of the wrong width is named.
    const narrow = recogniseBert('bert', { inputs: [{ name: 'input_ids', type: 'tensor(int64)', shape: [1, 'T'] }], outputs: [{ name: 'pooled', type: 'tensor(float)', shape: [1, 768] }] });
    expect(narrow.problems).toEqual(['bert: no float32 output of shape [1, T, 1024] or [T, 1024] (the features, hidden_states[-3]); found `pooled` [1, 768]']);
  });
});

describe('BERT features per phone', () => {
  it('expands each Chinese character row word2ph times, drops [CLS]/[SEP], zeros English, one row per phone', async () => {
    const front = gptSovitsFrontEnd('今天天氣很好。Hello there, 您好', 'auto');
    expect(front.segments.map((s) => s.language)).toEqual(['zh', 'en', 'zh']);
    const features = await bertFeatures(front.segments, await runner());
    expect(features.dims).toEqual([front.phoneIds.length, BERT_DIMS]);
    const data = features.data as Float32Array;

    // Build the expected rows independently from the segments: character id per word2ph phone, zeros for English.
    const expected: number[][] = [];
    for (const segment of front.segments) {
      if (segment.language === 'en') for (let i = 0; i < segment.phoneIds.length; i++) expected.push(new Array(BERT_DIMS).fill(0));
      else Array.from(segment.normalizedText).forEach((char, i) => { for (let r = 0; r < segment.word2ph[i]!; r++) expected.push(Array.from(stubBertRow(idOf(char)))); });
    }
    expect(expected).toHaveLength(front.phoneIds.length);
    for (let row = 0; row < expected.length; row++) expect(rowOf(data, row)).toEqual(expected[row]);

    // Spelled out for the first segment "今天天气很好.": two phones a character, one for the mark.
    expect(front.segments[0]!.word2ph).toEqual([2, 2, 2, 2, 2, 2, 1]);
    expect(rowOf(data, 0)).toEqual(Array.from(stubBertRow(idOf('今'))));
    expect(rowOf(data, 1)).toEqual(Array.from(stubBertRow(idOf('今'))));
    expect(rowOf(data, 12)).toEqual(Array.from(stubBertRow(idOf('.'))));
    const firstValues = new Set(Array.from({ length: front.phoneIds.length }, (_, r) => data[r * BERT_DIMS]));
    expect(firstValues.has(101)).toBe(false);
    expect(firstValues.has(102)).toBe(false);
    // The English segment (phones 13..20) is zeros.
    expect(rowOf(data, 13).every((v) => v === 0)).toBe(true);
    expect(rowOf(data, 20).every((v) => v === 0)).toBe(true);
  });

  it('gives a character missing from the vocabulary the [UNK] row, with a [T, 1024] graph without extra inputs', async () => {
    const front = gptSovitsFrontEnd('貓好', 'zh');
    const features = await bertFeatures(front.segments, await runner({ extraInputs: [], rank: 2 }));
    const data = features.data as Float32Array;
    const segment = front.segments.at(-1)!;
    const offset = front.phoneIds.length - segment.phoneIds.length;
    const chars = Array.from(segment.normalizedText);
    const cat = chars.indexOf('猫');
    expect(cat).toBeGreaterThanOrEqual(0);
    const rowOfChar = offset + segment.word2ph.slice(0, cat).reduce((a, b) => a + b, 0);
    expect(rowOf(data, rowOfChar)).toEqual(Array.from(stubBertRow(100)));
    expect(rowOf(data, rowOfChar + segment.word2ph[cat]!)).toEqual(Array.from(stubBertRow(idOf('好'))));
  });

  it('runs a text longer than BERT takes in pieces, each framed by [CLS]/[SEP], and keeps one row per character', async () => {
    const bert = await runner();
    const lengths: number[] = [];
    const real = bert.session;
    const counting = { ...bert, session: { run: (feeds: Record<string, { dims: readonly number[] }>, fetches: string[]) => (lengths.push(feeds['input_ids']!.dims[1]!), real.run(feeds as never, fetches)) } as unknown as InferenceSession };
    const text = '今天天气很好.您好';
    const whole = await characterFeatures(counting, text);
    const pieces = await characterFeatures(counting, text, 4);
    expect(lengths).toEqual([11, 6, 6, 3]);
    expect(Array.from(pieces)).toEqual(Array.from(whole));
    expect(Array.from({ length: 9 }, (_, r) => pieces[r * BERT_DIMS])).toEqual(Array.from(text, (char) => idOf(char)));
  });

  it('is all zeros without a BERT graph', async () => {
    const front = gptSovitsFrontEnd('今天天氣很好。', 'zh');
    const features = await bertFeatures(front.segments, null);
    expect(features.dims).toEqual([front.phoneIds.length, BERT_DIMS]);
    expect((features.data as Float32Array).every((v) => v === 0)).toBe(true);
  });
});
