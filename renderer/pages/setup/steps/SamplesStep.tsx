import { useTranslation } from 'react-i18next';
import { SamplePackPanel } from '../../staff-models/sample-pack/SamplePackPanel';
import { StepFrame } from '../StepFrame';

/** Optional, one click: the sample pack's install job with its progress, or skip. */
export function SamplesStep() {
  const { t } = useTranslation();
  return (
    <StepFrame step="samples" intro={t('setupWizard.samples.intro')} skippable>
      <SamplePackPanel />
    </StepFrame>
  );
}
