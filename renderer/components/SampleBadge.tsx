import { useTranslation } from 'react-i18next';

/** The "sample" label of anything made from sample data (the sample pack, or files marked sample). */
export function SampleBadge({ kind, testId }: { kind: 'staff' | 'model'; testId: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge badge--warn" title={t(kind === 'staff' ? 'samplePack.staffBadgeHint' : 'engine.sampleHint')} data-testid={testId}>
      {t(kind === 'staff' ? 'samplePack.staffBadge' : 'engine.sample')}
    </span>
  );
}
