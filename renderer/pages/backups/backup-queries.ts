import { useTranslation } from 'react-i18next';
import { useProcedureQuery, type MutationName, type QueryName } from '../../api/hooks';
import { useScopedMutation, type ScopedMutationOptions } from '../../api/scoped-mutation';
import { useSession } from '../../app/session-context';

/**
 * One cache entry per list for the whole page: the targets, the backups and the schedule are
 * each asked for once, whatever the cards show, to stay well inside the headless console's
 * rate limit (bursts of 20, 100 a minute).
 */
const ALL = {};

export function useBackupTargets() {
  return useProcedureQuery('backup.targetList', ALL);
}

export function useBackupList() {
  return useProcedureQuery('backup.list', ALL);
}

/** The schedule's cache key: backup.schedule answers with the new schedule, written here directly. */
export const SCHEDULE_KEY = ['backup.scheduleGet', ALL] as const;

export function useBackupSchedule() {
  return useProcedureQuery('backup.scheduleGet', ALL);
}

/** The queries a backup change can affect (the page listens for other people's jobs with these). */
export const BACKUP_QUERIES: readonly QueryName[] = ['backup.targetList', 'backup.list', 'backup.scheduleGet'];

/**
 * What each action refreshes, and nothing more: every refetch is one request against the
 * headless console's rate limit. Model lists are refreshed only when shown again.
 */
export const REFRESH = {
  targetsAndBackups: ['backup.targetList', 'backup.list'],
  checks: ['backup.list'],
  nothing: [],
  restore: ['backup.targetList', 'backup.list', 'staff.list', 'models.list', 'models.audit', 'storage.report'],
  repair: ['models.list', 'staff.list', 'storage.report'],
} as const satisfies Record<string, readonly QueryName[]>;

/** A backup mutation that refreshes the named queries only. */
export function useBackupMutation<N extends MutationName>(name: N, refreshes: readonly QueryName[], options?: ScopedMutationOptions<N>) {
  return useScopedMutation(name, refreshes, options);
}

/** Admins run backups and restores; supervisors see the same screen without a control that changes anything. */
export function useIsBackupAdmin(): boolean {
  return useSession().user.role === 'admin';
}

/** The reader's language, for number and date formats. */
export function useLanguage(): string {
  return useTranslation().i18n.resolvedLanguage ?? 'en';
}
