/**
 * `voiceops doctor` and the wizard's hardware step: probe the machine, judge it against the tiers
 * and the guide's check, and fit the workload. The probes are injectable so tests can put recorded
 * nvidia-smi outputs in place of a GPU this machine does not have.
 */
import fs from 'node:fs';
import type { DoctorReport, HardwareFacts } from '../../api/index.js';
import { queryCudaVersion } from './cuda-version.js';
import { judgeGuide, judgeTiers, largestGpuBytes } from './judge-hardware.js';
import { execFileRunner, queryNvidiaSmi, type CommandRunner } from './nvidia-smi.js';
import { probeExecutionProviders, type ProviderProbe } from './provider-probe.js';
import { factsFromSnapshot, readSystemSnapshot, volumeSpace, type SystemSnapshot, type VolumeSpace } from './system-snapshot.js';
import { fitWorkload } from './workload-fit.js';

export interface DoctorProbes {
  snapshot: () => Promise<SystemSnapshot>;
  nvidiaSmi: CommandRunner;
  providers: () => Promise<ProviderProbe[]>;
  space: (folder: string) => VolumeSpace;
}

export const realProbes: DoctorProbes = {
  snapshot: readSystemSnapshot,
  nvidiaSmi: execFileRunner,
  providers: () => probeExecutionProviders(),
  space: volumeSpace,
};

export interface DoctorInput {
  dataDir: string;
  staffCount: number;
  /** Folders of the backup targets: one on another file system takes the backups off the data disk. */
  backupFolders: readonly string[];
  memoryFraction: number;
  maxConcurrent: number;
}

const MiB = 1024 ** 2;

/** Whether any folder is on another file system than the data folder (st_dev differs). */
export function anyOnOtherVolume(dataDir: string, folders: readonly string[]): boolean {
  const dataDev = fs.statSync(dataDir).dev;
  return folders.some((folder) => {
    try {
      return fs.statSync(folder).dev !== dataDev;
    } catch {
      return false; // An unreachable target holds no backups today.
    }
  });
}

export async function collectFacts(dataDir: string, probes: DoctorProbes = realProbes): Promise<HardwareFacts> {
  const [snapshot, smi, providers] = await Promise.all([probes.snapshot(), queryNvidiaSmi(probes.nvidiaSmi), probes.providers()]);
  const base = factsFromSnapshot(snapshot, dataDir, probes.space(dataDir));
  const gpus = smi.available
    ? smi.gpus.map((g) => ({
        index: g.index,
        name: g.name,
        memoryBytes: g.memoryTotalMiB === null ? null : g.memoryTotalMiB * MiB,
        driverVersion: g.driverVersion,
        computeCapability: g.computeCapability,
      }))
    : [];
  // The header query costs a second process: only worth it when there is a GPU to talk about.
  const cudaVersion = smi.available ? await queryCudaVersion(probes.nvidiaSmi) : null;
  return { ...base, gpus, gpuProblem: smi.available ? null : smi.detail, cudaVersion, providers };
}

export function judgeFacts(facts: HardwareFacts, input: Omit<DoctorInput, 'dataDir'> & { backupsElsewhere: boolean }, now = new Date()): DoctorReport {
  const { tiers, tierMet } = judgeTiers(facts);
  return {
    checkedAt: now.toISOString(),
    facts,
    guide: judgeGuide(facts),
    tiers,
    tierMet,
    fit: fitWorkload({
      staffCount: input.staffCount,
      freeBytes: facts.dataDisk.freeBytes,
      backupsElsewhere: input.backupsElsewhere,
      gpuMemoryBytes: largestGpuBytes(facts),
      systemMemoryBytes: facts.memory.totalBytes,
      memoryFraction: input.memoryFraction,
      maxConcurrent: input.maxConcurrent,
    }),
  };
}

export async function runDoctor(input: DoctorInput, probes: DoctorProbes = realProbes): Promise<DoctorReport> {
  const facts = await collectFacts(input.dataDir, probes);
  return judgeFacts(facts, { ...input, backupsElsewhere: anyOnOtherVolume(input.dataDir, input.backupFolders) });
}
