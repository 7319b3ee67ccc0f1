import type { Database } from 'better-sqlite3';
import { AppError, type AlertRule, type AlertsReport, type MetricValues } from '../../api/index.js';
import type { EventBus } from '../../core/event-bus.js';
import { AlertRepository } from '../../db/repositories/alert-repository.js';
import { AlertEvaluator, type AlertTransition } from './alert-evaluator.js';
import { DEFAULT_ALERT_RULES, defaultRule } from './default-rules.js';

const LOG_KEEP_MS = 90 * 24 * 3600_000;
const LOG_MAX_ROWS = 10_000;

export type RuleChange = Partial<Pick<AlertRule, 'warning' | 'critical' | 'forSeconds' | 'clearSeconds' | 'hysteresis' | 'enabled'>>;

export interface AlertServiceOptions {
  db: Database;
  bus?: EventBus;
  now?: () => number;
}

/**
 * Rules (defaults from the brief plus an admin's changes), the evaluation of each sample, the
 * active alerts and the log. Only the owner of the data folder evaluates; every process reads.
 */
export class AlertService {
  readonly repo: AlertRepository;
  private readonly evaluator = new AlertEvaluator();
  private readonly now: () => number;
  private readonly listeners = new Set<(transitions: AlertTransition[]) => void>();

  constructor(private readonly options: AlertServiceOptions) {
    this.repo = new AlertRepository(options.db);
    this.now = options.now ?? (() => Date.now());
    for (const alert of this.repo.active()) this.evaluator.restore(alert.ruleId, alert.level, Date.parse(alert.since));
  }

  rules(): AlertRule[] {
    const overrides = this.repo.overrides();
    return DEFAULT_ALERT_RULES.map((rule) => ({ ...rule, ...overrides.get(rule.id) }));
  }

  updateRule(id: string, change: RuleChange): AlertRule {
    const current = this.rules().find((r) => r.id === id);
    if (!current || !defaultRule(id)) throw new AppError('NOT_FOUND', `no alert rule ${id}; see voiceops alerts rules`);
    const next = { ...current, ...change };
    if (next.warning === null && next.critical === null) throw new AppError('VALIDATION_FAILED', 'a rule needs a warning or a critical threshold', 'warning');
    if (next.warning !== null && next.critical !== null) {
      const ordered = next.direction === 'above' ? next.critical > next.warning : next.critical < next.warning;
      if (!ordered) {
        throw new AppError('VALIDATION_FAILED', `the critical threshold must be ${next.direction === 'above' ? 'above' : 'below'} the warning one`, 'critical');
      }
    }
    this.repo.saveOverride(next, new Date(this.now()).toISOString());
    return next;
  }

  resetRules(): AlertRule[] {
    this.repo.clearOverrides();
    return this.rules();
  }

  report(limit: number): AlertsReport {
    return { active: this.repo.active(), log: this.repo.recent(limit) };
  }

  /** Called for every transition that was recorded (the desktop app shows a notification). */
  onTransition(listener: (transitions: AlertTransition[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs the rules over one sample; records, logs and announces what changed. */
  evaluate(values: MetricValues, at: number = this.now()): AlertTransition[] {
    const transitions = this.evaluator.evaluate(this.rules(), values, at);
    if (transitions.length === 0) return transitions;
    const iso = new Date(at).toISOString();
    this.repo.transaction(() => {
      for (const t of transitions) {
        this.repo.log({ at: iso, ruleId: t.rule.id, metric: t.rule.metric, from: t.from, to: t.to, value: t.value, threshold: t.threshold });
        if (t.to === 'ok') this.repo.clearActive(t.rule.id);
        else this.repo.setActive({ ruleId: t.rule.id, metric: t.rule.metric, level: t.to, since: iso, value: t.value, threshold: t.threshold ?? 0 });
      }
    });
    this.options.bus?.emit('alerts.changed', this.report(20));
    for (const listener of this.listeners) listener(transitions);
    return transitions;
  }

  trimLog(nowMs: number = this.now()): number {
    return this.repo.trimLog(new Date(nowMs - LOG_KEEP_MS).toISOString(), LOG_MAX_ROWS);
  }
}
