import type { AlertLevel, AlertRule, MetricValues } from '../../api/index.js';

/** What the evaluator remembers per rule between samples. */
export interface RuleState {
  level: AlertLevel;
  /** When the current level was entered (ms). */
  since: number;
  /** Since when the value has been past each threshold without a break (ms), or null. */
  pastSince: { warning: number | null; critical: number | null };
  /** Since when the value has been back inside each threshold minus the hysteresis, or null. */
  backSince: { warning: number | null; critical: number | null };
}

export interface AlertTransition {
  rule: AlertRule;
  from: AlertLevel;
  to: AlertLevel;
  at: number;
  value: number | null;
  /** The threshold of the level entered, or of the level left when clearing. */
  threshold: number | null;
}

const RANK: Record<AlertLevel, number> = { ok: 0, warning: 1, critical: 2 };
const LEVELS = ['critical', 'warning'] as const;

export function freshState(now: number, level: AlertLevel = 'ok'): RuleState {
  return { level, since: now, pastSince: { warning: null, critical: null }, backSince: { warning: null, critical: null } };
}

function isPast(rule: AlertRule, value: number, threshold: number): boolean {
  return rule.direction === 'above' ? value > threshold : value < threshold;
}

/** Still alerting: a value must come back past the threshold by the hysteresis before it counts as clear. */
function isStillPast(rule: AlertRule, value: number, threshold: number): boolean {
  return rule.direction === 'above' ? value > threshold - rule.hysteresis : value < threshold + rule.hysteresis;
}

/**
 * One step of one rule: a level fires once its threshold has been passed for forSeconds without
 * a break, and is left only after the value has stayed back inside threshold ∓ hysteresis for
 * clearSeconds. A missing value (no GPU, engine not started) counts as inside. The clock is the
 * caller's `now`, so tests drive time by hand.
 */
export function stepRule(rule: AlertRule, state: RuleState, value: number | null | undefined, now: number): AlertTransition | null {
  const v = value ?? null;
  if (!rule.enabled) {
    if (state.level === 'ok') return null;
    const from = state.level;
    Object.assign(state, freshState(now));
    return { rule, from, to: 'ok', at: now, value: v, threshold: null };
  }
  for (const level of LEVELS) {
    const threshold = rule[level];
    const past = v !== null && threshold !== null && isPast(rule, v, threshold);
    state.pastSince[level] = past ? (state.pastSince[level] ?? now) : null;
    const inside = v === null || threshold === null || !isStillPast(rule, v, threshold);
    state.backSince[level] = inside ? (state.backSince[level] ?? now) : null;
  }
  const from = state.level;
  // Escalate to the highest level held long enough.
  for (const level of LEVELS) {
    const since = state.pastSince[level];
    if (RANK[level] > RANK[from] && since !== null && now - since >= rule.forSeconds * 1000) {
      state.level = level;
      state.since = now;
      return { rule, from, to: level, at: now, value: v, threshold: rule[level] };
    }
  }
  // Clear (or step down) once back inside the current level's threshold for long enough.
  if (from !== 'ok') {
    const back = state.backSince[from];
    if (back !== null && now - back >= rule.clearSeconds * 1000) {
      const stillWarning = from === 'critical' && state.backSince.warning === null;
      const to: AlertLevel = stillWarning ? 'warning' : 'ok';
      state.level = to;
      state.since = now;
      return { rule, from, to, at: now, value: v, threshold: rule[from] };
    }
  }
  return null;
}

/** Every rule over one sample of values. */
export class AlertEvaluator {
  private readonly states = new Map<string, RuleState>();

  /** Levels already active (read back from the database at start), so a restart does not re-fire them. */
  restore(ruleId: string, level: AlertLevel, since: number): void {
    this.states.set(ruleId, freshState(since, level));
  }

  evaluate(rules: readonly AlertRule[], values: MetricValues, now: number): AlertTransition[] {
    const transitions: AlertTransition[] = [];
    for (const rule of rules) {
      let state = this.states.get(rule.id);
      if (!state) {
        state = freshState(now);
        this.states.set(rule.id, state);
      }
      const transition = stepRule(rule, state, values[rule.metric], now);
      if (transition) transitions.push(transition);
    }
    return transitions;
  }

  levelOf(ruleId: string): AlertLevel {
    return this.states.get(ruleId)?.level ?? 'ok';
  }
}
