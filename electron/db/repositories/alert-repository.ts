import type { Database } from 'better-sqlite3';
import type { ActiveAlert, AlertEvent, AlertLevel, AlertRule, MetricKey } from '../../api/index.js';

export type RuleOverride = Pick<AlertRule, 'id' | 'warning' | 'critical' | 'forSeconds' | 'clearSeconds' | 'hysteresis' | 'enabled'>;

interface OverrideRow {
  id: string;
  warning: number | null;
  critical: number | null;
  forSeconds: number;
  clearSeconds: number;
  hysteresis: number;
  enabled: number;
}

/** alert_rule_overrides, alert_state and alert_log. */
export class AlertRepository {
  constructor(private readonly db: Database) {}

  overrides(): Map<string, RuleOverride> {
    const rows = this.db
      .prepare('SELECT id, warning, critical, for_seconds AS forSeconds, clear_seconds AS clearSeconds, hysteresis, enabled FROM alert_rule_overrides')
      .all() as OverrideRow[];
    return new Map(rows.map((r) => [r.id, { ...r, enabled: r.enabled === 1 }]));
  }

  saveOverride(rule: RuleOverride, at: string): void {
    this.db
      .prepare(
        `INSERT INTO alert_rule_overrides (id, warning, critical, for_seconds, clear_seconds, hysteresis, enabled, changed_at)
         VALUES (@id, @warning, @critical, @forSeconds, @clearSeconds, @hysteresis, @enabled, @at)
         ON CONFLICT (id) DO UPDATE SET warning = excluded.warning, critical = excluded.critical, for_seconds = excluded.for_seconds,
           clear_seconds = excluded.clear_seconds, hysteresis = excluded.hysteresis, enabled = excluded.enabled, changed_at = excluded.changed_at`,
      )
      .run({ ...rule, enabled: rule.enabled ? 1 : 0, at });
  }

  clearOverrides(): void {
    this.db.prepare('DELETE FROM alert_rule_overrides').run();
  }

  active(): ActiveAlert[] {
    return this.db
      .prepare('SELECT rule_id AS ruleId, metric, level, since, value, threshold FROM alert_state ORDER BY since DESC')
      .all() as ActiveAlert[];
  }

  setActive(alert: ActiveAlert): void {
    this.db
      .prepare(
        `INSERT INTO alert_state (rule_id, metric, level, since, value, threshold) VALUES (@ruleId, @metric, @level, @since, @value, @threshold)
         ON CONFLICT (rule_id) DO UPDATE SET metric = excluded.metric, level = excluded.level, since = excluded.since, value = excluded.value, threshold = excluded.threshold`,
      )
      .run(alert);
  }

  clearActive(ruleId: string): void {
    this.db.prepare('DELETE FROM alert_state WHERE rule_id = ?').run(ruleId);
  }

  log(entry: { at: string; ruleId: string; metric: MetricKey; from: AlertLevel; to: AlertLevel; value: number | null; threshold: number | null }): number {
    return Number(
      this.db
        .prepare('INSERT INTO alert_log (at, rule_id, metric, from_level, to_level, value, threshold) VALUES (@at, @ruleId, @metric, @from, @to, @value, @threshold)')
        .run(entry).lastInsertRowid,
    );
  }

  recent(limit: number): AlertEvent[] {
    return this.db
      .prepare('SELECT id, at, rule_id AS ruleId, metric, from_level AS "from", to_level AS "to", value, threshold FROM alert_log ORDER BY id DESC LIMIT ?')
      .all(limit) as AlertEvent[];
  }

  /** The log is kept 90 days and at most maxRows entries. */
  trimLog(before: string, maxRows: number): number {
    const old = this.db.prepare('DELETE FROM alert_log WHERE at < ?').run(before).changes;
    const over = this.db.prepare('DELETE FROM alert_log WHERE id NOT IN (SELECT id FROM alert_log ORDER BY id DESC LIMIT ?)').run(maxRows).changes;
    return old + over;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
