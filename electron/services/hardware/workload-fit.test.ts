import { describe, expect, it } from 'vitest';
import { fitWorkload, projectMemory, projectStorage } from './workload-fit.js';
import { GB } from './tier-requirements.js';

const MiB = 1024 ** 2;

describe('projected storage for N staff members', () => {
  it("reproduces the brief's estimate: about 25 GB for 10 staff members, backups apart", () => {
    const fit = projectStorage({ staffCount: 10, freeBytes: 1000 * GB, backupsElsewhere: false });
    expect(fit.neededBytes).toBeCloseTo(24.75 * GB, -3);
    expect(Object.fromEntries(fit.items.map((i) => [i.id, i.bytes / GB]))).toEqual({
      pretrained: 2.5,
      emotion: 1.25,
      voices: 14,
      'training-audio': 5,
      'cache-and-logs': 2,
      backups: 17.75,
    });
  });

  // 10 members: 24.75 GB without backups, 42.5 GB with one backup on the same disk.
  it.each([
    [42.5 * GB, false, 'fits', 0],
    [42.5 * GB - 1, false, 'fits-without-backups', 1],
    [24.75 * GB, false, 'fits-without-backups', 17.75 * GB],
    [24.75 * GB, true, 'fits', 0],
    [24.75 * GB - 1, true, 'needs-more', 1],
    [20 * GB, false, 'needs-more', 4.75 * GB],
  ] as const)('%d bytes free, backups elsewhere %s: %s', (free, elsewhere, verdict, short) => {
    const fit = projectStorage({ staffCount: 10, freeBytes: free, backupsElsewhere: elsewhere });
    expect(fit.verdict).toBe(verdict);
    expect(fit.shortBytes).toBeCloseTo(short, -3);
  });

  it('says it plainly', () => {
    expect(projectStorage({ staffCount: 10, freeBytes: 100 * GB, backupsElsewhere: false }).message).toMatch(/^fits: .*backups included/);
    expect(projectStorage({ staffCount: 10, freeBytes: 30 * GB, backupsElsewhere: false }).message).toMatch(/^fits without backups on this disk/);
    expect(projectStorage({ staffCount: 10, freeBytes: 20 * GB, backupsElsewhere: false }).message).toMatch(/^needs 4\.8 GB more/);
  });

  it('grows with the staff count', () => {
    const one = projectStorage({ staffCount: 1, freeBytes: 0, backupsElsewhere: false });
    const fifty = projectStorage({ staffCount: 50, freeBytes: 0, backupsElsewhere: false });
    expect(one.neededBytes).toBeCloseTo(7.65 * GB, -3);
    expect(fifty.neededBytes - one.neededBytes).toBeCloseTo(49 * 1.9 * GB, -3);
  });
});

describe('models loaded together against memory x 0.8', () => {
  const base = { systemMemoryBytes: 32 * GB, memoryFraction: 0.8, maxConcurrent: 4 };

  it.each([
    // 10 staff, 4 at once: 2.5 + 1.25 + 4 x 1.4 = 9.35 GB
    ['GTX 1060 6 GB', 6144 * MiB, 'needs-more'],
    ['RTX 3070 8 GB', 8192 * MiB, 'needs-more'],
    ['RTX A4000 16 GB', 16376 * MiB, 'fits'],
  ] as const)('%s for 10 staff members: %s', (_name, gpu, verdict) => {
    const fit = projectMemory({ ...base, staffCount: 10, gpuMemoryBytes: gpu });
    expect(fit).toMatchObject({ device: 'gpu', voicesLoaded: 4, verdict });
    expect(fit.neededBytes).toBeCloseTo(9.35 * GB, -3);
    expect(fit.budgetBytes).toBeCloseTo(gpu * 0.8, 0);
  });

  it('the boundary is exactly GPU memory x the fraction', () => {
    const need = 2.5 * GB + 1.25 * GB + 1.4 * GB; // one staff member
    expect(projectMemory({ ...base, staffCount: 1, gpuMemoryBytes: need / 0.8 }).verdict).toBe('fits');
    const under = projectMemory({ ...base, staffCount: 1, gpuMemoryBytes: need / 0.8 - 10 });
    expect(under.verdict).toBe('needs-more');
    expect(under.message).toMatch(/^needs 0\.1 GB more GPU memory/);
  });

  it('without a GPU, the models are weighed against system memory and it says they run on the CPU', () => {
    const fit = projectMemory({ ...base, staffCount: 10, gpuMemoryBytes: null, systemMemoryBytes: 25.3 * GB });
    expect(fit).toMatchObject({ device: 'cpu', verdict: 'fits' });
    expect(fit.message).toMatch(/no GPU: models run on the CPU/);
  });

  it('fitWorkload gives both answers for one staff count', () => {
    const fit = fitWorkload({ ...base, staffCount: 2, freeBytes: 100 * GB, backupsElsewhere: true, gpuMemoryBytes: 8192 * MiB });
    expect(fit).toMatchObject({ staffCount: 2, storage: { verdict: 'fits' }, memory: { voicesLoaded: 2, verdict: 'fits' } });
  });
});
