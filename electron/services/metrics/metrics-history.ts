import type { HistoryRange, MetricHistory, MetricKey, MetricValues } from '../../api/index.js';
import { MetricHistoryRepository, type HistoryRow, type HistoryTier } from '../../db/repositories/metric-history-repository.js';
import type { Database } from 'better-sqlite3';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The three resolutions of the issue: 1 s for the last hour, 1 min for 7 days, 1 h for 90 days.
 * maxRows is the hard bound (the span plus a little slack), so the table cannot grow past about
 * 16 000 rows even if the clock jumps or compaction was not run for a while.
 */
export const HISTORY_TIERS: Record<HistoryTier, { stepMs: number; keepMs: number; maxRows: number }> = {
  '1s': { stepMs: SECOND, keepMs: HOUR, maxRows: 3600 + 120 },
  '1m': { stepMs: MINUTE, keepMs: 7 * DAY, maxRows: 7 * 1440 + 60 },
  '1h': { stepMs: HOUR, keepMs: 90 * DAY, maxRows: 90 * 24 + 24 },
};

/** Which tier answers a range, and how wide each returned point is (a few hundred points at most). */
export const RANGE_QUERIES: Record<HistoryRange, { tier: HistoryTier; spanMs: number; stepMs: number }> = {
  '5m': { tier: '1s', spanMs: 5 * MINUTE, stepMs: SECOND },
  '1h': { tier: '1s', spanMs: HOUR, stepMs: 10 * SECOND },
  '24h': { tier: '1m', spanMs: DAY, stepMs: 5 * MINUTE },
  '7d': { tier: '1m', spanMs: 7 * DAY, stepMs: 30 * MINUTE },
  '90d': { tier: '1h', spanMs: 90 * DAY, stepMs: 6 * HOUR },
};

const FINER: Record<HistoryTier, HistoryTier | null> = { '1s': null, '1m': '1s', '1h': '1m' };

/** Averages rows into one set of values: per metric, over the rows that had it, weighted by their sample counts. */
export function averageRows(rows: readonly HistoryRow[]): { samples: number; values: MetricValues } {
  const sums = new Map<string, { sum: number; weight: number }>();
  let samples = 0;
  for (const row of rows) {
    samples += row.samples;
    for (const [key, value] of Object.entries(row.values)) {
      const acc = sums.get(key) ?? { sum: 0, weight: 0 };
      if (typeof value === 'number' && Number.isFinite(value)) {
        acc.sum += value * row.samples;
        acc.weight += row.samples;
      }
      sums.set(key, acc);
    }
  }
  const values: MetricValues = {};
  for (const [key, { sum, weight }] of sums) values[key as MetricKey] = weight > 0 ? Number((sum / weight).toFixed(4)) : null;
  return { samples, values };
}

/** Groups rows by the bucket their time falls in. */
function bucketize(rows: readonly HistoryRow[], stepMs: number): Map<number, HistoryRow[]> {
  const buckets = new Map<number, HistoryRow[]>();
  for (const row of rows) {
    const start = Math.floor(row.t / stepMs) * stepMs;
    const list = buckets.get(start);
    if (list) list.push(row);
    else buckets.set(start, [row]);
  }
  return buckets;
}

export interface CompactionReport {
  rolledUp: Record<'1m' | '1h', number>;
  deleted: number;
}

/** History of the metric values in SQLite: written once a second, rolled up and trimmed by compact(). */
export class MetricsHistory {
  readonly repo: MetricHistoryRepository;

  constructor(db: Database) {
    this.repo = new MetricHistoryRepository(db);
  }

  record(values: MetricValues, atMs: number): void {
    this.repo.put('1s', Math.floor(atMs / SECOND) * SECOND, 1, values);
  }

  /**
   * Rolls complete minutes of 1 s rows into 1 min rows and complete hours of those into 1 h rows,
   * then drops what is past each tier's span and bound. Idempotent; the owner runs it every minute.
   */
  compact(nowMs: number): CompactionReport {
    return this.repo.transaction(() => {
      const rolledUp = { '1m': this.rollUp('1m', nowMs), '1h': this.rollUp('1h', nowMs) };
      let deleted = 0;
      for (const [tier, { keepMs, maxRows }] of Object.entries(HISTORY_TIERS) as Array<[HistoryTier, (typeof HISTORY_TIERS)['1s']]>) {
        deleted += this.repo.deleteBefore(tier, nowMs - keepMs);
        deleted += this.repo.keepNewest(tier, maxRows);
      }
      return { rolledUp, deleted };
    });
  }

  private rollUp(tier: '1m' | '1h', nowMs: number): number {
    const finer = FINER[tier]!;
    const { stepMs } = HISTORY_TIERS[tier];
    const last = this.repo.latest(tier);
    const from = last ? last.t + stepMs : this.repo.oldestTime(finer);
    if (from === undefined) return 0;
    // Only complete buckets: the current minute (or hour) is still being written.
    const to = Math.floor(nowMs / stepMs) * stepMs;
    if (to <= from) return 0;
    const buckets = bucketize(this.repo.range(finer, Math.floor(from / stepMs) * stepMs, to), stepMs);
    for (const [start, rows] of buckets) {
      const { samples, values } = averageRows(rows);
      this.repo.put(tier, start, samples, values);
    }
    return buckets.size;
  }

  /** Points over a range, each the average over its step; the newest minutes come from the finer tier. */
  query(range: HistoryRange, nowMs: number): MetricHistory {
    const { tier, spanMs, stepMs } = RANGE_QUERIES[range];
    const from = Math.floor((nowMs - spanMs) / stepMs) * stepMs;
    const rows = this.repo.range(tier, from, nowMs + 1);
    const finer = FINER[tier];
    if (finer) {
      // What is not rolled up yet (the current minute or hour) is read from the finer tier.
      const coveredUntil = rows.length ? rows[rows.length - 1]!.t + HISTORY_TIERS[tier].stepMs : from;
      rows.push(...this.repo.range(finer, coveredUntil, nowMs + 1));
    }
    const points = [...bucketize(rows, stepMs)]
      .sort(([a], [b]) => a - b)
      .map(([t, bucket]) => ({ t, values: averageRows(bucket).values as Record<string, number | null> }));
    return { range, stepSeconds: stepMs / SECOND, points };
  }
}
