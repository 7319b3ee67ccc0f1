import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diskOfDevice, disksOf, factsFromSnapshot, mountOf, readSystemSnapshot, type SystemSnapshot } from './system-snapshot.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const recorded = (name: string) => JSON.parse(fs.readFileSync(path.join(here, 'fixtures/systeminformation', `${name}.json`), 'utf8')) as SystemSnapshot;

describe('facts from systeminformation', () => {
  it('the development VM (recorded): a virtio disk reported as HDD, zram left out, ECC unknown', () => {
    const facts = factsFromSnapshot(recorded('debian-vm-virtio-no-gpu'), '/home/it/.local/share/voiceops', { sizeBytes: 270_553_174_016, freeBytes: 77_761_949_696 });
    expect(facts.cpu).toEqual({ model: 'AMD EPYC', physicalCores: 2, logicalCores: 2 });
    expect(facts.memory).toEqual({ totalBytes: 25_276_502_016, ecc: null });
    expect(facts.disks).toEqual([{ device: '/dev/vda', model: '', kind: 'hdd', sizeBytes: 274_877_906_944 }]);
    expect(facts.dataDisk).toEqual({ path: '/home/it/.local/share/voiceops', mount: '/', device: '/dev/vda', kind: 'hdd', sizeBytes: 274_877_906_944, freeBytes: 77_761_949_696 });
  });

  it('a workstation: the data folder on the NVMe partition, the backup folder on the 4 TB HDD', () => {
    const snapshot = recorded('workstation-nvme-hdd');
    const data = factsFromSnapshot(snapshot, '/srv/voiceops', { sizeBytes: 982_840_557_568, freeBytes: 871_234_289_664 });
    expect(data.dataDisk).toMatchObject({ mount: '/', device: '/dev/nvme0n1', kind: 'nvme', sizeBytes: 1_000_204_886_016 });
    expect(data.memory.ecc).toBe(false);
    expect(data.cpu.physicalCores).toBe(8);
    const backup = factsFromSnapshot(snapshot, '/mnt/backup/voiceops', { sizeBytes: 1, freeBytes: 1 });
    expect(backup.dataDisk).toMatchObject({ mount: '/mnt/backup', device: '/dev/sda', kind: 'hdd' });
  });

  it('a folder on an unknown device keeps the volume size and says the type is unknown', () => {
    const snapshot = { ...recorded('workstation-nvme-hdd'), fsSize: [{ fs: '/dev/mapper/vg-data', type: 'xfs', size: 5e11, available: 4e11, mount: '/data' }] };
    expect(factsFromSnapshot(snapshot, '/data/voiceops', { sizeBytes: 5e11, freeBytes: 4e11 }).dataDisk).toMatchObject({ device: '/dev/mapper/vg-data', kind: 'unknown', sizeBytes: 5e11 });
  });

  it('matches mounts on path boundaries and partitions to their disks', () => {
    const mounts = [
      { fs: 'a', type: '', size: 0, available: 0, mount: '/' },
      { fs: 'b', type: '', size: 0, available: 0, mount: '/mnt/back' },
    ];
    expect(mountOf('/mnt/backup/x', mounts)?.fs).toBe('a');
    expect(mountOf('/mnt/back/x', mounts)?.fs).toBe('b');
    const disks = disksOf(recorded('workstation-nvme-hdd'));
    expect(diskOfDevice('/dev/nvme0n1p2', disks)?.kind).toBe('nvme');
    expect(diskOfDevice('/dev/sdb1', disks)).toBeNull();
  });

  it('reads this machine without throwing', async () => {
    const snapshot = await readSystemSnapshot();
    expect(snapshot.cpu.physicalCores).toBeGreaterThan(0);
    expect(snapshot.mem.total).toBeGreaterThan(0);
  });
});
