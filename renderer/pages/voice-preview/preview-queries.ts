import { useQueryClient } from '@tanstack/react-query';
import type { QueryName } from '../../api/hooks';
import { useProcedureQuery } from '../../api/hooks';
import { useScopedMutation } from '../../api/scoped-mutation';
import { RATINGS_KEY } from './ratings/version-ratings';

/**
 * The page's reads. Each is one cache entry, refreshed only when something the page did can
 * change it (a finished preview, a rating), to stay well inside the console's rate limit.
 */
const STAFF_INPUT = {};

export function usePreviewStaff() {
  return useProcedureQuery('staff.list', STAFF_INPUT);
}

export function useVoices(staff: string | null) {
  return useProcedureQuery('previews.voices', { staff: staff ?? '' }, { enabled: staff !== null });
}

export function useHistory(scope: 'mine' | 'all') {
  return useProcedureQuery('previews.list', scope === 'all' ? { scope } : {});
}

export function useHistoryDays(): number {
  return useProcedureQuery('settings.get', {}, { staleTime: 5 * 60_000 }).data?.['preview.historyDays'] ?? 7;
}

/** After a rating: the version lists (this page) and the rating summaries (Staff & Models). */
const AFTER_RATING: readonly QueryName[] = ['previews.voices'];

/**
 * In a blind test the lists are not refreshed after the first rating: a version's count going
 * up would tell which side it was. The page refreshes them when the test is revealed.
 */
export function useAddRating(blind: boolean) {
  const client = useQueryClient();
  return useScopedMutation('ratings.add', blind ? [] : AFTER_RATING, {
    // Staff & Models loads its rating column once per visit: a new rating means a fresh load.
    onSuccess: () => client.removeQueries({ queryKey: [RATINGS_KEY] }),
  });
}

export function useRefreshRatings(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (query) => (AFTER_RATING as readonly unknown[]).includes(query.queryKey[0]) });
}

export function useRefreshHistory(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['previews.list'] });
}
