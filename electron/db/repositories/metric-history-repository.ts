import type { Database } from 'better-sqlite3';
import type { MetricValues } from '../../api/index.js';

export type HistoryTier = '1s' | '1m' | '1h';

export interface HistoryRow {
  t: number;
  samples: number;
  values: MetricValues;
}

interface RawRow {
  t: number;
  samples: number;
  data: string;
}

const toRow = (raw: RawRow): HistoryRow => ({ t: raw.t, samples: raw.samples, values: JSON.parse(raw.data) as MetricValues });

/** metric_history: averaged metric values per time bucket, one table for the three resolutions. */
export class MetricHistoryRepository {
  constructor(private readonly db: Database) {}

  put(tier: HistoryTier, t: number, samples: number, values: MetricValues): void {
    this.db
      .prepare('INSERT INTO metric_history (tier, t, samples, data) VALUES (?, ?, ?, ?) ON CONFLICT (tier, t) DO UPDATE SET samples = excluded.samples, data = excluded.data')
      .run(tier, t, samples, JSON.stringify(values));
  }

  /** Rows with from <= t < to, oldest first. */
  range(tier: HistoryTier, from: number, to: number): HistoryRow[] {
    const rows = this.db.prepare('SELECT t, samples, data FROM metric_history WHERE tier = ? AND t >= ? AND t < ? ORDER BY t').all(tier, from, to) as RawRow[];
    return rows.map(toRow);
  }

  latest(tier: HistoryTier): HistoryRow | undefined {
    const raw = this.db.prepare('SELECT t, samples, data FROM metric_history WHERE tier = ? ORDER BY t DESC LIMIT 1').get(tier) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  oldestTime(tier: HistoryTier): number | undefined {
    const row = this.db.prepare('SELECT MIN(t) AS t FROM metric_history WHERE tier = ?').get(tier) as { t: number | null };
    return row.t ?? undefined;
  }

  deleteBefore(tier: HistoryTier, t: number): number {
    return this.db.prepare('DELETE FROM metric_history WHERE tier = ? AND t < ?').run(tier, t).changes;
  }

  /** Keeps the newest maxRows of a tier: the hard bound on size, whatever the clock did. */
  keepNewest(tier: HistoryTier, maxRows: number): number {
    return this.db
      .prepare('DELETE FROM metric_history WHERE tier = ? AND t NOT IN (SELECT t FROM metric_history WHERE tier = ? ORDER BY t DESC LIMIT ?)')
      .run(tier, tier, maxRows).changes;
  }

  count(tier: HistoryTier): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM metric_history WHERE tier = ?').get(tier) as { n: number }).n;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
