import os from 'node:os';
import type { Database } from 'better-sqlite3';
import type { Status } from '../../api/index.js';
import { schemaVersionOf } from '../../db/migration.js';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index.js';
import { engineAvailability } from '../../../native-engine/engine-availability.js';
import { readOwner } from '../ownership/ownership-lock.js';

/** The ownership lock read live: who owns the folder, seen from this process. */
export function ownershipOf(dataDir: string): Status['ownership'] {
  const view = readOwner(dataDir);
  if (view.state !== 'alive') return { ownedBy: 'nobody', owner: null };
  const { kind, pid, hostname, since, url } = view.owner;
  const mine = pid === process.pid && hostname === os.hostname();
  return { ownedBy: kind === 'service' ? 'service' : mine ? 'this-process' : 'another-process', owner: { kind, pid, hostname, since, url } };
}
import type { HealthService } from './health-service.js';

export interface StatusServiceOptions {
  db: Database;
  dataDir: string;
  databaseFile: string;
  appVersion: string;
  frontDoor: Status['frontDoor'];
  health: HealthService;
}

/** What `voiceops status` and the System Status panel show: every value read live, none assumed. */
export class StatusService {
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly options: StatusServiceOptions) {}

  async get(): Promise<Status> {
    const { db, dataDir, databaseFile, appVersion, frontDoor, health } = this.options;
    return {
      appVersion,
      dataDir,
      database: {
        path: databaseFile,
        schemaVersion: schemaVersionOf(db),
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        journalMode: String(db.pragma('journal_mode', { simple: true })),
      },
      engine: await engineAvailability(),
      host: { platform: process.platform, arch: process.arch, node: process.versions.node, hostname: os.hostname() },
      frontDoor,
      startedAt: this.startedAt,
      ownership: ownershipOf(dataDir),
      health: await health.check(),
    };
  }
}
