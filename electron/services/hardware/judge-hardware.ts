/**
 * Judging measured hardware against the brief's tiers and the guide's check. Pure: facts in,
 * verdicts out, so every tier boundary is a table test (judge-hardware.test.ts).
 */
import type { CheckStatus, HardwareCheck, HardwareFacts, TierId, TierResult } from '../../api/index.js';
import { GUIDE_CHECK, REQUIRED_CUDA_MAJOR, SIZE_MARGIN, TIERS, type TierRequirement } from './tier-requirements.js';

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;
const gib = (bytes: number): string => `${Math.round(bytes / 1024 ** 3)} GB`;

const bytes = (value: number | null) => ({ unit: 'bytes' as const, value });
const cores = (value: number) => ({ unit: 'cores' as const, value });
const text = (value: string | null) => ({ unit: 'text' as const, value });

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

export function worstOf(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'pass');
}

function check(
  id: HardwareCheck['id'],
  status: CheckStatus,
  measured: HardwareCheck['measured'],
  required: HardwareCheck['required'],
  action: string | null,
  message: string,
): HardwareCheck {
  return { id, status, measured, required, action, message };
}

function coreCheck(facts: HardwareFacts, needed: number): HardwareCheck {
  const have = facts.cpu.physicalCores;
  return have >= needed
    ? check('cpu-cores', 'pass', cores(have), cores(needed), null, `${have} physical CPU cores (${needed} needed)`)
    : check('cpu-cores', 'fail', cores(have), cores(needed), 'cpu-upgrade', `${have} physical CPU cores, ${needed} needed: use a CPU with more cores`);
}

function memoryCheck(facts: HardwareFacts, needed: number): HardwareCheck {
  const have = facts.memory.totalBytes;
  return have >= needed * SIZE_MARGIN
    ? check('memory', 'pass', bytes(have), bytes(needed), null, `${gib(have)} memory (${gib(needed)} needed)`)
    : check('memory', 'fail', bytes(have), bytes(needed), 'memory-add', `${gib(have)} memory, ${gib(needed)} needed: add memory`);
}

function eccCheck(facts: HardwareFacts): HardwareCheck {
  const ecc = facts.memory.ecc;
  if (ecc === true) return check('memory-ecc', 'pass', text('ECC'), text('ECC'), null, 'ECC memory');
  if (ecc === false) return check('memory-ecc', 'fail', text('non-ECC'), text('ECC'), 'memory-ecc', 'memory without ECC: the enterprise tier asks for ECC memory');
  return check('memory-ecc', 'warn', text(null), text('ECC'), 'memory-ecc-unknown', 'ECC could not be read (the memory layout needs root to read); check it in the BIOS');
}

function diskSizeCheck(facts: HardwareFacts, needed: number): HardwareCheck {
  const have = facts.dataDisk.sizeBytes;
  return have >= needed * SIZE_MARGIN
    ? check('disk-size', 'pass', bytes(have), bytes(needed), null, `data disk of ${gb(have)} (${gb(needed)} needed)`)
    : check('disk-size', 'fail', bytes(have), bytes(needed), 'disk-larger', `data disk of ${gb(have)}, ${gb(needed)} needed: put the data folder on a larger disk`);
}

function diskKindCheck(facts: HardwareFacts, kinds: TierRequirement['diskKinds']): HardwareCheck {
  const kind = facts.dataDisk.kind;
  const wanted = kinds.includes('ssd') ? 'an SSD' : 'an NVMe SSD';
  const required = text(kinds.includes('ssd') ? 'ssd' : 'nvme');
  if (kind === 'unknown') return check('disk-type', 'warn', text(null), required, 'disk-kind-unknown', `the data disk's type could not be read; ${wanted} is needed`);
  if ((kinds as readonly string[]).includes(kind)) return check('disk-type', 'pass', text(kind), required, null, `data disk is ${kind === 'nvme' ? 'an NVMe SSD' : 'an SSD'}`);
  return check('disk-type', 'fail', text(kind), required, 'disk-faster', `data disk is ${kind === 'hdd' ? 'a hard disk' : 'a SATA SSD'}: put the data folder on ${wanted}`);
}

function backupDiskCheck(facts: HardwareFacts, needed: number): HardwareCheck {
  const others = facts.disks.filter((d) => d.device !== facts.dataDisk.device);
  const largest = others.reduce((max, d) => Math.max(max, d.sizeBytes), 0);
  return largest >= needed * SIZE_MARGIN
    ? check('backup-disk', 'pass', bytes(largest), bytes(needed), null, `a second disk of ${gb(largest)} for backups`)
    : check('backup-disk', 'fail', bytes(others.length ? largest : null), bytes(needed), 'backup-disk-add', `no second disk of ${gb(needed)} for backups: add one`);
}

/** The GPU with the most memory: the engine runs a session on one device. */
export function largestGpuBytes(facts: HardwareFacts): number | null {
  const sizes = facts.gpus.map((g) => g.memoryBytes).filter((b): b is number => b !== null);
  return sizes.length ? Math.max(...sizes) : null;
}

function gpuCheck(facts: HardwareFacts, needed: number, presence: 'optional' | 'required'): HardwareCheck {
  const have = largestGpuBytes(facts);
  if (have === null) {
    const why = facts.gpuProblem ? ` (${facts.gpuProblem})` : '';
    return presence === 'optional'
      ? check('gpu-memory', 'warn', bytes(null), bytes(needed), 'gpu-none-cpu', `no NVIDIA GPU found${why}: inference will run on the CPU`)
      : check('gpu-memory', 'fail', bytes(null), bytes(needed), 'gpu-add', `no NVIDIA GPU found${why}: this tier needs one with ${gib(needed)} memory`);
  }
  if (have >= needed * SIZE_MARGIN) return check('gpu-memory', 'pass', bytes(have), bytes(needed), null, `GPU with ${gib(have)} memory (${gib(needed)} needed)`);
  // An optional GPU that is too small still helps the small models; the large ones run on the CPU.
  return presence === 'optional'
    ? check('gpu-memory', 'warn', bytes(have), bytes(needed), 'gpu-small', `GPU with ${gib(have)} memory, ${gib(needed)} needed: larger models will run on the CPU`)
    : check('gpu-memory', 'fail', bytes(have), bytes(needed), 'gpu-larger', `GPU with ${gib(have)} memory, ${gib(needed)} needed: use a larger GPU`);
}

/** Only asked when there is an NVIDIA GPU: whether onnxruntime can actually use it. */
function cudaCheck(facts: HardwareFacts): HardwareCheck | null {
  if (facts.gpus.length === 0) return null;
  const required = text(`${REQUIRED_CUDA_MAJOR}.x`);
  const cuda = facts.providers.find((p) => p.provider === 'cuda');
  const major = facts.cudaVersion ? Number(facts.cudaVersion.split('.')[0]) : null;
  if (major !== null && major < REQUIRED_CUDA_MAJOR) {
    return check('cuda', 'warn', text(facts.cudaVersion), required, 'cuda-driver-update', `the driver supports CUDA ${facts.cudaVersion}; onnxruntime-node needs CUDA ${REQUIRED_CUDA_MAJOR}: update the NVIDIA driver`);
  }
  if (cuda?.usable) return check('cuda', 'pass', text(facts.cudaVersion ?? 'usable'), required, null, 'the CUDA execution provider runs models on the GPU');
  return check('cuda', 'warn', text(facts.cudaVersion), required, 'cuda-provider-install', `the CUDA execution provider is not usable (${cuda?.reason ?? 'not probed'}): inference will run on the CPU until it is installed`);
}

export function judgeGuide(facts: HardwareFacts): { status: CheckStatus; checks: HardwareCheck[] } {
  const free = facts.dataDisk.freeBytes;
  const needFree = GUIDE_CHECK.freeDiskBytes;
  const checks = [
    coreCheck(facts, GUIDE_CHECK.physicalCores),
    memoryCheck(facts, GUIDE_CHECK.memoryBytes),
    free >= needFree
      ? check('disk-free', 'pass', bytes(free), bytes(needFree), null, `${gb(free)} free on the data disk (${gb(needFree)} needed)`)
      : check('disk-free', 'fail', bytes(free), bytes(needFree), 'disk-free-up', `${gb(free)} free on the data disk, ${gb(needFree)} needed: free space or choose another disk`),
    gpuCheck(facts, GUIDE_CHECK.gpuMemoryBytes, 'optional'),
  ];
  const cuda = cudaCheck(facts);
  if (cuda) checks.push(cuda);
  return { status: worstOf(checks.map((c) => c.status)), checks };
}

export function judgeTier(facts: HardwareFacts, req: TierRequirement): TierResult {
  const checks = [coreCheck(facts, req.physicalCores), memoryCheck(facts, req.memoryBytes)];
  if (req.eccMemory) checks.push(eccCheck(facts));
  checks.push(diskSizeCheck(facts, req.diskBytes), diskKindCheck(facts, req.diskKinds));
  if (req.backupDiskBytes !== null) checks.push(backupDiskCheck(facts, req.backupDiskBytes));
  checks.push(gpuCheck(facts, req.gpuMemoryBytes, req.gpu));
  return { tier: req.tier, status: worstOf(checks.map((c) => c.status)), checks };
}

/** Every tier, and the highest one met without a failure (tiers are cumulative: a gap stops the climb). */
export function judgeTiers(facts: HardwareFacts): { tiers: TierResult[]; tierMet: TierId | null } {
  const tiers = TIERS.map((req) => judgeTier(facts, req));
  let tierMet: TierId | null = null;
  for (const result of tiers) {
    if (result.status === 'fail') break;
    tierMet = result.tier;
  }
  return { tiers, tierMet };
}
