import { useTranslation } from 'react-i18next';
import type { DoctorReport } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { formatMemory } from '../check-values';
import { CheckTable } from './CheckTable';
import { Fact } from './Fact';
import { FitVerdict } from './FitVerdict';

/** What `voiceops doctor` prints, for the screen: the facts, the guide's check, the tiers, the fit. */
export function HardwareReport({ report }: { report: DoctorReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const f = report.facts;
  const gpus = f.gpus.map((g) =>
    t('setupWizard.hardware.gpuValue', {
      name: g.name,
      memory: g.memoryBytes === null ? t('setupWizard.hardware.unknown') : formatMemory(g.memoryBytes, language),
      driver: g.driverVersion ?? '?',
      compute: g.computeCapability ?? '?',
      cuda: f.cudaVersion ?? '?',
    }),
  );
  return (
    <div className="stack" data-testid="hardware-report">
      <h3 className="subsection__title">{t('setupWizard.hardware.machine')}</h3>
      <dl className="wizard-facts">
        <Fact label={t('setupWizard.hardware.cpu')} value={t('setupWizard.hardware.cpuValue', { model: f.cpu.model, physical: f.cpu.physicalCores, logical: f.cpu.logicalCores })} testId="hardware-cpu" />
        <Fact label={t('setupWizard.hardware.memory')} value={formatMemory(f.memory.totalBytes, language)} />
        <Fact
          label={t('setupWizard.hardware.dataDisk')}
          value={t('setupWizard.hardware.dataDiskValue', { free: formatBytes(f.dataDisk.freeBytes, language), size: formatBytes(f.dataDisk.sizeBytes, language), kind: t(`setupWizard.diskKinds.${f.dataDisk.kind}`) })}
        />
        <Fact
          label={t('setupWizard.hardware.disks')}
          value={
            <ul className="wizard-list">
              {f.disks.map((d) => (
                <li key={d.device}>
                  {t('setupWizard.hardware.diskValue', { device: d.device, model: d.model || '—', kind: t(`setupWizard.diskKinds.${d.kind}`), size: formatBytes(d.sizeBytes, language) })}
                </li>
              ))}
            </ul>
          }
        />
        <Fact label={t('setupWizard.hardware.gpu')} value={gpus.length ? gpus.join('; ') : t('setupWizard.hardware.gpuNone')} testId="hardware-gpu" />
        <Fact
          label={t('setupWizard.hardware.providers')}
          value={
            <ul className="wizard-list">
              {f.providers.map((p) => (
                <li key={p.provider} data-testid={`provider-${p.provider}`} data-usable={p.usable}>
                  {p.usable ? t('setupWizard.hardware.providerUsable', { provider: p.provider }) : t('setupWizard.hardware.providerNot', { provider: p.provider, reason: p.reason ?? '?' })}
                </li>
              ))}
            </ul>
          }
        />
        <Fact label={t('setupWizard.hardware.os')} value={`${f.os.distro} ${f.os.release} (${f.os.arch})`} />
      </dl>

      <h3 className="subsection__title">{t('setupWizard.hardware.guideTitle')}</h3>
      <CheckTable checks={report.guide.checks} caption={t('setupWizard.hardware.guideTitle')} testId="guide-checks" />

      <h3 className="subsection__title">{t('setupWizard.hardware.tiersTitle')}</h3>
      <p data-testid="tier-met">
        <strong>
          {report.tierMet ? t('setupWizard.hardware.tierMet', { tier: t(`setupWizard.hardware.tierNames.${report.tierMet}`) }) : t('setupWizard.hardware.tierNone')}
        </strong>
      </p>
      {report.tiers.map((tier) => (
        <details key={tier.tier} className="wizard-tier" data-testid={`tier-${tier.tier}`} data-status={tier.status}>
          <summary>
            {t(`setupWizard.hardware.tierNames.${tier.tier}`)}: {t(`setupWizard.statuses.${tier.status}`)}
          </summary>
          <CheckTable checks={tier.checks} caption={t(`setupWizard.hardware.tierNames.${tier.tier}`)} testId={`tier-checks-${tier.tier}`} />
        </details>
      ))}

      <h3 className="subsection__title">{t('setupWizard.hardware.fitTitle', { count: report.fit.staffCount })}</h3>
      <FitVerdict label={t('setupWizard.hardware.storage')} storage={report.fit.storage} testId="fit-storage" />
      <FitVerdict label={t('setupWizard.hardware.memoryFit')} memory={report.fit.memory} testId="fit-memory" />
    </div>
  );
}
