/**
 * Whether a stored voice version can be heard, decided from the registry alone, before any
 * request reaches the engine: the screen greys out what cannot play and says why.
 */
import { AppError, SAMPLING_FORMATS, type ModelFormat, type PreviewBlock } from '../../api/index.js';
import type { VersionRow } from '../../db/repositories/model-repository.js';
import { PIPELINES } from '../../../native-engine/pipelines/index.js';
import { parseManifest, type Manifest } from '../model-store/manifest.js';

export function previewBlockOf(row: Pick<VersionRow, 'format' | 'verifyState'>, manifest: Pick<Manifest, 'files'>): PreviewBlock | null {
  const hasGraph = manifest.files.some((f) => f.path.toLowerCase().endsWith('.onnx'));
  if (!hasGraph && manifest.files.some((f) => f.role === 'checkpoint')) return 'checkpoints-only';
  if (!PIPELINES[row.format as ModelFormat]?.requestKinds.includes('speech')) return 'no-pipeline';
  if (row.verifyState !== 'ok') return 'unhealthy';
  return null;
}

export function supportsSampling(format: string): boolean {
  return SAMPLING_FORMATS.includes(format);
}

const BLOCK_MESSAGES: Record<PreviewBlock, (row: VersionRow) => AppError> = {
  'checkpoints-only': (row) =>
    new AppError('UNSUPPORTED_FORMAT', `${row.line} ${row.version} has only PyTorch checkpoints; it needs an ONNX export to be heard`, 'version'),
  'no-pipeline': (row) => new AppError('UNSUPPORTED_FORMAT', `${row.line} ${row.version} (${row.format}) is not a voice the engine can speak with`, 'version'),
  unhealthy: (row) => new AppError('INTEGRITY_FAILED', `${row.line} ${row.version} has ${row.verifyState} files; it cannot be run`, 'version'),
};

/** The version's manifest when it can be previewed; otherwise the error the caller gets. */
export function requirePreviewable(row: VersionRow): Manifest {
  const manifest = parseManifest(row.manifest);
  const block = previewBlockOf(row, manifest);
  if (block) throw BLOCK_MESSAGES[block](row);
  return manifest;
}
