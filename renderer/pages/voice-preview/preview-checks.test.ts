import { describe, expect, it } from 'vitest';
import type { PreviewVersion } from '../../../electron/api/index.js';
import { defaultCompareVersion, defaultVersion, findProblem } from './preview-checks';
import { downloadName } from './download-name';

function version(v: string, extra: Partial<PreviewVersion> = {}): PreviewVersion {
  return { version: v, format: 'piper', importedAt: '2026-01-01T00:00:00Z', active: false, sample: false, blocked: null, supportsSampling: false, rating: { average: null, count: 0 }, references: [], ...extra };
}

const versions = [version('2.0.0', { format: 'gpt-sovits-v2', blocked: 'no-pipeline', supportsSampling: true }), version('1.1.0', { active: true }), version('1.0.0')];

describe('checks before a preview is sent', () => {
  it('explains every case that cannot succeed, without asking the server', () => {
    const base = { staff: 'amy', versions, version: '1.1.0', text: 'Hello.' };
    expect(findProblem(base)).toBeNull();
    expect(findProblem({ ...base, staff: null })).toEqual({ kind: 'no-staff' });
    expect(findProblem({ ...base, versions: [] })).toEqual({ kind: 'no-versions' });
    expect(findProblem({ ...base, version: '2.0.0' })).toEqual({ kind: 'blocked', block: 'no-pipeline' });
    expect(findProblem({ ...base, text: '   ' })).toEqual({ kind: 'empty-text' });
    expect(findProblem({ ...base, text: '好'.repeat(500) })).toBeNull();
    expect(findProblem({ ...base, text: '好'.repeat(501) })).toEqual({ kind: 'text-too-long', count: 501 });
    expect(findProblem({ ...base, text: '😀'.repeat(500) })).toBeNull();
  });

  it('in A/B mode needs a second version that can be heard', () => {
    const base = { staff: 'amy', versions, version: '1.1.0', text: 'Hello.' };
    expect(findProblem({ ...base, compareWith: '1.0.0' })).toBeNull();
    expect(findProblem({ ...base, compareWith: '1.1.0' })).toEqual({ kind: 'same-version' });
    expect(findProblem({ ...base, compareWith: '2.0.0' })).toEqual({ kind: 'blocked', block: 'no-pipeline' });
    expect(findProblem({ ...base, versions: versions.slice(0, 2), compareWith: null })).toEqual({ kind: 'no-second-version' });
  });

  it('opens on the active version when it can be heard, else the newest that can', () => {
    expect(defaultVersion(versions)).toBe('1.1.0');
    expect(defaultVersion([version('2.0.0', { active: true, blocked: 'no-pipeline' }), version('1.0.0')])).toBe('1.0.0');
    expect(defaultCompareVersion(versions, '1.1.0')).toBe('1.0.0');
  });

  it('names downloads after staff, version and local time', () => {
    const at = new Date(2026, 2, 10, 14, 25, 1);
    expect(downloadName({ staff: 'sample-mei', version: '1.1.0', createdAt: at.toISOString() })).toBe('sample-mei_1.1.0_20260310-142501.wav');
  });
});
