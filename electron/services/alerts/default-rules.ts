import type { AlertRule } from '../../api/index.js';

type Rule = Omit<AlertRule, 'enabled'>;
const rule = (r: Rule): AlertRule => ({ ...r, enabled: true });

/**
 * The brief's monitoring thresholds and alert rules, as defaults an admin can change. Where the
 * guide names a rule (CPU > 80 % warning, memory > 85 % warning, error rate > 5 % critical,
 * inference time > 3000 ms warning) it is used as written; the thresholds table gives the other
 * warnings; critical levels the guide does not give are set where a second step is useful.
 * Hysteresis is in the metric's own unit; durations are in seconds.
 */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  rule({ id: 'cpu-high', metric: 'cpu.percent', direction: 'above', warning: 80, critical: 95, forSeconds: 60, clearSeconds: 60, hysteresis: 5 }),
  rule({ id: 'memory-high', metric: 'memory.percent', direction: 'above', warning: 85, critical: 95, forSeconds: 60, clearSeconds: 60, hysteresis: 3 }),
  rule({ id: 'gpu-high', metric: 'gpu.percent', direction: 'above', warning: 90, critical: null, forSeconds: 120, clearSeconds: 60, hysteresis: 5 }),
  // The health check itself warns above 90 %: the alert's critical level is the same line.
  rule({ id: 'disk-high', metric: 'disk.percent', direction: 'above', warning: 85, critical: 90, forSeconds: 30, clearSeconds: 60, hysteresis: 1 }),
  rule({ id: 'network-high', metric: 'network.mbps', direction: 'above', warning: 1000, critical: null, forSeconds: 60, clearSeconds: 60, hysteresis: 100 }),
  rule({ id: 'latency-high', metric: 'engine.p95Ms', direction: 'above', warning: 2000, critical: null, forSeconds: 60, clearSeconds: 60, hysteresis: 200 }),
  rule({ id: 'inference-slow', metric: 'engine.p50Ms', direction: 'above', warning: 3000, critical: null, forSeconds: 60, clearSeconds: 60, hysteresis: 300 }),
  rule({ id: 'error-rate', metric: 'engine.errorPercent', direction: 'above', warning: 1, critical: 5, forSeconds: 30, clearSeconds: 120, hysteresis: 0.5 }),
  rule({ id: 'model-load-slow', metric: 'engine.modelLoadMs', direction: 'above', warning: 30_000, critical: null, forSeconds: 0, clearSeconds: 60, hysteresis: 3000 }),
  rule({ id: 'cache-hit-low', metric: 'engine.cacheHitPercent', direction: 'below', warning: 80, critical: null, forSeconds: 300, clearSeconds: 120, hysteresis: 5 }),
];

export function defaultRule(id: string): AlertRule | undefined {
  return DEFAULT_ALERT_RULES.find((r) => r.id === id);
}
