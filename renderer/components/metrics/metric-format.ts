import type { MetricKey } from '../../../electron/api/index.js';

/** The i18n key (under metrics.metric) naming each charted metric. */
export const METRIC_LABEL = {
  'cpu.percent': 'cpuPercent',
  'memory.percent': 'memoryPercent',
  'swap.percent': 'swapPercent',
  'disk.percent': 'diskPercent',
  'disk.readBytesPerSec': 'diskRead',
  'disk.writeBytesPerSec': 'diskWrite',
  'network.rxBytesPerSec': 'networkRx',
  'network.txBytesPerSec': 'networkTx',
  'network.mbps': 'networkMbps',
  'gpu.percent': 'gpuPercent',
  'gpu.memoryPercent': 'gpuMemory',
  'gpu.temperatureC': 'gpuTemperature',
  'gpu.powerW': 'gpuPower',
  'engine.p50Ms': 'p50',
  'engine.p95Ms': 'p95',
  'engine.perMinute': 'perMinute',
  'engine.errorPercent': 'errorPercent',
  'engine.cacheHitPercent': 'cacheHitPercent',
  'engine.queueDepth': 'queueDepth',
  'engine.modelLoadMs': 'modelLoadMs',
} as const satisfies Record<MetricKey, string>;

/** The unit each metric is shown in, after its value. */
export const METRIC_UNIT: Record<MetricKey, string> = {
  'cpu.percent': '%',
  'memory.percent': '%',
  'swap.percent': '%',
  'disk.percent': '%',
  'disk.readBytesPerSec': 'B/s',
  'disk.writeBytesPerSec': 'B/s',
  'network.rxBytesPerSec': 'B/s',
  'network.txBytesPerSec': 'B/s',
  'network.mbps': 'Mbps',
  'gpu.percent': '%',
  'gpu.memoryPercent': '%',
  'gpu.temperatureC': '°C',
  'gpu.powerW': 'W',
  'engine.p50Ms': 'ms',
  'engine.p95Ms': 'ms',
  'engine.perMinute': '/min',
  'engine.errorPercent': '%',
  'engine.cacheHitPercent': '%',
  'engine.queueDepth': '',
  'engine.modelLoadMs': 'ms',
};

export function formatNumber(value: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
}

/** A metric's value with its unit, or a dash when there is none. */
export function formatMetric(key: MetricKey, value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const unit = METRIC_UNIT[key];
  return unit ? `${formatNumber(value, language)} ${unit}` : formatNumber(value, language);
}

export function formatClock(ms: number, language: string, withDate: boolean): string {
  return new Intl.DateTimeFormat(language, withDate ? { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}
