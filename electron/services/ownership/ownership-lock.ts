/**
 * Exactly one process owns a data folder: it runs the schedules, the sampler and the recovery
 * at start; every other process is a client.
 *
 * Design (why not a plain lock file): the lock is one row in a small SQLite file of its own,
 * <data>/run/owner.sqlite. Taking it is check-and-set inside `BEGIN IMMEDIATE`, which SQLite
 * serialises across processes: two takers that both see a dead owner cannot both win, because
 * the second one's transaction starts only after the first committed, and then it reads the
 * first one's fresh heartbeat. A lock file taken over by rename has a window between "read,
 * judge stale" and "rename" in which another taker's fresh lock can be replaced; closing it
 * needs a second lock, which needs staleness detection of its own.
 * The row lives outside voiceops.db on purpose: a backup restore swaps voiceops.db, and must
 * never bring back an old owner; and no migration of the registry is needed.
 *
 * The owner refreshes its heartbeat every HEARTBEAT_MS. The owner is gone when its process no
 * longer exists (same host: checked with kill(pid, 0), so a kill -9 is seen at once) or when
 * its heartbeat is older than STALE_AFTER_MS (another host on a shared folder, a hung process,
 * or a reused pid). A heartbeat that finds the row no longer ours means the lock was taken
 * over while we were stalled: the owner must stop its duties at once (onLost).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import BetterSqlite3, { type Database } from 'better-sqlite3';

export const HEARTBEAT_MS = 3_000;
export const STALE_AFTER_MS = 15_000;

/** What kind of process owns the folder: the systemd/Windows service, a console, the desktop app. */
export type OwnerKind = 'service' | 'console' | 'desktop';

export interface OwnerRecord {
  /** Random id of this ownership (a pid can be reused; a claim cannot). */
  claim: string;
  kind: OwnerKind;
  pid: number;
  hostname: string;
  /** ISO time the ownership began. */
  since: string;
  /** ISO time of the last heartbeat. */
  heartbeatAt: string;
  /** Where clients reach the owner (loopback when possible); null until it listens. */
  url: string | null;
}

export type OwnerView =
  | { state: 'none' }
  | { state: 'alive'; owner: OwnerRecord }
  | { state: 'gone'; owner: OwnerRecord; reason: string };

export interface LockOptions {
  kind: OwnerKind;
  now?: () => number;
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Called once if a heartbeat finds that another process took the lock over. */
  onLost?: (by: OwnerRecord | undefined) => void;
}

export function runDir(dataDir: string): string {
  return path.join(dataDir, 'run');
}

export function lockFile(dataDir: string): string {
  return path.join(runDir(dataDir), 'owner.sqlite');
}

/** Whether a process with this pid exists on this machine (EPERM: it exists, owned by someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Row {
  claim: string;
  kind: OwnerKind;
  pid: number;
  hostname: string;
  since: string;
  heartbeat_ms: number;
  url: string | null;
}

function toRecord(row: Row): OwnerRecord {
  return {
    claim: row.claim,
    kind: row.kind,
    pid: row.pid,
    hostname: row.hostname,
    since: row.since,
    heartbeatAt: new Date(row.heartbeat_ms).toISOString(),
    url: row.url,
  };
}

function openLockDb(dataDir: string): Database {
  fs.mkdirSync(runDir(dataDir), { recursive: true, mode: 0o700 });
  const db = new BetterSqlite3(lockFile(dataDir));
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS owner (
    slot INTEGER PRIMARY KEY CHECK (slot = 1),
    claim TEXT NOT NULL, kind TEXT NOT NULL, pid INTEGER NOT NULL, hostname TEXT NOT NULL,
    since TEXT NOT NULL, heartbeat_ms INTEGER NOT NULL, url TEXT
  )`);
  return db;
}

/** Judges a row: alive, or gone and why. */
function judge(row: Row, now: number, staleAfterMs: number): OwnerView {
  const owner = toRecord(row);
  if (row.hostname === os.hostname() && !processExists(row.pid)) {
    return { state: 'gone', owner, reason: `process ${row.pid} no longer exists` };
  }
  const age = now - row.heartbeat_ms;
  if (age > staleAfterMs) return { state: 'gone', owner, reason: `no heartbeat for ${Math.round(age / 1000)} s` };
  return { state: 'alive', owner };
}

/** Who owns the folder, read without taking anything (status, the CLI, the window). */
export function readOwner(dataDir: string, options: { now?: number; staleAfterMs?: number } = {}): OwnerView {
  if (!fs.existsSync(lockFile(dataDir))) return { state: 'none' };
  const db = openLockDb(dataDir);
  try {
    const row = db.prepare('SELECT * FROM owner WHERE slot = 1').get() as Row | undefined;
    return row ? judge(row, options.now ?? Date.now(), options.staleAfterMs ?? STALE_AFTER_MS) : { state: 'none' };
  } finally {
    db.close();
  }
}

export type AcquireResult =
  | { acquired: true; lock: OwnershipLock; tookOverFrom: { owner: OwnerRecord; reason: string } | null }
  | { acquired: false; owner: OwnerRecord };

/** The held lock: heartbeat, the owner's URL once it listens, release at a clean stop. */
export class OwnershipLock {
  private timer: NodeJS.Timeout | undefined;
  private lost = false;

  private constructor(
    private readonly db: Database,
    readonly record: OwnerRecord,
    private readonly options: LockOptions,
  ) {}

  /** Takes the lock if nobody alive holds it; else says who does. Atomic across processes. */
  static acquire(dataDir: string, options: LockOptions): AcquireResult {
    const now = options.now ?? Date.now;
    const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
    const db = openLockDb(dataDir);
    try {
      const take = db.transaction((): AcquireResult | { took: OwnerRecord; tookOverFrom: { owner: OwnerRecord; reason: string } | null } => {
        const row = db.prepare('SELECT * FROM owner WHERE slot = 1').get() as Row | undefined;
        const view = row ? judge(row, now(), staleAfterMs) : ({ state: 'none' } as const);
        if (view.state === 'alive') return { acquired: false, owner: view.owner };
        const fresh: Row = {
          claim: randomUUID(),
          kind: options.kind,
          pid: process.pid,
          hostname: os.hostname(),
          since: new Date(now()).toISOString(),
          heartbeat_ms: now(),
          url: null,
        };
        db.prepare(
          `INSERT INTO owner (slot, claim, kind, pid, hostname, since, heartbeat_ms, url)
           VALUES (1, @claim, @kind, @pid, @hostname, @since, @heartbeat_ms, @url)
           ON CONFLICT (slot) DO UPDATE SET claim = excluded.claim, kind = excluded.kind, pid = excluded.pid,
             hostname = excluded.hostname, since = excluded.since, heartbeat_ms = excluded.heartbeat_ms, url = excluded.url`,
        ).run(fresh);
        return { took: toRecord(fresh), tookOverFrom: view.state === 'gone' ? { owner: view.owner, reason: view.reason } : null };
      });
      // IMMEDIATE: the write lock is taken before the read, so the check and the set are one step.
      const outcome = take.immediate();
      if ('acquired' in outcome) {
        db.close();
        return outcome;
      }
      const lock = new OwnershipLock(db, outcome.took, options);
      lock.startHeartbeat();
      return { acquired: true, lock, tookOverFrom: outcome.tookOverFrom };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get isLost(): boolean {
    return this.lost;
  }

  /** Records where clients reach the owner (after the server listens). */
  setUrl(url: string): void {
    this.db.prepare('UPDATE owner SET url = ? WHERE slot = 1 AND claim = ?').run(url, this.record.claim);
    this.record.url = url;
  }

  /** Refreshes the heartbeat; false (and onLost) when the row is no longer ours. */
  beat(): boolean {
    if (this.lost || !this.db.open) return false;
    const now = (this.options.now ?? Date.now)();
    const changed = this.db.prepare('UPDATE owner SET heartbeat_ms = ? WHERE slot = 1 AND claim = ?').run(now, this.record.claim).changes;
    if (changed === 1) {
      this.record.heartbeatAt = new Date(now).toISOString();
      return true;
    }
    this.lost = true;
    this.stopHeartbeat();
    const row = this.db.prepare('SELECT * FROM owner WHERE slot = 1').get() as Row | undefined;
    this.options.onLost?.(row && toRecord(row));
    return false;
  }

  /** Still the owner right now (checked in the database, not remembered): for guards before a duty. */
  stillOwner(): boolean {
    if (this.lost || !this.db.open) return false;
    const row = this.db.prepare('SELECT claim FROM owner WHERE slot = 1').get() as { claim: string } | undefined;
    return row?.claim === this.record.claim;
  }

  /** Gives the folder up at a clean stop: the next process takes it without waiting. */
  release(): void {
    this.stopHeartbeat();
    if (!this.db.open) return;
    if (!this.lost) this.db.prepare('DELETE FROM owner WHERE slot = 1 AND claim = ?').run(this.record.claim);
    this.db.close();
  }

  private startHeartbeat(): void {
    this.timer = setInterval(() => {
      try {
        this.beat();
      } catch {
        // A busy database for longer than busy_timeout: the next beat tries again, well inside STALE_AFTER_MS.
      }
    }, this.options.heartbeatMs ?? HEARTBEAT_MS);
    this.timer.unref();
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

/** One line naming the owner, for refusals and status: "pid 1234 on host, since ..., at URL". */
export function describeOwner(owner: OwnerRecord): string {
  const where = owner.hostname === os.hostname() ? '' : ` on ${owner.hostname}`;
  const url = owner.url ? `, console at ${owner.url}` : ', still starting';
  return `${owner.kind} process ${owner.pid}${where}, owner since ${owner.since}${url}`;
}
