import type { InputOf, WizardState, WizardStep } from '../../../electron/api/index.js';
import { WIZARD_STEPS } from '../../../electron/api/index.js';
import { useProcedureMutation } from '../../api/hooks';

export type ConfirmInput = InputOf<'setup.confirm'>;

/** The step before this one, or null on the first. */
export function previousStep(step: WizardStep): WizardStep | null {
  const index = WIZARD_STEPS.indexOf(step);
  return index > 0 ? WIZARD_STEPS[index - 1]! : null;
}

export function stepNumber(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step) + 1;
}

/** Confirm (the step's write, then the next step) and Back (the position only); both go through the server. */
export function useWizardActions(onState?: (state: WizardState) => void) {
  const confirm = useProcedureMutation('setup.confirm', { onSuccess: (state) => onState?.(state) });
  const goTo = useProcedureMutation('setup.goTo', { onSuccess: (state) => onState?.(state) });
  return { confirm, goTo };
}
