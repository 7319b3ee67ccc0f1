import { useTranslation } from 'react-i18next';
import type { EngineStatusReport } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { PROVIDER_NAMES, formatCount, formatRatio } from './engine-format';

type ProviderState = EngineStatusReport['providers'][number]['state'];

const STATE_KEY = { 'in use': 'inUse', unavailable: 'unavailable', 'not tried yet': 'notTried' } as const satisfies Record<ProviderState, string>;
const STATE_BADGE = {
  'in use': 'badge badge--ok',
  unavailable: 'badge badge--neutral',
  'not tried yet': 'badge badge--outline',
} as const satisfies Record<ProviderState, string>;

/** The providers in the order they are tried, each with its state and, when not used, why. */
export function ProviderList({ report }: { report: EngineStatusReport }) {
  const { t } = useTranslation();
  const known = new Map(report.providers.map((each) => [each.provider, each]));
  const order = [...report.providerOrder, ...report.providers.map((each) => each.provider).filter((p) => !report.providerOrder.includes(p))];
  return (
    <div className="engine-block">
      <h3 className="engine-block__title">{t('engine.providers.title')}</h3>
      <p className="engine-block__hint">{t('engine.providers.hint')}</p>
      <ol className="provider-list" aria-label={t('engine.providers.listLabel')} data-testid="engine-providers">
        {order.map((provider, index) => {
          const entry = known.get(provider);
          const state: ProviderState = entry?.state ?? 'not tried yet';
          return (
            <li
              key={provider}
              className={state === 'in use' ? 'provider-list__item provider-list__item--on' : 'provider-list__item'}
              data-testid={`engine-provider-${provider}`}
              data-state={state}
            >
              <span className="provider-list__position" aria-label={t('engine.providers.position', { position: index + 1 })}>
                {index + 1}
              </span>
              <div className="provider-list__body">
                <div className="provider-list__head">
                  <span className="provider-list__name">{PROVIDER_NAMES[provider]}</span>
                  <span className={STATE_BADGE[state]} data-testid="engine-provider-state">
                    {t(`engine.providers.states.${STATE_KEY[state]}`)}
                  </span>
                </div>
                {entry?.reason && (
                  <p className="provider-list__reason" data-testid="engine-provider-reason">
                    {entry.reason}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string | undefined; testId: string }) {
  return (
    <div className="engine-figure">
      <dt className="engine-figure__label">{label}</dt>
      <dd className="engine-figure__value" data-testid={testId}>
        {value}
      </dd>
      {note && <dd className="engine-figure__note">{note}</dd>}
    </div>
  );
}

/** Queue and session cache. Before the engine starts only their limits are real, so only those show. */
export function QueueAndCache({ report }: { report: EngineStatusReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { queue, cache, started } = report;
  const none = t('engine.panel.notMeasured');
  const measured = (value: string): string => (started ? value : none);
  const budget = formatBytes(cache.budgetBytes, language);
  const lookups = cache.hits + cache.misses;
  return (
    <div className="engine-side">
      <div className="engine-block">
        <h3 className="engine-block__title">{t('engine.queue.title')}</h3>
        <dl className="engine-figures" data-testid="engine-queue">
          <Figure label={t('engine.queue.running')} value={measured(formatCount(queue.running, language))} testId="engine-queue-running" />
          <Figure label={t('engine.queue.waiting')} value={measured(formatCount(queue.waiting, language))} testId="engine-queue-waiting" />
        </dl>
        <p className="engine-block__hint" data-testid="engine-queue-limits">
          {t('engine.queue.limits', { running: queue.maxConcurrent, waiting: queue.queueLimit })}
        </p>
      </div>
      <div className="engine-block">
        <h3 className="engine-block__title">{t('engine.cache.title')}</h3>
        <dl className="engine-figures engine-figures--four" data-testid="engine-cache">
          <Figure
            label={t('engine.cache.used')}
            value={measured(formatBytes(cache.bytes, language))}
            note={t('engine.cache.budget', { budget })}
            testId="engine-cache-used"
          />
          <Figure label={t('engine.cache.entries')} value={measured(formatCount(cache.entries, language))} testId="engine-cache-entries" />
          <Figure
            label={t('engine.cache.hitRate')}
            value={started && cache.hitRate !== null ? formatRatio(cache.hitRate, language) : none}
            note={started ? (lookups > 0 ? t('engine.cache.hitsMisses', { hits: cache.hits, misses: cache.misses }) : t('engine.cache.noLookups')) : undefined}
            testId="engine-cache-hit-rate"
          />
          <Figure label={t('engine.cache.evictions')} value={measured(formatCount(cache.evictions, language))} testId="engine-cache-evictions" />
        </dl>
      </div>
    </div>
  );
}
