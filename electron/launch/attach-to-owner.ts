/**
 * What the desktop window does with its data folder (issue 9), decided in plain Node so it is
 * tested against a real console process: when a live process (the system service, or a
 * console) owns the folder, the window attaches to it over loopback with the local credential
 * and runs no duties of its own; when nobody does, the window takes the ownership itself.
 */
import { claimDataFolder, DataFolderOwnedError, type FolderClaim } from '../core/take-ownership.js';
import { findOwner, type OwnerConnection } from '../services/ownership/owner-client.js';
import type { OwnerRecord } from '../services/ownership/ownership-lock.js';

export type LaunchDecision =
  /** A live owner serves the folder: forward every call and event to it. */
  | { mode: 'attach'; connection: OwnerConnection; asService: boolean }
  /** Nobody owned it: this process now holds the lock and must run the owner's duties. */
  | { mode: 'own'; claim: FolderClaim; tookOverFrom: OwnerRecord | null }
  /** A live owner this user cannot reach (another user's service, still starting): say so. */
  | { mode: 'refused'; owner: OwnerRecord; message: string };

export async function decideLaunch(dataDir: string, options: { waitMs?: number } = {}): Promise<LaunchDecision> {
  // Twice at most: between "nobody owns it" and taking the lock, another process may win the race.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const found = await findOwner(dataDir, { kind: 'desktop', ...(options.waitMs !== undefined ? { waitMs: options.waitMs } : {}) });
    if (found.mode === 'owner') return { mode: 'attach', connection: found.connection, asService: found.connection.owner.kind === 'service' };
    if (found.mode === 'refused') return found;
    try {
      const claim = claimDataFolder(dataDir, { kind: 'desktop' });
      return { mode: 'own', claim, tookOverFrom: claim.tookOverFrom?.owner ?? null };
    } catch (error) {
      if (!(error instanceof DataFolderOwnedError)) throw error;
    }
  }
  const found = await findOwner(dataDir, { kind: 'desktop' });
  if (found.mode === 'owner') return { mode: 'attach', connection: found.connection, asService: found.connection.owner.kind === 'service' };
  throw new Error('the data folder changed owner while the window was starting; start it again');
}
