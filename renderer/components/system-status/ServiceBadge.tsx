import { useTranslation } from 'react-i18next';
import type { Ownership } from '../../../electron/api/index.js';
import { formatDateTime } from '../format-date';

/** "Running as a service": shown when the installed system service owns the data folder. */
export function ServiceBadge({ ownership }: { ownership: Ownership }) {
  const { t, i18n } = useTranslation();
  if (ownership.ownedBy !== 'service' || !ownership.owner) return null;
  const since = formatDateTime(ownership.owner.since, i18n.resolvedLanguage ?? 'en');
  return (
    <span className="badge badge--neutral" data-testid="service-badge" title={t('service.badgeHint', { pid: ownership.owner.pid, since })}>
      {t('service.badge')}
    </span>
  );
}

/** The owner line of System status: who owns the folder, which process, since when. */
export function OwnerDescription({ ownership }: { ownership: Ownership }) {
  const { t, i18n } = useTranslation();
  const { owner } = ownership;
  return (
    <span data-testid="status-owner" data-owned-by={ownership.ownedBy}>
      {t(`service.ownedBy.${ownership.ownedBy}`)}
      {owner && ` (${t('service.ownerDetail', { pid: owner.pid, hostname: owner.hostname, since: formatDateTime(owner.since, i18n.resolvedLanguage ?? 'en') })})`}
    </span>
  );
}
