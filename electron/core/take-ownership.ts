/**
 * Becoming the owner of a data folder, for every front door that can own one (the console,
 * the service, the desktop window): take the lock before anything is opened for writing, recover
 * the folder, serve, then publish the local credential and start the owner's schedules. A
 * process that does not get the lock does none of this (see ownership-lock.ts for the design).
 */
import { newLocalCredential, type LocalCredentialIssuer } from '../services/ownership/owner-credential.js';
import {
  describeOwner,
  OwnershipLock,
  type OwnerKind,
  type OwnerRecord,
} from '../services/ownership/ownership-lock.js';
import type { AppContext } from './app-context.js';
import { startOwnerSchedules, type OwnerScheduleOptions } from './owner-duties.js';

/** Another live process owns the folder; names it. */
export class DataFolderOwnedError extends Error {
  constructor(readonly owner: OwnerRecord) {
    super(`the data folder is already owned by ${describeOwner(owner)}`);
    this.name = 'DataFolderOwnedError';
  }
}

export interface FolderClaim {
  readonly lock: OwnershipLock;
  /** Checks requests from local clients; its file is written by serving(). */
  readonly credential: LocalCredentialIssuer;
  /** Previous owner that was found dead and replaced, with why; null for a clean start. */
  readonly tookOverFrom: { owner: OwnerRecord; reason: string } | null;
  /** The server listens: record its URL, publish owner.json, start the schedules. */
  serving(app: AppContext, clientUrl: string, options?: OwnerScheduleOptions & { selfSignedOk?: boolean }): void;
  /** Stops the schedules only (the lock was lost, or a shutdown begins). */
  stopDuties(): void;
  /** Clean stop: schedules, credential file, lock. */
  release(): void;
}

export interface ClaimOptions {
  kind: OwnerKind;
  /** Another process took the lock while this one was stalled: the duties are already stopped. */
  onLost?: (by: OwnerRecord | undefined) => void;
  staleAfterMs?: number;
  heartbeatMs?: number;
}

/** Takes the folder's ownership lock or throws DataFolderOwnedError. */
export function claimDataFolder(dataDir: string, options: ClaimOptions): FolderClaim {
  let stopSchedules: (() => void) | undefined;
  const stopDuties = (): void => {
    stopSchedules?.();
    stopSchedules = undefined;
  };
  const result = OwnershipLock.acquire(dataDir, {
    kind: options.kind,
    ...(options.staleAfterMs !== undefined ? { staleAfterMs: options.staleAfterMs } : {}),
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    onLost: (by) => {
      // Never two owners: whoever took over runs the schedules now, so ours stop first.
      stopDuties();
      options.onLost?.(by);
    },
  });
  if (!result.acquired) throw new DataFolderOwnedError(result.owner);
  const { lock } = result;
  const credential = newLocalCredential();
  return {
    lock,
    credential,
    tookOverFrom: result.tookOverFrom,
    serving(app, clientUrl, scheduleOptions = {}) {
      lock.setUrl(clientUrl);
      credential.publish(dataDir, {
        claim: lock.record.claim,
        pid: process.pid,
        url: clientUrl,
        selfSignedOk: scheduleOptions.selfSignedOk ?? false,
      });
      if (lock.stillOwner()) stopSchedules = startOwnerSchedules(app, { ...scheduleOptions, stillOwner: () => lock.stillOwner() });
    },
    stopDuties,
    release() {
      stopDuties();
      credential.withdraw();
      lock.release();
    },
  };
}

/** The address local clients use: loopback when the server listens on every interface. */
export function clientUrlFor(protocol: 'http' | 'https', host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const shown = reachable.includes(':') ? `[${reachable}]` : reachable;
  return `${protocol}://${shown}:${port}/`;
}
