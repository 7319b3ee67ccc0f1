import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../components/format-bytes';
import type { UploadPlan } from './upload-names';

const LISTED = 6;

/** What will be uploaded, and which names had to change or could not be sent. */
export function UploadPlanSummary({ plan }: { plan: UploadPlan }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="upload-plan" data-testid="import-upload-summary">
      <p>
        <strong>{t('models.import.planFiles', { count: plan.items.length, size: formatBytes(plan.totalBytes, i18n.resolvedLanguage ?? 'en') })}</strong>
      </p>
      <ul className="upload-plan__files">
        {plan.items.slice(0, LISTED).map((item) => (
          <li key={item.path}>
            <code>{item.path}</code>
          </li>
        ))}
        {plan.items.length > LISTED && <li className="muted">{t('models.import.planMore', { count: plan.items.length - LISTED })}</li>}
      </ul>
      {plan.renamed.length > 0 && (
        <p className="field__hint" data-testid="import-upload-renamed">
          {t('models.import.planRenamed', { count: plan.renamed.length })}{' '}
          {plan.renamed.slice(0, LISTED).map((r) => `${r.from} → ${r.to}`).join('; ')}
        </p>
      )}
      {plan.skipped.length > 0 && (
        <p className="field__hint">
          {t('models.import.planSkipped', { count: plan.skipped.length })} {plan.skipped.slice(0, LISTED).join(', ')}
        </p>
      )}
      {plan.collisions.length > 0 && (
        <p className="field__hint field__hint--error" data-testid="import-upload-collisions">
          {t('models.import.planCollisions')} {plan.collisions.join('; ')}
        </p>
      )}
    </div>
  );
}
