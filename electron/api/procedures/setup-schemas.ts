import { z } from 'zod';

/**
 * What `voiceops doctor` and the setup wizard's hardware step report. The services fill it; the
 * renderer and the CLI only show it. Sizes are bytes; the brief's figures are decimal GB.
 */

export const CHECK_STATUSES = ['pass', 'warn', 'fail'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const TIER_IDS = ['minimum', 'recommended', 'enterprise'] as const;
export type TierId = (typeof TIER_IDS)[number];

export const CHECK_IDS = [
  'cpu-cores',
  'memory',
  'memory-ecc',
  'disk-free',
  'disk-size',
  'disk-type',
  'backup-disk',
  'gpu-memory',
  'cuda',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** A measured or required value: a number with its unit, or a word (a disk type, a version). */
export const checkValueSchema = z.object({
  unit: z.enum(['cores', 'bytes', 'text']),
  value: z.union([z.number(), z.string()]).nullable(),
});
export type CheckValue = z.infer<typeof checkValueSchema>;

export const hardwareCheckSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(CHECK_STATUSES),
  measured: checkValueSchema,
  required: checkValueSchema,
  /** Stable key of what to do (the renderer translates it); null when nothing is to be done. */
  action: z.string().nullable(),
  /** The same advice in English, for the CLI and the logs. */
  message: z.string(),
});
export type HardwareCheck = z.infer<typeof hardwareCheckSchema>;

export const tierResultSchema = z.object({
  tier: z.enum(TIER_IDS),
  status: z.enum(CHECK_STATUSES),
  checks: z.array(hardwareCheckSchema),
});
export type TierResult = z.infer<typeof tierResultSchema>;

export const DISK_KINDS = ['nvme', 'ssd', 'hdd', 'unknown'] as const;
export type DiskKind = (typeof DISK_KINDS)[number];

export const gpuFactSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  memoryBytes: z.number().nullable(),
  driverVersion: z.string().nullable(),
  computeCapability: z.string().nullable(),
});

export const hardwareFactsSchema = z.object({
  cpu: z.object({ model: z.string(), physicalCores: z.number().int(), logicalCores: z.number().int() }),
  memory: z.object({ totalBytes: z.number(), ecc: z.boolean().nullable() }),
  dataDisk: z.object({
    path: z.string(),
    mount: z.string().nullable(),
    device: z.string().nullable(),
    kind: z.enum(DISK_KINDS),
    sizeBytes: z.number(),
    freeBytes: z.number(),
  }),
  disks: z.array(z.object({ device: z.string(), model: z.string(), kind: z.enum(DISK_KINDS), sizeBytes: z.number() })),
  gpus: z.array(gpuFactSchema),
  /** Why no GPU is listed: nvidia-smi missing, no devices, a driver failure…; null when GPUs were read. */
  gpuProblem: z.string().nullable(),
  cudaVersion: z.string().nullable(),
  providers: z.array(z.object({ provider: z.string(), usable: z.boolean(), reason: z.string().nullable() })),
  os: z.object({ platform: z.string(), distro: z.string(), release: z.string(), kernel: z.string(), arch: z.string() }),
});
export type HardwareFacts = z.infer<typeof hardwareFactsSchema>;

export const FIT_VERDICTS = ['fits', 'fits-without-backups', 'needs-more'] as const;

export const workloadFitSchema = z.object({
  staffCount: z.number().int(),
  storage: z.object({
    items: z.array(z.object({ id: z.enum(['pretrained', 'emotion', 'voices', 'training-audio', 'cache-and-logs', 'backups']), bytes: z.number() })),
    /** Everything but the backups. */
    neededBytes: z.number(),
    backupBytes: z.number(),
    /** Whether a backup target lies on another disk, so the backups do not count against this one. */
    backupsElsewhere: z.boolean(),
    freeBytes: z.number(),
    verdict: z.enum(FIT_VERDICTS),
    shortBytes: z.number(),
    message: z.string(),
  }),
  memory: z.object({
    device: z.enum(['gpu', 'cpu']),
    /** Voices loaded at once: the staff count, at most the engine's concurrent requests. */
    voicesLoaded: z.number().int(),
    items: z.array(z.object({ id: z.enum(['pretrained', 'emotion', 'voices']), bytes: z.number() })),
    neededBytes: z.number(),
    /** GPU memory x the engine's GPU memory fraction (0.8), or system memory x 0.8 without a GPU. */
    budgetBytes: z.number(),
    verdict: z.enum(['fits', 'needs-more']),
    shortBytes: z.number(),
    message: z.string(),
  }),
});
export type WorkloadFit = z.infer<typeof workloadFitSchema>;

export const doctorReportSchema = z.object({
  checkedAt: z.string(),
  facts: hardwareFactsSchema,
  /** The deployment guide's own check: 4 cores, 16 GB memory, 100 GB free, 6 GB GPU memory. */
  guide: z.object({ status: z.enum(CHECK_STATUSES), checks: z.array(hardwareCheckSchema) }),
  tiers: z.array(tierResultSchema),
  /** The highest tier met without a failure; null below the minimum tier. */
  tierMet: z.enum(TIER_IDS).nullable(),
  fit: workloadFitSchema,
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;
