import type { LineSummary, ModelFormat, VersionSummary } from '../../api/index.js';
import type { LineRow, VersionRow } from '../../db/repositories/model-repository.js';
import { parseManifest } from './manifest.js';
import { activeVersionOf, sortVersionsDescending } from './model-lines.js';

export function summarizeVersion(row: VersionRow, line: LineRow, active: string | null): VersionSummary {
  const manifest = parseManifest(row.manifest);
  return {
    line: row.line,
    version: row.version,
    format: row.format as ModelFormat,
    importedAt: row.importedAt,
    importedBy: row.importedBy,
    totalBytes: row.totalBytes,
    fileCount: manifest.files.length,
    verifyState: row.verifyState,
    verifiedAt: row.verifiedAt,
    active: row.version === active,
    pinned: row.version === line.pinnedVersion,
    warnings: manifest.warnings,
    sample: manifest.metadata.sample === true,
  };
}

export function summarizeLine(line: LineRow, versions: VersionRow[]): LineSummary {
  const active = activeVersionOf(line, versions);
  return {
    line: line.line,
    family: line.family,
    staffCode: line.staffCode,
    activeVersion: active,
    pinnedVersion: line.pinnedVersion,
    versions: sortVersionsDescending(versions).map((v) => summarizeVersion(v, line, active)),
  };
}
