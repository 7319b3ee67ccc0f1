import { useTranslation } from 'react-i18next';
import { Cell, Pie, PieChart } from 'recharts';
import type { StorageReport } from '../../../../electron/api/index.js';
import { formatBytes, formatPercent } from '../../../components/format-bytes';
import { colorOf, isCategoryKey, voiceOpsBytes } from './storage-categories';

function Swatch({ color }: { color: string }) {
  return (
    <svg className="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect width="12" height="12" rx="3" fill={color} />
    </svg>
  );
}

/** Where VoiceOps' own space goes, by the brief's categories: a donut and the same numbers as a table. */
export function CategoryBreakdown({ report }: { report: StorageReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const total = voiceOpsBytes(report);
  const labelOf = (key: string, fallback: string): string => (isCategoryKey(key) ? t(`models.storage.categories.${key}`) : fallback);
  const slices = report.categories.filter((category) => category.bytes > 0);

  return (
    <div className="breakdown">
      <div className="breakdown__chart" aria-hidden="true">
        <PieChart width={200} height={200}>
          <Pie data={slices} dataKey="bytes" nameKey="key" innerRadius={58} outerRadius={92} paddingAngle={1} isAnimationActive={false} stroke="#fff">
            {slices.map((slice) => (
              <Cell key={slice.key} fill={colorOf(slice.key)} />
            ))}
          </Pie>
        </PieChart>
        <div className="breakdown__center">
          <span className="breakdown__total">{formatBytes(total, language)}</span>
          <span className="breakdown__caption">{t('models.storage.inVoiceOps')}</span>
        </div>
      </div>
      <div className="table-wrap breakdown__table">
        <table className="table table--compact" data-testid="storage-categories">
          <caption className="visually-hidden">{t('models.storage.categoriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('models.storage.category')}</th>
              <th scope="col" className="table__num">
                {t('models.storage.size')}
              </th>
              <th scope="col" className="table__num">
                {t('models.storage.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.categories.map((category) => (
              <tr key={category.key} data-testid={`storage-category-${category.key}`} data-bytes={category.bytes}>
                <th scope="row" className="table__label">
                  <Swatch color={colorOf(category.key)} />
                  {labelOf(category.key, category.label)}
                </th>
                <td className="table__num">{formatBytes(category.bytes, language)}</td>
                <td className="table__num muted">{total > 0 ? formatPercent((category.bytes / total) * 100, language) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('models.storage.totalRow')}</th>
              <td className="table__num" data-testid="storage-categories-total">
                <strong>{formatBytes(total, language)}</strong>
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
