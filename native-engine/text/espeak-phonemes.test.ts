import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePiperConfig } from '../pipelines/piper-config.js';
import { codePoints, espeakPhonemes, isEspeakVoiceAvailable } from './espeak-phonemes.js';
import { phonemesToIds } from './phoneme-ids.js';

/** The real configuration of Piper's public en_US lessac medium voice. */
const LESSAC = parsePiperConfig(JSON.parse(fs.readFileSync('/work/shared/fixtures/piper/en_US-lessac-medium.onnx.json', 'utf8')) as unknown);
const lessacIds = (phonemes: string[]) => phonemesToIds(phonemes, { phonemeIdMap: LESSAC.phoneme_id_map, phonemeMap: LESSAC.phoneme_map });

describe('espeak phonemes for Piper voices', () => {
  it('phonemises "Hello, world." and maps it to the lessac ids ^ _ (ph _)* $', async () => {
    const [sentence, ...rest] = await espeakPhonemes('Hello, world.', 'en-us');
    expect(rest).toEqual([]);
    expect(sentence!.join('')).toBe('həlˈoʊ, wˈɜːld.');
    const { ids, missing } = lessacIds(sentence!);
    expect(missing).toEqual([]);
    // ^=1 _=0 h=20 ə=59 l=24 ˈ=120 o=27 ʊ=100 ,=8 ' '=3 w=35 ɜ=62 ː=122 d=17 .=10 $=2
    expect(ids).toEqual([1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 8, 0, 3, 0, 35, 0, 120, 0, 62, 0, 122, 0, 24, 0, 17, 0, 10, 0, 2]);
  });

  it('puts back the clause punctuation phonemizer drops: . ? ! as is, , : ; with a space', async () => {
    const sentences = await espeakPhonemes('Yes, sir: wait; now! Why? Fine.', 'en-us');
    const text = sentences.map((s) => s.join(''));
    expect(text).toHaveLength(3);
    expect(text[0]).toMatch(/^\S+, \S+: \S+; \S+!$/);
    expect(text[1]).toMatch(/^\S+\?$/);
    expect(text[2]).toMatch(/^\S+\.$/);
    // Every mark is a phoneme the lessac voice has.
    for (const mark of [',', ':', ';', '!', '?', '.']) expect(LESSAC.phoneme_id_map[mark]).toBeDefined();
  });

  it('decomposes phonemes into code points (NFD)', () => {
    expect(codePoints('ç')).toEqual(['c', '\u0327']);
    expect(codePoints('ɜː')).toEqual(['ɜ', 'ː']);
  });

  it('knows which espeak voices this build has (English only)', async () => {
    expect(await isEspeakVoiceAvailable('en-us')).toBe(true);
    expect(await isEspeakVoiceAvailable('EN-GB')).toBe(true);
    expect(await isEspeakVoiceAvailable('de')).toBe(false);
  });
});
