import { describe, expect, it } from 'vitest';
import { MODEL_FORMATS } from '../../electron/api/index.js';
import { PIPELINES } from './index.js';

describe('the pipeline registry', () => {
  it('has a pipeline for piper, GPT-SoVITS v2 and both emotion formats, none for pretrained base models', () => {
    expect(Object.keys(PIPELINES).sort()).toEqual([...MODEL_FORMATS].sort());
    for (const format of ['piper', 'gpt-sovits-v2', 'emotion-text', 'emotion-audio'] as const) expect(PIPELINES[format]?.format).toBe(format);
    expect(PIPELINES.pretrained).toBeUndefined();
  });
});
