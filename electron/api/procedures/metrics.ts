import { z } from 'zod';
import { defineProcedure, ROLES } from '../contract.js';
import { emptyInput, healthSchema } from './system.js';

const num = z.number();
const maybe = z.number().nullable();

export const gpuSampleSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  utilizationPercent: maybe,
  memoryUsedMiB: maybe,
  memoryTotalMiB: maybe,
  temperatureC: maybe,
  powerDrawW: maybe,
  powerLimitW: maybe,
  throttled: z.boolean(),
  throttleReasons: z.array(z.string()),
});

/** One reading of the machine and the application, taken once a second by the folder's owner. */
export const metricSampleSchema = z.object({
  at: z.string(),
  cpu: z.object({ totalPercent: num, perCorePercent: z.array(num) }),
  memory: z.object({ totalBytes: num, usedBytes: num, usedPercent: num, swapTotalBytes: num, swapUsedBytes: num }),
  /** The volume holding the data folder; I/O over all disks (null on the first reading: rates need two). */
  disk: z.object({ totalBytes: num, freeBytes: num, usedPercent: num, readBytesPerSec: maybe, writeBytesPerSec: maybe }),
  network: z.object({ rxBytesPerSec: maybe, txBytesPerSec: maybe }),
  gpu: z.object({ available: z.boolean(), reason: z.string().nullable(), gpus: z.array(gpuSampleSchema) }),
  /** From the inference engine; all null until it has started (metrics never start it). */
  engine: z.object({
    started: z.boolean(),
    p50Ms: maybe,
    p95Ms: maybe,
    perMinute: maybe,
    errorRate: maybe,
    cacheHitRate: maybe,
    queueDepth: maybe,
    modelLoadMs: maybe,
  }),
  backup: z.object({ targets: z.number().int(), lastBackupAt: z.string().nullable(), nextRunAt: z.string().nullable(), lastVerifyOk: z.boolean().nullable() }),
  store: z.object({ versions: z.number().int(), lastFullVerificationAt: z.string().nullable(), failedVersions: z.number().int() }),
});
export type MetricSample = z.infer<typeof metricSampleSchema>;

/**
 * The series kept in history and watched by alert rules: plain numbers, per sample. GPU values
 * are the highest over all GPUs, so a rule means "any GPU".
 */
export const METRIC_KEYS = [
  'cpu.percent',
  'memory.percent',
  'swap.percent',
  'disk.percent',
  'disk.readBytesPerSec',
  'disk.writeBytesPerSec',
  'network.rxBytesPerSec',
  'network.txBytesPerSec',
  'network.mbps',
  'gpu.percent',
  'gpu.memoryPercent',
  'gpu.temperatureC',
  'gpu.powerW',
  'engine.p50Ms',
  'engine.p95Ms',
  'engine.perMinute',
  'engine.errorPercent',
  'engine.cacheHitPercent',
  'engine.queueDepth',
  'engine.modelLoadMs',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export const metricKeySchema = z.enum(METRIC_KEYS);
export type MetricValues = Partial<Record<MetricKey, number | null>>;
export const metricValuesSchema = z.partialRecord(metricKeySchema, z.number().nullable());

/** The dashboard offers the first four; the CLI also reads the hourly tier with 90d. */
export const HISTORY_RANGES = ['5m', '1h', '24h', '7d', '90d'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const historyPointSchema = z.object({ t: z.number(), values: z.record(z.string(), z.number().nullable()) });
export const metricHistorySchema = z.object({
  range: z.enum(HISTORY_RANGES),
  /** Seconds each point stands for (points are averages over that span). */
  stepSeconds: z.number(),
  points: z.array(historyPointSchema),
});
export type MetricHistory = z.infer<typeof metricHistorySchema>;

export const ALERT_LEVELS = ['ok', 'warning', 'critical'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

export const alertRuleSchema = z.object({
  id: z.string(),
  metric: metricKeySchema,
  /** 'above': alert when the value is over the threshold; 'below' (cache hit rate): under it. */
  direction: z.enum(['above', 'below']),
  warning: z.number().nullable(),
  critical: z.number().nullable(),
  /** The value must stay past the threshold this long before the alert fires. */
  forSeconds: z.number().int().min(0).max(86_400),
  /** …and back past threshold ∓ hysteresis this long before it clears (no flapping). */
  clearSeconds: z.number().int().min(0).max(86_400),
  hysteresis: z.number().min(0),
  enabled: z.boolean(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const activeAlertSchema = z.object({
  ruleId: z.string(),
  metric: metricKeySchema,
  level: z.enum(['warning', 'critical']),
  since: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
});
export type ActiveAlert = z.infer<typeof activeAlertSchema>;

export const alertEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  ruleId: z.string(),
  metric: metricKeySchema,
  from: z.enum(ALERT_LEVELS),
  to: z.enum(ALERT_LEVELS),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

export const alertsReportSchema = z.object({ active: z.array(activeAlertSchema), log: z.array(alertEventSchema) });
export type AlertsReport = z.infer<typeof alertsReportSchema>;

const ruleChange = alertRuleSchema.omit({ id: true, metric: true, direction: true }).partial().strict();

/** Live metrics, their history, alerts and the health check (issue #7). */
export const metricsProcedures = {
  'metrics.current': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Current system, GPU and engine metrics, backup and verification state',
    input: emptyInput,
    output: metricSampleSchema,
    cli: { command: 'metrics' },
  }),
  'metrics.history': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Metric history over a range (5m, 1h, 24h, 7d, 90d), averaged per step',
    input: z.object({ range: z.enum(HISTORY_RANGES).default('1h').describe('5m, 1h, 24h, 7d or 90d') }).strict(),
    output: metricHistorySchema,
    cli: { command: 'metrics history' },
  }),
  'alerts.list': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Active alerts and the alert log, newest first',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(50).describe('log entries to show') }).strict(),
    output: alertsReportSchema,
    cli: { command: 'alerts' },
  }),
  'alerts.rules': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Alert rules: thresholds (warning, critical), durations and hysteresis',
    input: emptyInput,
    output: z.array(alertRuleSchema),
    cli: { command: 'alerts rules' },
  }),
  'alerts.updateRule': defineProcedure({
    kind: 'mutation',
    roles: ['admin'],
    summary: 'Change an alert rule, e.g. alerts rule cpu-high --warning 75 --for-seconds 120',
    input: z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a rule id such as cpu-high') }).extend(ruleChange.shape).strict(),
    output: alertRuleSchema,
    cli: { command: 'alerts rule', positionals: ['id'] },
  }),
  'alerts.resetRules': defineProcedure({
    kind: 'mutation',
    roles: ['admin'],
    summary: 'Put every alert rule back to the defaults from the brief',
    input: emptyInput,
    output: z.array(alertRuleSchema),
    cli: { command: 'alerts reset-rules' },
  }),
  'health.get': defineProcedure({
    kind: 'query',
    roles: ROLES,
    summary: 'Health check: database, models, disk (warn over 90 %), engine',
    input: emptyInput,
    output: healthSchema,
    cli: { command: 'health', failureOf: (health) => (health.state === 'fail' ? 'health check failed' : undefined) },
  }),
};
