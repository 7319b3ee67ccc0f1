import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../components/format-bytes';
import { hrefForView, viewFromHash } from './staff-models-route';

describe('Staff & Models views in the hash', () => {
  it('round-trips every view', () => {
    for (const view of [{ view: 'staff' }, { view: 'member', code: 'amy_01' }, { view: 'shared' }, { view: 'storage' }] as const) {
      expect(viewFromHash(hrefForView(view))).toEqual(view);
    }
  });

  it('falls back to the staff list for anything else, a code that could be a path included', () => {
    expect(viewFromHash('#/staff-models/staff/..%2Fetc')).toEqual({ view: 'staff' });
    expect(viewFromHash('#/staff-models/nonsense')).toEqual({ view: 'staff' });
    expect(viewFromHash('')).toEqual({ view: 'staff' });
  });
});

describe('formatBytes', () => {
  it('uses decimal units, like the brief', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(999, 'en')).toBe('999 B');
    expect(formatBytes(1009, 'en')).toBe('1.01 kB');
    expect(formatBytes(1.4e9, 'en')).toBe('1.40 GB');
    expect(formatBytes(270_553_174_016, 'en')).toBe('271 GB');
  });
});
