/**
 * Which pipeline runs which model format. Pretrained base models are never run on their own
 * (they serve GPT-SoVITS voices).
 */
import type { ModelFormat } from '../../electron/api/index.js';
import { audioEmotionPipeline } from './emotion-audio-pipeline.js';
import { textEmotionPipeline } from './emotion-text-pipeline.js';
import { gptSovitsPipeline } from './gpt-sovits/gpt-sovits-pipeline.js';
import type { Pipeline } from './pipeline.js';
import { piperPipeline } from './piper-pipeline.js';

export const PIPELINES: Record<ModelFormat, Pipeline | undefined> = {
  piper: piperPipeline as Pipeline,
  'emotion-text': textEmotionPipeline as Pipeline,
  'emotion-audio': audioEmotionPipeline as Pipeline,
  'gpt-sovits-v2': gptSovitsPipeline as Pipeline,
  pretrained: undefined,
};
