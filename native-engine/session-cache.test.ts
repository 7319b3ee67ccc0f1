import { describe, expect, it } from 'vitest';
import { IDLE_EXPIRY_MS, SessionCache } from './session-cache.js';

function cache(budget: number) {
  const clock = { now: 1_000 };
  const disposed: string[] = [];
  const c = new SessionCache<string>(budget, (v) => void disposed.push(v), () => clock.now);
  const load = async (key: string, bytes: number) => {
    const { entry, hit } = await c.acquire(key, { line: key, version: '1.0.0', bytes }, async () => key);
    c.release(entry);
    clock.now += 10;
    return hit;
  };
  return { c, clock, disposed, load };
}

describe('SessionCache', () => {
  it('counts hits and misses and shares one load between concurrent requests', async () => {
    const { c } = cache(1000);
    let loads = 0;
    const slow = () => new Promise<string>((r) => setTimeout(() => r(`v${++loads}`), 20));
    const [a, b] = await Promise.all([
      c.acquire('k', { line: 'l', version: '1', bytes: 10 }, slow),
      c.acquire('k', { line: 'l', version: '1', bytes: 10 }, slow),
    ]);
    expect(loads).toBe(1);
    expect(a.entry).toBe(b.entry);
    expect([a.hit, b.hit].sort()).toEqual([false, true]);
    expect(c.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1, bytes: 10, hitRate: 0.5 });
  });

  it('evicts the least recently used models to stay within the budget, never one in use', async () => {
    const { c, load, disposed } = cache(250);
    await load('a', 100);
    await load('b', 100);
    await load('a', 100); // a is now more recent than b
    const held = await c.acquire('c', { line: 'c', version: '1', bytes: 100 }, async () => 'c');
    expect(disposed).toEqual(['b']);
    await load('d', 100); // over budget again: a is the oldest idle one; c is in use
    expect(disposed).toEqual(['b', 'a']);
    c.release(held.entry);
    expect(c.stats().bytes).toBeLessThanOrEqual(250);
    expect(c.list().map((e) => e.key).sort()).toEqual(['c', 'd']);
  });

  it('unloads models idle for over 2 hours that were used fewer than 5 times, and keeps busy ones', async () => {
    const { c, clock, load } = cache(10_000);
    await load('rare', 10);
    for (let i = 0; i < 5; i++) await load('popular', 10);
    clock.now += IDLE_EXPIRY_MS + 1;
    expect(c.expireIdle()).toEqual(['rare']);
    expect(c.list().map((e) => e.key)).toEqual(['popular']);
  });

  it('a failed load leaves nothing cached and the next request tries again', async () => {
    const { c } = cache(1000);
    await expect(c.acquire('k', { line: 'l', version: '1', bytes: 1 }, async () => Promise.reject(new Error('corrupt')))).rejects.toThrow('corrupt');
    expect(c.stats().entries).toBe(0);
    const { hit } = await c.acquire('k', { line: 'l', version: '1', bytes: 1 }, async () => 'ok');
    expect(hit).toBe(false);
  });
});
