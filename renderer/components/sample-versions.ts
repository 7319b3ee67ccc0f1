import { useMemo } from 'react';
import type { LineSummary } from '../../electron/api/index.js';
import { useProcedureQuery } from '../api/hooks';

export interface SampleVersions {
  /** True when that version of that line was made from sample data. */
  isSample(line: string, version: string): boolean;
  /** Staff codes whose voice line's active version (or, with none active, every version) is sample data. */
  staff: ReadonlySet<string>;
}

export function sampleVersionsOf(lines: readonly LineSummary[] | undefined): SampleVersions {
  const keys = new Set<string>();
  const staff = new Set<string>();
  for (const line of lines ?? []) {
    for (const version of line.versions) if (version.sample) keys.add(`${line.line}@${version.version}`);
    if (!line.staffCode || line.versions.length === 0) continue;
    const active = line.versions.find((version) => version.active);
    if (active ? active.sample : line.versions.every((version) => version.sample)) staff.add(line.staffCode);
  }
  return { isSample: (line, version) => keys.has(`${line}@${version}`), staff };
}

/**
 * Which versions and staff members are sample data, read from the model lists (the same cache
 * entry as Staff & Models, so a screen that shows both asks the server once).
 */
export function useSampleVersions(): SampleVersions {
  const lines = useProcedureQuery('models.list', {});
  return useMemo(() => sampleVersionsOf(lines.data), [lines.data]);
}
