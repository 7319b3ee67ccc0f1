import type { StorageReport } from '../../../../electron/api/index.js';

/** The categories storage.report names, in its order; the colours are the chart's and the legend's. */
export const CATEGORY_KEYS = ['pretrained', 'emotion', 'voices', 'referenceAudio', 'backups', 'logs', 'cache', 'voiceOutput', 'incoming', 'exports', 'database'] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export const CATEGORY_COLORS: Record<CategoryKey, string> = {
  pretrained: '#1d4ed8',
  emotion: '#7c3aed',
  voices: '#0891b2',
  referenceAudio: '#059669',
  backups: '#ca8a04',
  logs: '#64748b',
  cache: '#db2777',
  voiceOutput: '#0d9488',
  incoming: '#ea580c',
  exports: '#4f46e5',
  database: '#334155',
};

const FALLBACK_COLOR = '#94a3b8';

export function isCategoryKey(key: string): key is CategoryKey {
  return (CATEGORY_KEYS as readonly string[]).includes(key);
}

export function colorOf(key: string): string {
  return isCategoryKey(key) ? CATEGORY_COLORS[key] : FALLBACK_COLOR;
}

/** The brief's disk limit (the health check warns above 90 %); the settings may change it. */
export const DISK_LIMIT_PERCENT = 90;

export function voiceOpsBytes(report: StorageReport): number {
  return report.categories.reduce((sum, category) => sum + category.bytes, 0);
}

/** How many more staff voices fit before the disk reaches the limit, at the estimate per member. */
export function staffRoomLeft(report: StorageReport, limitPercent: number): number {
  const used = report.disk.totalBytes - report.disk.freeBytes;
  const room = (report.disk.totalBytes * limitPercent) / 100 - used;
  if (report.newStaffMemberEstimateBytes <= 0) return 0;
  return Math.max(0, Math.floor(room / report.newStaffMemberEstimateBytes));
}
