import { useTranslation } from 'react-i18next';
import type { StorageReport } from '../../../../electron/api/index.js';
import { formatBytes, formatPercent } from '../../../components/format-bytes';
import { voiceOpsBytes } from './storage-categories';

/** The data disk as one bar: VoiceOps' share, everything else, free space, and the 90 % limit. */
export function DiskUsageBar({ report, limitPercent }: { report: StorageReport; limitPercent: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { totalBytes, freeBytes, usedPercent } = report.disk;
  const used = Math.max(0, totalBytes - freeBytes);
  const ours = Math.min(voiceOpsBytes(report), used);
  const percentOf = (bytes: number): number => (totalBytes > 0 ? (bytes / totalBytes) * 100 : 0);
  // A sliver of a few kB must still be visible next to hundreds of GB.
  const oursWidth = ours > 0 ? Math.max(percentOf(ours), 0.4) : 0;
  const otherWidth = Math.max(0, percentOf(used) - oursWidth);
  const overLimit = usedPercent >= limitPercent;
  const description = t('models.storage.diskDescription', {
    used: formatBytes(used, language),
    total: formatBytes(totalBytes, language),
    percent: formatPercent(usedPercent, language),
    limit: limitPercent,
  });

  return (
    <div className="disk-usage" data-testid="disk-usage" data-used-percent={usedPercent.toFixed(1)}>
      <div className="disk-usage__headline">
        <span className="disk-usage__percent" data-testid="disk-used-percent">
          {formatPercent(usedPercent, language)}
        </span>
        <span className="muted">{t('models.storage.diskUsed')}</span>
        <span className={overLimit ? 'badge badge--error' : 'badge badge--ok'} data-testid="disk-state">
          {t(overLimit ? 'models.storage.overLimit' : 'models.storage.underLimit', { limit: limitPercent })}
        </span>
      </div>
      {/* Percentages, not a viewBox: the bar stretches with the card while the label keeps its shape. */}
      <svg className="disk-usage__bar" width="100%" height="48" role="img" aria-label={description} data-testid="disk-bar">
        <rect x="0" y="0" width="100%" height="28" rx="6" className="disk-usage__free" />
        <rect x="0" y="0" width={`${otherWidth}%`} height="28" className="disk-usage__other" />
        <rect x={`${otherWidth}%`} y="0" width={`${oursWidth}%`} height="28" className="disk-usage__ours" />
        <line x1={`${limitPercent}%`} x2={`${limitPercent}%`} y1="-2" y2="32" className="disk-usage__limit" data-testid="disk-limit-marker" />
        <text x={`${limitPercent}%`} y="45" textAnchor="middle" className="disk-usage__limit-label">
          {t('models.storage.limitMarker', { limit: limitPercent })}
        </text>
      </svg>
      <ul className="legend">
        <li className="legend__item">
          <span className="legend__swatch legend__swatch--ours" aria-hidden="true" />
          {t('models.storage.legendOurs')} <strong data-testid="disk-voiceops-bytes">{formatBytes(ours, language)}</strong>
        </li>
        <li className="legend__item">
          <span className="legend__swatch legend__swatch--other" aria-hidden="true" />
          {t('models.storage.legendOther')} <strong>{formatBytes(used - ours, language)}</strong>
        </li>
        <li className="legend__item">
          <span className="legend__swatch legend__swatch--free" aria-hidden="true" />
          {t('models.storage.legendFree')} <strong data-testid="disk-free">{formatBytes(freeBytes, language)}</strong>
        </li>
        <li className="legend__item">
          {t('models.storage.legendTotal')} <strong data-testid="disk-total">{formatBytes(totalBytes, language)}</strong>
        </li>
      </ul>
    </div>
  );
}
