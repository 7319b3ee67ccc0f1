/**
 * What the tray icon says while the window is closed (issue 9): the last backup, and an active
 * alert if any; and what Quit stops. Plain data in, plain text out, so it is tested without
 * Electron. An alert is an active metrics alert (critical before warning), else a failed backup
 * or verification newer than the last good backup. The main process cannot use the renderer's
 * i18next resources, so its few strings are here, in English and Traditional Chinese.
 */
import type { ActiveAlert, JobProgress } from '../api/index.js';

export type TrayLanguage = 'en' | 'zh-TW';

const STRINGS = {
  en: {
    lastBackup: (at: string, target: string) => `Last backup: ${at} UTC to ${target}`,
    noBackup: 'Last backup: none yet',
    backupFailed: (message: string) => `Alert: a backup failed: ${message}`,
    verifyFailed: (message: string) => `Alert: a backup verification failed: ${message}`,
    metricAlert: (level: string, metric: string, value: string, threshold: number) => `Alert (${level}): ${metric} is ${value}, threshold ${threshold}`,
    quitOwner:
      'Quitting stops the backup schedule, the weekly verification and the metrics of this data folder until VoiceOps Admin or its service starts again. Install the service (voiceops service install) to keep them running without the app.',
    quitClient: 'Quitting closes the window only: the system service keeps running the backups, verification and metrics.',
    open: 'Open VoiceOps Admin',
    quit: 'Quit',
    cancel: 'Cancel',
  },
  'zh-TW': {
    lastBackup: (at: string, target: string) => `上次備份：${at} UTC，備份至 ${target}`,
    noBackup: '上次備份：尚無',
    backupFailed: (message: string) => `警示：備份失敗：${message}`,
    verifyFailed: (message: string) => `警示：備份驗證失敗：${message}`,
    metricAlert: (level: string, metric: string, value: string, threshold: number) => `警示（${level === 'critical' ? '嚴重' : '警告'}）：${metric} 為 ${value}，門檻 ${threshold}`,
    quitOwner: '結束後，此資料夾的備份排程、每週驗證與指標收集都會停止，直到 VoiceOps Admin 或其服務再次啟動。安裝服務（voiceops service install）即可在不開啟程式時持續執行。',
    quitClient: '結束只會關閉視窗：系統服務會繼續執行備份、驗證與指標收集。',
    open: '開啟 VoiceOps Admin',
    quit: '結束',
    cancel: '取消',
  },
} as const;

export function trayStrings(locale: string) {
  return STRINGS[locale.toLowerCase().startsWith('zh') ? 'zh-TW' : 'en'];
}

export interface TraySummary {
  lastBackup: string;
  alert: string | null;
}

export function traySummary(
  backups: ReadonlyArray<{ createdAt: string; target: string }>,
  jobs: readonly JobProgress[],
  locale = 'en',
  alerts: ReadonlyArray<Pick<ActiveAlert, 'level' | 'metric' | 'value' | 'threshold'>> = [],
): TraySummary {
  const s = trayStrings(locale);
  const newest = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const lastBackup = newest ? s.lastBackup(newest.createdAt.slice(0, 16).replace('T', ' '), newest.target) : s.noBackup;
  const failed = jobs
    .filter((job) => job.state === 'failed' && (job.procedure === 'backup.run' || job.procedure === 'backup.verify'))
    .filter((job) => !newest || (job.finishedAt ?? job.startedAt) > newest.createdAt)
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))[0];
  const message = failed?.error?.message ?? '';
  const metric = [...alerts].sort((a, b) => (a.level === b.level ? 0 : a.level === 'critical' ? -1 : 1))[0];
  const alert = metric
    ? s.metricAlert(metric.level, metric.metric, metric.value === null ? '?' : String(Math.round(metric.value * 10) / 10), metric.threshold)
    : failed
      ? failed.procedure === 'backup.run'
        ? s.backupFailed(message)
        : s.verifyFailed(message)
      : null;
  return { lastBackup, alert };
}

/** What the Quit confirmation says stops, depending on whether this window owns the folder. */
export function quitMessage(owns: boolean, locale = 'en'): string {
  return owns ? trayStrings(locale).quitOwner : trayStrings(locale).quitClient;
}
