import { useTranslation } from 'react-i18next';
import type { HardwareCheck } from '../../../../electron/api/index.js';
import { formatCheckValue } from '../check-values';

const BADGE = { pass: 'badge--ok', warn: 'badge--warn', fail: 'badge--error' } as const;

/** Each check: status, measured value, required value, and what to do when it did not pass. */
export function CheckTable({ checks, caption, testId }: { checks: readonly HardwareCheck[]; caption: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (
    <div className="table-wrap">
      <table className="table table--compact" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setupWizard.hardware.check')}</th>
            <th scope="col">{t('setupWizard.hardware.measured')}</th>
            <th scope="col">{t('setupWizard.hardware.required')}</th>
            <th scope="col">{t('setupWizard.hardware.whatToDo')}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.id} data-testid={`check-${check.id}`} data-status={check.status}>
              <th scope="row" className="table__name">
                <span className={`badge ${BADGE[check.status]}`}>{t(`setupWizard.statuses.${check.status}`)}</span> {t(`setupWizard.checkNames.${check.id}`)}
              </th>
              <td>{formatCheckValue(check.id, check.measured, t, language)}</td>
              <td>{formatCheckValue(check.id, check.required, t, language)}</td>
              <td className="cell-sub--wrap" data-testid="check-action">
                {check.action ? t(`setupWizard.actions.${check.action}` as 'setupWizard.actions.cpu-upgrade', { defaultValue: check.message }) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
