/**
 * Loaded models, within a memory budget. The budget is counted in the size of each model's
 * ONNX files, a close stand-in for the memory a CPU session holds (weights dominate).
 * Eviction: least recently used first, never a model in use; plus the guide's idle rule:
 * a model idle for over 2 hours that was used fewer than 5 times is unloaded.
 */
export interface CacheEntry<T> {
  key: string;
  line: string;
  version: string;
  value: T;
  bytes: number;
  loadMs: number;
  loadedAt: number;
  lastUsed: number;
  uses: number;
  inUse: number;
}

export interface CacheStats {
  budgetBytes: number;
  bytes: number;
  entries: number;
  hits: number;
  misses: number;
  evictions: number;
  hitRate: number | null;
}

export const IDLE_EXPIRY_MS = 2 * 60 * 60 * 1000;
export const IDLE_MIN_USES = 5;

export class SessionCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly loading = new Map<string, Promise<CacheEntry<T>>>();
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(
    private budgetBytes: number,
    private readonly dispose: (value: T) => Promise<void> | void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  setBudget(bytes: number): void {
    this.budgetBytes = bytes;
    this.evictOverBudget();
  }

  /**
   * The cached model for `key`, loading it on a miss (concurrent requests for the same model
   * share one load). The caller must release() it when its request is done.
   */
  async acquire(
    key: string,
    meta: { line: string; version: string; bytes: number },
    load: () => Promise<T>,
    /** False for the engine's own preload and warm-up: they are not uses (the idle rule counts uses). */
    countUse = true,
  ): Promise<{ entry: CacheEntry<T>; hit: boolean }> {
    const cached = this.entries.get(key);
    if (cached) {
      if (countUse) this.hits++;
      this.touch(cached, countUse);
      return { entry: cached, hit: true };
    }
    let pending = this.loading.get(key);
    const first = !pending;
    if (!pending) {
      if (countUse) this.misses++;
      pending = (async () => {
        const started = this.now();
        const value = await load();
        const entry: CacheEntry<T> = { key, ...meta, value, loadMs: this.now() - started, loadedAt: this.now(), lastUsed: this.now(), uses: 0, inUse: 0 };
        this.entries.set(key, entry);
        return entry;
      })();
      this.loading.set(key, pending);
      pending.finally(() => this.loading.delete(key)).catch(() => undefined);
    } else if (countUse) {
      this.hits++;
    }
    const entry = await pending;
    this.touch(entry, countUse);
    if (first) this.evictOverBudget();
    return { entry, hit: !first };
  }

  release(entry: CacheEntry<T>): void {
    entry.inUse = Math.max(0, entry.inUse - 1);
    this.evictOverBudget();
  }

  private touch(entry: CacheEntry<T>, countUse: boolean): void {
    entry.inUse++;
    if (countUse) {
      entry.uses++;
      entry.lastUsed = this.now();
    }
  }

  private totalBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.bytes;
    return total;
  }

  private remove(entry: CacheEntry<T>): void {
    this.entries.delete(entry.key);
    this.evictions++;
    void Promise.resolve(this.dispose(entry.value)).catch(() => undefined);
  }

  /** Unloads least recently used idle models until the total fits the budget. */
  evictOverBudget(): void {
    const idle = [...this.entries.values()].filter((e) => e.inUse === 0).sort((a, b) => a.lastUsed - b.lastUsed);
    let total = this.totalBytes();
    for (const entry of idle) {
      if (total <= this.budgetBytes) break;
      this.remove(entry);
      total -= entry.bytes;
    }
  }

  /** The guide's rule: idle over 2 h and used fewer than 5 times. Returns the keys unloaded. */
  expireIdle(): string[] {
    const now = this.now();
    const expired = [...this.entries.values()].filter((e) => e.inUse === 0 && now - e.lastUsed > IDLE_EXPIRY_MS && e.uses < IDLE_MIN_USES);
    for (const entry of expired) this.remove(entry);
    return expired.map((e) => e.key);
  }

  /** Unloads every idle entry that matches (e.g. the old version of a promoted line). */
  unload(match: (entry: CacheEntry<T>) => boolean): string[] {
    const removed = [...this.entries.values()].filter((e) => match(e) && e.inUse === 0);
    for (const entry of removed) this.remove(entry);
    return removed.map((e) => e.key);
  }

  list(): Array<Readonly<CacheEntry<T>>> {
    return [...this.entries.values()];
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      budgetBytes: this.budgetBytes,
      bytes: this.totalBytes(),
      entries: this.entries.size,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      hitRate: lookups === 0 ? null : this.hits / lookups,
    };
  }
}
