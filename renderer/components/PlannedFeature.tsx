import { useTranslation } from 'react-i18next';

interface PlannedFeatureProps {
  issue: number;
  title: string;
  description: string;
}

/**
 * Says plainly which issue brings a feature. It deliberately shows no placeholder charts or
 * sample rows: an operator must never mistake made-up numbers for the state of the workstation.
 */
export function PlannedFeature({ issue, title, description }: PlannedFeatureProps) {
  const { t } = useTranslation();
  return (
    <section className="card card--planned" data-testid="planned-feature" data-issue={issue} aria-labelledby={`planned-${issue}`}>
      <div className="card__header">
        <h2 className="card__title" id={`planned-${issue}`}>
          {title}
        </h2>
        <span className="badge badge--info">{t('planned.badge', { issue })}</span>
      </div>
      <p className="card__body-text">{description}</p>
      <p className="card__note">{t('planned.noData')}</p>
    </section>
  );
}
