import { AppError } from '../../api/index.js';
import type { AuditLog } from '../../services/audit/audit-log.js';
import { speechRequest, type EngineService } from '../../services/engine/engine-service.js';
import type { ModelStore } from '../../services/model-store/model-store.js';
import { installSamplePack } from '../../services/sample-pack/install-sample-pack.js';
import type { InferReply } from '../../../native-engine/engine-protocol.js';
import type { CallContext } from '../dispatch.js';
import type { HandlersFor } from './handler-types.js';
import { describeOrigin } from '../dispatch.js';

function inferenceInfo(files: { line: string; version: string }, reply: InferReply) {
  return {
    line: files.line,
    version: files.version,
    provider: reply.info.provider,
    latencyMs: Math.round(reply.info.inferenceMs * 10) / 10,
    fallbacks: reply.info.fallbacks,
  };
}

function emotionOf(files: { line: string; version: string }, reply: InferReply) {
  if (reply.result.kind !== 'emotion') throw new AppError('UNSUPPORTED_FORMAT', `${files.line} did not answer with an emotion`);
  return { label: reply.result.label, scores: reply.result.scores, ...inferenceInfo(files, reply) };
}

export function engineHandlers(
  engine: EngineService,
  store: ModelStore,
  audit: AuditLog,
): HandlersFor<'engine.status' | 'emotion.analyze' | 'emotion.analyzeAudio' | 'tts.synthesize' | 'samplePack.install'> {
  /** Every run of a model is a model access: who, which version, from where. */
  const audited = (ctx: CallContext, action: string, files: { line: string; version: string }, success: boolean): void => {
    audit.record({ actor: ctx.user.name, role: ctx.user.role, action, target: `line=${files.line} version=${files.version}`, success, origin: describeOrigin(ctx) });
  };
  return {
    'engine.status': () => engine.status(),
    'emotion.analyze': async ({ text, line }, ctx) => {
      const { files, reply } = await engine.run(line ?? 'emotion/basic', undefined, { kind: 'emotion-text', text }, ctx.signal);
      audited(ctx, 'emotion.analyze', files, true);
      return emotionOf(files, reply);
    },
    'emotion.analyzeAudio': async ({ audioBase64, line }, ctx) => {
      const audio = new Uint8Array(Buffer.from(audioBase64, 'base64'));
      const { files, reply } = await engine.run(line ?? 'emotion/advanced', undefined, { kind: 'emotion-audio', audio }, ctx.signal);
      audited(ctx, 'emotion.analyzeAudio', files, true);
      return emotionOf(files, reply);
    },
    'tts.synthesize': async ({ staff, version, text, ...options }, ctx) => {
      if (!store.staffRepo.find(staff)) throw new AppError('NOT_FOUND', `no staff member "${staff}"`, 'staff');
      const request = speechRequest(text, options);
      const { files, reply } = await engine.run(`voice/${staff}`, version, request, ctx.signal);
      audited(ctx, 'tts.synthesize', files, true);
      if (reply.result.kind !== 'speech') throw new AppError('UNSUPPORTED_FORMAT', `${files.line} did not answer with speech`);
      const { wav, sampleRate, durationSeconds } = reply.result;
      return {
        wavBase64: Buffer.from(wav).toString('base64'),
        sampling: reply.result.sampling ?? null,
        sampleRate,
        durationSeconds,
        synthesisMs: Math.round(reply.info.inferenceMs),
        realTimeFactor: durationSeconds > 0 ? reply.info.inferenceMs / 1000 / durationSeconds : 0,
        sample: files.metadata['sample'] === true,
        ...inferenceInfo(files, reply),
      };
    },
    'samplePack.install': (_input, ctx, job) => installSamplePack(store, job, ctx.user.name, describeOrigin(ctx)),
  };
}
