import { useTranslation } from 'react-i18next';
import type { WorkloadFit } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';

const TONE = { fits: 'alert--success', 'fits-without-backups': 'alert--warn', 'needs-more': 'alert--error' } as const;

type Props = { label: string; testId: string } & ({ storage: WorkloadFit['storage']; memory?: never } | { memory: WorkloadFit['memory']; storage?: never });

/** "Fits", "Fits without backups on this disk" or "Needs N GB more", with the figures behind it. */
export function FitVerdict({ label, testId, storage, memory }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const bytes = (n: number) => formatBytes(n, language);
  const verdict = storage?.verdict ?? memory!.verdict;
  const short = storage?.shortBytes ?? memory!.shortBytes;
  let detail: string;
  if (storage) {
    detail = t('setupWizard.fit.storageDetail', {
      needed: bytes(storage.neededBytes),
      backups: bytes(storage.backupBytes),
      where: t(storage.backupsElsewhere ? 'setupWizard.fit.backupsElsewhere' : 'setupWizard.fit.backupsHere'),
      free: bytes(storage.freeBytes),
    });
  } else {
    const m = memory!;
    detail = t(m.device === 'gpu' ? 'setupWizard.fit.memoryDetailGpu' : 'setupWizard.fit.memoryDetailCpu', { voices: m.voicesLoaded, needed: bytes(m.neededBytes), budget: bytes(m.budgetBytes) });
  }
  // Rounded up, so the figure is never short of what is needed.
  const amount = `${new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.ceil(short / 1e8) / 10)} GB`;
  return (
    <div className={`alert ${TONE[verdict]}`} data-testid={testId} data-verdict={verdict}>
      <p className="alert__text">
        <strong>
          {label}: {verdict === 'needs-more' ? t('setupWizard.fit.needs-more', { amount }) : t(`setupWizard.fit.${verdict}`)}
        </strong>
      </p>
      <p className="alert__meta">{detail}</p>
    </div>
  );
}
