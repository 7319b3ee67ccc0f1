import type { Migration } from '../migration.js';

/**
 * Metrics history and alerts (issue #7).
 * - metric_history: one row per time bucket and resolution tier ('1s' for the last hour, '1m' for
 *   7 days, '1h' for 90 days), the metric values averaged over the bucket as a JSON object. One
 *   row per second rather than per metric keeps the table small (about 16 000 rows when full)
 *   and lets new metrics appear without a migration.
 * - alert_rule_overrides: only the rules an admin changed; the defaults live in code, so a new
 *   default rule in a later version appears by itself and "reset" is a delete.
 * - alert_state: alerts firing now, written by the owner process so any process can show them.
 * - alert_log: every change of level, bounded by the compaction.
 */
export const metricsAndAlerts: Migration = {
  version: 5,
  name: 'metrics-and-alerts',
  up(db) {
    db.exec(`
      CREATE TABLE metric_history (
        tier TEXT NOT NULL CHECK (tier IN ('1s', '1m', '1h')),
        t INTEGER NOT NULL,
        samples INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (tier, t)
      ) WITHOUT ROWID;
      CREATE TABLE alert_rule_overrides (
        id TEXT PRIMARY KEY,
        warning REAL,
        critical REAL,
        for_seconds INTEGER NOT NULL,
        clear_seconds INTEGER NOT NULL,
        hysteresis REAL NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        changed_at TEXT NOT NULL
      );
      CREATE TABLE alert_state (
        rule_id TEXT PRIMARY KEY,
        metric TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('warning', 'critical')),
        since TEXT NOT NULL,
        value REAL,
        threshold REAL NOT NULL
      );
      CREATE TABLE alert_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        metric TEXT NOT NULL,
        from_level TEXT NOT NULL CHECK (from_level IN ('ok', 'warning', 'critical')),
        to_level TEXT NOT NULL CHECK (to_level IN ('ok', 'warning', 'critical')),
        value REAL,
        threshold REAL
      );
      CREATE INDEX alert_log_by_time ON alert_log (at);
    `);
  },
};
