/**
 * Token bucket per client, as the brief asks: a sustained rate (100 requests a minute) with
 * bursts (20 at once). Written here rather than taken from a library because the HTTP
 * rate-limit plugins count fixed windows, which allow 2x the rate across a window edge and
 * have no notion of a burst.
 */
export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  /** Buckets idle this long are forgotten, so a scan of many addresses cannot grow memory. */
  idleForgetMs?: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;
  private readonly idleForgetMs: number;
  private lastSweep = 0;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = () => Date.now(),
  ) {
    if (options.perMinute <= 0 || options.burst < 1) throw new Error('rate limit needs perMinute > 0 and burst >= 1');
    this.refillPerMs = options.perMinute / 60_000;
    this.idleForgetMs = options.idleForgetMs ?? 10 * 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAt: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)), remaining: 0 };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt > this.idleForgetMs) this.buckets.delete(key);
    }
  }
}
