import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-app.js';
import { describeOwner, lockFile, OwnershipLock, readOwner } from './ownership-lock.js';

const holder = fileURLToPath(new URL('../../test-support/hold-ownership.ts', import.meta.url));
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function folder(): string {
  const temp = makeTempDir('voiceops-owner-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function startHolder(dataDir: string, goFile: string, staleAfterMs?: number): { child: ChildProcess; line(): Promise<Record<string, unknown>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dataDir, goFile, ...(staleAfterMs ? [String(staleAfterMs)] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  const lines = readline.createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : queue.push(line)));
  return {
    child,
    line: () => new Promise((resolve) => {
      const take = (line: string): void => resolve(JSON.parse(line) as Record<string, unknown>);
      if (queue.length > 0) take(queue.shift()!);
      else waiting.push(take);
    }),
  };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('ownership lock of a data folder', { timeout: 60_000 }, () => {
  it('is taken by the first process; a second attempt is refused and told who owns it; release frees it', () => {
    const dir = folder();
    expect(readOwner(dir)).toEqual({ state: 'none' });
    const first = OwnershipLock.acquire(dir, { kind: 'service' });
    if (!first.acquired) throw new Error('first acquire refused');
    cleanups.push(() => first.lock.release());
    first.lock.setUrl('http://127.0.0.1:9999/');
    const second = OwnershipLock.acquire(dir, { kind: 'console' });
    expect(second.acquired).toBe(false);
    if (second.acquired) return;
    expect(second.owner).toMatchObject({ pid: process.pid, kind: 'service', hostname: os.hostname(), url: 'http://127.0.0.1:9999/' });
    expect(describeOwner(second.owner)).toContain(`service process ${process.pid}`);
    expect(describeOwner(second.owner)).toContain('http://127.0.0.1:9999/');
    expect(readOwner(dir)).toMatchObject({ state: 'alive', owner: { claim: first.lock.record.claim } });

    first.lock.release();
    expect(readOwner(dir)).toEqual({ state: 'none' });
    const third = OwnershipLock.acquire(dir, { kind: 'console' });
    expect(third).toMatchObject({ acquired: true, tookOverFrom: null });
    if (third.acquired) third.lock.release();
  });

  it('a silent owner is taken over once its heartbeat is older than the timeout, and the old holder learns it lost', () => {
    const dir = folder();
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const lostTo: unknown[] = [];
    const old = OwnershipLock.acquire(dir, { kind: 'console', now: () => clock, heartbeatMs: 3_600_000, onLost: (by) => lostTo.push(by?.pid) });
    if (!old.acquired) throw new Error('refused');
    cleanups.push(() => old.lock.release());
    clock += 10_000;
    expect(old.lock.beat()).toBe(true);
    clock += 14_000; // 14 s since the last beat: still alive
    expect(OwnershipLock.acquire(dir, { kind: 'console', now: () => clock }).acquired).toBe(false);
    clock += 2_000; // 16 s: stale
    const taker = OwnershipLock.acquire(dir, { kind: 'service', now: () => clock });
    if (!taker.acquired) throw new Error('stale owner not taken over');
    cleanups.push(() => taker.lock.release());
    expect(taker.tookOverFrom?.reason).toBe('no heartbeat for 16 s');
    expect(old.lock.stillOwner()).toBe(false);
    expect(old.lock.beat()).toBe(false);
    expect(lostTo).toEqual([process.pid]);
    // The old holder's release must not delete the new owner's row.
    old.lock.release();
    expect(readOwner(dir, { now: clock })).toMatchObject({ state: 'alive', owner: { claim: taker.lock.record.claim } });
  });

  it('an owner killed with SIGKILL is seen as gone at once (its process no longer exists) and taken over', async () => {
    const dir = folder();
    const go = path.join(dir, 'go');
    fs.writeFileSync(go, '');
    const owner = startHolder(dir, go);
    expect(await owner.line()).toMatchObject({ acquired: true });
    expect(OwnershipLock.acquire(dir, { kind: 'console' }).acquired).toBe(false);
    owner.child.kill('SIGKILL');
    await exited(owner.child);
    expect(readOwner(dir)).toMatchObject({ state: 'gone', reason: `process ${owner.child.pid} no longer exists` });
    const taker = OwnershipLock.acquire(dir, { kind: 'console' });
    if (!taker.acquired) throw new Error('a dead owner was not taken over');
    cleanups.push(() => taker.lock.release());
    expect(taker.tookOverFrom?.owner.pid).toBe(owner.child.pid);
  });

  it('of six processes racing for a folder whose owner died, exactly one wins and the others name it', async () => {
    const dir = folder();
    // A dead owner's row (a pid that exited), so every racer sees a lock to take over.
    const dead = spawn(process.execPath, ['-e', '']);
    await exited(dead);
    const seed = OwnershipLock.acquire(dir, { kind: 'console' });
    if (!seed.acquired) throw new Error('refused');
    seed.lock.release();
    const db = new BetterSqlite3(lockFile(dir));
    db.prepare(`INSERT INTO owner (slot, claim, kind, pid, hostname, since, heartbeat_ms, url) VALUES (1, 'dead', 'console', ?, ?, ?, ?, NULL)`).run(dead.pid, os.hostname(), new Date().toISOString(), Date.now());
    db.close();

    const go = path.join(dir, 'go');
    const racers = Array.from({ length: 6 }, () => startHolder(dir, go));
    // Give every racer time to start its runtime and wait on the go file, then release them together.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    fs.writeFileSync(go, '');
    const results = await Promise.all(racers.map((r) => r.line()));
    const winners = results.filter((r) => r['acquired'] === true);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => r['acquired'] === false)) expect(loser['ownerPid']).toBe(winners[0]!['pid']);
  });

  it('a hung owner (SIGSTOP) past the timeout is replaced; when it resumes, its heartbeat finds the lock lost and it stops', async () => {
    const dir = folder();
    const go = path.join(dir, 'go');
    fs.writeFileSync(go, '');
    const owner = startHolder(dir, go, 500);
    expect(await owner.line()).toMatchObject({ acquired: true });
    owner.child.kill('SIGSTOP');
    let taker = OwnershipLock.acquire(dir, { kind: 'console', staleAfterMs: 500 });
    const deadline = Date.now() + 15_000;
    while (!taker.acquired && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      taker = OwnershipLock.acquire(dir, { kind: 'console', staleAfterMs: 500 });
    }
    if (!taker.acquired) throw new Error('a hung owner was never taken over');
    const held = taker.lock;
    cleanups.push(() => held.release());
    expect(taker.tookOverFrom?.reason).toMatch(/^no heartbeat for/);
    owner.child.kill('SIGCONT');
    expect(await owner.line()).toEqual({ lost: true });
    expect(await exited(owner.child)).toBe(3);
    expect(held.stillOwner()).toBe(true);
  });
});
