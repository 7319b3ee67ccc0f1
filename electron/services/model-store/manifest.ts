import type { LintFinding, ModelFormat } from '../../api/index.js';
import type { Classification, ImportMetadata } from './formats.js';

export interface ManifestFile {
  path: string;
  role: string;
  size: number;
  sha256: string;
}

/** What the registry keeps about a version, and what a bundle carries: enough to check every byte. */
export interface Manifest {
  schema: 1;
  line: string;
  version: string;
  format: ModelFormat;
  files: ManifestFile[];
  importedAt: string;
  importedBy: string;
  origin: string;
  metadata: ImportMetadata;
  warnings: LintFinding[];
}

export function buildManifest(input: {
  line: string;
  version: string;
  format: ModelFormat;
  files: ManifestFile[];
  importedAt: string;
  importedBy: string;
  origin: string;
  classified: Pick<Classification, 'metadata' | 'labels' | 'referenceTexts' | 'findings'>;
}): Manifest {
  const { classified } = input;
  const metadata: Manifest['metadata'] = { ...classified.metadata };
  if (classified.labels) metadata.labels = classified.labels;
  if (Object.keys(classified.referenceTexts).length > 0) metadata.referenceTexts = classified.referenceTexts;
  return {
    schema: 1,
    line: input.line,
    version: input.version,
    format: input.format,
    files: input.files,
    importedAt: input.importedAt,
    importedBy: input.importedBy,
    origin: input.origin,
    metadata,
    warnings: classified.findings.filter((f) => f.level === 'warning'),
  };
}

export function parseManifest(json: string): Manifest {
  return JSON.parse(json) as Manifest;
}
