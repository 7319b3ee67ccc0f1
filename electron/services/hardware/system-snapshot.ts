/**
 * The part of systeminformation's answers the doctor uses, and how it becomes facts. Reading
 * (readSystemSnapshot) and interpreting (factsFromSnapshot) are apart, so the interpretation is
 * tested on recorded snapshots (fixtures/systeminformation).
 */
import fs from 'node:fs';
import path from 'node:path';
import si from 'systeminformation';
import type { DiskKind, HardwareFacts } from '../../api/index.js';

export interface SystemSnapshot {
  cpu: { manufacturer: string; brand: string; physicalCores: number; cores: number };
  mem: { total: number };
  memLayout: Array<{ size: number; type: string; ecc: boolean | null }>;
  diskLayout: Array<{ device: string; type: string; name: string; interfaceType: string; size: number }>;
  blockDevices: Array<{ name: string; type: string; mount: string; size: number; physical: string; device: string; model: string }>;
  fsSize: Array<{ fs: string; type: string; size: number; available: number; mount: string }>;
  osInfo: { platform: string; distro: string; release: string; kernel: string; arch: string };
}

/** One call of each; systeminformation answers what it cannot read with empty values, not errors. */
export async function readSystemSnapshot(): Promise<SystemSnapshot> {
  const [cpu, mem, memLayout, diskLayout, blockDevices, fsSize, osInfo] = await Promise.all([
    si.cpu(),
    si.mem(),
    si.memLayout().catch(() => []),
    si.diskLayout().catch(() => []),
    si.blockDevices().catch(() => []),
    si.fsSize().catch(() => []),
    si.osInfo(),
  ]);
  return {
    cpu: { manufacturer: cpu.manufacturer, brand: cpu.brand, physicalCores: cpu.physicalCores, cores: cpu.cores },
    mem: { total: mem.total },
    memLayout: memLayout.map((m) => ({ size: m.size, type: m.type, ecc: m.ecc ?? null })),
    diskLayout: diskLayout.map((d) => ({ device: d.device, type: d.type, name: d.name, interfaceType: d.interfaceType, size: d.size })),
    blockDevices: blockDevices.map((b) => ({ name: b.name, type: b.type, mount: b.mount, size: b.size, physical: b.physical, device: b.device ?? '', model: b.model })),
    fsSize: fsSize.map((f) => ({ fs: f.fs, type: f.type, size: f.size, available: f.available, mount: f.mount })),
    osInfo: { platform: osInfo.platform, distro: osInfo.distro, release: osInfo.release, kernel: osInfo.kernel, arch: osInfo.arch },
  };
}

/** The file system holding a folder: the longest mount point that contains it. */
export function mountOf(folder: string, mounts: SystemSnapshot['fsSize']): SystemSnapshot['fsSize'][number] | null {
  const inside = (mount: string): boolean => {
    const rel = path.relative(mount, folder);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  return mounts.filter((m) => m.mount && inside(m.mount)).sort((a, b) => b.mount.length - a.mount.length)[0] ?? null;
}

const VIRTUAL_DISK = /^(loop|ram|zram|sr)\d/;

function kindFromLayout(entry: { type: string; interfaceType: string; device: string }): DiskKind {
  if (/nvme/i.test(entry.type) || /pcie|nvme/i.test(entry.interfaceType) || entry.device.includes('nvme')) return 'nvme';
  if (/ssd/i.test(entry.type)) return 'ssd';
  if (/^hd/i.test(entry.type)) return 'hdd';
  return 'unknown';
}

function kindFromBlock(entry: { name: string; physical: string }): DiskKind {
  if (entry.name.startsWith('nvme')) return 'nvme';
  if (entry.physical === 'SSD') return 'ssd';
  if (entry.physical === 'HDD') return 'hdd';
  return 'unknown';
}

/** Whole disks: diskLayout where the OS gives it (needs smartctl/lsblk details), else lsblk's disks. */
export function disksOf(snapshot: SystemSnapshot): HardwareFacts['disks'] {
  if (snapshot.diskLayout.length > 0) {
    return snapshot.diskLayout.map((d) => ({ device: d.device, model: d.name, kind: kindFromLayout(d), sizeBytes: d.size }));
  }
  return snapshot.blockDevices
    .filter((b) => b.type === 'disk' && b.size > 0 && !VIRTUAL_DISK.test(b.name))
    .map((b) => ({ device: b.device || `/dev/${b.name}`, model: b.model, kind: kindFromBlock(b), sizeBytes: b.size }));
}

/** The disk a partition ("/dev/nvme0n1p2", "/dev/sda1") or a whole-disk file system ("/dev/vda") lives on. */
export function diskOfDevice(device: string, disks: HardwareFacts['disks']): HardwareFacts['disks'][number] | null {
  return disks.filter((d) => device === d.device || device.startsWith(d.device)).sort((a, b) => b.device.length - a.device.length)[0] ?? null;
}

export interface VolumeSpace {
  sizeBytes: number;
  freeBytes: number;
}

/** Size and free space of the volume holding a folder, for the user running the app (statfs bavail). */
export function volumeSpace(folder: string): VolumeSpace {
  const stats = fs.statfsSync(folder);
  return { sizeBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
}

export function factsFromSnapshot(
  snapshot: SystemSnapshot,
  dataDir: string,
  space: VolumeSpace,
): Pick<HardwareFacts, 'cpu' | 'memory' | 'dataDisk' | 'disks' | 'os'> {
  const disks = disksOf(snapshot);
  const mount = mountOf(dataDir, snapshot.fsSize);
  const disk = mount ? diskOfDevice(mount.fs, disks) : null;
  const eccReadings = snapshot.memLayout.map((m) => m.ecc).filter((e): e is boolean => typeof e === 'boolean');
  return {
    cpu: {
      model: `${snapshot.cpu.manufacturer} ${snapshot.cpu.brand}`.trim(),
      physicalCores: snapshot.cpu.physicalCores,
      logicalCores: snapshot.cpu.cores,
    },
    memory: { totalBytes: snapshot.mem.total, ecc: eccReadings.length ? eccReadings.every(Boolean) : null },
    dataDisk: {
      path: dataDir,
      mount: mount?.mount ?? null,
      device: disk?.device ?? mount?.fs ?? null,
      kind: disk?.kind ?? 'unknown',
      // The whole disk as sold when it is known; the tiers name disks, not partitions.
      sizeBytes: disk?.sizeBytes ?? space.sizeBytes,
      freeBytes: space.freeBytes,
    },
    disks,
    os: snapshot.osInfo,
  };
}
