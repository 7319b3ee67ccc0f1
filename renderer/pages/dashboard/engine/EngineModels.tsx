import { useTranslation } from 'react-i18next';
import type { EngineStatusReport } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { SampleBadge } from '../../../components/SampleBadge';
import type { SampleVersions } from '../../../components/sample-versions';
import { PROVIDER_NAMES, formatCount, formatMs, formatRatio } from './engine-format';

type Preload = EngineStatusReport['preloads'][number];

const PRELOAD_BADGE = { loading: 'badge badge--info', ready: 'badge badge--ok', failed: 'badge badge--error' } as const satisfies Record<Preload['state'], string>;

function testKey(line: string): string {
  return line.replace(/[^A-Za-z0-9_-]/g, '-');
}

function LineCell({ line, version, samples }: { line: string; version?: string; samples: SampleVersions }) {
  return (
    <th scope="row" className="table__name">
      <span className="engine-line">
        <span className="mono">{line}</span>
        {version !== undefined && samples.isSample(line, version) && <SampleBadge kind="model" testId="engine-sample" />}
      </span>
    </th>
  );
}

/** The active versions loaded and warmed up when the engine started, each with its state (and error, in full). */
export function PreloadsList({ report, samples }: { report: EngineStatusReport; samples: SampleVersions }) {
  const { t } = useTranslation();
  return (
    <div className="engine-block">
      <h3 className="engine-block__title">{t('engine.preloads.title')}</h3>
      <p className="engine-block__hint">{t('engine.preloads.hint')}</p>
      {report.preloads.length === 0 ? (
        <p className="muted engine-empty" data-testid="engine-preloads-empty">
          {t('engine.preloads.empty')}
        </p>
      ) : (
        <ul className="preload-list" aria-label={t('engine.preloads.caption')} data-testid="engine-preloads">
          {report.preloads.map((each) => (
            <li
              key={`${each.line}@${each.version}`}
              className={each.state === 'failed' ? 'preload-list__item preload-list__item--failed' : 'preload-list__item'}
              data-testid={`engine-preload-${testKey(each.line)}`}
              data-state={each.state}
            >
              <span className="preload-list__head">
                <span className="mono preload-list__line">{each.line}</span>
                <span className="mono">{each.version}</span>
                {samples.isSample(each.line, each.version) && <SampleBadge kind="model" testId="engine-sample" />}
                <span className={PRELOAD_BADGE[each.state]} data-testid="engine-preload-state">
                  {t(`engine.preloads.states.${each.state}`)}
                </span>
              </span>
              {each.error && (
                <span className="preload-list__error" data-testid="engine-preload-error">
                  {each.error}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The sessions in the cache now: which provider runs each, how often it was used, how long it took to load. */
export function LoadedTable({ report, samples }: { report: EngineStatusReport; samples: SampleVersions }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium' });
  return (
    <div className="engine-block">
      <h3 className="engine-block__title">{t('engine.loaded.title')}</h3>
      {report.loaded.length === 0 ? (
        <p className="muted engine-empty" data-testid="engine-loaded-empty">
          {t('engine.loaded.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact" data-testid="engine-loaded">
            <caption className="visually-hidden">{t('engine.loaded.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('engine.columns.line')}</th>
                <th scope="col">{t('engine.columns.version')}</th>
                <th scope="col">{t('engine.columns.provider')}</th>
                <th scope="col" className="table__num">
                  {t('engine.loaded.uses')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.loaded.loadTime')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.loaded.size')}
                </th>
                <th scope="col">{t('engine.loaded.lastUsed')}</th>
              </tr>
            </thead>
            <tbody>
              {report.loaded.map((each) => (
                <tr key={`${each.line}@${each.version}`} data-testid={`engine-loaded-${testKey(each.line)}`}>
                  <LineCell line={each.line} version={each.version} samples={samples} />
                  <td className="mono">{each.version}</td>
                  <td data-testid="engine-loaded-provider">{PROVIDER_NAMES[each.provider]}</td>
                  <td className="table__num" data-testid="engine-loaded-uses">
                    {formatCount(each.uses, language)}
                  </td>
                  <td className="table__num">{t('engine.ms', { value: formatMs(each.loadMs, language) })}</td>
                  <td className="table__num">{formatBytes(each.bytes, language)}</td>
                  <td className="nowrap">{time.format(new Date(each.lastUsed))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Requests, errors and latency per model line since the engine started. */
export function LineMetricsTable({ report, samples }: { report: EngineStatusReport; samples: SampleVersions }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ms = (value: number | null): string => (value === null ? t('engine.panel.notMeasured') : t('engine.ms', { value: formatMs(value, language) }));
  return (
    <div className="engine-block">
      <h3 className="engine-block__title">{t('engine.metrics.title')}</h3>
      {report.metrics.length === 0 ? (
        <p className="muted engine-empty" data-testid="engine-metrics-empty">
          {t('engine.metrics.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact" data-testid="engine-metrics">
            <caption className="visually-hidden">{t('engine.metrics.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('engine.columns.line')}</th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.requests')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.errorRate')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.p50')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.p95')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.p99')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.perMinute')}
                </th>
                <th scope="col" className="table__num">
                  {t('engine.metrics.lastLoad')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.metrics.map((each) => (
                <tr key={each.line} data-testid={`engine-metrics-${testKey(each.line)}`}>
                  <LineCell line={each.line} samples={samples} />
                  <td className="table__num" data-testid="engine-metrics-requests">
                    {formatCount(each.requests, language)}
                  </td>
                  <td className="table__num">
                    <span className={each.errors > 0 ? 'engine-error-text' : undefined}>{formatRatio(each.errorRate, language)}</span>
                    {each.errors > 0 && <span className="cell-sub">{formatCount(each.errors, language)}</span>}
                  </td>
                  <td className="table__num">{ms(each.p50Ms)}</td>
                  <td className="table__num">{ms(each.p95Ms)}</td>
                  <td className="table__num">{ms(each.p99Ms)}</td>
                  <td className="table__num">{formatCount(each.perMinute, language)}</td>
                  <td className="table__num">{ms(each.lastLoadMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
