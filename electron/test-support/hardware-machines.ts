import type { HardwareFacts } from '../api/index.js';
import { GB, GiB } from '../services/hardware/tier-requirements.js';

type Overrides = {
  cores?: number;
  memoryBytes?: number;
  ecc?: boolean | null;
  diskBytes?: number;
  freeBytes?: number;
  diskKind?: HardwareFacts['dataDisk']['kind'];
  backupDiskBytes?: number | null;
  gpuMemoryBytes?: number | null;
  cudaUsable?: boolean;
  cudaVersion?: string | null;
};

/**
 * A machine described by its measurable facts, for the judging tables. The defaults are what a
 * 16 GB machine really reports (MemTotal a little under 16 GiB), with a 500 GB SATA SSD and no GPU.
 */
export function machine(o: Overrides = {}): HardwareFacts {
  const gpu = o.gpuMemoryBytes ?? null;
  return {
    cpu: { model: 'test CPU', physicalCores: o.cores ?? 6, logicalCores: (o.cores ?? 6) * 2 },
    memory: { totalBytes: o.memoryBytes ?? 16_700_000_000, ecc: o.ecc === undefined ? null : o.ecc },
    dataDisk: { path: '/data', mount: '/', device: '/dev/sda', kind: o.diskKind ?? 'ssd', sizeBytes: o.diskBytes ?? 500 * GB, freeBytes: o.freeBytes ?? 400 * GB },
    disks: [
      { device: '/dev/sda', model: 'data disk', kind: o.diskKind ?? 'ssd', sizeBytes: o.diskBytes ?? 500 * GB },
      ...(o.backupDiskBytes ? [{ device: '/dev/sdb', model: 'backup disk', kind: 'hdd' as const, sizeBytes: o.backupDiskBytes }] : []),
    ],
    gpus: gpu === null ? [] : [{ index: 0, name: 'test GPU', memoryBytes: gpu, driverVersion: '550.120', computeCapability: '8.6' }],
    gpuProblem: gpu === null ? 'nvidia-smi is not installed or not on PATH' : null,
    cudaVersion: gpu === null ? null : o.cudaVersion === undefined ? '12.4' : o.cudaVersion,
    providers: [
      { provider: 'cuda', usable: o.cudaUsable ?? false, reason: o.cudaUsable ? null : 'CUDA execution provider not installed' },
      { provider: 'cpu', usable: true, reason: null },
    ],
    os: { platform: 'linux', distro: 'Debian GNU/Linux', release: '12', kernel: '6.1', arch: 'x64' },
  };
}

/** The brief's recommended machine: i7-10700K (8 cores), 32 GB, 1 TB NVMe, RTX 3070 8 GB (8192 MiB). */
export function recommendedMachine(o: Overrides = {}): HardwareFacts {
  return machine({ cores: 8, memoryBytes: 33_400_000_000, diskBytes: 1000 * GB, diskKind: 'nvme', gpuMemoryBytes: 8192 * 1024 ** 2, cudaUsable: true, ...o });
}

/** The brief's enterprise machine: Xeon E-2288G (8 cores), 64 GB ECC, 2 TB NVMe + 4 TB HDD, RTX A4000 (16376 MiB). */
export function enterpriseMachine(o: Overrides = {}): HardwareFacts {
  return recommendedMachine({ memoryBytes: 66_900_000_000, ecc: true, diskBytes: 2000 * GB, backupDiskBytes: 4000 * GB, gpuMemoryBytes: 16376 * 1024 ** 2, ...o });
}

export { GB, GiB };
