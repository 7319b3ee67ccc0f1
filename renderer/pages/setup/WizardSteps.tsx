import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../electron/api/index.js';

/** The steps in order with their state; the current one is marked for screen readers too. */
export function WizardSteps({ state }: { state: WizardState }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('setupWizard.stepsLabel')}>
      <ol className="wizard-steps" data-testid="wizard-steps">
        {state.steps.map((step, index) => {
          const current = step.id === state.current;
          return (
            <li
              key={step.id}
              className={`wizard-steps__item wizard-steps__item--${step.state}${current ? ' wizard-steps__item--current' : ''}`}
              aria-current={current ? 'step' : undefined}
              data-testid={`wizard-steps-${step.id}`}
              data-state={step.state}
            >
              <span className="wizard-steps__number">{index + 1}</span>
              <span className="wizard-steps__name">{t(`setupWizard.steps.${step.id}`)}</span>
              <span className="wizard-steps__state">{t(`setupWizard.stepStates.${step.state}`)}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
