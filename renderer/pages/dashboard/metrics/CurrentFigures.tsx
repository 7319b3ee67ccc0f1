import { useTranslation } from 'react-i18next';
import type { MetricSample } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTimeShort } from '../../../components/format-date';
import { formatNumber } from '../../../components/metrics/metric-format';

function Figure({ label, value, note, testId, raw }: { label: string; value: string; note?: string | undefined; testId: string; raw?: number | null }) {
  return (
    <div className="metric-figure" data-testid={testId} data-value={raw ?? ''}>
      <div className="metric-figure__label">{label}</div>
      <div className="metric-figure__value">{value}</div>
      {note && <div className="metric-figure__note">{note}</div>}
    </div>
  );
}

const rate = (bytes: number | null, language: string): string => (bytes === null ? '—' : formatBytes(bytes, language));

/** The values of the newest sample: machine, GPUs, engine, backups and the store. */
export function CurrentFigures({ sample }: { sample: MetricSample }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pct = (value: number): string => `${formatNumber(value, lang)} %`;
  const ms = (value: number | null): string => (value === null ? t('metrics.figures.none') : formatNumber(value, lang, 0));
  const { cpu, memory, disk, network, gpu, engine, backup, store } = sample;
  const when = (iso: string | null): string => (iso ? formatDateTimeShort(iso, lang) : t('metrics.figures.none'));
  return (
    <div className="stack">
      <div className="metric-figures" data-testid="metric-figures">
        <Figure
          testId="metric-cpu"
          raw={cpu.totalPercent}
          label={t('metrics.figures.cpu')}
          value={pct(cpu.totalPercent)}
          note={t('metrics.figures.perCore', { values: cpu.perCorePercent.map((c) => formatNumber(c, lang, 0)).join(' · ') })}
        />
        <Figure
          testId="metric-memory"
          raw={memory.usedPercent}
          label={t('metrics.figures.memory')}
          value={pct(memory.usedPercent)}
          note={`${t('metrics.figures.memoryOf', { used: formatBytes(memory.usedBytes, lang), total: formatBytes(memory.totalBytes, lang) })} · ${
            memory.swapTotalBytes > 0 ? t('metrics.figures.swap', { used: formatBytes(memory.swapUsedBytes, lang) }) : t('metrics.figures.noSwap')
          }`}
        />
        <Figure
          testId="metric-disk"
          raw={disk.usedPercent}
          label={t('metrics.figures.disk')}
          value={pct(disk.usedPercent)}
          note={t('metrics.figures.diskFree', { free: formatBytes(disk.freeBytes, lang) })}
        />
        <Figure
          testId="metric-disk-io"
          raw={disk.writeBytesPerSec}
          label={t('metrics.figures.diskIo')}
          value={t('metrics.figures.readWrite', { read: rate(disk.readBytesPerSec, lang), write: rate(disk.writeBytesPerSec, lang) })}
        />
        <Figure
          testId="metric-network"
          raw={network.rxBytesPerSec}
          label={t('metrics.figures.network')}
          value={t('metrics.figures.rxTx', { rx: rate(network.rxBytesPerSec, lang), tx: rate(network.txBytesPerSec, lang) })}
        />
        {gpu.gpus.map((g) => (
          <Figure
            key={g.index}
            testId={`metric-gpu-${g.index}`}
            raw={g.utilizationPercent}
            label={`${t('metrics.figures.gpu', { index: g.index })} · ${g.name}`}
            value={g.utilizationPercent === null ? t('metrics.figures.none') : pct(g.utilizationPercent)}
            note={[
              t('metrics.figures.gpuDetail', {
                memory: g.memoryUsedMiB ?? '—',
                total: g.memoryTotalMiB ?? '—',
                temperature: g.temperatureC ?? '—',
                power: g.powerDrawW ?? '—',
              }),
              g.throttled ? t('metrics.figures.throttled', { reasons: g.throttleReasons.join(', ') }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        ))}
      </div>
      {!gpu.available && (
        <p className="muted" data-testid="metric-no-gpu">
          {t('metrics.figures.noGpu', { reason: gpu.reason && gpu.reason in GPU_REASON ? t(`metrics.gpuReasons.${GPU_REASON[gpu.reason as keyof typeof GPU_REASON]}`) : (gpu.reason ?? '') })}
        </p>
      )}
      {engine.started ? (
        <div className="metric-figures">
          <>
            <Figure testId="metric-latency" raw={engine.p95Ms} label={t('metrics.figures.latency')} value={t('metrics.figures.latencyValue', { p50: ms(engine.p50Ms), p95: ms(engine.p95Ms) })} />
            <Figure testId="metric-throughput" raw={engine.perMinute} label={t('metrics.figures.throughput')} value={t('metrics.figures.perMinute', { count: engine.perMinute ?? 0 })} />
            <Figure testId="metric-errors" raw={engine.errorRate} label={t('metrics.figures.errorRate')} value={engine.errorRate === null ? t('metrics.figures.none') : pct(engine.errorRate * 100)} />
            <Figure testId="metric-cache" raw={engine.cacheHitRate} label={t('metrics.figures.cacheHitRate')} value={engine.cacheHitRate === null ? t('metrics.figures.none') : pct(engine.cacheHitRate * 100)} />
            <Figure testId="metric-queue" raw={engine.queueDepth} label={t('metrics.figures.queueDepth')} value={String(engine.queueDepth ?? 0)} />
            <Figure testId="metric-load" raw={engine.modelLoadMs} label={t('metrics.figures.modelLoad')} value={`${ms(engine.modelLoadMs)} ms`} />
          </>
        </div>
      ) : (
        <p className="muted" data-testid="metric-engine-idle">
          {t('metrics.figures.engineIdle')}
        </p>
      )}
      <div className="metric-figures">
        <Figure
          testId="metric-backup"
          label={t('metrics.figures.backup')}
          value={backup.targets === 0 ? t('metrics.figures.backupNone') : backup.lastBackupAt ? t('metrics.figures.backupLast', { time: when(backup.lastBackupAt) }) : t('metrics.figures.backupNever')}
          note={[backup.nextRunAt ? t('metrics.figures.backupNext', { time: when(backup.nextRunAt) }) : '', backup.lastVerifyOk === false ? t('metrics.figures.backupVerifyFailed') : '']
            .filter(Boolean)
            .join(' · ')}
        />
        <Figure
          testId="metric-store"
          raw={store.failedVersions}
          label={t('metrics.figures.store')}
          value={t('metrics.figures.storeVersions', { count: store.versions })}
          note={[
            store.lastFullVerificationAt ? t('metrics.figures.storeVerified', { time: when(store.lastFullVerificationAt) }) : t('metrics.figures.storeNotVerified'),
            store.failedVersions > 0 ? t('metrics.figures.storeFailed', { count: store.failedVersions }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        />
      </div>
    </div>
  );
}

const GPU_REASON = {
  'not-installed': 'not-installed',
  'driver-failure': 'driver-failure',
  'no-devices': 'no-devices',
  timeout: 'timeout',
  failed: 'failed',
  unparseable: 'unparseable',
} as const;
