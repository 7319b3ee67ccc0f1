import { readReferenceClip } from '../../services/preview/reference-audio.js';
import type { PreviewService } from '../../services/preview/preview-service.js';
import type { AuditLog } from '../../services/audit/audit-log.js';
import type { ModelStore } from '../../services/model-store/model-store.js';
import { describeOrigin } from '../dispatch.js';
import type { HandlersFor } from './handler-types.js';

export function previewHandlers(
  previews: PreviewService,
  store: ModelStore,
  audit: AuditLog,
): HandlersFor<
  'previews.voices' | 'previews.start' | 'previews.synthesize' | 'previews.list' | 'previews.get' | 'previews.referenceAudio' | 'ratings.add' | 'ratings.summary'
> {
  return {
    'previews.voices': ({ staff }) => previews.voices(staff),
    // Audited as a mutation by the dispatcher (who, staff, version, from where, success).
    'previews.start': (input, ctx) => previews.start(input, ctx),
    'previews.synthesize': (input, ctx) => previews.synthesize(input, ctx),
    'previews.list': ({ scope }, ctx) => previews.list(scope ?? 'mine', ctx),
    'previews.get': ({ id }, ctx) => previews.get(id, ctx),
    'previews.referenceAudio': ({ staff, version, path }, ctx) => {
      const row = previews.requireVersion(staff, version);
      const target = `staff=${staff} version=${version} path=${path.slice(0, 80)}`;
      try {
        const clip = readReferenceClip(store, row, path);
        // Reading a voice's reference audio is a model access like running it.
        audit.record({ actor: ctx.user.name, role: ctx.user.role, action: 'previews.referenceAudio', target, success: true, origin: describeOrigin(ctx) });
        return clip;
      } catch (error) {
        audit.record({ actor: ctx.user.name, role: ctx.user.role, action: 'previews.referenceAudio', target, success: false, origin: describeOrigin(ctx) });
        throw error;
      }
    },
    'ratings.add': (input, ctx) => previews.ratings.add(input, ctx.user.name),
    'ratings.summary': ({ line }) => previews.ratings.summaries(line),
  };
}
