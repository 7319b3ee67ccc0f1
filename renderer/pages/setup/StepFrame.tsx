import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WIZARD_STEPS, type WizardStep } from '../../../electron/api/index.js';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { previousStep, stepNumber, useWizardActions, type ConfirmInput } from './wizard-actions';

interface StepFrameProps {
  step: WizardStep;
  intro: string;
  children?: ReactNode;
  /** What the step's confirm sends besides its name (the language, the staff count). */
  confirmInput?: Omit<ConfirmInput, 'step'>;
  confirmLabel?: string;
  canConfirm?: boolean;
  /** Optional steps (backups, samples) may be skipped, with the consequence said before. */
  skippable?: boolean;
  skipWarning?: string;
  onConfirmed?: () => void;
}

/**
 * One step of the wizard: its content, then Back and the confirm button. Nothing is written
 * before the confirm; Back only moves the wizard's position on the server.
 */
export function StepFrame({ step, intro, children, confirmInput, confirmLabel, canConfirm = true, skippable, skipWarning, onConfirmed }: StepFrameProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { confirm, goTo } = useWizardActions(() => onConfirmed?.());
  const back = previousStep(step);
  const busy = confirm.isPending || goTo.isPending;
  return (
    <section className="card wizard-step" aria-labelledby="wizard-step-title" data-testid={`wizard-step-${step}`}>
      <div className="card__header">
        <div>
          <p className="muted wizard-step__count">{t('setupWizard.stepOf', { index: stepNumber(step), total: WIZARD_STEPS.length })}</p>
          <h2 className="card__title" id="wizard-step-title" tabIndex={-1}>
            {t(`setupWizard.steps.${step}`)}
          </h2>
          <p className="card__subtitle">{intro}</p>
        </div>
      </div>
      <div className="stack">{children}</div>
      {skippable && skipWarning && <p className="alert alert--info wizard-step__note">{skipWarning}</p>}
      {confirm.isError && <ApiErrorMessage error={confirm.error} role={user.role} testId="wizard-confirm-error" />}
      {goTo.isError && <ApiErrorMessage error={goTo.error} role={user.role} testId="wizard-back-error" />}
      <div className="button-row wizard-step__actions">
        <button type="button" className="button button--secondary" disabled={!back || busy} onClick={() => back && goTo.mutate({ step: back })} data-testid="wizard-back">
          {t('setupWizard.back')}
        </button>
        <span className="wizard-step__spacer" />
        {skippable && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => confirm.mutate({ step, skip: true })} data-testid="wizard-skip">
            {t('setupWizard.skip')}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          disabled={busy || !canConfirm}
          onClick={() => confirm.mutate({ step, ...confirmInput })}
          data-testid="wizard-next"
        >
          {confirm.isPending ? t('setupWizard.saving') : (confirmLabel ?? t('setupWizard.next'))}
        </button>
      </div>
    </section>
  );
}
