import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RatingSummary } from '../../../../electron/api/index.js';
import { callProcedure } from '../../../api/hooks';
import { formatNumber } from '../format-numbers';
import './version-ratings.css';

export const RATINGS_KEY = 'ratings.summary';

/**
 * The rating summaries of one voice line, for the versions table of Staff & Models: one request
 * per visit. Only a rating changes them (and that drops this cache, see useAddRating), so once
 * loaded the query sits out the page's "refresh every list" after imports and other jobs,
 * which would otherwise spend one more request of the console's rate limit each time.
 */
export function useVersionRatings(line: string | undefined): Map<string, RatingSummary> {
  const client = useQueryClient();
  const key = [RATINGS_KEY, { line: line ?? '' }] as const;
  const loaded = client.getQueryData(key) !== undefined;
  const query = useQuery({
    queryKey: key,
    queryFn: () => callProcedure('ratings.summary', { line: line ?? '' }),
    enabled: line?.startsWith('voice/') === true && !loaded,
  });
  return new Map((query.data ?? []).map((s) => [s.version, s]));
}

/** "★ 4.5 · 2 ratings", or "not rated yet": what supervisors made of a version in Voice Preview. */
export function VersionRating({ summary }: { summary: RatingSummary | undefined }) {
  const { t, i18n } = useTranslation();
  if (!summary) {
    return (
      <span className="muted version-rating" data-testid="version-rating" data-count="0">
        {t('preview.versions.notRated')}
      </span>
    );
  }
  return (
    <span className="version-rating" data-testid="version-rating" data-count={summary.count} data-average={summary.average}>
      <span className="version-rating__star" aria-hidden="true">
        ★
      </span>{' '}
      {t('preview.versions.rating', { average: formatNumber(summary.average, i18n.resolvedLanguage ?? 'en', 1), count: summary.count })}
    </span>
  );
}
