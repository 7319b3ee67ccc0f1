import { describe, expect, it } from 'vitest';
import { MODEL_FORMATS } from '../../electron/api/index.js';
import { PIPELINES } from './index.js';

describe('the pipeline registry', () => {
  it('has a pipeline for piper and both emotion formats, none yet for GPT-SoVITS (issue #8) or pretrained', () => {
    expect(Object.keys(PIPELINES).sort()).toEqual([...MODEL_FORMATS].sort());
    for (const format of ['piper', 'emotion-text', 'emotion-audio'] as const) expect(PIPELINES[format]?.format).toBe(format);
    expect(PIPELINES['gpt-sovits-v2']).toBeUndefined();
    expect(PIPELINES.pretrained).toBeUndefined();
  });
});
