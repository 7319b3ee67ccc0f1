import type { TierId } from '../../api/index.js';

/**
 * The brief's hardware tiers as numbers a machine can be measured against. The brief names CPU
 * models; what can be measured is their physical cores (i5-8400 and Ryzen 5 2600: 6; i7-10700K,
 * Ryzen 7 3700X and Xeon E-2288G: 8; EPYC 7302P: 16, so the enterprise tier asks for the lesser, 8).
 */
export interface TierRequirement {
  tier: TierId;
  physicalCores: number;
  /** Installed memory as sold (GiB); see MEMORY_MARGIN. */
  memoryBytes: number;
  eccMemory: boolean;
  /** Size of the data folder's disk as sold (decimal: a "500 GB SSD"). */
  diskBytes: number;
  diskKinds: ReadonlyArray<'nvme' | 'ssd'>;
  /** A second disk for backups ("+ 4 TB HDD"); null when the tier has none. */
  backupDiskBytes: number | null;
  /** GPU memory as sold (GiB). */
  gpuMemoryBytes: number;
  /** Optional: no GPU is a warning. Required: no GPU fails the tier. */
  gpu: 'optional' | 'required';
}

export const GiB = 1024 ** 3;
export const GB = 1e9;

/**
 * What the operating system reports is a little under what was installed (the kernel and the
 * firmware keep some memory; a file system takes part of a disk; an "RTX A4000 16 GB" reports
 * 16376 MiB). A machine within 5 % of a figure counts as having it.
 */
export const SIZE_MARGIN = 0.95;

export const TIERS: readonly TierRequirement[] = [
  {
    tier: 'minimum',
    physicalCores: 6,
    memoryBytes: 16 * GiB,
    eccMemory: false,
    diskBytes: 500 * GB,
    diskKinds: ['ssd', 'nvme'],
    backupDiskBytes: null,
    gpuMemoryBytes: 6 * GiB,
    gpu: 'optional',
  },
  {
    tier: 'recommended',
    physicalCores: 8,
    memoryBytes: 32 * GiB,
    eccMemory: false,
    diskBytes: 1000 * GB,
    diskKinds: ['nvme'],
    backupDiskBytes: null,
    gpuMemoryBytes: 8 * GiB,
    gpu: 'required',
  },
  {
    tier: 'enterprise',
    physicalCores: 8,
    memoryBytes: 64 * GiB,
    eccMemory: true,
    diskBytes: 2000 * GB,
    diskKinds: ['nvme'],
    backupDiskBytes: 4000 * GB,
    gpuMemoryBytes: 16 * GiB,
    gpu: 'required',
  },
];

/** The deployment guide's own check, stricter on nothing and independent of the tiers. */
export const GUIDE_CHECK = {
  physicalCores: 4,
  memoryBytes: 16 * GiB,
  freeDiskBytes: 100 * GB,
  gpuMemoryBytes: 6 * GiB,
} as const;

/** onnxruntime-node's CUDA execution provider is built against CUDA 12. */
export const REQUIRED_CUDA_MAJOR = 12;
