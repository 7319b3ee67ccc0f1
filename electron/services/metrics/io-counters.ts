import fs from 'node:fs';
import si from 'systeminformation';

/**
 * Cumulative disk and network byte counters. On Linux they come straight from /proc (two small
 * file reads); systeminformation's fsStats/networkStats spawn a shell pipeline (lsblk, cat) on
 * every call, which at 1 Hz costs more CPU than the whole rest of the sampler (bench/sampler.ts
 * measures both). Elsewhere systeminformation's own counters are used.
 */
export interface IoCounters {
  diskReadBytes: number | null;
  diskWriteBytes: number | null;
  networkRxBytes: number | null;
  networkTxBytes: number | null;
}

const SECTOR_BYTES = 512;
/** Virtual and stacked devices: counting them too would count the same bytes twice (or RAM). */
const NOT_A_DISK = /^(loop|ram|zram|fd|sr|nbd|dm-|md|zd)\d/;

/** Sums reads and writes of whole disks in /proc/diskstats (partitions are inside their disk). */
export function parseDiskstats(text: string): { readBytes: number; writeBytes: number } {
  const rows = text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 14);
  const names = rows.map((cells) => cells[2]!);
  let readBytes = 0;
  let writeBytes = 0;
  for (const cells of rows) {
    const name = cells[2]!;
    if (NOT_A_DISK.test(name)) continue;
    if (names.some((other) => other !== name && name.startsWith(other))) continue; // sda1 of sda, nvme0n1p1 of nvme0n1
    readBytes += Number(cells[5]) * SECTOR_BYTES;
    writeBytes += Number(cells[9]) * SECTOR_BYTES;
  }
  return { readBytes, writeBytes };
}

/** Sums received and sent bytes over every interface but loopback in /proc/net/dev. */
export function parseNetDev(text: string): { rxBytes: number; txBytes: number } {
  let rxBytes = 0;
  let txBytes = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    if (name === 'lo' || name.includes('|')) continue;
    const cells = line.slice(colon + 1).trim().split(/\s+/);
    if (cells.length < 9) continue;
    rxBytes += Number(cells[0]);
    txBytes += Number(cells[8]);
  }
  return { rxBytes, txBytes };
}

function readOr<T>(file: string, parse: (text: string) => T): T | null {
  try {
    // procfs files are generated in memory: a synchronous read costs microseconds, less than a
    // round trip through libuv's thread pool.
    return parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function readProcCounters(): Promise<IoCounters> {
  const disk = readOr('/proc/diskstats', parseDiskstats);
  const net = readOr('/proc/net/dev', parseNetDev);
  return {
    diskReadBytes: disk?.readBytes ?? null,
    diskWriteBytes: disk?.writeBytes ?? null,
    networkRxBytes: net?.rxBytes ?? null,
    networkTxBytes: net?.txBytes ?? null,
  };
}

/** systeminformation's counters; on Linux these spawn processes, so only the fallback (and the bench). */
export async function readSystemInformationCounters(): Promise<IoCounters> {
  const [fsStats, nets] = await Promise.all([si.fsStats().catch(() => null), si.networkStats('*').catch(() => [])]);
  const external = nets.filter((n) => n.iface !== 'lo' && !n.iface.startsWith('Loopback'));
  return {
    diskReadBytes: fsStats && Number.isFinite(fsStats.rx) ? fsStats.rx : null,
    diskWriteBytes: fsStats && Number.isFinite(fsStats.wx) ? fsStats.wx : null,
    networkRxBytes: external.length ? external.reduce((sum, n) => sum + n.rx_bytes, 0) : null,
    networkTxBytes: external.length ? external.reduce((sum, n) => sum + n.tx_bytes, 0) : null,
  };
}

export function readIoCounters(): Promise<IoCounters> {
  return process.platform === 'linux' ? readProcCounters() : readSystemInformationCounters();
}

/** Bytes per second between two readings; null when either is missing or a counter went back (reboot, wrap). */
export function ratePerSecond(previous: number | null | undefined, current: number | null, elapsedMs: number): number | null {
  if (previous == null || current == null || elapsedMs <= 0 || current < previous) return null;
  return ((current - previous) * 1000) / elapsedMs;
}
