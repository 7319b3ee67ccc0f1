import fs from 'node:fs';
import { AppError } from '../../api/index.js';

export interface DiskSpace {
  totalBytes: number;
  freeBytes: number;
  usedPercent: number;
}

export function diskSpace(dir: string): DiskSpace {
  const stats = fs.statfsSync(dir);
  const totalBytes = stats.blocks * stats.bsize;
  const freeBytes = stats.bavail * stats.bsize;
  const usedPercent = totalBytes > 0 ? ((totalBytes - freeBytes) / totalBytes) * 100 : 100;
  return { totalBytes, freeBytes, usedPercent };
}

/** Decimal gigabytes, as the brief and the Storage view count them. */
const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`;

/**
 * Refuses work that would fill the data disk past the limit (90 % by default), with the
 * numbers, before a single byte is written. `space` can be given by tests to simulate a disk.
 */
export function assertRoomFor(dir: string, bytes: number, limitPercent: number, space: DiskSpace = diskSpace(dir)): void {
  const usedAfter = space.totalBytes - space.freeBytes + bytes;
  const percentAfter = (usedAfter / space.totalBytes) * 100;
  if (bytes > space.freeBytes || percentAfter > limitPercent) {
    throw new AppError(
      'DISK_FULL',
      `not enough room: this needs ${gb(bytes)}, the disk has ${gb(space.freeBytes)} free of ${gb(space.totalBytes)}; ` +
        `it would be ${percentAfter.toFixed(1)} % full, over the ${limitPercent} % limit`,
    );
  }
}
