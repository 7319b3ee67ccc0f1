import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './rate-limiter.js';

describe('TokenBucketLimiter (100/min, bursts of 20)', () => {
  function limiter() {
    const clock = { now: 1_000_000 };
    return { clock, limit: new TokenBucketLimiter({ perMinute: 100, burst: 20 }, () => clock.now) };
  }

  it('allows a burst of 20, then refuses with a retry hint', () => {
    const { limit } = limiter();
    for (let i = 0; i < 20; i++) expect(limit.take('a').allowed, `request ${i + 1}`).toBe(true);
    const refused = limit.take('a');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1); // one token every 0.6 s
  });

  it('refills at 100 a minute: 0.6 s gives one more request', () => {
    const { limit, clock } = limiter();
    for (let i = 0; i < 20; i++) limit.take('a');
    clock.now += 599;
    expect(limit.take('a').allowed).toBe(false);
    clock.now += 601;
    expect(limit.take('a').allowed).toBe(true);
  });

  it('holds the sustained rate to 100 a minute however requests are spread', () => {
    const { limit, clock } = limiter();
    let allowed = 0;
    for (let ms = 0; ms < 60_000; ms += 100) {
      clock.now += 100;
      if (limit.take('a').allowed) allowed++;
    }
    // 20 from the full bucket + 100 refilled over the minute, at most.
    expect(allowed).toBeGreaterThanOrEqual(115);
    expect(allowed).toBeLessThanOrEqual(120);
  });

  it('keeps clients apart', () => {
    const { limit } = limiter();
    for (let i = 0; i < 20; i++) limit.take('a');
    expect(limit.take('a').allowed).toBe(false);
    expect(limit.take('b').allowed).toBe(true);
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => new TokenBucketLimiter({ perMinute: 0, burst: 20 })).toThrow();
    expect(() => new TokenBucketLimiter({ perMinute: 100, burst: 0 })).toThrow();
  });
});
