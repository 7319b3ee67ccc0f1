import { describe, expect, it } from 'vitest';
import type { LineSummary, VersionSummary } from '../../electron/api/index.js';
import { sampleVersionsOf } from './sample-versions';

function version(line: string, v: string, sample: boolean, active = false): VersionSummary {
  return {
    line,
    version: v,
    format: 'piper',
    importedAt: '2026-01-01T00:00:00.000Z',
    importedBy: 'admin',
    totalBytes: 1,
    fileCount: 1,
    verifyState: 'ok',
    verifiedAt: null,
    active,
    pinned: false,
    warnings: [],
    sample,
  };
}

function line(name: string, staffCode: string | null, versions: VersionSummary[]): LineSummary {
  const active = versions.find((each) => each.active)?.version ?? null;
  return { line: name, family: staffCode ? 'voice' : 'emotion', staffCode, activeVersion: active, pinnedVersion: null, versions };
}

describe('sampleVersionsOf', () => {
  const lines = [
    line('voice/sample-mei', 'sample-mei', [version('voice/sample-mei', '1.1.0', true, true), version('voice/sample-mei', '1.0.0', true)]),
    // A real voice whose active version is real stays unlabelled, even with an old sample version.
    line('voice/amy', 'amy', [version('voice/amy', '2.0.0', false, true), version('voice/amy', '1.0.0', true)]),
    // No active version (all corrupt, say): sample only when every version is.
    line('voice/bo', 'bo', [version('voice/bo', '1.0.0', true), version('voice/bo', '1.1.0', false)]),
    line('emotion/basic', null, [version('emotion/basic', '1.0.0', true, true)]),
  ];

  it('labels versions by line and version, and staff by their active voice', () => {
    const samples = sampleVersionsOf(lines);
    expect(samples.isSample('voice/sample-mei', '1.0.0')).toBe(true);
    expect(samples.isSample('voice/amy', '2.0.0')).toBe(false);
    expect(samples.isSample('voice/amy', '1.0.0')).toBe(true);
    expect(samples.isSample('emotion/basic', '1.0.0')).toBe(true);
    expect([...samples.staff].sort()).toEqual(['sample-mei']);
  });

  it('knows nothing before the lists arrive', () => {
    const samples = sampleVersionsOf(undefined);
    expect(samples.isSample('voice/sample-mei', '1.0.0')).toBe(false);
    expect(samples.staff.size).toBe(0);
  });
});
